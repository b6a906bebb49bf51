import FluentKit
import HotlistCore
import SQLKit

/// Gathers the facts the contradiction rules need from the directory, the reference data and the
/// reported findings, and runs the rules.
public struct ContradictionQueries: Sendable {
    let sql: any SQLDatabase
    /// Nil inside a transaction, whose uncommitted changes a shared memo must not see or keep.
    let memo: RevisionMemo?
    public init(_ database: HotlistDatabase) { sql = database.sql; memo = database.memo }
    init(sql: any SQLDatabase, memo: RevisionMemo? = nil) { self.sql = sql; self.memo = memo }

    /// What the rules need from every agency at once: reported and verified outcomes, verified
    /// statements and policies, the state laws.
    struct DirectoryWide: Sendable {
        var reported: [MatchedFinding]
        var history: [Int: [RecordedOutcome]]
        var statements: [Int: [PublicStatement]]
        var policies: [Int: [PublicStatement]]
        var restrictionLaws: [StateRestrictionLaw]
        /// Verified search audit logs, with their sensitive counts.
        var searchAudits: [SearchAuditLog]
    }

    func directoryWide() async throws -> DirectoryWide {
        guard let memo else { return try await computeDirectoryWide() }
        let revision = try await memo.revision(sql: sql)
        return try await memo.value("contradictions.directory-wide", revision: revision) { try await computeDirectoryWide() }
    }

    private func computeDirectoryWide() async throws -> DirectoryWide {
        let reported = try await readReportedFindings()
        var history: [Int: [RecordedOutcome]] = [:]
        for item in reported { if let id = item.agencyID { history[id, default: []].append(item.finding) } }
        for version in try await FindingStore.latestVersions(sql: sql, agencyID: nil, verifiedOnly: true) {
            if let outcome = version.outcome { history[version.agencyID, default: []].append(outcome) }
        }
        // Stable by date: on the same day, our own verified record comes after a report.
        history = history.mapValues { items in
            items.enumerated().sorted { ($0.element.asOf, $0.element.verifiedFindingID == nil ? 0 : 1, $0.offset) < ($1.element.asOf, $1.element.verifiedFindingID == nil ? 0 : 1, $1.offset) }.map(\.element)
        }
        var statements: [Int: [PublicStatement]] = [:]
        var policies: [Int: [PublicStatement]] = [:]
        for statement in try await StatementStore.list(sql: sql, { $0.where("verified_at", .isNot, SQLLiteral.null) }) {
            if statement.kind == .policy { policies[statement.agencyID, default: []].append(statement.asPublicStatement) }
            else { statements[statement.agencyID, default: []].append(statement.asPublicStatement) }
        }
        return DirectoryWide(reported: reported, history: history, statements: statements, policies: policies,
                             restrictionLaws: try await ReferenceQueries(sql: sql).stateRestrictionLaws(),
                             searchAudits: try await SearchAuditStore.allVerified(sql: sql))
    }

    /// A reported finding with the directory agency it names, if the directory has it (exact name and state).
    public struct MatchedFinding: Sendable, Equatable {
        public var finding: RecordedOutcome
        public var agencyID: Int?
    }

    public func reportedFindings() async throws -> [MatchedFinding] {
        try await directoryWide().reported
    }

    /// Each reported finding with the directory agency of the same name and state (one query).
    private func readReportedFindings() async throws -> [MatchedFinding] {
        let reference = try await sql.raw("""
            SELECT r.agency_name, r.state_code, r.outcome, r.reported_prohibits_immigration, r.as_of, r.reported_by, r.title, r.url, r.confidence, r.notes,
                   (SELECT MIN(a.id) FROM agencies a WHERE a.name_search = r.name_search AND a.state_code = r.state_code) AS agency_id
            FROM reported_findings r ORDER BY r.as_of, r.id
            """).all().map { row in
            let finding = RecordedOutcome(agencyName: try row.decode(column: "agency_name", as: String.self), stateCode: try row.decode(column: "state_code", as: String.self),
                                          outcome: RecordedOutcome.Outcome(rawValue: try row.decode(column: "outcome", as: String.self)) ?? .refused,
                                          reportedProhibitsImmigration: try row.decode(column: "reported_prohibits_immigration", as: Bool.self),
                                          asOf: try row.decode(column: "as_of", as: String.self), reportedBy: try row.decode(column: "reported_by", as: String.self),
                                          title: try row.decode(column: "title", as: String.self), url: try row.decode(column: "url", as: String.self),
                                          confidence: Confidence(rawValue: try row.decode(column: "confidence", as: String.self)) ?? .low,
                                          notes: try row.decode(column: "notes", as: String.self))
            return MatchedFinding(finding: finding, agencyID: try row.decode(column: "agency_id", as: Int?.self))
        }
        // Reports other sites sent in records packages are already matched to an agency (by ORI, or name and state, at import).
        let packaged = try await sql.raw("""
            SELECT p.agency_id, a.name, a.state_code, p.outcome, p.as_of, p.reported_by, p.reporter_url, p.title, p.url, p.confidence, p.notes
            FROM package_reports p JOIN agencies a ON a.id = p.agency_id ORDER BY p.as_of, p.id
            """).all().map { row in
            let finding = RecordedOutcome(agencyName: try row.decode(column: "name", as: String.self), stateCode: try row.decode(column: "state_code", as: String?.self) ?? "",
                                          outcome: RecordedOutcome.Outcome(rawValue: try row.decode(column: "outcome", as: String.self)) ?? .refused,
                                          reportedProhibitsImmigration: false, asOf: try row.decode(column: "as_of", as: String.self),
                                          reportedBy: try row.decode(column: "reported_by", as: String.self), title: try row.decode(column: "title", as: String.self),
                                          url: try row.decode(column: "url", as: String.self), confidence: Confidence(rawValue: try row.decode(column: "confidence", as: String.self)) ?? .low,
                                          notes: try row.decode(column: "notes", as: String.self), reporterURL: try row.decode(column: "reporter_url", as: String.self))
            return MatchedFinding(finding: finding, agencyID: try row.decode(column: "agency_id", as: Int.self))
        }
        // One list by date; on the same day the bundled reports come first, as before.
        return (reference + packaged).enumerated().sorted { ($0.element.finding.asOf, $0.offset) < ($1.element.finding.asOf, $1.offset) }.map(\.element)
    }

    /// Per agency, what records showed about Immigration Violator, oldest first: others' reports
    /// (matched by name and state) and our own verified findings. Unverified findings never count.
    public func outcomeHistory(agencyID: Int? = nil) async throws -> [Int: [RecordedOutcome]] {
        let history = try await directoryWide().history
        guard let agencyID else { return history }
        return history[agencyID].map { [agencyID: $0] } ?? [:]
    }

    /// Contradictions, filtered by rule, state and agency, ordered by rule then state then name.
    /// Outside a transaction every rule runs once per revision of the data, for the whole directory,
    /// and each call filters that: pages, lists and the static copy all ask many times in a row.
    public func contradictions(rule: ContradictionRule? = nil, stateCode: String? = nil, agencyID: Int? = nil) async throws -> [Contradiction] {
        guard let memo else { return try await compute(rule: rule, stateCode: stateCode, agencyID: agencyID) }
        let revision = try await memo.revision(sql: sql)
        let all = try await memo.value("contradictions.all", revision: revision) { try await compute(rule: nil, stateCode: nil, agencyID: nil) }
        return all.filter { (rule == nil || $0.rule == rule) && (stateCode == nil || $0.stateCode == stateCode) && (agencyID == nil || $0.agencyID == agencyID) }
    }

    private func compute(rule: ContradictionRule?, stateCode: String?, agencyID: Int?) async throws -> [Contradiction] {
        // Rule 6 looks at other agencies' findings, so the whole history is needed even for one agency.
        let wide = try await directoryWide()
        let engine = ContradictionEngine(restrictionLaws: wide.restrictionLaws)
        let history = wide.history, statements = wide.statements, policies = wide.policies
        let latest = history.compactMapValues(\.last)
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
        // Rule 8: searches citing immigration in verified audit logs.
        if wanted(.immigrationSearches), !wide.searchAudits.isEmpty {
            let own = Dictionary(grouping: wide.searchAudits.filter { $0.searches(.immigration) > 0 }, by: \.agencyID)
            let elsewhere = try await searchesElsewhere(wide.searchAudits)
            let ids = Set(own.keys).union(elsewhere.keys).filter { agencyID == nil || $0 == agencyID }
            for facts in try await agencyFacts(ids: Array(ids)) {
                if let hit = engine.immigrationSearches(facts, history: history[facts.id] ?? [], policies: policies[facts.id] ?? [],
                                                        ownLogs: own[facts.id] ?? [], elsewhere: elsewhere[facts.id] ?? []) { found.append(hit) }
            }
        }
        return found.filter { (stateCode == nil || $0.stateCode == stateCode) && (agencyID == nil || $0.agencyID == agencyID) }
            .sorted { ($0.rule.rawValue, $0.stateCode ?? "", $0.agencyName) < ($1.rule.rawValue, $1.stateCode ?? "", $1.agencyName) }
    }

    /// Searching organisations in network audit logs that are directory agencies, by exact name
    /// (Flock's organisation names are the names the directory holds); a name two agencies share is left out.
    func searchesElsewhere(_ logs: [SearchAuditLog]) async throws -> [Int: [ContradictionEngine.SearchesElsewhere]] {
        let network = logs.filter { $0.kind == .network && $0.searches(.immigration) > 0 }
        let names = Set(network.flatMap { $0.organizations(.immigration).map { $0.name.lowercased() } }.filter { !$0.isEmpty && $0 != "***" })
        guard !names.isEmpty else { return [:] }
        var byName: [String: [(id: Int, name: String)]] = [:]
        for chunk in Array(names).sorted().chunked(500) {
            for row in try await sql.select().columns("id", "name").from("agencies").where(SQLFunction("lower", args: SQLColumn("name")), .in, SQLBind.group(chunk)).all() {
                let name = try row.decode(column: "name", as: String.self)
                byName[name.lowercased(), default: []].append((try row.decode(column: "id", as: Int.self), name))
            }
        }
        let owners = Dictionary(try await agencyFacts(ids: Array(Set(network.map(\.agencyID)))).map { ($0.id, $0.name) }) { first, _ in first }
        var result: [Int: [ContradictionEngine.SearchesElsewhere]] = [:]
        for log in network {
            // Spellings that differ only in case are one organisation.
            var searches: [Int: (name: String, count: Int)] = [:]
            for organization in log.organizations(.immigration) {
                guard let matches = byName[organization.name.lowercased()], matches.count == 1, matches[0].id != log.agencyID else { continue }
                searches[matches[0].id, default: (matches[0].name, 0)].count += organization.searches
            }
            for (id, found) in searches.sorted(by: { $0.key < $1.key }) {
                result[id, default: []].append(ContradictionEngine.SearchesElsewhere(log: log, ownerName: owners[log.agencyID] ?? "agency \(log.agencyID)",
                                                                                   organization: found.name, searches: found.count))
            }
        }
        return result
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
