import HotlistCore
import HotlistStore
import Vapor

/// Requests on the web: write one from an agency page, file it, log replies, change status, follow
/// up and appeal. Every change goes through the store (transitions, audit trail).
enum RequestsController {
    struct DraftForm: Content {
        var agency: Int?; var requester_name: String?; var requester_email: String?; var requester_address: String?; var requester_state: String?
        var channel: String?; var portal_kind: String?; var channel_url: String?; var subject: String?; var letter: String?
        /// Who the letter on the page was written for, so a changed requester can be carried into it.
        var composed_name: String?; var composed_email: String?; var composed_state: String?
        /// "recompose": write the letter again for the requester above, save nothing.
        var action: String?
        /// "yes": file in a residents-only state without an in-state requester, having been warned.
        var residency_ack: String?

        /// The fields as the one request parser reads them (`NewRequestParser`).
        var fields: RequestFields {
            RequestFields(requesterName: requester_name, requesterEmail: requester_email, requesterAddress: requester_address, requesterState: requester_state,
                          channel: channel, portalKind: portal_kind, channelURL: channel_url, subject: subject ?? "", letter: letter ?? "",
                          residencyAcknowledged: residency_ack == "yes")
        }

        var requester: Requester { NewRequestParser.requester(fields, source: .form).requester }

        var composedFor: Requester? {
            guard let name = composed_name, let email = composed_email else { return nil }
            return Requester(name: name, email: email, stateCode: composed_state.flatMap { USState.byCode($0)?.code })
        }
    }
    struct FileForm: Content { var filed_on: String?; var received_on: String?; var tracking_number: String? }
    struct StatusForm: Content { var status: String?; var date: String?; var note: String? }
    struct LogForm: Content { var direction: String?; var channel: String?; var date: String?; var subject: String?; var text: String? }
    struct FeeForm: Content { var kind: String?; var amount: String?; var date: String?; var note: String? }
    struct ExemptionForm: Content { var exemption: String?; var cited_text: String? }
    struct ExtendForm: Content { var days: String?; var note: String? }
    struct TrackingForm: Content { var tracking_number: String? }

    static func today(_ request: Request) -> CalendarDay { CalendarDay.today(request.clock.now()) }

    /// A date field: empty means today; anything else must be YYYY-MM-DD.
    static func day(_ text: String?, field: String, today: CalendarDay) throws(InputProblems) -> CalendarDay {
        let value = (text ?? "").trimmingCharacters(in: .whitespaces)
        if value.isEmpty { return today }
        guard let day = CalendarDay(iso: value) else {
            throw InputProblems([InputProblem(file: "form", field: field, problem: "\"\(value.prefix(40))\" is not a date", hint: "Write it as YYYY-MM-DD, for example 2026-03-02.")])
        }
        return day
    }

    static func requestID(_ request: Request) throws -> Int {
        guard let id = request.parameters.get("requestID").flatMap(Int.init), id > 0 else { throw Abort(.notFound) }
        return id
    }

    // MARK: pages

    @Sendable static func list(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let filter = try RequestFilter.parse(request.queryParameters(), viewerID: viewer.account.id, limit: 500)
        let store = RequestStore(request.database)
        let model = RequestsView.ListModel(viewer: viewer, requests: try await store.list(filter), filter: filter,
                                           needsAction: try await store.due(today: today(request), withinDays: 7), today: today(request))
        return request.personalPage(RequestsView.list(model))
    }

    @Sendable static func newPage(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        guard let agencyID = request.queryParameters()["agency"].flatMap(Int.init) else {
            throw InputProblems([InputProblem(file: "query", field: "agency", problem: "no agency was chosen", hint: "Start from an agency's page: “File a request”.")])
        }
        let requester = Requester(name: viewer.account.displayName, email: viewer.account.email)
        return try await renderNew(request, agencyID: agencyID, requester: requester, form: nil, problems: [])
    }

    static func renderNew(_ request: Request, agencyID: Int, requester: Requester, form: DraftForm?, problems: [InputProblem], status: HTTPResponseStatus = .ok,
                          recompose: Bool = false, askResidency: Bool = false) async throws -> Response {
        let viewer = try request.requireViewer()
        guard let detail = try await DirectoryQueries(request.database).detail(id: agencyID) else { throw Abort(.notFound) }
        var law: StateRecordsLaw?
        if let state = detail.agency.stateCode { law = try await ReferenceQueries(request.database).stateRecordsLaw(state) }
        var warnings: [String] = []
        var subject = form?.subject ?? "", letter = form?.letter ?? ""
        var composeProblems: [InputProblem] = []
        var composedFor = form?.composedFor ?? requester
        if form == nil || recompose {
            do {
                let composed = try LetterComposer().compose(StandardLetters.initialRequest, agencyName: detail.agency.name, law: law, requester: requester, today: today(request))
                subject = composed.subject; letter = composed.body; warnings = composed.warnings
                composedFor = requester
            } catch { composeProblems = error.problems }
        } else if let law, law.residency == .yes, requester.stateCode != law.stateCode {
            warnings.append(LetterComposer.residencyWarning(law, requesterState: requester.stateCode))
        }
        if law == nil { warnings.append("This agency's state is not known, so no state law or deadline can be cited. Resolve its state before filing.") }
        if detail.agency.recordsEmail == nil { warnings.append("No records email is known for this agency: add it with “Correct this” on the agency page, or file through its portal or by post.") }
        let model = RequestsView.NewModel(viewer: viewer, agencyID: agencyID, agencyName: detail.agency.name, law: law, recordsEmail: detail.agency.recordsEmail,
                                          portalURL: detail.agency.recordsPortalURL, requester: requester, composedFor: composedFor, form: form?.viewState, subject: subject, letter: letter,
                                          warnings: warnings, problems: problems + composeProblems, askResidency: askResidency,
                                          openRequests: try await RequestStore(request.database).list(RequestFilter(agencyID: agencyID, limit: 50)).filter { $0.status.isOpen })
        return request.personalPage(RequestsView.new(model), status: status)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        var form = try request.form(DraftForm.self)
        guard let agencyID = form.agency else { throw InputProblems([NewRequestParser.missingAgency(field: "agency", source: .form)]) }
        let requester = form.requester
        if form.action == "recompose" {
            // A preview of the letter for the requester now in the form: nothing is saved.
            return try await renderNew(request, agencyID: agencyID, requester: requester, form: form, problems: [], recompose: true)
        }
        var subject = form.subject ?? "", letter = (form.letter ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        var law: StateRecordsLaw?
        guard let agency = try await DirectoryQueries(request.database).agency(id: agencyID) else { throw Abort(.notFound) }
        if let state = agency.stateCode { law = try await ReferenceQueries(request.database).stateRecordsLaw(state) }
        // The letter must speak for the request's requester, not whoever the form first wrote it for.
        if let old = form.composedFor, old != requester {
            let oldLetter = try? LetterComposer().compose(StandardLetters.initialRequest, agencyName: agency.name, law: law, requester: old, today: today(request))
            if let oldLetter, oldLetter.body == letter, oldLetter.subject == subject,
               let fresh = try? LetterComposer().compose(StandardLetters.initialRequest, agencyName: agency.name, law: law, requester: requester, today: today(request)) {
                subject = fresh.subject; letter = fresh.body
            } else {
                letter = LetterComposer.carryRequester(letter, from: old, to: requester)
            }
        }
        letter = LetterComposer.residencyAdjusted(letter, law: law, requester: requester)
        form.subject = subject; form.letter = letter
        form.composed_name = requester.name; form.composed_email = requester.email; form.composed_state = requester.stateCode
        let parsed = NewRequestParser.parse(form.fields, agency: agency, law: law, today: today(request), source: .form)
        if !parsed.problems.isEmpty {
            return try await renderNew(request, agencyID: agencyID, requester: requester, form: form, problems: parsed.problems, status: .badRequest,
                                       askResidency: parsed.problems.contains { $0.field == "requester_state" })
        }
        let created = try await RequestStore(request.database).createDraft(parsed.draft, by: try request.auditActor(), now: request.clock.now())
        return request.redirect(to: SiteURL.request(created.id).path, redirectType: .normal)
    }

    /// Saves changes to a draft: requester, channel, subject, letter. A changed requester is carried
    /// into the letter as on the new-request form.
    @Sendable static func updateDraft(_ request: Request) async throws -> Response {
        let id = try requestID(request)
        let form = try request.form(DraftForm.self)
        guard let existing = try await RequestStore(request.database).detail(id: id)?.request else { throw Abort(.notFound) }
        let filing = NewRequestParser.filing(form.fields, fallback: existing.channel, source: .form)
        let (requester, requesterProblems) = NewRequestParser.requester(form.fields, source: .form)
        let problems = requesterProblems + filing.problems
        var letter = (form.letter ?? existing.letter).replacingOccurrences(of: "\r\n", with: "\n")
        if requester != existing.requester { letter = LetterComposer.carryRequester(letter, from: existing.requester, to: requester) }
        if let state = existing.stateCode {
            letter = LetterComposer.residencyAdjusted(letter, law: try await ReferenceQueries(request.database).stateRecordsLaw(state), requester: requester)
        }
        let draft = RequestDraft(agencyID: existing.agencyID, requester: requester, subject: form.subject ?? existing.subject, letter: letter,
                                 channel: filing.channel, portalKind: filing.portalKind, channelURL: filing.channelURL)
        // A filed request is refused for what it is (the store says so), not for its fields.
        let allProblems = problems + (existing.status == .draft ? draft.problems(file: RequestInputSource.form.file) : [])
        if !allProblems.isEmpty { return try await renderDetail(request, id: id, problems: allProblems, status: .badRequest) }
        return try await act(request, notice: .requestDraftUpdated) { id, actor, now, _ in
            _ = try await RequestStore(request.database).updateDraft(requestID: id, draft, by: actor, now: now)
        }
    }

    @Sendable static func page(_ request: Request) async throws -> Response {
        // A notice from a redirect (an attached file) is shown once, as text.
        try await renderDetail(request, id: try requestID(request), message: Notice.from(request.query[String.self, at: "notice"]))
    }

    static func renderDetail(_ request: Request, id: Int, problems: [InputProblem] = [], message: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try request.requireViewer()
        guard let detail = try await RequestStore(request.database).detail(id: id) else { throw Abort(.notFound) }
        var law: StateRecordsLaw?
        if let state = detail.request.stateCode { law = try await ReferenceQueries(request.database).stateRecordsLaw(state) }
        let owner = try await RequestStore(request.database).createdBy(requestID: id)
        let model = RequestsView.DetailModel(viewer: viewer, detail: detail, today: today(request), problems: problems, message: message,
                                             canSendByEmail: request.services.smtp != nil,
                                             evidence: try await request.evidenceStore.list(requestID: id), law: law,
                                             mayWithdraw: viewer.account.id == owner || viewer.account.role >= .reviewer,
                                             mayReopen: PermissionTable.allows(viewer.account.role, .reopenRequests))
        return request.personalPage(RequestsView.detail(model), status: status)
    }

    /// Runs a change; on bad input shows the request again with the problems, nothing changed.
    /// After a change the browser is sent back to the request (a refresh repeats nothing), with a
    /// fixed notice saying what happened.
    static func act(_ request: Request, notice: Notice, _ body: (Int, AuditActor, Date, CalendarDay) async throws -> Void) async throws -> Response {
        let id = try requestID(request)
        do {
            try await body(id, try request.auditActor(), request.clock.now(), today(request))
            return request.redirect(to: SiteURL.request(id).path + "?notice=" + notice.rawValue, redirectType: .normal)
        } catch let problems as InputProblems {
            return try await renderDetail(request, id: id, problems: problems.problems, status: .badRequest)
        }
    }

    @Sendable static func file(_ request: Request) async throws -> Response {
        let form = try request.form(FileForm.self)
        return try await act(request, notice: .requestFiled) { id, actor, now, today in
            let filed = try day(form.filed_on, field: "filed_on", today: today)
            let received = (form.received_on ?? "").isEmpty ? nil : try day(form.received_on, field: "received_on", today: today)
            _ = try await RequestStore(request.database).file(requestID: id, filedOn: filed, receivedOn: received, trackingNumber: form.tracking_number,
                                                           calculator: try await request.deadlineCalculator(), by: actor, now: now)
        }
    }

    /// Sends the letter by SMTP to the agency's records email and marks the request filed today.
    /// If sending fails, the request stays a draft and the page says why.
    @Sendable static func send(_ request: Request) async throws -> Response {
        let id = try requestID(request)
        guard let smtp = request.services.smtp else {
            return try await renderDetail(request, id: id, problems: [InputProblem(file: "request", field: "channel", problem: "sending by email is not set up on this server",
                                                                                 hint: "Download the .eml or use the mail link, send it yourself, then mark it filed.")], status: .badRequest)
        }
        guard let detail = try await RequestStore(request.database).detail(id: id) else { throw Abort(.notFound) }
        var problems: [InputProblem] = []
        if detail.request.status != .draft { problems.append(InputProblem(file: "request", field: "status", problem: "a \(detail.request.status.label) request has been sent already", hint: "Log further letters in the communications log.")) }
        if detail.request.channel != .email { problems.append(InputProblem(file: "request", field: "channel", problem: "this request is to be filed by \(detail.request.channel.label)", hint: "File it there, then mark it filed.")) }
        if detail.agencyRecordsEmail == nil { problems.append(InputProblem(file: "request", field: "records_email", problem: "\(detail.request.agencyName) has no records email on file", hint: "Add it with “Correct this” on the agency's page.")) }
        if !problems.isEmpty { return try await renderDetail(request, id: id, problems: problems, status: .badRequest) }
        let now = request.clock.now()
        do {
            try await SMTPClient(smtp).send(RequestEmail.message(detail.request, to: detail.agencyRecordsEmail!, now: now))
        } catch {
            let reason = (error as? SMTPError)?.description ?? "\(error)"
            request.logger.warning("request \(id) not sent: \(reason)")
            return try await renderDetail(request, id: id, problems: [InputProblem(file: "request", field: "smtp", problem: "not sent: \(reason)",
                                                                                 hint: "The request is still a draft. Try again later, or send the .eml yourself.")], status: .badGateway)
        }
        _ = try await RequestStore(request.database).file(requestID: id, filedOn: today(request), calculator: try await request.deadlineCalculator(),
                                                       by: try request.auditActor(), now: now)
        return try await renderDetail(request, id: id, message: "Sent to \(detail.agencyRecordsEmail!) and marked filed today.")
    }

    @Sendable static func changeStatus(_ request: Request) async throws -> Response {
        let form = try request.form(StatusForm.self)
        return try await act(request, notice: .requestStatusChanged) { id, actor, now, today in
            let status = try RequestStatus.parse(form.status ?? "")
            _ = try await RequestStore(request.database).changeStatus(requestID: id, to: status, on: try day(form.date, field: "date", today: today), note: form.note ?? "", by: actor, now: now)
        }
    }

    struct ReopenForm: Content { var note: String? }

    @Sendable static func reopen(_ request: Request) async throws -> Response {
        let form = try request.form(ReopenForm.self)
        return try await act(request, notice: .requestReopened) { id, actor, now, today in
            _ = try await RequestStore(request.database).reopen(requestID: id, note: form.note ?? "", on: today, by: actor, now: now)
        }
    }

    @Sendable static func log(_ request: Request) async throws -> Response {
        let form = try request.form(LogForm.self)
        return try await act(request, notice: .requestLogged) { id, actor, now, today in
            guard let direction = Communication.Direction(rawValue: form.direction ?? ""), let channel = FilingChannel(rawValue: form.channel ?? "") else {
                throw InputProblems([InputProblem(file: "form", field: "direction", problem: "the direction or channel is missing", hint: "Choose from the lists.")])
            }
            _ = try await RequestStore(request.database).log(requestID: id, direction: direction, channel: channel, on: try day(form.date, field: "date", today: today),
                                                          subject: form.subject ?? "", text: (form.text ?? "").replacingOccurrences(of: "\r\n", with: "\n"), by: actor, now: now)
        }
    }

    @Sendable static func fee(_ request: Request) async throws -> Response {
        let form = try request.form(FeeForm.self)
        return try await act(request, notice: .requestFeeAdded) { id, actor, now, today in
            guard let kind = FeeEntry.Kind(rawValue: form.kind ?? ""), let cents = FeeAmount.cents(form.amount ?? "") else {
                throw InputProblems([InputProblem(file: "form", field: "amount", problem: "\"\(form.amount ?? "")\" is not an amount, or no kind was chosen", hint: "Write dollars and cents such as 25.00.")])
            }
            _ = try await RequestStore(request.database).addFee(requestID: id, kind: kind, amountCents: cents, on: try day(form.date, field: "date", today: today), note: form.note ?? "", by: actor, now: now)
        }
    }

    @Sendable static func exemption(_ request: Request) async throws -> Response {
        let form = try request.form(ExemptionForm.self)
        return try await act(request, notice: .requestExemptionAdded) { id, actor, now, _ in
            let library = (form.exemption ?? "").isEmpty ? nil : form.exemption
            _ = try await RequestStore(request.database).citeExemption(requestID: id, exemptionID: library, citedText: form.cited_text ?? "", by: actor, now: now)
        }
    }

    @Sendable static func extend(_ request: Request) async throws -> Response {
        let form = try request.form(ExtendForm.self)
        return try await act(request, notice: .requestExtended) { id, actor, now, _ in
            guard let days = Int((form.days ?? "").trimmingCharacters(in: .whitespaces)) else {
                throw InputProblems([InputProblem(file: "form", field: "days", problem: "\"\(form.days ?? "")\" is not a number of days", hint: "Write a whole number such as 10.")])
            }
            _ = try await RequestStore(request.database).extend(requestID: id, byDays: days, note: form.note ?? "", calculator: try await request.deadlineCalculator(),
                                                             by: actor, now: now)
        }
    }

    @Sendable static func tracking(_ request: Request) async throws -> Response {
        let form = try request.form(TrackingForm.self)
        return try await act(request, notice: .requestTrackingAdded) { id, actor, now, _ in
            _ = try await RequestStore(request.database).addTrackingNumber(requestID: id, form.tracking_number ?? "", by: actor, now: now)
        }
    }

    @Sendable static func letter(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let id = try requestID(request)
        guard let kind = request.parameters.get("kind").flatMap(RequestLetters.Kind.init(rawValue:)) else { throw Abort(.notFound) }
        guard let detail = try await RequestStore(request.database).detail(id: id) else { throw Abort(.notFound) }
        do {
            let letter = try await RequestLetters.compose(kind, detail: detail, database: request.database, today: today(request))
            return request.personalPage(RequestsView.letter(.init(viewer: viewer, request: detail.request, kind: kind, letter: letter)))
        } catch let problems as InputProblems {
            return try await renderDetail(request, id: id, problems: problems.problems, status: .badRequest)
        }
    }

    /// The request as an email file for the person's mail program. Refused, saying why, when the
    /// agency has no records email.
    @Sendable static func eml(_ request: Request) async throws -> Response {
        let id = try requestID(request)
        guard let detail = try await RequestStore(request.database).detail(id: id) else { throw Abort(.notFound) }
        guard let to = detail.agencyRecordsEmail else {
            return try await renderDetail(request, id: id, problems: [InputProblem(file: "request", field: "records_email", problem: "\(detail.request.agencyName) has no records email on file",
                                                                                 hint: "Add it with “Correct this” on the agency's page, or file through its portal or by post.")], status: .badRequest)
        }
        return RequestEmail.message(detail.request, to: to, now: request.clock.now()).emlResponse(fileName: "request-\(id).eml")
    }

    @Sendable static func statistics(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let store = RequestStore(request.database)
        return request.personalPage(RequestsView.statistics(viewer: viewer, byState: try await store.statistics(by: .state), byAgency: try await store.statistics(by: .agency)))
    }

    @Sendable static func csv(_ request: Request) async throws -> Response {
        let text = try await RequestLetters.csv(request.database, today: today(request))
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"hotlistwatch-requests.csv\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}

extension RequestsController.DraftForm {
    /// The submitted form as the new-request page shows it again.
    var viewState: RequestsView.DraftState {
        RequestsView.DraftState(requesterName: requester_name, requesterEmail: requester_email, requesterAddress: requester_address, requesterState: requester_state,
                                channel: channel, portalKind: portal_kind, channelURL: channel_url)
    }
}
