import FluentKit
import SQLKit

/// One row with a counter that every import bumps when it changes something, so a server can
/// tell cheaply whether what it rendered is still current (imports often run in another process).
struct CreateDirectoryState: AsyncMigration {
    var name: String { "0008-create-directory-state" }

    func prepare(on database: any Database) async throws {
        try await database.schema("directory_state")
            .field("id", .int, .identifier(auto: false))
            .field("revision", .int, .required)
            .create()
        try await database.sql.insert(into: "directory_state").columns("id", "revision").values(SQLBind(1), SQLBind(0)).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("directory_state").delete()
    }
}
