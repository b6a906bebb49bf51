import FluentKit
import SQLKit

/// Flock search audit logs scanned against the agency that released them: one row per log (its
/// file is evidence), and its searches counted per searching organisation, month and category.
/// No names, user names, plates or case numbers are kept.
struct CreateSearchAuditLogs: AsyncMigration {
    var name: String { "0027-create-search-audit-logs" }

    func prepare(on database: any Database) async throws {
        try await database.schema("search_audit_logs")
            .field("id", .int, .identifier(auto: true))
            .field("agency_id", .int, .required, .references("agencies", "id"))
            .field("evidence_id", .int, .required, .references("evidence_files", "id"))
            .field("kind", .string, .required)
            .field("rows_read", .int64, .required)
            .field("rows_skipped", .int64, .required)
            .field("first_month", .string)
            .field("last_month", .string)
            .field("searches_by_category", .string, .required)
            .field("rules_version", .string, .required)
            .field("scanned_at", .datetime, .required)
            .field("scanned_by_id", .int)
            .field("scanned_by_label", .string, .required)
            .field("verified_at", .datetime)
            .field("verified_by_id", .int)
            .field("verified_by_label", .string)
            .unique(on: "evidence_id")
            .create()
        try await database.sql.create(index: "search_audit_logs_agency").on("search_audit_logs").column("agency_id").run()
        try await database.schema("search_audit_counts")
            .field("id", .int, .identifier(auto: true))
            .field("log_id", .int, .required, .references("search_audit_logs", "id"))
            .field("organization", .string, .required)
            .field("month", .string, .required)
            .field("category", .string, .required)
            .field("searches", .int64, .required)
            .field("networks_searched", .int64, .required)
            .field("devices_searched", .int64, .required)
            .create()
        try await database.sql.create(index: "search_audit_counts_log").on("search_audit_counts").column("log_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("search_audit_counts").delete()
        try await database.schema("search_audit_logs").delete()
    }
}
