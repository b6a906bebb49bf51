import FluentKit
import HotlistCore
import SQLKit

/// Reads of the reference tables.
public struct ReferenceQueries: Sendable {
    let sql: any SQLDatabase
    public init(_ database: HotlistDatabase) { sql = database.sql }
    /// For use inside a transaction or another query type.
    init(sql: any SQLDatabase) { self.sql = sql }

    public func ncicTopics() async throws -> [NCICTopic] {
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
}
