import FluentKit
import SQLKit

/// The agency-level communications log: letters to officials (or the records contact) about an
/// agency's findings, which belong to no single records request.
struct CreateAgencyCommunications: AsyncMigration {
    var name: String { "0025-create-agency-communications" }

    func prepare(on database: any Database) async throws {
        try await database.schema("agency_communications")
            .field("id", .int, .identifier(auto: true))
            .field("agency_id", .int, .required, .references("agencies", "id"))
            .field("recipient", .string, .required)
            .field("recipient_email", .string)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("delivery", .string, .required)
            .field("created_by", .int, .references("users", "id"))
            .field("created_by_label", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "agency_communications_agency").on("agency_communications").column("agency_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("agency_communications").delete()
    }
}
