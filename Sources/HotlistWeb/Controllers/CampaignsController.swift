import HotlistCore
import HotlistStore
import Vapor

/// Campaigns: one request to many agencies, chosen by a directory filter.
enum CampaignsController {
    struct CampaignForm: Content {
        var name: String?; var description: String?; var state: String?; var alerts_ncic: String?; var prohibits_immigration: String?; var kind: String?; var q: String?; var answered: String?
        var requester_name: String?; var requester_email: String?; var requester_state: String?; var template_subject: String?; var template_body: String?
        /// "create" on the confirmation page; anything else shows the confirmation first.
        var action: String?
        var include_open: String?; var include_answered: String?
    }

    /// In-state requesters for residents-only states: fields `instate_name_VA`, `instate_email_VA`; both empty skips the state.
    static func inStateRequesters(_ request: Request) throws -> [String: Requester] {
        let fields = (try? request.content.decode([String: String].self)) ?? [:]
        var result: [String: Requester] = [:]
        for state in USState.all {
            let name = (fields["instate_name_\(state.code)"] ?? "").trimmingCharacters(in: .whitespaces)
            let email = (fields["instate_email_\(state.code)"] ?? "").trimmingCharacters(in: .whitespaces)
            if !name.isEmpty || !email.isEmpty { result[state.code] = Requester(name: name, email: email, stateCode: state.code) }
        }
        return result
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        return request.personalPage(CampaignsView.list(viewer: viewer, campaigns: try await CampaignStore(request.database).campaigns()))
    }

    @Sendable static func newPage(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        var form = CampaignForm()
        let query = request.queryParameters()
        form.state = query["state"]; form.alerts_ncic = query["alerts_ncic"]; form.prohibits_immigration = query["prohibits_immigration"]; form.kind = query["kind"]; form.q = query["q"]; form.answered = query["answered"]
        form.requester_name = viewer.account.displayName; form.requester_email = viewer.account.email
        return request.personalPage(CampaignsView.new(viewer: viewer, form: form.viewState, problems: []))
    }

    /// Two steps: the form posts here and gets a confirmation (how many drafts, where, what is
    /// skipped and why; nothing saved); the confirmation posts `action=create`, which creates and
    /// redirects, so a refresh never makes a second campaign.
    @Sendable static func create(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let form = try request.form(CampaignForm.self)
        let inState = try inStateRequesters(request)
        do {
            var parameters: [String: String] = [:]
            parameters["state"] = form.state; parameters["alerts_ncic"] = form.alerts_ncic; parameters["prohibits_immigration"] = form.prohibits_immigration
            parameters["kind"] = form.kind; parameters["q"] = form.q; parameters["answered"] = form.answered
            let filter = try AgencyFilter.parse(parameters)
            let body = (form.template_body ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            let template = body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil
                : LetterTemplate(name: form.name ?? "campaign", subject: (form.template_subject ?? "").isEmpty ? StandardLetters.initialRequest.subject : form.template_subject!, body: body)
            let requester = Requester(name: form.requester_name ?? "", email: form.requester_email ?? "", stateCode: form.requester_state.flatMap { USState.byCode($0)?.code })
            let store = CampaignStore(request.database)
            let today = CalendarDay.today(request.clock.now())
            if form.action != "create" {
                let plan = try await store.plan(name: form.name ?? "", filter: filter, template: template, requester: requester, inStateRequesters: inState,
                                                includeOpen: form.include_open == "yes", includeAnswered: form.include_answered == "yes", today: today)
                return request.personalPage(CampaignsView.confirm(viewer: viewer, form: form.viewState, plan: plan, inState: inState))
            }
            let created = try await store.create(name: form.name ?? "", description: form.description ?? "", filter: filter, template: template, requester: requester,
                                                 inStateRequesters: inState, includeOpen: form.include_open == "yes", includeAnswered: form.include_answered == "yes",
                                                 today: today, by: try request.auditActor(), now: request.clock.now())
            return request.redirect(to: SiteURL.campaign(created.campaign.id).path + "?notice=" + Notice.campaignCreated.rawValue, redirectType: .normal)
        } catch let problems as InputProblems {
            return request.personalPage(CampaignsView.new(viewer: viewer, form: form.viewState, problems: problems.problems), status: .badRequest)
        }
    }

    @Sendable static func page(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("campaignID").flatMap(Int.init) else { throw Abort(.notFound) }
        return try await render(request, id: id, message: Notice.from(request.query[String.self, at: "notice"]))
    }

    static func render(_ request: Request, id: Int, message: String? = nil, notes: [String] = []) async throws -> Response {
        let viewer = try request.requireViewer()
        guard let campaign = try await CampaignStore(request.database).campaign(id: id) else { throw Abort(.notFound) }
        let requests = try await RequestStore(request.database).list(RequestFilter(campaignID: id, limit: 5_000))
        let residentsOnly = try await ReferenceQueries(request.database).stateRecordsLaws().filter { $0.residency == .yes }
        return request.personalPage(CampaignsView.detail(viewer: viewer, campaign: campaign, requests: requests, today: CalendarDay.today(request.clock.now()), message: message,
                                                         notes: notes, residentsOnly: residentsOnly))
    }

    /// A new secret feed address for the campaign, shown once.
    @Sendable static func issueFeed(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("campaignID").flatMap(Int.init), try await CampaignStore(request.database).campaign(id: id) != nil else { throw Abort(.notFound) }
        let token = Credentials.randomToken()
        try await FeedStore(request.database).issue(.campaign, ownerID: id, tokenHash: Credentials.sha256Hex(token), by: try request.auditActor(), now: request.clock.now())
        let base = FeedsController.baseURL(request)
        return try await render(request, id: id, message: "New feed addresses (shown only now; the old ones stopped working): calendar \(base)\(SiteURL.feedCalendar(token).path) · Atom \(base)\(SiteURL.feedAtom(token).path)")
    }
}

extension CampaignsController.CampaignForm {
    /// The submitted form as its pages show it again.
    var viewState: CampaignsView.FormState {
        CampaignsView.FormState(name: name, description: description, state: state, alertsNCIC: alerts_ncic, prohibitsImmigration: prohibits_immigration,
                                kind: kind, q: q, answered: answered, requesterName: requester_name, requesterEmail: requester_email, requesterState: requester_state,
                                templateSubject: template_subject, templateBody: template_body, includeOpen: include_open, includeAnswered: include_answered)
    }
}
