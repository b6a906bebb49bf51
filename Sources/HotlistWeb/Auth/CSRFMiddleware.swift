import HotlistCore
import Vapor

/// Every form that changes something carries a token the site gave out: the session's own token
/// once signed in, or the form cookie's before. Requests under /api are authorised by bearer
/// token alone (they never use cookies), so they need none.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "csrf_token"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method), !request.url.path.hasPrefix("/api/") else {
            return try await next.respond(to: request)
        }
        let expected: String?
        if let viewer = request.viewer { expected = viewer.csrfToken } else { expected = request.cookies[SecuritySettings.formCookie]?.string }
        // Collect the body here (within the configured limit) to read the form's token.
        _ = try await request.body.collect(max: request.bodyLimit).get()
        let sent = request.headers.first(name: "X-CSRF-Token") ?? (try? request.content.get(String.self, at: Self.field))
        guard let expected, !expected.isEmpty, let sent, Credentials.constantTimeEqual(expected, sent) else {
            throw Abort(.forbidden, reason: "This form has expired or did not come from this site, so nothing was changed. Go back, reload the page and try again.")
        }
        return try await next.respond(to: request)
    }
}
