import HotlistCore
import Vapor

/// Every form that changes something carries a token the site gave out: the session's own token
/// once signed in, or the form cookie's before. Requests under /api are authorised by bearer
/// token alone (they never use cookies), so they need none.
///
/// This runs before anyone is known to be allowed to send a form, so it refuses as cheaply as it
/// can: without reading the body when no token can match, and by counting fields (one linear pass)
/// before anything decodes them. Vapor's form decoders take time that grows with the square of the
/// field count, on an event-loop thread; the counts below keep that to milliseconds.
struct CSRFMiddleware: AsyncMiddleware {
    static let field = "csrf_token"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method), !request.url.path.hasPrefix("/api/"),
              request.route != nil // no route: the 404 reads nothing
        else {
            return try await next.respond(to: request)
        }
        let expected: String?
        if let viewer = request.viewer { expected = viewer.csrfToken } else { expected = request.cookies[SecuritySettings.formCookie]?.string }
        guard let expected, !expected.isEmpty else { throw Self.refusal }
        let sent: String?
        if let header = request.headers.first(name: "X-CSRF-Token") {
            sent = header
        } else {
            let body = try await request.body.collect(max: request.bodyLimit).get()
            sent = try FormBodyScan.field(Self.field, in: body, contentType: request.headers.contentType)
        }
        guard let sent, Credentials.constantTimeEqual(expected, sent) else { throw Self.refusal }
        return try await next.respond(to: request)
    }

    static var refusal: Abort {
        Abort(.forbidden, reason: "This form has expired or did not come from this site, so nothing was changed. Go back, reload the page and try again.")
    }
}
