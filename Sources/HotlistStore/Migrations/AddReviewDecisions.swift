import FluentKit
import SQLKit

/// Review is more than "verify": a reviewer may send a finding back to its author with a reason,
/// and decides for each evidence file whether it may be published.
struct AddReviewDecisions: AsyncMigration {
    var name: String { "0021-add-review-decisions" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        try await database.schema("finding_versions").field("sent_back_by_id", .int).update()
        try await database.schema("finding_versions").field("sent_back_by_label", .string).update()
        try await database.schema("finding_versions").field("sent_back_at", .datetime).update()
        try await database.schema("finding_versions").field("sent_back_reason", .string).update()
        // When a reviewer or admin decided a file's visibility (published, or kept private on purpose).
        try await database.schema("evidence_files").field("visibility_decided_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for column in ["sent_back_by_id", "sent_back_by_label", "sent_back_at", "sent_back_reason"] {
            try await sql.alter(table: "finding_versions").dropColumn(column).run()
        }
        try await sql.alter(table: "evidence_files").dropColumn("visibility_decided_at").run()
    }
}
