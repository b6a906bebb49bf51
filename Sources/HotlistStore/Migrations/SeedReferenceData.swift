import FluentKit
import HotlistCore
import SQLKit

/// Loads the bundled NCIC topics and state laws. A later change to those files gets its own migration.
struct SeedReferenceData: AsyncMigration {
    var name: String { "0007-seed-reference-data" }

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        for (position, topic) in try BundledReferenceData.ncicTopics().enumerated() {
            try await sql.insert(into: "ncic_topics").model(NCICTopicRow(topic, position: position), nilEncodingStrategy: .asNil).run()
        }
        for law in try BundledReferenceData.stateRecordsLaws() {
            // The appeal_source column comes with 0020: leave it out here (nil keys are skipped).
            var row = StateRecordsLawRow(law)
            row.appealSource = nil
            try await sql.insert(into: "state_records_laws").model(row, nilEncodingStrategy: .default).run()
        }
        for (position, law) in try BundledReferenceData.stateRestrictionLaws().enumerated() {
            try await sql.insert(into: "state_restriction_laws").model(StateRestrictionLawRow(law, position: position), nilEncodingStrategy: .asNil).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for table in ["state_restriction_laws", "state_records_laws", "ncic_topics"] {
            try await sql.delete(from: table).run()
        }
    }
}
