import FluentKit
import HotlistCore
import SQLKit

/// Findings others reported (EFF's investigation), loaded from the bundled reference file. They
/// are matched to agencies by exact name and state when read, so an import in any order finds them.
struct CreateReportedFindings: AsyncMigration {
    var name: String { "0018-create-reported-findings" }

    // Swift 6.3.1 crashes (signal 11, "While splitting coroutine …prepare") optimising this async
    // function in a release build; the debug build is fine. Not optimising it avoids the crash and
    // costs nothing that matters for a one-time migration.
    @_optimize(none)
    func prepare(on database: any Database) async throws {
        try await database.schema("reported_findings")
            .field("id", .int, .identifier(auto: true))
            .field("agency_name", .string, .required)
            .field("name_search", .string, .required)
            .field("state_code", .string, .required)
            .field("outcome", .string, .required)
            .field("reported_prohibits_immigration", .bool, .required)
            .field("as_of", .string, .required)
            .field("reported_by", .string, .required)
            .field("title", .string, .required)
            .field("url", .string, .required)
            .field("confidence", .string, .required)
            .field("notes", .string, .required)
            .create()
        let sql = database.sql
        for finding in try BundledReferenceData.reportedFindings() { try await Self.insert(finding, sql) }
    }

    static func insert(_ finding: RecordedOutcome, _ sql: any SQLDatabase) async throws {
        try await sql.insert(into: "reported_findings")
            .columns("agency_name", "name_search", "state_code", "outcome", "reported_prohibits_immigration", "as_of", "reported_by", "title", "url", "confidence", "notes")
            .values(SQLBind(finding.agencyName), SQLBind(AgencyRow.searchText(finding.agencyName)), SQLBind(finding.stateCode), SQLBind(finding.outcome.rawValue),
                    SQLBind(finding.reportedProhibitsImmigration), SQLBind(finding.asOf), SQLBind(finding.reportedBy), SQLBind(finding.title), SQLBind(finding.url),
                    SQLBind(finding.confidence.rawValue), SQLBind(finding.notes)).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reported_findings").delete()
    }
}
