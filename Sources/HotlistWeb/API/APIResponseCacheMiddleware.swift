import Vapor

/// Public reads (`APIOperationRules`' `cached`) answer through the response cache, as pages do:
/// the generated handler runs only on a miss, and only a 200 is kept.
struct APIResponseCacheMiddleware: AsyncMiddleware {
    private struct NotKept: Error { var response: Response }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.route?.isCachedRead == true else { return try await next.respond(to: request) }
        do {
            return try await request.cached {
                let response = try await next.respond(to: request)
                guard response.status == .ok else { throw NotKept(response: response) }
                let body = try await response.body.collect(on: request.eventLoop).get()
                return (body.map { String(buffer: $0) } ?? "", response.headers.contentType ?? .json)
            }
        } catch let notKept as NotKept {
            return notKept.response
        }
    }
}
