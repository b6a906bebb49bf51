import HotlistCore
import Vapor

/// Refuses a body over the configured limit before anything reads it: by its declared length, or by
/// its size when it arrived whole. Streamed bodies are also capped where they are collected.
struct BodyLimitMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let limit = request.bodyLimit
        if let declared = request.headers.first(name: .contentLength).flatMap(Int.init), declared > limit { throw Abort(.payloadTooLarge, reason: Self.message(limit)) }
        if let size = request.body.data?.readableBytes, size > limit { throw Abort(.payloadTooLarge, reason: Self.message(limit)) }
        return try await next.respond(to: request)
    }

    static func message(_ limit: Int) -> String {
        "What was sent is larger than this site accepts here (\(EvidenceIntake.describe(bytes: limit))). Nothing was stored."
    }
}
