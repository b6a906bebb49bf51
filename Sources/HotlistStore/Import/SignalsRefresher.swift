import Foundation
import HotlistCore
import SQLKit

/// Recomputes every agency's signals and request priority (in HotlistCore) from what is stored,
/// and writes back only those that changed.
enum SignalsRefresher {
    private struct SnapshotFacts: Codable {
        var agencyId: Int
        var page: String
        var updatedAt: Date?
        var accessedAt: Date?
        var cameraCount: Int?
        var hotlistsRaw: String?
        var prohibitedUsesRaw: String?

        enum CodingKeys: String, CodingKey {
            case agencyId = "agency_id", page, updatedAt = "updated_at", accessedAt = "accessed_at"
            case cameraCount = "camera_count", hotlistsRaw = "hotlists_raw", prohibitedUsesRaw = "prohibited_uses_raw"
        }
    }

    /// `today` dates the renewal boost ("renews in 63 days"); the day is stored so the server can
    /// tell when the stored priority has gone stale (see `ContractStore.refreshPriorityIfStale`).
    static func refresh(sql: any SQLDatabase, summary: inout ImportSummary, today: CalendarDay = CalendarDay.today(Date())) async throws {
        var renewals: [Int: RenewalAhead] = [:]
        for renewal in try await ContractStore.renewalsAhead(sql: sql, contradictions: ContradictionQueries(sql: sql), today: today,
                                                             within: AskFirstRank.renewalWindowDays, agencyIDs: nil) where renewals[renewal.agencyID] == nil {
            renewals[renewal.agencyID] = renewal
        }
        let restrictive = try await ReferenceQueries(sql: sql).restrictiveStates()
        var snapshots: [Int: [PortalSnapshot]] = [:]
        for row in try await sql.select().columns("agency_id", "page", "updated_at", "accessed_at", "camera_count", "hotlists_raw", "prohibited_uses_raw").from("portal_snapshots").all() {
            let facts = try row.decode(model: SnapshotFacts.self)
            var snapshot = PortalSnapshot(page: PortalPage(rawValue: facts.page) ?? .usage, source: "")
            snapshot.updatedAt = facts.updatedAt; snapshot.accessedAt = facts.accessedAt
            snapshot.cameraCount = facts.cameraCount; snapshot.hotlistsRaw = facts.hotlistsRaw
            snapshot.prohibitedUsesRaw = facts.prohibitedUsesRaw
            snapshots[facts.agencyId, default: []].append(snapshot)
        }
        let sharesWith = try await counts(sql, groupedBy: "owner_id")
        let receivesFrom = try await counts(sql, groupedBy: "viewer_id")
        var changed = 0
        for row in try await sql.select().columns(AgencyRow.columns.map { SQLColumn($0) }).from("agencies").all() {
            var agency = try AgencyRow(row: row)
            let id = agency.id!
            let signals = AgencySignals.compute(snapshots: snapshots[id] ?? [], sharesWithCount: sharesWith[id] ?? 0,
                                                receivesFromCount: receivesFrom[id] ?? 0, knownPortalURL: agency.flockPortalUrl)
            let priority = AskFirstRank.assess(signals, stateCode: agency.stateCode, restrictiveStates: restrictive, name: agency.name)
                .boosted(by: renewals[id], today: today)
            let before = agency
            agency.apply(signals, priority)
            if sameSignals(before, agency) { continue }
            changed += 1
            try await sql.update("agencies")
                .set("alerts_ncic", to: agency.alertsNcic).set("ncic_evidence", to: agency.ncicEvidence)
                .set("immigration_policy", to: agency.immigrationPolicy).set("immigration_evidence", to: agency.immigrationEvidence)
                .set("shares_with_count", to: agency.sharesWithCount).set("receives_from_count", to: agency.receivesFromCount)
                .set("latest_snapshot_at", to: agency.latestSnapshotAt).set("has_portal", to: agency.hasPortal)
                .set("camera_count", to: agency.cameraCount).set("priority_tier", to: agency.priorityTier)
                .set("priority_sort", to: agency.prioritySort).set("priority_reasons", to: agency.priorityReasons)
                .where("id", .equal, id).run()
        }
        try await sql.update("directory_state").set("priority_day", to: SQLBind(today.iso)).where("id", .equal, 1).run()
        if changed > 0 { summary.notices.append("signals and request priority recomputed for \(changed) agencies") }
    }

    private static func sameSignals(_ a: AgencyRow, _ b: AgencyRow) -> Bool {
        a.alertsNcic == b.alertsNcic && a.ncicEvidence == b.ncicEvidence && a.immigrationPolicy == b.immigrationPolicy
            && a.immigrationEvidence == b.immigrationEvidence && a.sharesWithCount == b.sharesWithCount
            && a.receivesFromCount == b.receivesFromCount && a.hasPortal == b.hasPortal && a.cameraCount == b.cameraCount
            && a.priorityTier == b.priorityTier && a.prioritySort == b.prioritySort && a.priorityReasons == b.priorityReasons
            && sameInstant(a.latestSnapshotAt, b.latestSnapshotAt)
    }

    /// Databases round dates differently (PostgreSQL keeps microseconds); a second is close enough.
    private static func sameInstant(_ a: Date?, _ b: Date?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (a?, b?): abs(a.timeIntervalSince(b)) < 1
        default: false
        }
    }

    private static func counts(_ sql: any SQLDatabase, groupedBy column: String) async throws -> [Int: Int] {
        var result: [Int: Int] = [:]
        for row in try await sql.select().column(SQLColumn(column)).column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("sharing_edges").groupBy(SQLColumn(column)).all() {
            result[try row.decode(column: column, as: Int.self)] = try row.decode(column: "n", as: Int.self)
        }
        return result
    }
}
