import FluentKit
import Foundation
import HotlistCore
import SQLKit

/// ALPR contracts, governing bodies and public officials: read, edited (each change audited in its
/// transaction, public at once) and imported from CSV (all or nothing). Every change recomputes the
/// request priority, which rises for agencies whose contract renews soon.
public struct ContractStore: Sendable {
    let database: HotlistDatabase
    public init(_ database: HotlistDatabase) { self.database = database }

    // MARK: reading

    /// The agency's contracts (latest end date first), governing body and officials, and which
    /// signed documents are public.
    public func forAgency(_ agencyID: Int) async throws -> AgencyContracts {
        if let preloaded: [Int: AgencyContracts] = try await database.memo.preloaded(Self.preloadKey, sql: database.sql) { return preloaded[agencyID] ?? AgencyContracts() }
        return try await Self.forAgency(agencyID, sql: database.sql)
    }

    static func forAgency(_ agencyID: Int, sql: any SQLDatabase) async throws -> AgencyContracts {
        try await forAgencies([agencyID], sql: sql)[agencyID] ?? AgencyContracts()
    }

    static let preloadKey = "contracts.preloaded"

    /// Reads every agency's contracts at once and keeps them until the data changes, so the static
    /// copy's thousands of agency pages and briefs do not each ask.
    public func preloadAll() async throws {
        let sql = database.sql
        let revision = try await database.memo.revision(sql: sql)
        var all: [Int: AgencyContracts] = [:]
        for ids in try await DirectoryQueries(sql: sql).allIDs().chunked(DirectoryQueries.bulkChunk) {
            all.merge(try await Self.forAgencies(ids, sql: sql)) { $1 }
        }
        database.memo.store(Self.preloadKey, revision: revision, all)
    }

    /// Contracts, governing body, officials and public documents of `agencyIDs`, one query per table.
    static func forAgencies(_ agencyIDs: [Int], sql: any SQLDatabase) async throws -> [Int: AgencyContracts] {
        let contracts = Dictionary(grouping: try await StoredFacts.all(ALPRContract.self, sql: sql, agencyIDs: agencyIDs), by: \.agencyID)
        var bodies: [Int: GoverningBody] = [:]
        for row in try await sql.select().column("*").from("governing_bodies").where("agency_id", .in, agencyIDs).all() {
            let agencyID = try row.decode(column: "agency_id", as: Int.self)
            if bodies[agencyID] == nil { bodies[agencyID] = try GoverningBodyRow.body(row) }
        }
        let officials = Dictionary(grouping: try await StoredFacts.all(PublicOfficial.self, sql: sql, agencyIDs: agencyIDs), by: \.agencyID)
        let documents = contracts.values.joined().compactMap(\.evidenceID)
        var publicDocuments = Set<Int>()
        if !documents.isEmpty {
            for row in try await sql.select().column("id").from("evidence_files").where("id", .in, documents)
                .where("is_public", .equal, true).where("withdrawn_at", .is, SQLLiteral.null).all() {
                publicDocuments.insert(try row.decode(column: "id", as: Int.self))
            }
        }
        var result: [Int: AgencyContracts] = [:]
        for agencyID in agencyIDs {
            let ordered = (contracts[agencyID] ?? [])
                .sorted { ($0.endDate ?? $0.startDate ?? CalendarDay(ordinal: 0)) > ($1.endDate ?? $1.startDate ?? CalendarDay(ordinal: 0)) }
            var entry = AgencyContracts(contracts: ordered, body: bodies[agencyID], officials: officials[agencyID] ?? [])
            entry.publicDocuments = publicDocuments.intersection(ordered.compactMap(\.evidenceID))
            result[agencyID] = entry
        }
        return result
    }

    public func contract(id: Int) async throws -> ALPRContract? {
        try await database.sql.select().columns(ContractRow.columns.map { SQLColumn($0) }).from("alpr_contracts").where("id", .equal, id).first().map(ContractRow.contract)
    }

    public func official(id: Int) async throws -> PublicOfficial? {
        try await database.sql.select().columns(OfficialRow.columns.map { SQLColumn($0) }).from("public_officials").where("id", .equal, id).first().map(OfficialRow.official)
    }

    /// A contract with the agency it belongs to, for lists.
    public struct Listing: Sendable, Equatable {
        public var contract: ALPRContract
        public var agencyName: String
        public var stateCode: String?
    }

    /// Every contract, or those of one state, or those whose end date falls within `renewingWithin`
    /// days of `today`; ordered by end date (unknown last), then agency.
    public func list(stateCode: String? = nil, renewingWithin days: Int? = nil, today: CalendarDay, limit: Int = 10_000) async throws -> [Listing] {
        var query = database.sql.select().columns(ContractRow.columns.map { SQLColumn($0, table: "c") })
            .column(SQLColumn("name", table: "a"), as: "agency_name").column(SQLColumn("state_code", table: "a"), as: "agency_state")
            .from(SQLAlias(SQLIdentifier("alpr_contracts"), as: SQLIdentifier("c")))
            .join(SQLAlias(SQLIdentifier("agencies"), as: SQLIdentifier("a")), on: SQLColumn("agency_id", table: "c"), .equal, SQLColumn("id", table: "a"))
        if let stateCode { query = query.where(SQLColumn("state_code", table: "a"), .equal, SQLBind(stateCode)) }
        if let days {
            query = query.where(SQLColumn("end_date", table: "c"), .greaterThanOrEqual, SQLBind(today.iso))
                .where(SQLColumn("end_date", table: "c"), .lessThanOrEqual, SQLBind(today.adding(days: days).iso))
        }
        let rows = try await query.limit(limit).all().map { row in
            Listing(contract: try ContractRow.contract(row), agencyName: try row.decode(column: "agency_name", as: String.self),
                    stateCode: try row.decode(column: "agency_state", as: String?.self))
        }
        return rows.sorted { ($0.contract.endDate?.ordinal ?? Int.max, $0.agencyName, $0.contract.id ?? 0) < ($1.contract.endDate?.ordinal ?? Int.max, $1.agencyName, $1.contract.id ?? 0) }
    }

    /// Contracts whose renewal or expiry date falls within `within` days from `today` (today
    /// included), soonest first, each with whether its agency has an open question (no verified
    /// finding or report yet, or a request still with the agency) or a contradiction.
    public func renewalsAhead(today: CalendarDay, within days: Int) async throws -> [RenewalAhead] {
        try await Self.renewalsAhead(sql: database.sql, contradictions: ContradictionQueries(database), today: today, within: days, agencyIDs: nil)
    }

    static func renewalsAhead(sql: any SQLDatabase, contradictions: ContradictionQueries, today: CalendarDay, within days: Int, agencyIDs: Set<Int>?) async throws -> [RenewalAhead] {
        var query = sql.select().columns(SQLColumn("id", table: "c"), SQLColumn("agency_id", table: "c"), SQLColumn("vendor", table: "c"),
                                         SQLColumn("end_date", table: "c"), SQLColumn("end_kind", table: "c"))
            .column(SQLColumn("name", table: "a"), as: "agency_name").column(SQLColumn("state_code", table: "a"), as: "agency_state")
            .from(SQLAlias(SQLIdentifier("alpr_contracts"), as: SQLIdentifier("c")))
            .join(SQLAlias(SQLIdentifier("agencies"), as: SQLIdentifier("a")), on: SQLColumn("agency_id", table: "c"), .equal, SQLColumn("id", table: "a"))
            .where(SQLColumn("end_date", table: "c"), .greaterThanOrEqual, SQLBind(today.iso))
            .where(SQLColumn("end_date", table: "c"), .lessThanOrEqual, SQLBind(today.adding(days: days).iso))
        if let agencyIDs { query = query.where(SQLColumn("agency_id", table: "c"), .in, SQLBind.group(Array(agencyIDs))) }
        let rows = try await query.limit(5_000).all()
        guard !rows.isEmpty else { return [] }
        let history = try await contradictions.outcomeHistory()
        var openRequests = Set<Int>()
        for row in try await sql.select().distinct().column("agency_id").from("records_requests")
            .where("status", .in, RequestStatus.allCases.filter(\.awaitsAgency).map(\.rawValue)).all() {
            openRequests.insert(try row.decode(column: "agency_id", as: Int.self))
        }
        var contradicted: [Int: Bool] = [:]
        var result: [RenewalAhead] = []
        for row in rows {
            let agencyID = try row.decode(column: "agency_id", as: Int.self)
            guard let date = CalendarDay(iso: try row.decode(column: "end_date", as: String.self)) else { continue }
            if contradicted[agencyID] == nil {
                contradicted[agencyID] = try await !contradictions.contradictions(agencyID: agencyID).filter { $0.rule != .askFirst }.isEmpty
            }
            result.append(RenewalAhead(contractID: try row.decode(column: "id", as: Int.self), agencyID: agencyID,
                                       agencyName: try row.decode(column: "agency_name", as: String.self),
                                       stateCode: try row.decode(column: "agency_state", as: String?.self),
                                       vendor: try row.decode(column: "vendor", as: String.self), date: date,
                                       kind: ContractDateKind(rawValue: try row.decode(column: "end_kind", as: String.self)) ?? .renewal,
                                       daysLeft: date.ordinal - today.ordinal,
                                       hasOpenQuestion: (history[agencyID] ?? []).isEmpty || openRequests.contains(agencyID),
                                       hasContradiction: contradicted[agencyID]!))
        }
        return result.sorted { ($0.date, $0.agencyName, $0.contractID) < ($1.date, $1.agencyName, $1.contractID) }
    }

    // MARK: editing

    /// Adds a contract; returns its id.
    @discardableResult
    public func addContract(_ contract: ALPRContract, by actor: AuditActor, now: Date) async throws -> Int {
        try await write(now: now) { sql in
            try await Self.checkDocument(contract, sql: sql)
            return try await StoredFacts.add(contract, sql: sql, actor: actor, now: now)
        }
    }

    /// Replaces the contract `contract.id` of `contract.agencyID`. A save that changes nothing records nothing.
    public func replaceContract(_ contract: ALPRContract, by actor: AuditActor, now: Date) async throws {
        try await replace(contract, by: actor, now: now) { sql in try await Self.checkDocument(contract, sql: sql) }
    }

    public func removeContract(id: Int, agencyID: Int, by actor: AuditActor, now: Date) async throws {
        try await write(now: now) { sql in try await StoredFacts.remove(ALPRContract.self, id: id, agencyID: agencyID, sql: sql, actor: actor, now: now) }
    }

    /// Sets (or replaces) the body that controls the agency's contract.
    public func setGoverningBody(_ body: GoverningBody, by actor: AuditActor, now: Date) async throws {
        try await write(now: now) { sql in
            _ = try await Self.upsert(body, sql: sql, actor: actor, now: now)
        }
    }

    public func removeGoverningBody(agencyID: Int, by actor: AuditActor, now: Date) async throws {
        try await write(now: now) { sql in
            guard let before = try await sql.select().column("*").from("governing_bodies").where("agency_id", .equal, agencyID).first().map(GoverningBodyRow.body) else {
                throw RecordNotFound("governing body of agency \(agencyID)")
            }
            try await sql.delete(from: "governing_bodies").where("agency_id", .equal, agencyID).run()
            try await AuditLog.append(AuditEntry(action: "governing_body.remove", entityType: "agency", entityID: String(agencyID), before: before.auditValues, after: nil), by: actor, at: now, on: sql)
        }
    }

    @discardableResult
    public func addOfficial(_ official: PublicOfficial, by actor: AuditActor, now: Date) async throws -> Int {
        try await write(now: now) { sql in try await StoredFacts.add(official, sql: sql, actor: actor, now: now) }
    }

    /// Replaces the official `official.id` of `official.agencyID`. A save that changes nothing records nothing.
    public func replaceOfficial(_ official: PublicOfficial, by actor: AuditActor, now: Date) async throws {
        try await replace(official, by: actor, now: now)
    }

    public func removeOfficial(id: Int, agencyID: Int, by actor: AuditActor, now: Date) async throws {
        try await write(now: now) { sql in try await StoredFacts.remove(PublicOfficial.self, id: id, agencyID: agencyID, sql: sql, actor: actor, now: now) }
    }

    private func replace<Fact: StoredAgencyFact>(_ fact: Fact, by actor: AuditActor, now: Date,
                                                check: @escaping @Sendable (any SQLDatabase) async throws -> Void = { _ in }) async throws {
        guard let id = fact.id else { throw RecordNotFound("\(Fact.entity) without id") }
        try await write(now: now) { sql in
            let before = try await StoredFacts.existing(Fact.self, id: id, agencyID: fact.agencyID, sql: sql)
            guard before != fact else { return }
            try await check(sql)
            try await StoredFacts.update(fact, over: before, sql: sql, actor: actor, now: now)
        }
    }

    /// One transaction: the change, its audit entry, the new revision and the recomputed priority.
    private func write<T: Sendable>(now: Date, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await HotlistDatabase.retryingWhenBusy { try await database.sqlTransaction { sql in
            let result = try await body(sql)
            try await DirectoryRevision.bump(sql)
            var summary = ImportSummary()
            try await SignalsRefresher.refresh(sql: sql, summary: &summary, today: CalendarDay.today(now))
            return result
        } }
    }

    /// The signed document must be an evidence record of the same agency.
    private static func checkDocument(_ contract: ALPRContract, sql: any SQLDatabase) async throws {
        guard let problem = try await documentProblem(contract, sql: sql) else { return }
        throw InputProblems([InputProblem(file: "input", field: "evidence_id", problem: problem.problem, hint: problem.hint)])
    }

    static func documentProblem(_ contract: ALPRContract, sql: any SQLDatabase) async throws -> (problem: String, hint: String)? {
        guard let evidenceID = contract.evidenceID else { return nil }
        let owner = try await sql.select().column("agency_id").from("evidence_files").where("id", .equal, evidenceID).first()
            .map { try $0.decode(column: "agency_id", as: Int.self) }
        guard owner != contract.agencyID else { return nil }
        return (owner == nil ? "there is no evidence record \(evidenceID)" : "evidence record \(evidenceID) belongs to another agency",
                "Upload the signed contract as evidence of this agency first, then give its number (from its address, /evidence/123), or leave it empty.")
    }

    /// Returns whether the body was added (true), changed (false) or already so (nil).
    static func upsert(_ body: GoverningBody, sql: any SQLDatabase, actor: AuditActor, now: Date) async throws -> Bool? {
        let before = try await sql.select().column("*").from("governing_bodies").where("agency_id", .equal, body.agencyID).first().map(GoverningBodyRow.body)
        guard before != body else { return nil }
        if before == nil {
            try await sql.insert(into: "governing_bodies").model(GoverningBodyRow(body), nilEncodingStrategy: .asNil).run()
        } else {
            try await sql.update("governing_bodies").set(model: GoverningBodyRow(body), nilEncodingStrategy: .asNil).where("agency_id", .equal, body.agencyID).run()
        }
        try await AuditLog.append(AuditEntry(action: before == nil ? "governing_body.add" : "governing_body.update", entityType: "agency", entityID: String(body.agencyID),
                                             before: before?.auditValues, after: body.auditValues), by: actor, at: now, on: sql)
        return before == nil
    }

    // MARK: the priority's day

    /// Recomputes the request priority when it was last computed on another day, since the
    /// renewal boost counts days. The server calls this at start and then hourly; cheap when current.
    @discardableResult
    public func refreshPriorityIfStale(today: CalendarDay) async throws -> Bool {
        let stored = try await database.sql.select().column("priority_day").from("directory_state").where("id", .equal, 1).first()
            .map { try $0.decode(column: "priority_day", as: String?.self) } ?? nil
        guard stored != today.iso else { return false }
        return try await HotlistDatabase.retryingWhenBusy { try await database.sqlTransaction { sql in
            var summary = ImportSummary()
            try await SignalsRefresher.refresh(sql: sql, summary: &summary, today: today)
            if !summary.notices.isEmpty { try await DirectoryRevision.bump(sql) }
            return true
        } }
    }
}
