import Foundation
@testable import HotlistCore
@testable import HotlistStore
@testable import HotlistWeb
import Testing

/// The public dashboard, the state pages and the contradictions list.
@Suite struct PublicFaceSnapshotTests {
    static var overview: PublicFaceQueries.Overview {
        var nevada = StateTally(stateCode: "NV")
        nevada.agencies = 6; nevada.researched = 2; nevada.enabled = 1; nevada.requestsFiled = 3; nevada.requestsAnswered = 2
        nevada.requestsDenied = 1; nevada.requestsOverdue = 1; nevada.contradictions = 2; nevada.medianDaysToAnswer = 7.5
        var california = StateTally(stateCode: "CA")
        california.agencies = 400; california.contradictions = 20; california.requestsFiled = 1; california.requestsAnswered = 1; california.medianDaysToAnswer = 12
        var massachusetts = StateTally(stateCode: "MA")
        massachusetts.refused = 1
        var oregon = StateTally(stateCode: "OR")
        oregon.disabled = 2
        let states = USState.all.map { state in [nevada, california, massachusetts, oregon].first { $0.stateCode == state.code } ?? StateTally(stateCode: state.code) }
        return PublicFaceQueries.Overview(states: states, nation: StateTally.total(states),
                                          months: [MonthlyCount(month: "2026-03", filed: 3, answered: 0), MonthlyCount(month: "2026-04", filed: 1, answered: 3)],
                                          outcomes: [(.immigrationViolatorEnabled, 0, 1), (.immigrationViolatorDisabled, 2, 0), (.refused, 0, 1)])
    }

    @Test func homeWithTheDashboard() {
        var model = HomeView.Model(counts: Fixture.counts, topPriority: [])
        model.overview = Self.overview
        assertPage(HomeView.render(model), named: "anonymous")
        var empty = model
        empty.overview = PublicFaceQueries.Overview(states: USState.all.map { StateTally(stateCode: $0.code) }, nation: StateTally(stateCode: "US"), months: [], outcomes: [])
        assertPage(HomeView.render(empty), named: "nothing-yet")
    }

    @Test func statePage() {
        let tally = Self.overview.states.first { $0.stateCode == "NV" }!
        let record = Fixture.agencyDetail.reportedFindings[0]
        let model = StatesView.StatePage(state: USState.byCode("NV")!, tally: tally, law: Fixture.lawNV, restrictions: [Fixture.restriction],
                                         agencies: [(AgencyLink(id: 1, name: Fixture.hostile, stateCode: "NV"), record, [.ownPolicy, .publicStatement]),
                                                    (AgencyLink(id: 2, name: "Reno NV PD", stateCode: "NV"), nil, [.exposureThroughSharing])])
        assertPage(StatesView.state(model, viewer: nil), named: "nevada")
        let quiet = StatesView.StatePage(state: USState.byCode("WY")!, tally: StateTally(stateCode: "WY"), law: nil, restrictions: [], agencies: [])
        assertPage(StatesView.state(quiet, viewer: Fixture.viewer(.volunteer)), named: "nothing-yet")
    }

    @Test func contradictionsPage() {
        let items = Fixture.agencyDetail.contradictions.filter { $0.rule != .askFirst }
        let model = ContradictionsView.Page(items: items, total: 60, page: 2, perPage: 25, rule: .publicStatement, state: "NV",
                                            countsByRule: [.publicStatement: 60, .askFirst: 3],
                                            reported: [ContradictionQueries.MatchedFinding(finding: Fixture.agencyDetail.reportedFindings[0], agencyID: 1)])
        assertPage(ContradictionsView.page(model, viewer: nil), named: "page-2")
        let none = ContradictionsView.Page(items: [], total: 0, page: 1, perPage: 25, rule: nil, state: nil, countsByRule: [:], reported: [])
        assertPage(ContradictionsView.page(none, viewer: nil), named: "none")
    }
}
