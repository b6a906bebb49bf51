import HotlistCore
import HotlistStore
import Vapor

enum HomeController {
    static let topPriorityCount = 15

    static func query(_ database: HotlistDatabase, today: CalendarDay) async throws -> HomeView.Model {
        let queries = DirectoryQueries(database)
        var model = HomeView.Model(counts: try await queries.counts(),
                                   topPriority: try await queries.list(AgencyFilter(sort: .priority, perPage: topPriorityCount)).items)
        model.overview = try await PublicFaceQueries(database).overview(today: today)
        model.renewals = try await ContractStore(database).renewalsAhead(today: today, within: 120)
        model.residentsOnly = Dictionary(uniqueKeysWithValues: try await ReferenceQueries(database).stateRecordsLaws().filter { $0.residency == .yes }.map { ($0.stateCode, $0.stateName) })
        return model
    }

    @Sendable static func page(_ request: Request) async throws -> Response {
        try await request.cachedPage {
            var model = try await query(request.database, today: CalendarDay.today(request.clock.now()))
            // Signed in: the person's own requests that need action come first (never cached).
            if let viewer = request.viewer {
                model.needsAction = try await RequestStore(request.database).due(today: CalendarDay.today(request.clock.now()), withinDays: 7, createdBy: viewer.account.id)
                model.today = CalendarDay.today(request.clock.now())
                let findings = try await FindingStore(request.database).queue()
                let statements = try await StatementStore(request.database).list(verifiedOnly: false).filter { !$0.isVerified }
                let entered = findings.map(\.enteredByID) + statements.map(\.enteredByID) + (try await SearchAuditStore(request.database).waitingStoredBy())
                model.awaitingReview = (entered.count, entered.filter { $0 == viewer.account.id }.count)
                model.sentBack = try await FindingStore(request.database).sentBack(toAuthor: viewer.account.id)
                model.viewerMayReview = PermissionTable.allows(viewer.account.role, .verifyFindings)
            }
            return HomeView.render(model, viewer: request.viewer)
        }
    }

    @Sendable static func about(_ request: Request) async throws -> Response {
        HTMLResponse.make(AboutView.render(counts: try await DirectoryQueries(request.database).counts(), viewer: request.viewer))
    }
}

enum AssetController {
    @Sendable static func stylesheet(_ request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .css
        headers.cacheControl = .init(isPublic: true, maxAge: 3600)
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }

    /// A 16×16 icon (a white H on the site's blue), so browsers asking for it get one instead of a 404.
    static let favicon = Data(base64Encoded: "AAABAAEAEBAAAAEAIABdAAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAQAAAAEAgGAAAAH/P/YQAAACRJREFUeNpjkLWK/08JZhh8BsAAseLD2QBcgH4GjORYGHqZCQDVBCJvZWY3OgAAAABJRU5ErkJggg==")!

    @Sendable static func faviconICO(_ request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: "x-icon")
        headers.cacheControl = .init(isPublic: true, maxAge: 86_400)
        return Response(status: .ok, headers: headers, body: .init(data: favicon))
    }
}
