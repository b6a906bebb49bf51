import FluentKit
import SQLKit

struct CreateSharingEdges: AsyncMigration {
    var name: String { "0003-create-sharing-edges" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sharing_edges")
            .field("id", .int, .identifier(auto: true))
            .field("owner_id", .int, .required, .references("agencies", "id", onDelete: .cascade))
            .field("viewer_id", .int, .required, .references("agencies", "id", onDelete: .cascade))
            .field("source", .string, .required)
            .unique(on: "owner_id", "viewer_id")
            .create()
        try await database.sql.create(index: "sharing_edges_viewer").on("sharing_edges").column("viewer_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sharing_edges").delete()
    }
}
