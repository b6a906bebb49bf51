import Foundation
import HotlistCore
import SQLKit

/// A contract or an official: one row per fact, owned by an agency, added, updated and removed
/// the same way (each change audited in its transaction).
protocol StoredAgencyFact: Equatable, Sendable {
    associatedtype Row: Codable & Sendable
    static var table: String { get }
    /// The audit trail's entity type ("contract", "official").
    static var entity: String { get }
    static var columns: [String] { get }
    static func decode(_ row: any SQLRow) throws -> Self
    var id: Int? { get set }
    var agencyID: Int { get }
    var auditValues: AuditValues { get }
    var row: Row { get }
    /// How an imported row matches a stored one.
    var identity: String { get }
}

extension ALPRContract: StoredAgencyFact {
    static let table = "alpr_contracts", entity = "contract"
    static var columns: [String] { ContractRow.columns }
    static func decode(_ row: any SQLRow) throws -> ALPRContract { try ContractRow.contract(row) }
    var row: ContractRow { ContractRow(self) }
    var identity: String { "\(agencyID)|\(vendor.lowercased())|\(startDate?.iso ?? "")" }
}

extension PublicOfficial: StoredAgencyFact {
    static let table = "public_officials", entity = "official"
    static var columns: [String] { OfficialRow.columns }
    static func decode(_ row: any SQLRow) throws -> PublicOfficial { try OfficialRow.official(row) }
    var row: OfficialRow { OfficialRow(self) }
    var identity: String { "\(agencyID)|\(name.lowercased())|\(office.lowercased())" }
}

/// Writing facts, always inside the caller's transaction.
enum StoredFacts {
    static func all<Fact: StoredAgencyFact>(_ type: Fact.Type, sql: any SQLDatabase, agencyID: Int? = nil) async throws -> [Fact] {
        try await all(type, sql: sql, agencyIDs: agencyID.map { [$0] })
    }

    static func all<Fact: StoredAgencyFact>(_ type: Fact.Type, sql: any SQLDatabase, agencyIDs: [Int]?) async throws -> [Fact] {
        var query = sql.select().columns(Fact.columns.map { SQLColumn($0) }).from(Fact.table)
        if let agencyIDs { query = query.where("agency_id", .in, agencyIDs) }
        return try await query.orderBy("id").all().map(Fact.decode)
    }

    /// The fact `id` of `agencyID`, or RecordNotFound (a fact of another agency is not found either).
    static func existing<Fact: StoredAgencyFact>(_ type: Fact.Type, id: Int, agencyID: Int, sql: any SQLDatabase) async throws -> Fact {
        guard let row = try await sql.select().columns(Fact.columns.map { SQLColumn($0) }).from(Fact.table)
            .where("id", .equal, id).where("agency_id", .equal, agencyID).first() else { throw RecordNotFound("\(Fact.entity) \(id) of agency \(agencyID)") }
        return try Fact.decode(row)
    }

    @discardableResult
    static func add<Fact: StoredAgencyFact>(_ fact: Fact, sql: any SQLDatabase, actor: AuditActor, now: Date) async throws -> Int {
        let id = try await sql.insert(into: Fact.table).model(fact.row, nilEncodingStrategy: .asNil).returning("id").first()!.decode(column: "id", as: Int.self)
        try await AuditLog.append(AuditEntry(action: "\(Fact.entity).add", entityType: Fact.entity, entityID: String(id), before: nil, after: fact.auditValues), by: actor, at: now, on: sql)
        return id
    }

    /// Writes `fact` over `before` (same id). Returns false, recording nothing, when nothing changed.
    @discardableResult
    static func update<Fact: StoredAgencyFact>(_ fact: Fact, over before: Fact, sql: any SQLDatabase, actor: AuditActor, now: Date) async throws -> Bool {
        guard let id = before.id else { throw RecordNotFound("\(Fact.entity) without id") }
        var after = fact; after.id = id
        guard after != before else { return false }
        try await sql.update(Fact.table).set(model: after.row, nilEncodingStrategy: .asNil).where("id", .equal, id).run()
        try await AuditLog.append(AuditEntry(action: "\(Fact.entity).update", entityType: Fact.entity, entityID: String(id), before: before.auditValues, after: after.auditValues), by: actor, at: now, on: sql)
        return true
    }

    static func remove<Fact: StoredAgencyFact>(_ type: Fact.Type, id: Int, agencyID: Int, sql: any SQLDatabase, actor: AuditActor, now: Date) async throws {
        let before = try await existing(Fact.self, id: id, agencyID: agencyID, sql: sql)
        try await sql.delete(from: Fact.table).where("id", .equal, id).run()
        try await AuditLog.append(AuditEntry(action: "\(Fact.entity).remove", entityType: Fact.entity, entityID: String(id), before: before.auditValues, after: nil), by: actor, at: now, on: sql)
    }

    /// An import: adds what is new, updates what changed, counts what is unchanged under `kind`.
    static func importAll<Fact: StoredAgencyFact>(_ facts: [Fact], kind: String, sql: any SQLDatabase, actor: AuditActor, now: Date, summary: inout ImportSummary) async throws {
        var stored: [String: Fact] = [:]
        for fact in try await all(Fact.self, sql: sql) { stored[fact.identity] = fact }
        for fact in facts {
            guard let current = stored[fact.identity] else {
                try await add(fact, sql: sql, actor: actor, now: now)
                summary.record(kind, \.added)
                continue
            }
            summary.record(kind, try await update(fact, over: current, sql: sql, actor: actor, now: now) ? \.updated : \.unchanged)
        }
    }
}
