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
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    try registerRoutes(app)
    return app
}

struct DatabaseKey: StorageKey { typealias Value = HotlistDatabase }
struct ClockKey: StorageKey { typealias Value = any Clock }
struct ResponseCacheKey: StorageKey { typealias Value = ResponseCache }

extension Request {
    var store: HotlistDatabase { application.storage[DatabaseKey.self]! }
    var clock: any Clock { application.storage[ClockKey.self]! }
    var responseCache: ResponseCache { application.storage[ResponseCacheKey.self]! }

    /// A read-only page or API answer through the response cache, keyed by path and query.
    func cached(_ render: () async throws -> (body: String, contentType: HTTPMediaType)) async throws -> Response {
        try await responseCache.respond(key: url.string, database: store, render: render)
    }
}
