import Foundation
import HotlistAPI
import HotlistCore
import HotlistStore
import Vapor

/// Requests and campaigns through the API (bearer token; requesters' details are not public).
extension APIHandlers {
    func listRequests(_ input: Operations.listRequests.Input) async throws -> Operations.listRequests.Output {
        let request = try self.request
        // The requests page's parser, on the query the generated layer has checked.
        let filter = try RequestFilter.parse(request.queryParameters(), limit: 1_000)
        let today = CalendarDay.today(request.clock.now())
        return .ok(.init(body: .json(try await RequestStore(request.store).list(filter).map { try Components.Schemas.Request($0, today: today) })))
    }

    func getRequest(_ input: Operations.getRequest.Input) async throws -> Operations.getRequest.Output {
        let request = try self.request
        guard let detail = try await RequestStore(request.store).detail(id: input.path.id) else { throw Abort(.notFound) }
        return .ok(.init(body: .json(try .init(detail, today: CalendarDay.today(request.clock.now())))))
    }

    /// A new draft; without `subject` and `letter` the standard letter is written under the agency's state law.
    func createRequest(_ input: Operations.createRequest.Input) async throws -> Operations.createRequest.Output {
        let request = try self.request
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let fields = try Self.newRequestFields(body)
        let today = CalendarDay.today(request.clock.now())
        guard let agency = try await DirectoryQueries(request.store).agency(id: fields.agencyID) else { throw RecordNotFound("agency \(fields.agencyID)") }
        var law: StateRecordsLaw?
        if let state = agency.stateCode { law = try await ReferenceQueries(request.store).stateRecordsLaw(state) }
        // As on the web form: a residents-only state with a requester from elsewhere is refused unless acknowledged.
        if let law, law.residency == .yes, fields.requester.stateCode != law.stateCode, !fields.residencyAcknowledged {
            throw InputProblems([InputProblem(file: "body", field: "requester_state", problem: String(LetterComposer.residencyWarning(law, requesterState: fields.requester.stateCode).dropLast()),
                                              hint: "Send the requester's requester_state, name an in-state requester, or send \"residency_acknowledged\": true.")])
        }
        var subject = fields.subject, letter = fields.letter
        if subject == nil || letter == nil {
            let composed = try LetterComposer().compose(StandardLetters.initialRequest, agencyName: agency.name, law: law, requester: fields.requester, today: today)
            subject = subject ?? composed.subject
            letter = letter ?? composed.body
        }
        let draft = RequestDraft(agencyID: fields.agencyID, requester: fields.requester, subject: subject ?? "", letter: letter ?? "", channel: fields.channel,
                                 portalKind: fields.portalKind, channelURL: fields.channelURL)
        let stored = try await RequestStore(request.store).createDraft(draft, by: try request.auditActor(), now: request.clock.now())
        return .created(.init(body: .json(try .init(stored, today: today))))
    }

    /// What a new request's body says, checked beyond its JSON types. One call, so the parsing can
    /// move to the shared parser of new requests (web form and API) as a whole.
    struct NewRequestFields {
        var agencyID: Int
        var requester: Requester
        var channel: FilingChannel
        var portalKind: PortalKind?
        var channelURL: String?
        var subject: String?
        var letter: String?
        var residencyAcknowledged: Bool
    }

    static func newRequestFields(_ body: Components.Schemas.RequestInput) throws -> NewRequestFields {
        func required(_ value: String, _ key: String) throws -> String {
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw InputProblems([InputProblem(file: "body", field: key, problem: "\"\(key)\" is required", hint: "Send it as a non-empty string.")])
            }
            return value
        }
        let requester = Requester(name: try required(body.requester_name, "requester_name"), email: try required(body.requester_email, "requester_email"),
                                  postalAddress: body.requester_address, stateCode: body.requester_state.flatMap { USState.byCode($0)?.code })
        var portalKind: PortalKind?
        if let portalText = body.portal_kind {
            guard let kind = PortalKind(rawValue: portalText) else {
                throw InputProblems([InputProblem(file: "body", field: "portal_kind", problem: "\"\(portalText)\" is not a portal kind", hint: "Use govqa, nextrequest, justfoia or other.")])
            }
            portalKind = kind
        }
        return NewRequestFields(agencyID: body.agency_id, requester: requester, channel: try body.channel.map { try FilingChannel.documented($0.rawValue) } ?? .email,
                                portalKind: portalKind, channelURL: body.channel_url, subject: body.subject, letter: body.letter,
                                residencyAcknowledged: body.residency_acknowledged == true)
    }

    /// `{"status": "filed", "date": "2026-03-02", "tracking_number": "…"}` or any other allowed move.
    func changeRequestStatus(_ input: Operations.changeRequestStatus.Input) async throws -> Operations.changeRequestStatus.Output {
        let request = try self.request
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let id = input.path.id
        let status = try RequestStatus.parse(body.status.rawValue)
        func day(_ text: String?, _ key: String) throws -> CalendarDay? {
            guard let text else { return nil }
            guard let day = CalendarDay(iso: text) else {
                throw InputProblems([InputProblem(file: "body", field: key, problem: "\"\(text)\" is not a date", hint: "Write it as YYYY-MM-DD.")])
            }
            return day
        }
        let today = CalendarDay.today(request.clock.now())
        let date = try day(body.date, "date") ?? today
        let store = RequestStore(request.store)
        let updated: RecordsRequest
        if status == .filed {
            updated = try await store.file(requestID: id, filedOn: date, receivedOn: try day(body.received_on, "received_on"), trackingNumber: body.tracking_number,
                                           calculator: try await request.deadlineCalculator(), by: try request.auditActor(), now: request.clock.now())
        } else {
            updated = try await store.changeStatus(requestID: id, to: status, on: date, note: body.note ?? "", by: try request.auditActor(), now: request.clock.now())
        }
        return .ok(.init(body: .json(try .init(updated, today: today))))
    }

    func listCampaigns(_ input: Operations.listCampaigns.Input) async throws -> Operations.listCampaigns.Output {
        .ok(.init(body: .json(try await CampaignStore(try request.store).campaigns().map(Components.Schemas.Campaign.init))))
    }
}
