import FluentKit
import SQLKit

/// Legal holidays (federal and each state's) and whether a state moves a deadline off a closed day.
struct CreateHolidayTables: AsyncMigration {
    var name: String { "0015-create-holiday-tables" }

    func prepare(on database: any Database) async throws {
        try await database.schema("holidays")
            .field("id", .int, .identifier(auto: true))
            .field("jurisdiction", .string, .required)
            .field("name", .string, .required)
            .field("rule", .string, .required)
            .field("observance", .string, .required)
            .field("closes_offices", .string, .required)
            .field("source", .string, .required)
            .field("confidence", .string, .required)
            .field("notes", .string, .required)
            .create()
        try await database.schema("deadline_rollovers")
            .field("state_code", .string, .identifier(auto: false))
            .field("rolls_forward", .string, .required)
            .field("citation", .string, .required)
            .field("source", .string, .required)
            .field("confidence", .string, .required)
            .field("notes", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("deadline_rollovers").delete()
        try await database.schema("holidays").delete()
    }
}
