import FluentKit
import HotlistCore
import SQLKit

/// Loads the bundled holiday and roll-forward files. A later change to those files gets its own migration.
struct SeedHolidays: AsyncMigration {
    var name: String { "0016-seed-holidays" }

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        for holiday in try BundledReferenceData.holidays() { try await Self.insert(holiday, sql) }
        for rollover in try BundledReferenceData.deadlineRollovers() { try await Self.insert(rollover, sql) }
    }

    static func insert(_ holiday: Holiday, _ sql: any SQLDatabase) async throws {
        try await sql.insert(into: "holidays").columns("jurisdiction", "name", "rule", "observance", "closes_offices", "source", "confidence", "notes")
            .values(SQLBind(holiday.jurisdiction), SQLBind(holiday.name), SQLBind(holiday.rule.description), SQLBind(holiday.observance.rawValue),
                    SQLBind(holiday.closesOffices.rawValue),
                    SQLBind(holiday.source), SQLBind(holiday.confidence.rawValue), SQLBind(holiday.notes)).run()
    }

    static func insert(_ rollover: DeadlineRollover, _ sql: any SQLDatabase) async throws {
        try await sql.insert(into: "deadline_rollovers").columns("state_code", "rolls_forward", "citation", "source", "confidence", "notes")
            .values(SQLBind(rollover.stateCode), SQLBind(rollover.rollsForward.rawValue), SQLBind(rollover.citation), SQLBind(rollover.source),
                    SQLBind(rollover.confidence.rawValue), SQLBind(rollover.notes)).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.delete(from: "deadline_rollovers").run()
        try await sql.delete(from: "holidays").run()
    }
}
