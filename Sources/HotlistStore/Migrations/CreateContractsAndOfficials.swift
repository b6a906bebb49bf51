import FluentKit
import SQLKit

/// ALPR contracts, the governing body that controls them, and its public officials; and the day
/// the request priority was last computed (it depends on how near each renewal is).
struct CreateContractsAndOfficials: AsyncMigration {
    var name: String { "0023-create-contracts-and-officials" }

    func prepare(on database: any Database) async throws {
        try await database.schema("alpr_contracts")
            .field("id", .int, .identifier(auto: true))
            .field("agency_id", .int, .required, .references("agencies", "id"))
            .field("vendor", .string, .required)
            .field("start_date", .string)
            .field("term_months", .int)
            .field("end_date", .string)
            .field("end_kind", .string, .required)
            .field("amount_cents", .int64)
            .field("camera_count", .int)
            .field("evidence_id", .int, .references("evidence_files", "id"))
            .field("source_url", .string, .required)
            .field("source_title", .string, .required)
            .field("confidence", .string, .required)
            .field("notes", .string, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "alpr_contracts_agency").on("alpr_contracts").column("agency_id").run()
        try await sql.create(index: "alpr_contracts_end_date").on("alpr_contracts").column("end_date").run()
        try await database.schema("governing_bodies")
            .field("agency_id", .int, .identifier(auto: false), .references("agencies", "id"))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("web_page", .string)
            .field("source_url", .string, .required)
            .field("source_title", .string, .required)
            .create()
        try await database.schema("public_officials")
            .field("id", .int, .identifier(auto: true))
            .field("agency_id", .int, .required, .references("agencies", "id"))
            .field("name", .string, .required)
            .field("office", .string, .required)
            .field("email", .string)
            .field("phone", .string)
            .field("web_page", .string)
            .field("term_start", .string)
            .field("term_end", .string)
            .field("source_url", .string, .required)
            .field("source_title", .string, .required)
            .create()
        try await sql.create(index: "public_officials_agency").on("public_officials").column("agency_id").run()
        try await database.schema("directory_state").field("priority_day", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.alter(table: "directory_state").dropColumn("priority_day").run()
        try await database.schema("public_officials").delete()
        try await database.schema("governing_bodies").delete()
        try await database.schema("alpr_contracts").delete()
    }
}
