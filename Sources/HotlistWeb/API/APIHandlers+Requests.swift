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
        return .ok(.init(body: .json(try await RequestStore(request.database).list(filter).map { try Components.Schemas.Request($0, today: today) })))
    }

    func getRequest(_ input: Operations.getRequest.Input) async throws -> Operations.getRequest.Output {
        let request = try self.request
        guard let detail = try await RequestStore(request.database).detail(id: input.path.id) else { throw Abort(.notFound) }
        return .ok(.init(body: .json(try .init(detail, today: CalendarDay.today(request.clock.now())))))
    }

    /// A new draft; without `subject` and `letter` the standard letter is written under the agency's state law.
    /// The body is read by the one parser of new requests (`NewRequestParser`), as the web form is.
    func createRequest(_ input: Operations.createRequest.Input) async throws -> Operations.createRequest.Output {
        let request = try self.request
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let today = CalendarDay.today(request.clock.now())
        guard let agency = try await DirectoryQueries(request.database).agency(id: body.agency_id) else { throw RecordNotFound("agency \(body.agency_id)") }
        var law: StateRecordsLaw?
        if let state = agency.stateCode { law = try await ReferenceQueries(request.database).stateRecordsLaw(state) }
        let fields = RequestFields(requesterName: body.requester_name, requesterEmail: body.requester_email, requesterAddress: body.requester_address,
                                   requesterState: body.requester_state, channel: body.channel?.rawValue, portalKind: body.portal_kind, channelURL: body.channel_url,
                                   subject: body.subject, letter: body.letter, residencyAcknowledged: body.residency_acknowledged == true)
        let parsed = NewRequestParser.parse(fields, agency: agency, law: law, today: today, source: .api)
        if !parsed.problems.isEmpty { throw InputProblems(parsed.problems) }
        let stored = try await RequestStore(request.database).createDraft(parsed.draft, by: try request.auditActor(), now: request.clock.now())
        return .created(.init(body: .json(try .init(stored, today: today))))
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
        let store = RequestStore(request.database)
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
        .ok(.init(body: .json(try await CampaignStore(try request.database).campaigns().map(Components.Schemas.Campaign.init))))
    }
}
