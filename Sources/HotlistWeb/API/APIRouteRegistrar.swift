import Foundation
import HTTPTypes
import OpenAPIRuntime
import OpenAPIVapor
import Vapor

/// The server transport the generated `registerHandlers` writes to: Vapor's, plus each route's rule
/// from `APIOperationRules`, found through the document by method and path. An operation without a
/// rule stops the start-up instead of going live closed (or open).
struct APIRouteRegistrar: ServerTransport {
    let routes: Routes
    let transport: VaporTransport
    let document: OpenAPIDocument

    init(app: Application, middleware: [any Vapor.Middleware], document: OpenAPIDocument = .shared) {
        routes = app.routes
        transport = VaporTransport(routesBuilder: app.grouped(middleware))
        self.document = document
    }

    func register(_ handler: @escaping @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
                  method: HTTPRequest.Method, path: String) throws {
        guard let operation = document.operation(method: method.rawValue, path: path) else {
            throw OpenAPIDocument.DocumentError("\(method.rawValue) \(path) is generated but not in the document")
        }
        guard let rule = APIOperationRules.rules[operation.id] else {
            throw OpenAPIDocument.DocumentError("operation \(operation.id) has no rule in APIOperationRules")
        }
        let before = routes.all.count
        try transport.register(handler, method: method, path: path)
        for route in routes.all[before...] {
            route.requires(rule.action)
            route.userInfo[Route.operationKey] = operation.id
            if rule.cached { route.userInfo[Route.cachedKey] = true }
        }
    }
}

extension Route {
    static let operationKey: AnySendableHashable = "hotlistwatch.operation"
    static let cachedKey: AnySendableHashable = "hotlistwatch.cached"

    /// The document's operation this route serves, for API routes.
    var operationID: String? { userInfo[Self.operationKey] as? String }
    var isCachedRead: Bool { userInfo[Self.cachedKey] as? Bool == true }
}
