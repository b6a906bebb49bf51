import Foundation
import HotlistCore
import SQLKit

/// An agency's page data, read for many agencies at once: one query per table for a whole chunk of
/// agencies, where reading them one by one took fourteen queries each. One agency's page is the
/// same read with a chunk of one, so the two cannot drift apart.
extension DirectoryQueries {
    /// Agencies per query; well under both databases' limits on bound values.
    static let bulkChunk = 500

    public func detail(id: Int, today: CalendarDay = CalendarDay.today(Date())) async throws -> AgencyDetail? {
        if let memo, let preloaded: [Int: AgencyDetail] = try await memo.preloaded(Self.preloadKey(today), sql: sql) { return preloaded[id] }
        return try await details(ids: [id], today: today)[id]
    }

    static func preloadKey(_ today: CalendarDay) -> String { "details.preloaded.\(today.iso)" }

    /// Reads every agency's page data ahead and keeps it until the data changes (or the day does):
    /// the static copy renders each agency's page, brief and press summary from it.
    public func preloadDetails(today: CalendarDay) async throws {
        guard let memo else { return }
        let revision = try await memo.revision(sql: sql)
        var all: [Int: AgencyDetail] = [:]
        for ids in try await allIDs().chunked(Self.bulkChunk) {
            all.merge(try await details(ids: ids, today: today)) { $1 }
        }
        memo.store(Self.preloadKey(today), revision: revision, all)
    }

    /// Runs `body` (the static copy's reading and rendering) at the data's current revision, held:
    /// reads in it do not each ask whether the data changed.
    public func holdingRevision<T>(_ body: () async throws -> T) async throws -> T {
        guard let memo else { return try await body() }
        return try await memo.holding(try await revision(), body)
    }

    func allIDs() async throws -> [Int] {
        try await sql.select().column("id").from("agencies").orderBy("id").all().map { try $0.decode(column: "id", as: Int.self) }
    }

    /// The page data of each of `ids` that exists.
    public func details(ids: [Int], today: CalendarDay) async throws -> [Int: AgencyDetail] {
        var result: [Int: AgencyDetail] = [:]
        for chunk in ids.chunked(Self.bulkChunk) {
            result.merge(try await detailsOfChunk(chunk, today: today)) { $1 }
        }
        return result
    }

    private func detailsOfChunk(_ ids: [Int], today: CalendarDay) async throws -> [Int: AgencyDetail] {
        var agencyRows: [Int: AgencyRow] = [:]
        for row in try await sql.select().columns(AgencyRow.columns.map { SQLColumn($0) }).from("agencies").where("id", .in, ids).all() {
            let agencyRow = try Self.agencyRow(row)
            if let id = agencyRow.id { agencyRows[id] = agencyRow }
        }
        guard !agencyRows.isEmpty else { return [:] }
        let ids = agencyRows.keys.sorted()
        let snapshots = Dictionary(grouping: try await sql.select().column("*").from("portal_snapshots").where("agency_id", .in, ids).all()
            .map { try $0.decode(model: SnapshotRow.self) }, by: \.agencyId)
            .mapValues { rows in rows.map(\.snapshot).sorted { ($0.asOf ?? .distantPast) > ($1.asOf ?? .distantPast) } }
        let sharesWith = try await links(joining: "viewer_id", where: "owner_id", ids)
        let receivesFrom = try await links(joining: "owner_id", where: "viewer_id", ids)
        let checks = Dictionary(grouping: try await sql.select().column("*").from("url_checks").where("agency_id", .in, ids).orderBy("url").all()
            .map { try $0.decode(model: URLCheckRow.self) }, by: \.agencyId)
        var surveys: [Int: SurveyRow] = [:]
        for row in try await sql.select().column("*").from("survey_entries").where("agency_id", .in, ids).all() {
            let survey = try row.decode(model: SurveyRow.self)
            if surveys[survey.agencyId] == nil { surveys[survey.agencyId] = survey }
        }
        let reference = ReferenceQueries(sql: sql)
        let laws = Dictionary(try await reference.stateRecordsLaws().map { ($0.stateCode, $0) }) { first, _ in first }
        let restrictions = Dictionary(grouping: try await reference.stateRestrictionLaws(), by: \.stateCode)
        let contradictionQueries = ContradictionQueries(sql: sql, memo: memo)
        let reported = Dictionary(grouping: try await contradictionQueries.reportedFindings().filter { $0.agencyID != nil }, by: { $0.agencyID! })
        let idSet = Set(ids)
        var contradictions: [Int: [Contradiction]] = [:]
        for contradiction in try await contradictionQueries.contradictions() {
            if let id = contradiction.agencyID, idSet.contains(id) { contradictions[id, default: []].append(contradiction) }
        }
        let outcomes = try await contradictionQueries.outcomeHistory()
        let requests = Dictionary(grouping: try await RequestStore.list(sql: sql, agencyIDs: ids), by: \.agencyID)
        let findings = Dictionary(grouping: try await FindingStore.latestVersions(sql: sql, agencyIDs: ids, verifiedOnly: true), by: \.agencyID)
        let evidenceIDs = Array(Set(findings.values.joined().flatMap(\.evidenceIDs))).sorted()
        let evidence = evidenceIDs.isEmpty ? [] : try await EvidenceStore.list(sql: sql) { $0.where("id", .in, evidenceIDs) }
        let statements = Dictionary(grouping: try await StatementStore.list(sql: sql) { $0.where("agency_id", .in, ids).where("verified_at", .isNot, SQLLiteral.null) }, by: \.agencyID)
        let timelines = try await HotlistLogStore.timelines(sql: sql, agencyIDs: ids, limit: 2_000)
        let atlas = try await atlasEntries(agencyIDs: ids)
        let searchAudits = try await SearchAuditStore.verified(sql: sql, agencyIDs: ids)
        let hits = try await HitLogStore.counts(sql: sql, agencyIDs: ids) { agencyID, evidenceID in
            (findings[agencyID] ?? []).contains { $0.immigrationViolator == .enabled && $0.evidenceIDs.contains(evidenceID) }
        }

        var result: [Int: AgencyDetail] = [:]
        for (id, agencyRow) in agencyRows {
            let agencySnapshots = snapshots[id] ?? []
            let law = agencyRow.stateCode.flatMap { laws[$0] }
            var detail = AgencyDetail(agency: agencyRow.agency, signals: agencyRow.signals, priority: agencyRow.priority, snapshots: agencySnapshots,
                                      sharesWith: sharesWith[id] ?? [], receivesFrom: receivesFrom[id] ?? [],
                                      urlChecks: (checks[id] ?? []).map { URLCheck(agencyKey: agencyRow.externalKey, url: $0.url, lastAttempt: $0.lastAttempt, statusCode: $0.statusCode, notes: $0.notes) },
                                      survey: surveys[id].map { $0.entry(agencyKey: agencyRow.externalKey) },
                                      recordsLaw: law, restrictionLaws: agencyRow.stateCode.flatMap { restrictions[$0] } ?? [])
            detail.reportedFindings = (reported[id] ?? []).map(\.finding)
            detail.contradictions = contradictions[id] ?? []
            // A Flock portal, a Flock vendor name or Flock sharing lists all mean the agency uses Flock.
            let usesFlock = agencyRow.agency.flockPortalURL != nil || (agencyRow.agency.vendor?.lowercased().contains("flock") ?? false)
                || !agencySnapshots.isEmpty || !detail.sharesWith.isEmpty || !detail.receivesFrom.isEmpty
            detail.findings = findings[id] ?? []
            let wanted = Set(detail.findings.flatMap(\.evidenceIDs))
            detail.findingEvidence = wanted.isEmpty ? [] : evidence.filter { wanted.contains($0.id) }
            detail.statements = statements[id] ?? []
            detail.hotlistTimeline = (timelines[id] ?? []).map(\.action)
            detail.atlasEntries = atlas[id] ?? []
            detail.searchAudits = searchAudits[id] ?? []
            detail.hitCounts = hits.counts[id] ?? []
            detail.hitCountsAwaitingReview = hits.withheld.contains(id)
            detail.status = AgencyStatus.derive(reported: outcomes[id] ?? [], requests: Array((requests[id] ?? []).prefix(1_000)), usesFlock: usesFlock, today: today)
            // The ranking is about asking; once records answered the question, say so first.
            switch detail.status.code {
            case .immigrationViolatorEnabled, .immigrationViolatorDisabled:
                detail.priority.reasons.insert("Already answered by records: \(detail.status.label). Ask again only to learn whether the setting has changed since.", at: 0)
            case .refused:
                detail.priority.reasons.insert("Refused once: \(detail.status.label). An appeal, or a request from someone in the state, may still get the records.", at: 0)
            default: break
            }
            result[id] = detail
        }
        return result
    }

    /// Per agency of `ids`, the agencies on the other side of its sharing edges, by name.
    private func links(joining other: String, where column: String, _ ids: [Int]) async throws -> [Int: [AgencyLink]] {
        var result: [Int: [AgencyLink]] = [:]
        for row in try await sql.select().column(SQLColumn("id", table: "agencies")).column(SQLColumn("name", table: "agencies"))
            .column(SQLColumn("state_code", table: "agencies")).column(SQLColumn(column, table: "sharing_edges"), as: "key")
            .from("sharing_edges")
            .join("agencies", on: SQLColumn("id", table: "agencies"), .equal, SQLColumn(other, table: "sharing_edges"))
            .where(SQLColumn(column, table: "sharing_edges"), .in, SQLBind.group(ids))
            .orderBy(SQLColumn("name_search", table: "agencies"))
            .all() {
            result[try row.decode(column: "key", as: Int.self), default: []].append(
                AgencyLink(id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
                           stateCode: try row.decode(column: "state_code", as: String?.self)))
        }
        return result
    }
}

extension Array {
    /// The array cut into consecutive pieces of at most `size` elements.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
