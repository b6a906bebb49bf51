import Foundation
@testable import HotlistCore
@testable import HotlistStore
@testable import HotlistWeb
import Testing

/// Pages anyone can read: their HTML as recorded, for an anonymous visitor and for signed-in roles.
@Suite struct PublicPageSnapshotTests {
    @Test func home() {
        // setup
        var model = HomeView.Model(counts: Fixture.counts, topPriority: Fixture.agencies)
        model.residentsOnly = ["NC": "North Carolina & <Co>"]
        // MUT, validate
        assertPage(HomeView.render(model), named: "anonymous")

        var signedIn = model
        signedIn.needsAction = [Fixture.request(1, status: .filed, overdue: true), Fixture.request(2, status: .acknowledged)]
        signedIn.today = Fixture.today
        signedIn.awaitingReview = (all: 5, mine: 2)
        signedIn.viewerMayReview = true
        signedIn.sentBack = [Fixture.finding(id: 8, verified: false)]
        assertPage(HomeView.render(signedIn, viewer: Fixture.viewer(.reviewer)), named: "reviewer")

        var nothingDue = model
        nothingDue.topPriority = []
        nothingDue.needsAction = []
        nothingDue.today = Fixture.today
        nothingDue.awaitingReview = (all: 1, mine: 1)
        assertPage(HomeView.render(nothingDue, viewer: Fixture.viewer(.volunteer, name: Fixture.hostile)), named: "volunteer-nothing-due")
    }

    @Test func directory() {
        var filter = AgencyFilter(text: "Sparks \"&\" <b>", state: "NV", kind: .policeDepartment, alertsNCIC: true, prohibitsImmigration: false, sort: .name)
        filter.page = 2
        let page = AgencyPage(items: Fixture.agencies, total: 60, page: 2, perPage: 25)
        assertPage(DirectoryView.render(.init(filter: filter, page: page, states: USState.all)), named: "filtered")
        let empty = AgencyPage(items: [], total: 0, page: 1, perPage: 25)
        assertPage(DirectoryView.render(.init(filter: AgencyFilter(), page: empty, states: USState.all), viewer: Fixture.viewer(.admin)), named: "empty-admin")
    }

    @Test func agency() {
        assertPage(AgencyView.render(.init(detail: Fixture.agencyDetail, now: Fixture.now)), named: "anonymous")
        assertPage(AgencyView.render(.init(detail: Fixture.agencyDetail, now: Fixture.now, notice: Notice.contactCorrected.text,
                                           letters: [AgencyLetter(id: 1, agencyID: 1, recipient: "the Council & <Clerk>", recipientEmail: nil, subject: "Hotlist <settings>",
                                                                  body: "b", delivery: .mailto, madeByLabel: "vera@example.org", createdAt: Fixture.now)]),
                                     viewer: Fixture.viewer(.volunteer)),
                   named: "volunteer-notice")
        assertPage(AgencyView.render(.init(detail: Fixture.emptyAgencyDetail, now: Fixture.now)), named: "no-data")
    }

    @Test func about() {
        assertPage(AboutView.render(counts: Fixture.counts), named: "anonymous")
    }

    @Test func data() {
        let files = PublicDataFiles.names.enumerated().map { index, name in
            let bytes = Array(repeating: UInt8(ascii: "x"), count: 1_000 * (index + 1))
            let file = PublicDataFile(path: "data/" + name, contentType: PublicDataFiles.contentType(of: name), bytes: bytes)
            return PublicDataCache.Served(file: file, body: .init(bytes: bytes), etag: PublicDataCache.etag(bytes), generatedAt: Fixture.now)
        }
        let baseURL = "https://hotlist.example.org/\"<b>"
        assertPage(DataView.render(files: files, catalog: PublicDataSet.catalog(baseURL: baseURL), baseURL: baseURL), named: "anonymous")
    }

    @Test func reference() {
        assertPage(ReferenceView.ncic(Fixture.topics), named: "ncic")
        assertPage(ReferenceView.states([Fixture.lawNV, Fixture.lawHostile], restrictions: [Fixture.restriction], viewer: Fixture.viewer(.admin)), named: "states")
        assertPage(ReferenceView.state(Fixture.lawNV, restrictions: [Fixture.restriction]), named: "state-nevada")
        assertPage(ReferenceView.state(Fixture.lawHostile, restrictions: []), named: "state-unresearched")
    }

    @Test func findings() {
        let items = [(agency: AgencyLink(id: 1, name: Fixture.hostile, stateCode: "NV"), finding: Fixture.finding()),
                     (agency: AgencyLink(id: 2, name: "Reno PD", stateCode: nil), finding: Fixture.finding(id: 4))]
        let reported = [ContradictionQueries.MatchedFinding(finding: Fixture.agencyDetail.reportedFindings[0], agencyID: 1),
                        ContradictionQueries.MatchedFinding(finding: RecordedOutcome(agencyName: "Unknown <PD>", stateCode: "TX", outcome: .refused,
                                                                                     reportedProhibitsImmigration: false, asOf: "2025", reportedBy: "EFF",
                                                                                     title: "T & <t>", url: "https://eff.org/r", confidence: .low, notes: ""), agencyID: nil),
                        // From another site's records package: the site's name links to the site.
                        ContradictionQueries.MatchedFinding(finding: RecordedOutcome(agencyName: "Reno PD", stateCode: "NV", outcome: .immigrationViolatorEnabled,
                                                                                     reportedProhibitsImmigration: false, asOf: "2026-09-30", reportedBy: "Plate <Watch>",
                                                                                     title: "Finding #3, version 1, verified from records there", url: "https://plates.example.org/agencies/9#finding-3",
                                                                                     confidence: .medium, notes: "", reporterURL: "https://plates.example.org"), agencyID: 2)]
        assertPage(FindingsView.publicList(items, reported: reported, state: nil, viewer: nil), named: "all")
        assertPage(FindingsView.publicList([], state: "NV", viewer: Fixture.viewer(.volunteer)), named: "none-in-state")
    }

    @Test func error() {
        assertPage(ErrorView.render(status: 400, title: "Bad <input>", message: "Fix \"this\" & that",
                                    problems: [(field: "name & <x>", text: "is empty"), (field: nil, text: "Something <else>")]), named: "problems")
        assertPage(ErrorView.render(status: 404, title: "Not found", message: "No such page.", viewer: Fixture.viewer(.reviewer)), named: "reviewer")
    }

    @Test func signIn() {
        assertPage(SignInView.render(.init(email: Fixture.hostile, next: "/requests?x=\"1\"&y=<2>", formToken: "form-token-abc")), named: "sign-in")
        assertPage(SignInView.render(.init(formToken: "form-token-abc", message: "Wrong email or password & <try again>", messageKind: .error)), named: "sign-in-error")
        assertPage(SignInView.render(.init(formToken: "form-token-abc", message: "Signed out.")), named: "sign-in-notice")
        let problems = [InputProblem(file: "form", field: "password", problem: "too short <8>", hint: "Use \"more\" & longer")]
        assertPage(SignInView.reset(.init(token: "tok\"en<", formToken: "form-token-abc", problems: problems, message: "Code expired & <gone>")), named: "reset-problems")
        assertPage(SignInView.reset(.init(formToken: "form-token-abc")), named: "reset-empty")
    }
}
