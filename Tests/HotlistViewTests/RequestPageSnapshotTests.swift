import Foundation
@testable import HotlistCore
@testable import HotlistStore
@testable import HotlistWeb
import Testing

/// Public-records requests and campaigns (signed in only).
@Suite struct RequestPageSnapshotTests {
    @Test func list() {
        let requests = [Fixture.request(1, status: .filed, overdue: true), Fixture.request(2, status: .draft, filed: false), Fixture.request(3, status: .fulfilled)]
        var filter = RequestFilter(limit: 100)
        filter.status = .filed
        filter.stateCode = "NV"
        filter.createdBy = 7
        assertPage(RequestsView.list(.init(viewer: Fixture.viewer(.volunteer), requests: requests, filter: filter, needsAction: [requests[0]], today: Fixture.today)),
                   named: "filtered")
        assertPage(RequestsView.list(.init(viewer: Fixture.viewer(.admin), requests: [], filter: RequestFilter(limit: 100), needsAction: [], today: Fixture.today)),
                   named: "empty")
    }

    @Test func statistics() {
        let byState = [RequestStatistics(key: "NV", label: "NV", filed: 3, answered: 2, denied: 1, medianDaysToAnswer: 4.5)]
        let byAgency = [RequestStatistics(key: "1", label: Fixture.hostile, filed: 0, answered: 0, denied: 0, medianDaysToAnswer: nil)]
        assertPage(RequestsView.statistics(viewer: Fixture.viewer(.reviewer), byState: byState, byAgency: byAgency), named: "some")
    }

    @Test func new() {
        var model = RequestsView.NewModel(viewer: Fixture.viewer(.volunteer), agencyID: 1, agencyName: Fixture.hostile, law: Fixture.lawHostile,
                                          recordsEmail: nil, portalURL: "https://sparks.govqa.us/?a=1&b=2", requester: Fixture.requester, composedFor: Fixture.requester,
                                          form: nil, subject: "Subject & <s>", letter: "Dear \"officer\",\n<body> & more", warnings: ["Residents only & <VA>"],
                                          problems: [InputProblem(file: "form", field: "requester_email", problem: "not an email", hint: "Use name@example.org")],
                                          askResidency: true, openRequests: [Fixture.request(2, status: .filed)])
        assertPage(RequestsView.new(model), named: "portal-residency")
        model.form = RequestsView.DraftState(requesterName: "Form <name>", requesterEmail: "f@example.org", requesterAddress: "Addr & <x>", requesterState: "VA",
                                                  channel: "postal", portalKind: "govqa", channelURL: "https://x.example/\"q\"")
        model.law = nil
        model.askResidency = false
        model.openRequests = []
        model.warnings = []
        model.problems = []
        assertPage(RequestsView.new(model), named: "from-form")
    }

    @Test func detail() {
        var model = RequestsView.DetailModel(viewer: Fixture.viewer(.reviewer), detail: Fixture.requestDetail, today: Fixture.today, problems: [],
                                             message: Notice.requestStatusChanged.text, canSendByEmail: true,
                                             evidence: [Fixture.file(5, requestID: 21, communicationID: 31), Fixture.file(6, requestID: 21)],
                                             law: Fixture.lawNV, mayWithdraw: true, mayReopen: true)
        assertPage(RequestsView.detail(model), named: "denied-portal")
        model.detail = Fixture.draftDetail
        model.evidence = []
        model.law = Fixture.lawHostile
        model.message = nil
        model.problems = [InputProblem(file: "form", field: "date", problem: "in the future", hint: "Use today or earlier")]
        assertPage(RequestsView.detail(model), named: "draft-email-no-address")
        var withdrawn = Fixture.requestDetail
        withdrawn.request.status = .withdrawn
        withdrawn.request.channel = .email
        model.detail = withdrawn
        model.problems = []
        model.viewer = Fixture.viewer(.admin)
        assertPage(RequestsView.detail(model), named: "withdrawn-admin")
    }

    @Test func letter() {
        let letter = LetterComposer.Letter(subject: "Appeal & <s>", body: "Dear \"officer\",\n<body>", warnings: ["Check the date & <law>"])
        assertPage(RequestsView.letter(.init(viewer: Fixture.viewer(.volunteer), request: Fixture.request(21, status: .denied), kind: .appeal, letter: letter)), named: "appeal")
        assertPage(RequestsView.letter(.init(viewer: Fixture.viewer(.volunteer), request: Fixture.request(21, status: .filed), kind: .followUp,
                                             letter: LetterComposer.Letter(subject: "Follow-up", body: "Hello", warnings: []))), named: "follow-up")
    }

    static let campaign = Campaign(id: 3, name: Fixture.hostile, description: "Ask \"all\" NV & <CA>", agencyFilter: "state=NV&alerts_ncic=true",
                                   template: nil, requester: Fixture.requester, createdAt: Fixture.daysAgo(12))

    @Test func campaigns() {
        assertPage(CampaignsView.list(viewer: Fixture.viewer(.admin), campaigns: [Self.campaign]), named: "list-admin")
        assertPage(CampaignsView.list(viewer: Fixture.viewer(.volunteer), campaigns: []), named: "list-volunteer-empty")
    }

    @Test func newCampaign() {
        let form = CampaignsView.FormState(name: Fixture.hostile, description: "d & <d>", state: "NV", alertsNCIC: "true", prohibitsImmigration: "false",
                                                    kind: nil, q: "\"q\"", answered: "", requesterName: "Pat <P>", requesterEmail: "p@example.org",
                                                    requesterState: "NV", templateSubject: "S & <s>", templateBody: "Body {{agency_name}} <b>",
                                                    includeOpen: "yes", includeAnswered: nil)
        assertPage(CampaignsView.new(viewer: Fixture.viewer(.admin), form: form, problems: [InputProblem(file: "form", field: "name", problem: "taken", hint: "Choose another")]),
                   named: "filled")
        assertPage(CampaignsView.new(viewer: Fixture.viewer(.admin), form: CampaignsView.FormState(), problems: []), named: "empty")
    }

    @Test func confirmCampaign() {
        let form = CampaignsView.FormState(name: Fixture.hostile, description: "d & <d>", state: "VA", requesterName: "Pat <P>", requesterEmail: "p@example.org",
                                                    templateBody: "Line \"one\"\n<two>", includeAnswered: "yes")
        let letter = LetterComposer.Letter(subject: "S", body: "B", warnings: [])
        let plan = CampaignStore.Plan(drafts: [(agency: Fixture.agencies[0], letter: letter, requester: Fixture.requester),
                                               (agency: Fixture.agencies[1], letter: letter, requester: Fixture.requester)],
                                      skipped: ["Reno PD: open request #2 & <more>"], warnings: ["Guessed a value & <x>"],
                                      residencyStates: [(law: Fixture.lawHostile, agencies: 1, requester: nil)])
        assertPage(CampaignsView.confirm(viewer: Fixture.viewer(.admin), form: form, plan: plan, inState: ["VA": Requester(name: "Val <V>", email: "v@example.org")]),
                   named: "drafts-and-residency")
        let nothing = CampaignStore.Plan(drafts: [], skipped: ["All & <skipped>"], warnings: [], residencyStates: [])
        assertPage(CampaignsView.confirm(viewer: Fixture.viewer(.admin), form: CampaignsView.FormState(name: "Empty"), plan: nothing, inState: [:]),
                   named: "nothing-to-create")
        let nothingWithResidency = CampaignStore.Plan(drafts: [], skipped: ["Virginia agency"], warnings: [], residencyStates: [(law: Fixture.lawHostile, agencies: 2, requester: nil)])
        assertPage(CampaignsView.confirm(viewer: Fixture.viewer(.admin), form: CampaignsView.FormState(name: "Empty"), plan: nothingWithResidency, inState: [:]),
                   named: "nothing-until-resident")
    }

    @Test func campaignDetail() {
        var virginia = Fixture.request(2, status: .draft, filed: false)
        virginia.stateCode = "VA"
        let requests = [Fixture.request(1, status: .filed), virginia]
        assertPage(CampaignsView.detail(viewer: Fixture.viewer(.admin), campaign: Self.campaign, requests: requests, today: Fixture.today,
                                        message: Notice.campaignCreated.text, notes: ["Note & <n>"], residentsOnly: [Fixture.lawHostile]), named: "admin")
        assertPage(CampaignsView.detail(viewer: Fixture.viewer(.volunteer), campaign: Self.campaign, requests: [], today: Fixture.today, message: nil, notes: []),
                   named: "volunteer-empty")
    }
}
