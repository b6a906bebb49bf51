import FluentKit

struct CreateURLChecks: AsyncMigration {
    var name: String { "0004-create-url-checks" }

    func prepare(on database: any Database) async throws {
        try await database.schema("url_checks")
            .field("id", .int, .identifier(auto: true))
            .field("agency_id", .int, .required, .references("agencies", "id", onDelete: .cascade))
            .field("url", .string, .required)
            .field("last_attempt", .datetime)
            .field("status_code", .int)
            .field("notes", .string)
            .unique(on: "agency_id", "url")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("url_checks").delete()
    }
}
