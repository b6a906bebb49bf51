import FluentKit
import HotlistCore
import SQLKit

/// Reads of the reference tables.
public struct ReferenceQueries: Sendable {
    let sql: any SQLDatabase
    let memo: RevisionMemo?
    public init(_ database: HotlistDatabase) { sql = database.sql; memo = database.memo }
    /// For use inside a transaction or another query type.
    init(sql: any SQLDatabase) { self.sql = sql; memo = nil }

    /// Every brief names the Immigration Violator topic: kept until the data changes.
    public func ncicTopics() async throws -> [NCICTopic] {
        guard let memo else { return try await readNCICTopics() }
        return try await memo.value("ncic.topics", revision: try await memo.revision(sql: sql)) { try await readNCICTopics() }
    }

    private func readNCICTopics() async throws -> [NCICTopic] {
        try await sql.select().column("*").from("ncic_topics").orderBy("position").all()
            .map { try $0.decode(model: NCICTopicRow.self).topic }
    }

    public func stateRecordsLaws() async throws -> [StateRecordsLaw] {
        try await sql.select().column("*").from("state_records_laws").orderBy("state_name").all()
            .map { try $0.decode(model: StateRecordsLawRow.self).law }
    }

    public func stateRecordsLaw(_ code: String) async throws -> StateRecordsLaw? {
        try await sql.select().column("*").from("state_records_laws").where("state_code", .equal, code.uppercased()).first()
            .map { try $0.decode(model: StateRecordsLawRow.self).law }
    }

    public func stateRestrictionLaws(_ code: String? = nil) async throws -> [StateRestrictionLaw] {
        var query = sql.select().column("*").from("state_restriction_laws")
        if let code { query = query.where("state_code", .equal, code.uppercased()) }
        return try await query.orderBy("state_code").orderBy("position").all()
            .map { try $0.decode(model: StateRestrictionLawRow.self).law }
    }

    /// States with at least one restriction law on record that is not an unverified bill.
    public func restrictiveStates() async throws -> Set<String> {
        Set(try await stateRestrictionLaws().filter { !$0.isUnverifiedBill }.map(\.stateCode))
    }

    /// Federal holidays and, with `stateCode`, that state's own (rows the state does not keep included).
    public func holidays(_ stateCode: String? = nil) async throws -> [Holiday] {
        var query = sql.select().columns("jurisdiction", "name", "rule", "observance", "closes_offices", "source", "confidence", "notes").from("holidays")
        if let stateCode { query = query.where { $0.where("jurisdiction", .equal, Holiday.federal).orWhere("jurisdiction", .equal, stateCode.uppercased()) } }
        return try await query.orderBy("id").all().map { row in
            Holiday(jurisdiction: try row.decode(column: "jurisdiction", as: String.self), name: try row.decode(column: "name", as: String.self),
                    // Rows were checked when the file was read; a hand-edited bad row counts as not kept rather than crashing.
                    rule: (try? HolidayRule.parse(try row.decode(column: "rule", as: String.self))) ?? .notObserved,
                    observance: WeekendObservance(rawValue: try row.decode(column: "observance", as: String.self)) ?? .unknown,
                    closesOffices: ClosureAnswer(rawValue: try row.decode(column: "closes_offices", as: String.self)) ?? .unknown,
                    source: try row.decode(column: "source", as: String.self),
                    confidence: Confidence(rawValue: try row.decode(column: "confidence", as: String.self)) ?? .low,
                    notes: try row.decode(column: "notes", as: String.self))
        }
    }

    public func deadlineRollovers() async throws -> [DeadlineRollover] {
        try await sql.select().columns("state_code", "rolls_forward", "citation", "source", "confidence", "notes").from("deadline_rollovers")
            .orderBy("state_code").all().map { row in
                DeadlineRollover(stateCode: try row.decode(column: "state_code", as: String.self),
                                 rollsForward: DeadlineRollover.Answer(rawValue: try row.decode(column: "rolls_forward", as: String.self)) ?? .unknown,
                                 citation: try row.decode(column: "citation", as: String.self), source: try row.decode(column: "source", as: String.self),
                                 confidence: Confidence(rawValue: try row.decode(column: "confidence", as: String.self)) ?? .low,
                                 notes: try row.decode(column: "notes", as: String.self))
            }
    }

    /// The deadline calculator over the stored holidays and roll-forward rules.
    public func deadlineCalculator(followUpBusinessDays: Int = 10) async throws -> DeadlineCalculator {
        DeadlineCalculator(holidays: try await holidays(), rollovers: try await deadlineRollovers(), followUpBusinessDays: followUpBusinessDays)
    }
}
