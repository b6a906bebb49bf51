import HotlistCore
import HotlistStore
import Vapor

/// Finds out who is asking: a bearer token under /api, the session cookie elsewhere. The API never
/// reads cookies, so a page elsewhere cannot make a browser write through the API.
struct AuthenticationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let now = request.clock.now()
        if request.url.path.hasPrefix("/api/") {
            if let authorization = request.headers.first(name: .authorization) {
                guard authorization.lowercased().hasPrefix("bearer "), case let token = authorization.dropFirst(7).trimmingCharacters(in: .whitespaces),
                      token.hasPrefix(Credentials.apiTokenPrefix),
                      let owner = try await APITokenStore(request.database).owner(tokenHash: Credentials.sha256Hex(token), now: now) else {
                    // A forged, revoked or malformed token is refused outright, even on public routes,
                    // so a script never mistakes a dead token for a working one.
                    throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer error=\"invalid_token\""],
                                reason: "The API token is not valid: it is unknown, revoked, or its owner's account is disabled. Create a new one on your account page.")
                }
                request.viewer = Viewer(account: owner, proof: .apiToken)
            }
            return try await next.respond(to: request)
        }
        guard let cookie = request.cookies[SecuritySettings.sessionCookie]?.string, !cookie.isEmpty else {
            return try await next.respond(to: request)
        }
        let tokenHash = Credentials.sha256Hex(cookie)
        switch try await SessionStore(request.database).lookup(tokenHash: tokenHash, now: now, policy: request.security.sessions) {
        case .signedIn(let session, let account):
            request.viewer = Viewer(account: account, proof: .session(tokenHash: tokenHash, csrfToken: session.csrfToken))
            let response = try await next.respond(to: request)
            // Signed-in pages are personal: no shared cache may keep them.
            response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
            return response
        case .expired, .none:
            request.storage[SessionExpiredKey.self] = true
            let response = try await next.respond(to: request)
            // Clear the dead cookie, unless this very answer signs the visitor in with a new one.
            if response.cookies[SecuritySettings.sessionCookie] == nil {
                response.cookies[SecuritySettings.sessionCookie] = request.security.cookie("", maxAge: 0)
            }
            return response
        }
    }
}
