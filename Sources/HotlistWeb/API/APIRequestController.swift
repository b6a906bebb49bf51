import HotlistCore
import HotlistStore
import Vapor

/// Requests and campaigns through the API (bearer token; requesters' details are not public).
enum APIRequestController {
    static func today(_ request: Request) -> CalendarDay { CalendarDay.today(request.clock.now()) }

    static func created<T: Encodable>(_ value: T) throws -> Response {
        let response = try APIController.json(value)
        response.status = .created
        return response
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let filter = try RequestFilter.parse(request.queryParameters(), limit: 1_000)
        let today = today(request)
        return try APIController.json(try await RequestStore(request.store).list(filter).map { APIModels.RequestDTO($0, today: today) })
    }

    @Sendable static func detail(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("requestID").flatMap(Int.init), let detail = try await RequestStore(request.store).detail(id: id) else { throw Abort(.notFound) }
        return try APIController.json(APIModels.RequestDetailDTO(detail, today: today(request)))
    }

    /// A new draft; without `subject` and `letter` the standard letter is written under the agency's state law.
    @Sendable static func create(_ request: Request) async throws -> Response {
        let body = try JSONBody(request, allowedKeys: ["agency_id", "requester_name", "requester_email", "requester_address", "requester_state", "channel", "portal_kind", "channel_url", "subject", "letter", "residency_acknowledged"])
        guard let agencyID = try body.optionalInt("agency_id") else {
            throw InputProblems([InputProblem(file: "body", field: "agency_id", problem: "\"agency_id\" is required", hint: "Send the agency's id as a number.")])
        }
        let requester = Requester(name: try body.requiredString("requester_name"), email: try body.requiredString("requester_email"),
                                  postalAddress: try body.optionalString("requester_address"), stateCode: try body.optionalString("requester_state").flatMap { USState.byCode($0)?.code })
        let channelText = try body.optionalString("channel") ?? "email"
        guard let channel = FilingChannel(rawValue: channelText) else {
            throw InputProblems([InputProblem(file: "body", field: "channel", problem: "\"\(channelText)\" is not a channel", hint: "Use email, portal, muckrock or postal.")])
        }
        let portalText = try body.optionalString("portal_kind")
        if let portalText, PortalKind(rawValue: portalText) == nil {
            throw InputProblems([InputProblem(file: "body", field: "portal_kind", problem: "\"\(portalText)\" is not a portal kind", hint: "Use govqa, nextrequest, justfoia or other.")])
        }
        var subject = try body.optionalString("subject"), letter = try body.optionalString("letter")
        guard let agency = try await DirectoryQueries(request.store).agency(id: agencyID) else { throw RecordNotFound("agency \(agencyID)") }
        var law: StateRecordsLaw?
        if let state = agency.stateCode { law = try await ReferenceQueries(request.store).stateRecordsLaw(state) }
        // As on the web form: a residents-only state with a requester from elsewhere is refused unless acknowledged.
        if let law, law.residency == .yes, requester.stateCode != law.stateCode, try body.optionalBool("residency_acknowledged") != true {
            throw InputProblems([InputProblem(file: "body", field: "requester_state", problem: String(LetterComposer.residencyWarning(law, requesterState: requester.stateCode).dropLast()),
                                              hint: "Send the requester's requester_state, name an in-state requester, or send \"residency_acknowledged\": true.")])
        }
        if subject == nil || letter == nil {
            let composed = try LetterComposer().compose(StandardLetters.initialRequest, agencyName: agency.name, law: law, requester: requester, today: today(request))
            subject = subject ?? composed.subject
            letter = letter ?? composed.body
        }
        let draft = RequestDraft(agencyID: agencyID, requester: requester, subject: subject ?? "", letter: letter ?? "", channel: channel,
                                 portalKind: portalText.flatMap(PortalKind.init(rawValue:)), channelURL: try body.optionalString("channel_url"))
        let stored = try await RequestStore(request.store).createDraft(draft, by: try request.auditActor(), now: request.clock.now())
        return try created(APIModels.RequestDTO(stored, today: today(request)))
    }

    /// `{"status": "filed", "date": "2026-03-02", "tracking_number": "…"}` or any other allowed move.
    @Sendable static func changeStatus(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("requestID").flatMap(Int.init) else { throw Abort(.notFound) }
        let body = try JSONBody(request, allowedKeys: ["status", "date", "note", "received_on", "tracking_number"])
        let status = try RequestStatus.parse(try body.requiredString("status"))
        func day(_ key: String) throws -> CalendarDay? {
            guard let text = try body.optionalString(key) else { return nil }
            guard let day = CalendarDay(iso: text) else {
                throw InputProblems([InputProblem(file: "body", field: key, problem: "\"\(text)\" is not a date", hint: "Write it as YYYY-MM-DD.")])
            }
            return day
        }
        let date = try day("date") ?? today(request)
        let store = RequestStore(request.store)
        let updated: RecordsRequest
        if status == .filed {
            updated = try await store.file(requestID: id, filedOn: date, receivedOn: try day("received_on"), trackingNumber: try body.optionalString("tracking_number"),
                                           calculator: try await request.deadlineCalculator(), by: try request.auditActor(), now: request.clock.now())
        } else {
            updated = try await store.changeStatus(requestID: id, to: status, on: date, note: try body.optionalString("note") ?? "", by: try request.auditActor(), now: request.clock.now())
        }
        return try APIController.json(APIModels.RequestDTO(updated, today: today(request)))
    }

    @Sendable static func campaigns(_ request: Request) async throws -> Response {
        try APIController.json(try await CampaignStore(request.store).campaigns().map(APIModels.CampaignDTO.init))
    }
}
