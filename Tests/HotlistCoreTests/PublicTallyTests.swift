import Foundation
@testable import HotlistCore
import Testing

@Suite struct PublicTallyTests {
    func request(_ id: Int, agency: Int, state: String, status: RequestStatus = .filed, filed: String?, due: String? = nil) -> RecordsRequest {
        RecordsRequest(id: id, agencyID: agency, agencyName: "Agency \(agency)", stateCode: state, campaignID: nil, status: status,
                       requester: Requester(name: "V", email: "v@example.org"), subject: "s", letter: "l", channel: .email, portalKind: nil, channelURL: nil,
                       filedOn: filed.flatMap(CalendarDay.init(iso:)), receivedOn: nil, dueOn: due.flatMap(CalendarDay.init(iso:)), followUpOn: nil, dueBasis: nil, extensionDays: 0,
                       trackingNumbers: [], createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
    }

    func record(_ outcome: RecordedOutcome.Outcome, _ day: String, state: String, verified: Int? = nil) -> RecordedOutcome {
        RecordedOutcome(agencyName: "A", stateCode: state, outcome: outcome, reportedProhibitsImmigration: false, asOf: day, reportedBy: "EFF",
                        title: "t", url: "https://example.org", confidence: .high, notes: "", verifiedFindingID: verified)
    }

    @Test func tileGridPlacesEveryStateOnceWithoutOverlap() {
        let tiles = USTileGrid.tiles
        #expect(tiles.count == USState.all.count)
        #expect(Set(tiles.map(\.state.code)) == Set(USState.all.map(\.code)))
        let places = tiles.map { "\($0.row),\($0.column)" }
        #expect(Set(places).count == places.count, "two states share a square")
        #expect(tiles.allSatisfy { $0.row < USTileGrid.rows && $0.column < USTileGrid.columns })
        // Reading order is keyboard order: row by row, left to right.
        #expect(tiles.map { $0.row * 100 + $0.column } == tiles.map { $0.row * 100 + $0.column }.sorted())
    }

    @Test func talliesCountAgenciesRequestsRecordsAndContradictionsPerState() {
        let agencies: [(id: Int, stateCode: String?)] = [(1, "NV"), (2, "NV"), (3, "NV"), (4, "CA"), (5, nil)]
        // Agency 1: disabled, then enabled again (newest wins). Agency 4: refused.
        let history = [1: [record(.immigrationViolatorDisabled, "2025-01-01", state: "NV"), record(.immigrationViolatorEnabled, "2026-01-01", state: "NV", verified: 7)],
                       4: [record(.refused, "2026-02-01", state: "CA")]]
        let requests = [request(1, agency: 2, state: "NV", filed: "2026-10-01", due: "2026-10-08"),
                        request(2, agency: 3, state: "NV", status: .fulfilled, filed: "2026-10-01"),
                        request(3, agency: 3, state: "NV", status: .draft, filed: nil),
                        request(4, agency: 2, state: "NV", status: .withdrawn, filed: "2026-09-01")]
        let history2 = [StatusChange(id: 1, requestID: 2, from: .filed, to: .fulfilled, occurredOn: CalendarDay(iso: "2026-10-11")!, note: "", recordedAt: Date())]
        let contradictions = [Contradiction(rule: .ownPolicy, agencyID: 1, agencyName: "A", stateCode: "NV", explanation: "", evidence: [], citations: []),
                              Contradiction(rule: .askFirst, agencyID: 2, agencyName: "B", stateCode: "NV", explanation: "", evidence: [], citations: [])]
        let tallies = PublicTally.byState(agencyStates: agencies, history: history, requests: requests, statusHistory: history2,
                                          contradictions: contradictions, today: CalendarDay(iso: "2026-11-30")!)
        let nevada = tallies["NV"]!
        #expect(nevada.agencies == 3)
        #expect(nevada.researched == 3, "agency 1 by its record, 2 and 3 by filed requests")
        #expect(nevada.requestsFiled == 2, "drafts and withdrawn requests do not count")
        #expect(nevada.requestsAnswered == 1 && nevada.requestsOverdue == 1)
        #expect(nevada.medianDaysToAnswer == 10)
        #expect(nevada.enabled == 1 && nevada.disabled == 0, "the newest record decides")
        #expect(nevada.contradictions == 1 && nevada.askFirst == 1, "rule 7 is counted apart")
        #expect(nevada.category == .enabled)
        let california = tallies["CA"]!
        #expect(california.refused == 1 && california.category == .asked)
        #expect(tallies.count == 2, "an agency without a state counts in no state")
        let nation = StateTally.total(Array(tallies.values))
        #expect(nation.agencies == 4 && nation.enabled == 1 && nation.refused == 1 && nation.requestsFiled == 2)
    }

    @Test func categoryOrderIsStrongestFirst() {
        var tally = StateTally(stateCode: "NV")
        #expect(tally.category == .nothingYet && tally.category.mark.isEmpty)
        tally.requestsFiled = 1; #expect(tally.category == .asked)
        tally.disabled = 1; #expect(tally.category == .disabled)
        tally.contradictions = 1; #expect(tally.category == .contradiction)
        tally.enabled = 1; #expect(tally.category == .enabled)
        #expect(Set(StateTally.Category.allCases.map(\.mark)).count == StateTally.Category.allCases.count, "each category prints its own word")
    }

    @Test func monthlyCountsFillEmptyMonthsAndCountFirstAnswers() {
        let requests = [request(1, agency: 1, state: "NV", filed: "2026-01-15"), request(2, agency: 2, state: "NV", filed: "2026-03-02"),
                        request(3, agency: 3, state: "NV", status: .withdrawn, filed: "2026-02-02")]
        let history = [StatusChange(id: 1, requestID: 1, from: .filed, to: .denied, occurredOn: CalendarDay(iso: "2026-02-20")!, note: "", recordedAt: Date()),
                       StatusChange(id: 2, requestID: 1, from: .denied, to: .fulfilled, occurredOn: CalendarDay(iso: "2026-04-01")!, note: "", recordedAt: Date())]
        let months = MonthlyCount.compute(requests, history: history)
        #expect(months == [MonthlyCount(month: "2026-01", filed: 1, answered: 0), MonthlyCount(month: "2026-02", filed: 0, answered: 1),
                           MonthlyCount(month: "2026-03", filed: 1, answered: 0)])
        #expect(MonthlyCount.monthRange(from: "2025-11", to: "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"])
        #expect(MonthlyCount.monthRange(from: "1900-01", to: "2026-01").count == 120, "a stray date cannot make thousands of bars")
        #expect(MonthlyCount.compute([], history: []).isEmpty)
    }
}
