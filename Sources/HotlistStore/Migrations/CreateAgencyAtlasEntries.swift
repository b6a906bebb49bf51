import FluentKit
import SQLKit

/// Entries of the Atlas of Surveillance (EFF and the UNR Reynolds School of Journalism) about an
/// agency's Flock license plate readers, with the Atlas' links as their sources. `aos_number` is
/// the Atlas' own id, so importing the same download again adds nothing.
struct CreateAgencyAtlasEntries: AsyncMigration {
    var name: String { "0026-create-agency-atlas-entries" }

    func prepare(on database: any Database) async throws {
        try await database.schema("agency_atlas_entries")
            .field("id", .int, .identifier(auto: true))
            .field("agency_id", .int, .required, .references("agencies", "id"))
            .field("aos_number", .string, .required)
            .field("agency_name", .string, .required)
            .field("state_code", .string, .required)
            .field("technology", .string, .required)
            .field("vendor", .string, .required)
            .field("summary", .string)
            .field("link_1", .string)
            .field("link_2", .string)
            .field("link_3", .string)
            .unique(on: "aos_number")
            .create()
        try await database.sql.create(index: "agency_atlas_entries_agency").on("agency_atlas_entries").column("agency_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("agency_atlas_entries").delete()
    }
}
