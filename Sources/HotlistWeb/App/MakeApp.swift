import HotlistCore
import HotlistStore
import Vapor

/// Builds the web application, for the binary and for the tests alike.
public func makeApp(_ configuration: AppConfiguration, environment: Environment = Environment(name: "production", arguments: ["hotlistwatch"])) async throws -> Application {
    let app = try await Application.make(environment)
    app.http.server.configuration.hostname = configuration.host
    app.http.server.configuration.port = configuration.port
    app.routes.defaultMaxBodySize = ByteCount(integerLiteral: configuration.maxBodySize)
    app.storage[DatabaseKey.self] = configuration.database
    app.storage[ClockKey.self] = configuration.clock
    app.storage[ResponseCacheKey.self] = ResponseCache(.init(enabled: configuration.responseCache,
                                                             revisionCheckInterval: .milliseconds(configuration.cacheRevisionCheckMilliseconds)))
    // Replace Vapor's default error middleware: ours never shows internals and answers in the
    // format the client asked for (HTML pages, JSON under /api).
    app.storage[SecuritySettingsKey.self] = configuration.security
    app.storage[SMTPKey.self] = configuration.smtp
    app.storage[FollowUpDaysKey.self] = configuration.followUpBusinessDays
    app.storage[EvidenceSettingsKey.self] = EvidenceSettings(directory: configuration.evidenceDirectory, maxFileSize: configuration.maxEvidenceSize)
    let cost = configuration.security.passwordHashCost
    app.storage[DecoyPasswordHashKey.self] = try await app.threadPool.runIfActive { try Bcrypt.hash(Credentials.randomToken(), cost: cost) }
    app.storage[AppServicesKey.self] = AppServices(database: configuration.database, clock: configuration.clock, responseCache: app.storage[ResponseCacheKey.self]!,
                                                   evidence: app.storage[EvidenceSettingsKey.self]!, smtp: configuration.smtp,
                                                   followUpDays: configuration.followUpBusinessDays, security: configuration.security,
                                                   decoyPasswordHash: app.storage[DecoyPasswordHashKey.self]!, generalBodyLimit: configuration.maxBodySize,
                                                   publicBaseURL: configuration.publicBaseURL,
                                                   briefPDFs: configuration.chromium.map { BriefPDFService(renderer: $0) })
    app.middleware = Middlewares()
    app.middleware.use(AppServicesMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    // Who is asking (from headers only), then how large a body they may send, whether their role
    // allows the route, and (for forms) whether the form is ours.
    app.middleware.use(AuthenticationMiddleware())
    app.middleware.use(BodyLimitMiddleware())
    app.middleware.use(AuthorizationMiddleware())
    app.middleware.use(CSRFMiddleware())
    try registerRoutes(app)
    app.storage[AppServicesKey.self]!.routes = app.routes.all.map { ($0.method, $0.path) }
    return app
}

struct DatabaseKey: StorageKey { typealias Value = HotlistDatabase }
struct ClockKey: StorageKey { typealias Value = any TimeSource }
struct ResponseCacheKey: StorageKey { typealias Value = ResponseCache }
struct SMTPKey: StorageKey { typealias Value = SMTPConfiguration }
struct FollowUpDaysKey: StorageKey { typealias Value = Int }

/// Where evidence goes and how large a file may be. Upload routes accept bodies up to the file
/// limit plus room for the form around it; every other route keeps the general body limit.
struct EvidenceSettings: Sendable {
    var directory: String
    var maxFileSize: Int
    var uploadBodyLimit: Int { maxFileSize + 256 * 1024 }
}
struct EvidenceSettingsKey: StorageKey { typealias Value = EvidenceSettings }

/// What a request needs from the application, copied into the request as it arrives. Vapor clears
/// the application's storage when it shuts down, while requests may still be running: reading it
/// then crashed the server on every stop under load.
struct AppServices: Sendable {
    var database: HotlistDatabase
    var clock: any TimeSource
    var responseCache: ResponseCache
    var evidence: EvidenceSettings
    var smtp: SMTPConfiguration?
    var followUpDays: Int
    var security: SecuritySettings
    var decoyPasswordHash: String
    var generalBodyLimit: Int
    var publicBaseURL: String
    /// The public data files, generated once per directory revision.
    var publicData = PublicDataCache()
    var briefPDFs: BriefPDFService?
    /// Every registered route's method and path, for 405 answers (filled once routes are registered).
    var routes: [(method: HTTPMethod, path: [PathComponent])] = []
}
struct AppServicesKey: StorageKey { typealias Value = AppServices }

struct AppServicesMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let services = request.application.storage[AppServicesKey.self] else { throw Abort(.serviceUnavailable, reason: "The site is shutting down.") }
        request.storage[AppServicesKey.self] = services
        return try await next.respond(to: request)
    }
}

extension Request {
    var services: AppServices { storage[AppServicesKey.self] ?? application.storage[AppServicesKey.self]! }
    var database: HotlistDatabase { services.database }
    var clock: any TimeSource { services.clock }
    var responseCache: ResponseCache { services.responseCache }
    var evidenceSettings: EvidenceSettings { services.evidence }
    var security: SecuritySettings { services.security }
    var evidenceStore: EvidenceStore {
        EvidenceStore(database, directory: evidenceSettings.directory, intake: EvidenceIntake(maxBytes: evidenceSettings.maxFileSize))
    }

    /// The largest body this request may carry: the evidence limit on a registered upload route for
    /// someone allowed to upload there; the general limit everywhere else, and for everyone else.
    var bodyLimit: Int {
        if let route, route.isUploadRoute, let action = route.requiredAction, let viewer,
           PermissionTable.allows(viewer.account.role, action) {
            return evidenceSettings.uploadBodyLimit
        }
        return services.generalBodyLimit
    }

    /// Deadlines from the stored holidays and rules, with the configured follow-up interval.
    func deadlineCalculator() async throws -> DeadlineCalculator {
        try await ReferenceQueries(database).deadlineCalculator(followUpBusinessDays: services.followUpDays)
    }

    /// A read-only page or API answer through the response cache, keyed by path and query. Only
    /// anonymous answers are shared; a signed-in person's pages carry their name and tokens.
    func cached(_ render: () async throws -> (body: String, contentType: HTTPMediaType)) async throws -> Response {
        if viewer != nil {
            let fresh = try await render()
            var headers = HTTPHeaders()
            headers.contentType = fresh.contentType
            return Response(status: .ok, headers: headers, body: .init(string: fresh.body))
        }
        return try await responseCache.respond(key: url.string, database: database, render: render)
    }
}
