import FluentKit

struct CreateSurveyEntries: AsyncMigration {
    var name: String { "0005-create-survey-entries" }

    func prepare(on database: any Database) async throws {
        try await database.schema("survey_entries")
            .field("id", .int, .identifier(auto: true))
            .field("agency_id", .int, .required, .references("agencies", "id", onDelete: .cascade))
            .field("survey_name", .string, .required)
            .field("agency_type", .string)
            .field("city", .string)
            .field("county", .string)
            .field("notes", .string)
            .field("vendor", .string)
            .field("cameras_confirmed", .int)
            .field("cameras_on_portal", .int)
            .field("flock_portal_url", .string)
            .field("document_url", .string)
            .unique(on: "agency_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("survey_entries").delete()
    }
}
