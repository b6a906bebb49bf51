import FluentKit

struct CreateReferenceTables: AsyncMigration {
    var name: String { "0006-create-reference-tables" }

    func prepare(on database: any Database) async throws {
        try await database.schema("ncic_topics")
            .field("key", .string, .identifier(auto: false))
            .field("position", .int, .required)
            .field("flock_label", .string)
            .field("flock_label_confidence", .string)
            .field("ncic_file", .string, .required)
            .field("contents", .string, .required)
            .field("who_may_enter", .string, .required)
            .field("notes", .string, .required)
            .field("source", .string, .required)
            .field("confidence", .string, .required)
            .create()
        try await database.schema("state_records_laws")
            .field("state_code", .string, .identifier(auto: false))
            .field("state_name", .string, .required)
            .field("law_name", .string, .required)
            .field("citation", .string, .required)
            .field("deadline_days", .int)
            .field("deadline_kind", .string, .required)
            .field("deadline_note", .string, .required)
            .field("residency", .string, .required)
            .field("appeal_route", .string, .required)
            .field("source", .string, .required)
            .field("confidence", .string, .required)
            .create()
        try await database.schema("state_restriction_laws")
            .field("id", .int, .identifier(auto: true))
            .field("state_code", .string, .required)
            .field("position", .int, .required)
            .field("law_name", .string, .required)
            .field("citation", .string, .required)
            .field("what_it_restricts", .string, .required)
            .field("source", .string, .required)
            .field("confidence", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("state_restriction_laws").delete()
        try await database.schema("state_records_laws").delete()
        try await database.schema("ncic_topics").delete()
    }
}
