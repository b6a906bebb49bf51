import FluentKit

struct CreatePortalSnapshots: AsyncMigration {
    var name: String { "0002-create-portal-snapshots" }

    func prepare(on database: any Database) async throws {
        try await database.schema("portal_snapshots")
            .field("id", .int, .identifier(auto: true))
            .field("agency_id", .int, .required, .references("agencies", "id", onDelete: .cascade))
            // page|updated|accessed|hash: what makes a snapshot the same one on re-import.
            .field("snapshot_key", .string, .required)
            .field("page", .string, .required)
            .field("updated_at", .datetime)
            .field("accessed_at", .datetime)
            .field("url", .string)
            .field("portal_name", .string)
            .field("data_retention_days", .int)
            .field("data_retention_raw", .string)
            .field("camera_count", .int)
            .field("hotlists_raw", .string)
            .field("prohibited_uses_raw", .string)
            .field("acceptable_use_policy", .string)
            .field("access_policy", .string)
            .field("hotlist_policy", .string)
            .field("whats_detected", .string)
            .field("whats_not_detected", .string)
            .field("external_organizations_raw", .string)
            .field("vehicles_detected_thirty_days", .int)
            .field("hotlist_hits_thirty_days", .int)
            .field("searches_thirty_days", .int)
            .field("public_search_audit", .bool)
            .field("content_hash", .string)
            .field("source", .string, .required)
            .unique(on: "agency_id", "snapshot_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("portal_snapshots").delete()
    }
}
