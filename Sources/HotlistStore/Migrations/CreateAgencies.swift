import FluentKit
import SQLKit

struct CreateAgencies: AsyncMigration {
    var name: String { "0001-create-agencies" }

    func prepare(on database: any Database) async throws {
        try await database.schema("agencies")
            .field("id", .int, .identifier(auto: true))
            .field("external_key", .string, .required)
            .field("name", .string, .required)
            .field("name_search", .string, .required)
            .field("state_code", .string)
            .field("kind", .string, .required)
            .field("place", .string)
            .field("unresolved_reason", .string)
            .field("ori", .string)
            .field("city", .string)
            .field("county", .string)
            .field("website", .string)
            .field("records_email", .string)
            .field("records_portal_url", .string)
            .field("flock_portal_url", .string)
            .field("contract_renewal", .string)
            .field("vendor", .string)
            .field("notes", .string)
            // Signals, computed in HotlistCore and stored so the directory can filter and sort on them.
            .field("alerts_ncic", .string, .required)
            .field("ncic_evidence", .string)
            .field("immigration_policy", .string, .required)
            .field("immigration_evidence", .string)
            .field("shares_with_count", .int, .required)
            .field("receives_from_count", .int, .required)
            .field("latest_snapshot_at", .datetime)
            .field("has_portal", .bool, .required)
            .field("camera_count", .int)
            .field("priority_tier", .int, .required)
            .field("priority_sort", .int, .required)
            .field("priority_reasons", .string, .required)
            .unique(on: "external_key")
            .create()
        // The directory filters by state and sorts by priority far more than anything else.
        let sql = database.sql
        try await sql.create(index: "agencies_state_priority").on("agencies").column("state_code").column("priority_sort").run()
        try await sql.create(index: "agencies_priority").on("agencies").column("priority_sort").run()
        try await sql.create(index: "agencies_ori").on("agencies").column("ori").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("agencies").delete()
    }
}
