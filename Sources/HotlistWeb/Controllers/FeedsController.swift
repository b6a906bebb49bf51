import HotlistCore
import HotlistStore
import Vapor

/// Calendar and Atom feeds at secret addresses, for calendar programs and feed readers that cannot sign in.
enum FeedsController {
    /// The configured public address (`serve --public-url`), never the request's Host header.
    static func baseURL(_ request: Request) -> String { request.services.publicBaseURL }

    /// The requests behind a feed token, or a 404 that says nothing about why.
    static func requests(_ request: Request) async throws -> (title: String, requests: [RecordsRequest]) {
        guard let token = request.parameters.get("token"), token.count >= 32,
              let owner = try await FeedStore(request.database).owner(tokenHash: Credentials.sha256Hex(token)) else { throw Abort(.notFound) }
        switch owner.kind {
        case .person:
            guard let person = try await AccountStore(request.database).user(id: owner.ownerID), person.isActive else { throw Abort(.notFound) }
            return ("Hotlist Watch: \(person.displayName)'s requests", try await RequestStore(request.database).list(RequestFilter(createdBy: person.id, limit: 5_000)))
        case .campaign:
            guard let campaign = try await CampaignStore(request.database).campaign(id: owner.ownerID) else { throw Abort(.notFound) }
            return ("Hotlist Watch: \(campaign.name)", try await RequestStore(request.database).list(RequestFilter(campaignID: campaign.id, limit: 5_000)))
        }
    }

    @Sendable static func calendar(_ request: Request) async throws -> Response {
        let (title, requests) = try await requests(request)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(string: DueCalendar.ics(name: title, requests: requests, baseURL: baseURL(request), now: request.clock.now())))
    }

    @Sendable static func atom(_ request: Request) async throws -> Response {
        let (title, requests) = try await requests(request)
        let names = Dictionary(requests.map { ($0.id, $0.agencyName) }, uniquingKeysWith: { first, _ in first })
        let changes = try await FeedStore(request.database).statusChanges(requestIDs: requests.map(\.id))
        let items = changes.map { StatusFeed.Item(change: $0, agencyName: names[$0.requestID] ?? "") }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        let feedID = "urn:hotlistwatch:feed:" + Credentials.sha256Hex(request.parameters.get("token") ?? "").prefix(16)
        return Response(status: .ok, headers: headers, body: .init(string: StatusFeed.atom(title: title, feedID: feedID, items: items, baseURL: baseURL(request), now: request.clock.now())))
    }

    /// A new secret address for the signed-in person's own requests, shown once.
    @Sendable static func issuePersonal(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let token = Credentials.randomToken()
        try await FeedStore(request.database).issue(.person, ownerID: viewer.account.id, tokenHash: Credentials.sha256Hex(token), by: try request.auditActor(), now: request.clock.now())
        return try await AccountController.render(request, message: "New feed addresses (shown only now; the old ones stopped working): calendar \(baseURL(request))\(SiteURL.feedCalendar(token).path) · Atom \(baseURL(request))\(SiteURL.feedAtom(token).path)")
    }
}
