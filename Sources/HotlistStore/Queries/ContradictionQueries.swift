import FluentKit
import HotlistCore
import SQLKit

/// Gathers the facts the contradiction rules need from the directory, the reference data and the
/// reported findings, and runs the rules.
public struct ContradictionQueries: Sendable {
    let sql: any SQLDatabase
    public init(_ database: HotlistDatabase) { sql = database.sql }
    init(sql: any SQLDatabase) { self.sql = sql }

    /// A reported finding with the directory agency it names, if the directory has it (exact name and state).
    public struct MatchedFinding: Sendable, Equatable {
        public var finding: RecordedOutcome
        public var agencyID: Int?
    }

    public func reportedFindings() async throws -> [MatchedFinding] {
        var result: [MatchedFinding] = []
        for row in try await sql.select().columns("agency_name", "name_search", "state_code", "outcome", "reported_prohibits_immigration", "as_of", "reported_by",
                                                  "title", "url", "confidence", "notes").from("reported_findings").orderBy("as_of").orderBy("id").all() {
            let finding = RecordedOutcome(agencyName: try row.decode(column: "agency_name", as: String.self), stateCode: try row.decode(column: "state_code", as: String.self),
                                          outcome: RecordedOutcome.Outcome(rawValue: try row.decode(column: "outcome", as: String.self)) ?? .refused,
                                          reportedProhibitsImmigration: try row.decode(column: "reported_prohibits_immigration", as: Bool.self),
                                          asOf: try row.decode(column: "as_of", as: String.self), reportedBy: try row.decode(column: "reported_by", as: String.self),
                                          title: try row.decode(column: "title", as: String.self), url: try row.decode(column: "url", as: String.self),
                                          confidence: Confidence(rawValue: try row.decode(column: "confidence", as: String.self)) ?? .low,
                                          notes: try row.decode(column: "notes", as: String.self))
            let id = try await sql.select().column("id").from("agencies").where("name_search", .equal, try row.decode(column: "name_search", as: String.self))
                .where("state_code", .equal, finding.stateCode).first()?.decode(column: "id", as: Int.self)
            result.append(MatchedFinding(finding: finding, agencyID: id))
        }
        return result
    }

    /// Per agency, what records showed about Immigration Violator, oldest first: others' reports
    /// (matched by name and state) and our own verified findings. Unverified findings never count.
    public func outcomeHistory(agencyID: Int? = nil) async throws -> [Int: [RecordedOutcome]] {
        var history: [Int: [RecordedOutcome]] = [:]
        for item in try await reportedFindings() {
            if let id = item.agencyID, agencyID == nil || id == agencyID { history[id, default: []].append(item.finding) }
        }
        for version in try await FindingStore.latestVersions(sql: sql, agencyID: agencyID, verifiedOnly: true) {
            if let outcome = version.outcome { history[version.agencyID, default: []].append(outcome) }
        }
        // Stable by date: on the same day, our own verified record comes after a report.
        return history.mapValues { items in
            items.enumerated().sorted { ($0.element.asOf, $0.element.verifiedFindingID == nil ? 0 : 1, $0.offset) < ($1.element.asOf, $1.element.verifiedFindingID == nil ? 0 : 1, $1.offset) }.map(\.element)
        }
    }

    /// Contradictions, filtered by rule, state and agency, ordered by rule then state then name.
    public func contradictions(rule: ContradictionRule? = nil, stateCode: String? = nil, agencyID: Int? = nil) async throws -> [Contradiction] {
        let engine = ContradictionEngine(restrictionLaws: try await ReferenceQueries(sql: sql).stateRestrictionLaws())
        // Rule 6 looks at other agencies' findings, so the whole history is needed even for one agency.
        let history = try await outcomeHistory()
        let latest = history.compactMapValues(\.last)
        var statements: [Int: [PublicStatement]] = [:]
        var policies: [Int: [PublicStatement]] = [:]
        for statement in try await StatementStore.list(sql: sql, { $0.where("verified_at", .isNot, SQLLiteral.null) }) {
            if statement.kind == .policy { policies[statement.agencyID, default: []].append(statement.asPublicStatement) }
            else { statements[statement.agencyID, default: []].append(statement.asPublicStatement) }
        }
        func wanted(_ candidate: ContradictionRule) -> Bool { rule == nil || rule == candidate }
        var found: [Contradiction] = []

        // Rules 1-4: agencies with a reported finding.
        if [ContradictionRule.ownPolicy, .stateLaw, .publicStatement, .reEnabled].contains(where: wanted) {
            for facts in try await agencyFacts(ids: history.keys.filter { agencyID == nil || $0 == agencyID }) {
                let records = history[facts.id] ?? []
                if wanted(.ownPolicy), let hit = engine.ownPolicy(facts, history: records, policies: policies[facts.id] ?? []) { found.append(hit) }
                if wanted(.stateLaw), let hit = engine.stateLaw(facts, history: records) { found.append(hit) }
                if wanted(.publicStatement), let hit = engine.publicStatement(facts, history: records, statements: statements[facts.id] ?? []) { found.append(hit) }
                if wanted(.reEnabled), let hit = engine.reEnabled(facts, history: records) { found.append(hit) }
            }
        }
        // Rule 5: sharing from states whose law limits it.
        if wanted(.sharingAgainstStateLaw) {
            let states = Array(ContradictionEngine.sharingLaws.keys).filter { stateCode == nil || $0 == stateCode }
            if !states.isEmpty {
                let viewers = try await viewersByOwner(ownerStates: states, ownerID: agencyID)
                for facts in try await agencyFacts(ids: Array(viewers.keys)) {
                    if let hit = engine.sharingAgainstStateLaw(facts, viewers: viewers[facts.id] ?? []) { found.append(hit) }
                }
            }
        }
        // Rule 6: who lets a scanning agency search their data.
        if wanted(.exposureThroughSharing) {
            let scanning = history.compactMapValues(ContradictionEngine.currentSetting).filter { $0.value.outcome == .immigrationViolatorEnabled }
            if !scanning.isEmpty {
                let owners = try await ownersOf(viewerIDs: Array(scanning.keys), ownerID: agencyID)
                for facts in try await agencyFacts(ids: Array(owners.keys)) {
                    if let hit = engine.exposureThroughSharing(facts, viewers: owners[facts.id] ?? [], findings: scanning) { found.append(hit) }
                }
            }
        }
        // Rule 7: ask first.
        if wanted(.askFirst) {
            var query = sql.select().columns(Self.factColumns).from("agencies")
                .where("immigration_policy", .equal, PolicyStatement.prohibits.rawValue).where("alerts_ncic", .equal, NCICAlertStatus.yes.rawValue)
            if let stateCode { query = query.where("state_code", .equal, stateCode) }
            if let agencyID { query = query.where("id", .equal, agencyID) }
            for facts in try await query.all().map(Self.facts) {
                if let hit = engine.askFirst(facts, finding: latest[facts.id]) { found.append(hit) }
            }
        }
        return found.filter { (stateCode == nil || $0.stateCode == stateCode) && (agencyID == nil || $0.agencyID == agencyID) }
            .sorted { ($0.rule.rawValue, $0.stateCode ?? "", $0.agencyName) < ($1.rule.rawValue, $1.stateCode ?? "", $1.agencyName) }
    }

    static let factColumns = ["id", "name", "state_code", "alerts_ncic", "ncic_evidence", "immigration_policy", "immigration_evidence"].map { SQLColumn($0) }

    static func facts(_ row: any SQLRow) throws -> ContradictionEngine.AgencyFacts {
        ContradictionEngine.AgencyFacts(
            id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self), stateCode: try row.decode(column: "state_code", as: String?.self),
            signals: AgencySignals(alertsNCIC: NCICAlertStatus(rawValue: try row.decode(column: "alerts_ncic", as: String.self)) ?? .unknown,
                                   ncicEvidence: try row.decode(column: "ncic_evidence", as: String?.self),
                                   immigrationPolicy: PolicyStatement(rawValue: try row.decode(column: "immigration_policy", as: String.self)) ?? .unknown,
                                   immigrationEvidence: try row.decode(column: "immigration_evidence", as: String?.self)))
    }

    func agencyFacts(ids: [Int]) async throws -> [ContradictionEngine.AgencyFacts] {
        var result: [ContradictionEngine.AgencyFacts] = []
        for start in stride(from: 0, to: ids.count, by: 500) {
            result += try await sql.select().columns(Self.factColumns).from("agencies").where("id", .in, Array(ids[start..<min(start + 500, ids.count)])).all().map(Self.facts)
        }
        return result
    }

    /// Owner id → the organisations that can search its data, for owners in `ownerStates`.
    func viewersByOwner(ownerStates: [String], ownerID: Int?) async throws -> [Int: [AgencyLink]] {
        var query = sql.select()
            .column(SQLColumn("owner_id", table: "sharing_edges"))
            .column(SQLColumn("id", table: "viewer"), as: "viewer_id").column(SQLColumn("name", table: "viewer"), as: "viewer_name")
            .column(SQLColumn("state_code", table: "viewer"), as: "viewer_state")
            .from("sharing_edges")
            .join(SQLAlias(SQLIdentifier("agencies"), as: SQLIdentifier("owner")), on: SQLColumn("id", table: "owner"), .equal, SQLColumn("owner_id", table: "sharing_edges"))
            .join(SQLAlias(SQLIdentifier("agencies"), as: SQLIdentifier("viewer")), on: SQLColumn("id", table: "viewer"), .equal, SQLColumn("viewer_id", table: "sharing_edges"))
            .where(SQLColumn("state_code", table: "owner"), .in, SQLBind.group(ownerStates))
        if let ownerID { query = query.where(SQLColumn("owner_id", table: "sharing_edges"), .equal, SQLBind(ownerID)) }
        let rows = try await query.all()
        return try Self.viewersByOwner(rows)
    }

    /// Owner id → those of `viewerIDs` that can search its data.
    func ownersOf(viewerIDs: [Int], ownerID: Int?) async throws -> [Int: [AgencyLink]] {
        var query = sql.select()
            .column(SQLColumn("owner_id", table: "sharing_edges"))
            .column(SQLColumn("id", table: "viewer"), as: "viewer_id").column(SQLColumn("name", table: "viewer"), as: "viewer_name")
            .column(SQLColumn("state_code", table: "viewer"), as: "viewer_state")
            .from("sharing_edges")
            .join(SQLAlias(SQLIdentifier("agencies"), as: SQLIdentifier("viewer")), on: SQLColumn("id", table: "viewer"), .equal, SQLColumn("viewer_id", table: "sharing_edges"))
            .where(SQLColumn("viewer_id", table: "sharing_edges"), .in, SQLBind.group(viewerIDs))
        if let ownerID { query = query.where(SQLColumn("owner_id", table: "sharing_edges"), .equal, SQLBind(ownerID)) }
        let rows = try await query.all()
        return try Self.viewersByOwner(rows)
    }

    static func viewersByOwner(_ rows: [any SQLRow]) throws -> [Int: [AgencyLink]] {
        var result: [Int: [AgencyLink]] = [:]
        for row in rows {
            result[try row.decode(column: "owner_id", as: Int.self), default: []].append(
                AgencyLink(id: try row.decode(column: "viewer_id", as: Int.self), name: try row.decode(column: "viewer_name", as: String.self),
                           stateCode: try row.decode(column: "viewer_state", as: String?.self)))
        }
        return result
    }
}
