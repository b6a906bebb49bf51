import Foundation
@testable import HotlistCore
@testable import HotlistStore
@testable import HotlistWeb
import Testing

/// Signed-in work on an agency: evidence, findings, statements and the review queue.
@Suite struct WorkspacePageSnapshotTests {
    static let agency = AgencyLink(id: 1, name: Fixture.hostile, stateCode: "NV")

    @Test func evidenceWorkspace() {
        var model = EvidenceView.Workspace(viewer: Fixture.viewer(.reviewer), agencyID: 1, agencyName: Fixture.hostile,
                                           evidence: [Fixture.file(5, requestID: 21), Fixture.file(6, isPublic: false)],
                                           requests: [Fixture.request(21, status: .filed)], findings: [Fixture.finding(), Fixture.finding(id: 4, verified: false)],
                                           statements: [Fixture.statement(), Fixture.statement(id: 5, verified: false)],
                                           timeline: [HotlistTimelineEntry(evidenceID: 6, action: Fixture.action(1, event: "Hotlist Created", details: "Plate <ABC> & 1"))],
                                           maxFileSize: 50_000_000, problems: [InputProblem(file: "upload.csv", line: 3, column: 2, field: "Timestamp", problem: "not a date <x>", hint: "Use ISO 8601 & retry")],
                                           notice: Notice.evidenceAdded.text)
        assertPage(EvidenceView.workspace(model), named: "reviewer")
        model = EvidenceView.Workspace(viewer: Fixture.viewer(.volunteer), agencyID: 1, agencyName: "Sparks NV PD", evidence: [], requests: [], findings: [],
                                       statements: [], timeline: [], maxFileSize: 1_000)
        assertPage(EvidenceView.workspace(model), named: "volunteer-empty")
    }

    @Test func evidencePage() {
        let file = Fixture.file(5, requestID: 21, communicationID: 31)
        assertPage(EvidenceView.page(.init(viewer: nil, evidence: file, agencyName: Fixture.hostile, findings: [Fixture.finding()])), named: "anonymous")
        var privateFile = Fixture.file(6, isPublic: false)
        privateFile.kind = .jpeg
        assertPage(EvidenceView.page(.init(viewer: Fixture.viewer(.admin), evidence: privateFile, agencyName: Fixture.hostile, findings: [],
                                           notice: Notice.evidenceKeptPrivate.text)), named: "admin-private")
        var withdrawn = Fixture.file(7)
        withdrawn.withdrawal = .init(at: Fixture.daysAgo(2), reason: "Held a plate <ABC> & a name", byLabel: "Adam Admin")
        assertPage(EvidenceView.page(.init(viewer: Fixture.viewer(.reviewer), evidence: withdrawn, agencyName: "Sparks NV PD", findings: [Fixture.finding()])),
                   named: "reviewer-withdrawn")
    }

    @Test func findingForm() {
        var values = FindingsView.FormValues(Fixture.finding())
        values.note = Fixture.hostile
        let model = FindingsView.Form(viewer: Fixture.viewer(.volunteer), agency: Self.agency, findingID: 3, topics: Fixture.topics,
                                      evidence: [Fixture.file(5), Fixture.file(6, isPublic: false)], values: values,
                                      problems: [InputProblem(file: "form", field: "as_of", problem: "missing", hint: "Enter the date")],
                                      sentBack: .init(byLabel: "Rita Reviewer", at: Fixture.daysAgo(1), reason: "Wrong \"date\" & <topic>"))
        assertPage(FindingsView.form(model), named: "correction-sent-back")
        let empty = FindingsView.Form(viewer: Fixture.viewer(.volunteer), agency: Self.agency, findingID: nil, topics: Fixture.topics, evidence: [],
                                      values: FindingsView.FormValues(), problems: [])
        assertPage(FindingsView.form(empty), named: "new-no-evidence")
    }

    @Test func findingPage() {
        var withdrawnFile = Fixture.file(5)
        withdrawnFile.withdrawal = .init(at: Fixture.daysAgo(2), reason: "mistake <x>", byLabel: "Adam Admin")
        let history = [Fixture.finding(version: 1), Fixture.finding(version: 2, verified: false, enteredBy: 20)]
        func page(_ viewer: Viewer, _ history: [FindingVersion], evidence: [EvidenceFile] = [Fixture.file(5)]) -> FindingsView.Page {
            FindingsView.Page(viewer: viewer, agency: Self.agency, history: history, evidence: evidence, topics: Fixture.topics,
                              notice: nil, problems: [])
        }
        assertPage(FindingsView.page(page(Fixture.viewer(.reviewer), history)), named: "reviewer-may-verify")
        assertPage(FindingsView.page(page(Fixture.viewer(.volunteer, id: 20), history)), named: "author")
        assertPage(FindingsView.page(page(Fixture.viewer(.volunteer), history)), named: "volunteer")
        let sentBack = [Fixture.finding(version: 1, verified: false, enteredBy: 20,
                                        sentBack: .init(byLabel: "Rita <R>", at: Fixture.daysAgo(1), reason: "Wrong & <bad>"))]
        assertPage(FindingsView.page(page(Fixture.viewer(.volunteer, id: 20), sentBack, evidence: [withdrawnFile])), named: "sent-back-withdrawn")
    }

    @Test func reviewQueue() {
        let names = [1: Fixture.hostile]
        assertPage(FindingsView.queue(viewer: Fixture.viewer(.reviewer, id: 9), findings: [Fixture.finding(verified: false), Fixture.finding(id: 4, verified: false, enteredBy: 30)],
                                      statements: [Fixture.statement(verified: false), Fixture.statement(id: 5, verified: false, enteredBy: 30)],
                                      files: [Fixture.file(6, isPublic: false)], agencyNames: names), named: "waiting")
        assertPage(FindingsView.queue(viewer: Fixture.viewer(.admin), findings: [], statements: [], agencyNames: [:]), named: "empty")
    }

    @Test func statementForm() {
        let form = StatementView.FormState(kind: "policy", text: Fixture.hostile, speaker: "Chief \"Ace\"", saidOn: "2026-02-01",
                                           sourceURL: "https://x.example/?a=1&b=2", evidenceID: "6", deniesImmigrationUse: true)
        assertPage(StatementView.form(viewer: Fixture.viewer(.volunteer), agency: Self.agency, evidence: [Fixture.file(5), Fixture.file(6)], form: form,
                                      problems: [InputProblem(file: "form", field: "text", problem: "too long", hint: "Shorten it")]), named: "filled")
        assertPage(StatementView.form(viewer: Fixture.viewer(.volunteer), agency: Self.agency, evidence: [], form: StatementView.FormState(), problems: []),
                   named: "empty")
    }
}
