import FluentKit
import SQLKit

/// Imported hotlist hit (alert) logs, reduced to counts per month, list and topic. The export itself
/// is evidence; plates, cameras and officers in it are never copied here. One import per evidence
/// file, so the same file cannot be counted twice.
struct CreateHotlistHitCounts: AsyncMigration {
    var name: String { "0028-create-hotlist-hit-counts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("hotlist_hit_imports")
            .field("id", .int, .identifier(auto: true))
            .field("agency_id", .int, .required, .references("agencies", "id"))
            .field("evidence_id", .int, .required, .references("evidence_files", "id"))
            .field("hit_rows", .int, .required)
            .field("first_day", .string, .required)
            .field("last_day", .string, .required)
            .field("finding_id", .int, .references("findings", "id"))
            .field("imported_at", .datetime, .required)
            .unique(on: "evidence_id")
            .create()
        try await database.sql.create(index: "hotlist_hit_imports_agency").on("hotlist_hit_imports").column("agency_id").run()
        try await database.schema("hotlist_hit_counts")
            .field("id", .int, .identifier(auto: true))
            .field("import_id", .int, .required, .references("hotlist_hit_imports", "id"))
            .field("agency_id", .int, .required, .references("agencies", "id"))
            .field("month", .string, .required)
            .field("list_name", .string, .required)
            .field("topic", .string, .required)
            .field("immigration_violator", .bool, .required)
            .field("hits", .int, .required)
            .unique(on: "import_id", "month", "list_name", "topic")
            .create()
        try await database.sql.create(index: "hotlist_hit_counts_agency").on("hotlist_hit_counts").column("agency_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("hotlist_hit_counts").delete()
        try await database.schema("hotlist_hit_imports").delete()
    }
}
