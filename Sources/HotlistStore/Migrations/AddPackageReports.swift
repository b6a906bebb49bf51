import FluentKit
import SQLKit

/// Findings another Hotlist Watch site verified and sent in a records package: reported by that
/// site, never verified here. Kept apart from `reported_findings`, which is reference data that a
/// reload replaces wholesale. `source_key` makes a second import of the same package a no-op.
struct AddPackageReports: AsyncMigration {
    var name: String { "0024-add-package-reports" }

    func prepare(on database: any Database) async throws {
        try await database.schema("package_reports")
            .field("id", .int, .identifier(auto: true))
            .field("agency_id", .int, .required, .references("agencies", "id"))
            .field("outcome", .string, .required)
            .field("as_of", .string, .required)
            .field("reported_by", .string, .required)
            .field("reporter_url", .string, .required)
            .field("title", .string, .required)
            .field("url", .string, .required)
            .field("confidence", .string, .required)
            .field("notes", .string, .required)
            .field("source_key", .string, .required)
            .field("imported_at", .datetime, .required)
            .unique(on: "source_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("package_reports").delete()
    }
}
