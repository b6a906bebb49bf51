import FluentKit
import SQLKit

/// The audit trail. Append-only twice over: the store has no code that updates or deletes it, and
/// the database itself refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL) with a trigger.
struct CreateAuditEvents: AsyncMigration {
    var name: String { "0014-create-audit-events" }
    static let refusal = "the audit trail is append-only"

    func prepare(on database: any Database) async throws {
        try await database.schema("audit_events")
            .field("id", .int, .identifier(auto: true))
            .field("occurred_at", .datetime, .required)
            .field("actor_user_id", .int)
            .field("actor_label", .string, .required)
            .field("channel", .string, .required)
            .field("client_address", .string)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .string, .required)
            .field("before_values", .string)
            .field("after_values", .string)
            .create()
        let sql = database.sql
        try await sql.create(index: "audit_events_entity").on("audit_events").column("entity_type").column("entity_id").run()
        try await sql.create(index: "audit_events_actor").on("audit_events").column("actor_user_id").run()
        if sql.dialect.name == "sqlite" {
            for event in ["UPDATE", "DELETE"] {
                try await sql.raw("CREATE TRIGGER audit_events_no_\(unsafeRaw: event.lowercased()) BEFORE \(unsafeRaw: event) ON audit_events BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: Self.refusal)'); END").run()
            }
        } else {
            try await sql.raw("CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '\(unsafeRaw: Self.refusal)'; END $$").run()
            try await sql.raw("CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()").run()
            try await sql.raw("CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()").run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await database.schema("audit_events").delete()
        if sql.dialect.name != "sqlite" {
            try await sql.raw("DROP FUNCTION IF EXISTS audit_events_append_only()").run()
        }
    }
}
