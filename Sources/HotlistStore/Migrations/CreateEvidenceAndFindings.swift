import FluentKit
import SQLKit

/// Evidence files (metadata; the bytes live in the evidence directory under their SHA-256),
/// findings with their versions, topics and evidence, agency statements and policies, and
/// imported hotlist action logs.
struct CreateEvidenceAndFindings: AsyncMigration {
    var name: String { "0019-create-evidence-and-findings" }

    func prepare(on database: any Database) async throws {
        try await database.schema("evidence_files")
            .field("id", .int, .identifier(auto: true))
            .field("sha256", .string, .required)
            .field("agency_id", .int, .required, .references("agencies", "id"))
            .field("request_id", .int, .references("records_requests", "id"))
            .field("communication_id", .int, .references("request_communications", "id"))
            .field("original_name", .string, .required)
            .field("kind", .string, .required)
            .field("size", .int64, .required)
            .field("uploader_id", .int, .references("users", "id"))
            .field("uploader_label", .string, .required)
            .field("source_url", .string)
            .field("received_on", .string)
            .field("is_public", .bool, .required)
            .field("description", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "agency_id", "sha256")
            .create()
        let sql = database.sql
        try await sql.create(index: "evidence_files_sha256").on("evidence_files").column("sha256").run()
        try await sql.create(index: "evidence_files_request").on("evidence_files").column("request_id").run()

        try await database.schema("findings")
            .field("id", .int, .identifier(auto: true))
            .field("agency_id", .int, .required, .references("agencies", "id"))
            .field("created_at", .datetime, .required)
            .create()
        try await sql.create(index: "findings_agency").on("findings").column("agency_id").run()
        try await database.schema("finding_versions")
            .field("id", .int, .identifier(auto: true))
            .field("finding_id", .int, .required, .references("findings", "id"))
            .field("version", .int, .required)
            .field("as_of", .string, .required)
            .field("other_hotlists", .string, .required)
            .field("note", .string, .required)
            .field("entered_by_id", .int, .references("users", "id"))
            .field("entered_by_label", .string, .required)
            .field("entered_at", .datetime, .required)
            .field("verified_by_id", .int, .references("users", "id"))
            .field("verified_by_label", .string)
            .field("verified_at", .datetime)
            .unique(on: "finding_id", "version")
            .create()
        try await database.schema("finding_topics")
            .field("version_id", .int, .required, .references("finding_versions", "id"))
            .field("topic_key", .string, .required)
            .field("setting", .string, .required)
            .unique(on: "version_id", "topic_key")
            .create()
        try await database.schema("finding_evidence")
            .field("version_id", .int, .required, .references("finding_versions", "id"))
            .field("evidence_id", .int, .required, .references("evidence_files", "id"))
            .unique(on: "version_id", "evidence_id")
            .create()

        try await database.schema("agency_statements")
            .field("id", .int, .identifier(auto: true))
            .field("agency_id", .int, .required, .references("agencies", "id"))
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("speaker", .string, .required)
            .field("said_on", .string, .required)
            .field("source_url", .string)
            .field("evidence_id", .int, .references("evidence_files", "id"))
            .field("denies_immigration_use", .bool, .required)
            .field("entered_by_id", .int, .references("users", "id"))
            .field("entered_by_label", .string, .required)
            .field("entered_at", .datetime, .required)
            .field("verified_by_id", .int, .references("users", "id"))
            .field("verified_by_label", .string)
            .field("verified_at", .datetime)
            .create()
        try await sql.create(index: "agency_statements_agency").on("agency_statements").column("agency_id").run()

        try await database.schema("hotlist_actions")
            .field("id", .int, .identifier(auto: true))
            .field("agency_id", .int, .required, .references("agencies", "id"))
            .field("evidence_id", .int, .required, .references("evidence_files", "id"))
            .field("line", .int, .required)
            .field("occurred_at", .datetime, .required)
            .field("user_name", .string, .required)
            .field("event_type", .string, .required)
            .field("entity_type", .string, .required)
            .field("details", .string, .required)
            .create()
        try await sql.create(index: "hotlist_actions_agency").on("hotlist_actions").column("agency_id").column("occurred_at").run()
        try await sql.create(index: "hotlist_actions_evidence").on("hotlist_actions").column("evidence_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["hotlist_actions", "agency_statements", "finding_evidence", "finding_topics", "finding_versions", "findings", "evidence_files"] {
            try await database.schema(table).delete()
        }
    }
}
