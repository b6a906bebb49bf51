import FluentKit
import HotlistCore
import SQLKit

/// The reference files were researched again (November 2026): official sources first, one grade per
/// fact, appeal routes with their own source (`appeal_source`) or none. Adds that column and reloads
/// every reference table from the bundle, so an existing database shows what a new one shows.
struct ReloadReferenceData: AsyncMigration {
    var name: String { "0020-reload-reference-data-2026-11" }

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.alter(table: "state_records_laws").column("appeal_source", type: .text).run()
        try await Self.reload(sql)
    }

    /// Replaces the rows of every reference table with the bundled files' rows.
    static func reload(_ sql: any SQLDatabase) async throws {
        // Read everything first: a bad file stops here, before any table is emptied.
        let topics = try BundledReferenceData.ncicTopics(), recordsLaws = try BundledReferenceData.stateRecordsLaws()
        let restrictionLaws = try BundledReferenceData.stateRestrictionLaws(), holidays = try BundledReferenceData.holidays()
        let rollovers = try BundledReferenceData.deadlineRollovers(), reported = try BundledReferenceData.reportedFindings()
        for table in ["ncic_topics", "state_records_laws", "state_restriction_laws", "holidays", "deadline_rollovers", "reported_findings"] {
            try await sql.delete(from: table).run()
        }
        for (position, topic) in topics.enumerated() {
            try await sql.insert(into: "ncic_topics").model(NCICTopicRow(topic, position: position), nilEncodingStrategy: .asNil).run()
        }
        for law in recordsLaws {
            try await sql.insert(into: "state_records_laws").model(StateRecordsLawRow(law), nilEncodingStrategy: .asNil).run()
        }
        for (position, law) in restrictionLaws.enumerated() {
            try await sql.insert(into: "state_restriction_laws").model(StateRestrictionLawRow(law, position: position), nilEncodingStrategy: .asNil).run()
        }
        for holiday in holidays { try await SeedHolidays.insert(holiday, sql) }
        for rollover in rollovers { try await SeedHolidays.insert(rollover, sql) }
        for finding in reported { try await CreateReportedFindings.insert(finding, sql) }
    }

    func revert(on database: any Database) async throws {
        // The earlier rows are not kept; only the column goes.
        try await database.sql.alter(table: "state_records_laws").dropColumn("appeal_source").run()
    }
}
