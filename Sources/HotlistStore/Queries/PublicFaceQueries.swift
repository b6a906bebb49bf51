import HotlistCore
import SQLKit

/// What the public dashboard, the map, the state pages and the charts count: tallies per state,
/// requests per month. Counts only: no requester, no unverified finding.
public struct PublicFaceQueries: Sendable {
    let database: HotlistDatabase
    public init(_ database: HotlistDatabase) { self.database = database }

    public struct Overview: Sendable {
        /// Every state and DC, with zeros where nothing is known.
        public var states: [StateTally]
        public var nation: StateTally
        public var months: [MonthlyCount]
        /// Agencies whose newest record of the setting is ours (verified) or a report, by outcome.
        public var outcomes: [(outcome: RecordedOutcome.Outcome, ours: Int, reported: Int)]
    }

    /// Computed once per revision of the data and day (overdue counts change with the day).
    public func overview(today: CalendarDay) async throws -> Overview {
        let revision = try await database.memo.revision(sql: database.sql)
        return try await database.memo.value("public-face.overview.\(today.iso)", revision: revision) { try await computeOverview(today: today) }
    }

    private func computeOverview(today: CalendarDay) async throws -> Overview {
        let sql = database.sql
        let agencies = try await sql.select().columns("id", "state_code").from("agencies").all().map {
            (id: try $0.decode(column: "id", as: Int.self), stateCode: try $0.decode(column: "state_code", as: String?.self))
        }
        let contradictionQueries = ContradictionQueries(database)
        let history = try await contradictionQueries.outcomeHistory()
        let contradictions = try await contradictionQueries.contradictions()
        let requests = try await RequestStore(database).list(RequestFilter(limit: 100_000))
        var statusHistory: [StatusChange] = []
        let ids = requests.map(\.id)
        for start in stride(from: 0, to: ids.count, by: 500) {
            statusHistory += try await RequestStore.history(sql, requestIDs: Array(ids[start..<min(start + 500, ids.count)]))
        }
        let byState = PublicTally.byState(agencyStates: agencies, history: history, requests: requests, statusHistory: statusHistory,
                                          contradictions: contradictions, today: today)
        let states = USTileGrid.tiles.map(\.state).sorted { $0.name < $1.name }.map { byState[$0.code] ?? StateTally(stateCode: $0.code) }
        var outcomes: [RecordedOutcome.Outcome: (ours: Int, reported: Int)] = [:]
        for records in history.values {
            guard let newest = ContradictionEngine.currentSetting(records) ?? records.last else { continue }
            if newest.verifiedFindingID == nil { outcomes[newest.outcome, default: (0, 0)].reported += 1 } else { outcomes[newest.outcome, default: (0, 0)].ours += 1 }
        }
        return Overview(states: states, nation: StateTally.total(Array(byState.values)),
                        months: MonthlyCount.compute(requests, history: statusHistory),
                        outcomes: RecordedOutcome.Outcome.allCases.map { ($0, outcomes[$0]?.ours ?? 0, outcomes[$0]?.reported ?? 0) })
    }
}

extension PublicFaceQueries {
    /// Name and state of each agency, in one query per 500 ids.
    public func agencyLinks(ids: Set<Int>) async throws -> [AgencyLink] {
        let all = Array(ids).sorted()
        var links: [AgencyLink] = []
        for start in stride(from: 0, to: all.count, by: 500) {
            links += try await database.sql.select().columns("id", "name", "state_code").from("agencies")
                .where("id", .in, Array(all[start..<min(start + 500, all.count)])).all().map {
                    AgencyLink(id: try $0.decode(column: "id", as: Int.self), name: try $0.decode(column: "name", as: String.self),
                               stateCode: try $0.decode(column: "state_code", as: String?.self))
                }
        }
        return links
    }
}
