import HotlistCore
import Vapor

/// Lets a request through only if the route's declared action is allowed for the viewer's role.
/// A route that declares nothing is closed to everyone: a forgotten rule fails shut.
struct AuthorizationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // No route matched: let it fall through to the 404.
        guard let route = request.route else { return try await next.respond(to: request) }
        guard let action = route.requiredAction else {
            request.logger.error("route \(route.method) \(route.path.string) has no permission rule; refusing it")
            throw Abort(.forbidden, reason: "This address is closed: it has no permission rule.")
        }
        let role = request.viewer?.account.role
        if PermissionTable.allows(role, action) { return try await next.respond(to: request) }
        if request.viewer == nil {
            if request.url.path.hasPrefix("/api/") {
                throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"],
                            reason: "This needs an API token: send it as `Authorization: Bearer hwt_…`. Create one on your account page.")
            }
            // Pages send the visitor to sign in and bring them back afterwards: to the address asked
            // for, or after a form post (which a redirect cannot repeat) to the page the form was on.
            let back = request.method == .GET || request.method == .HEAD ? request.url.string : Self.formPage(request) ?? SiteURL.home.path
            var target = SiteURL.signIn.with([("next", back)])
            if request.storage[SessionExpiredKey.self] == true { target = SiteURL.signIn.with([("next", back), ("expired", "1")]) }
            return request.redirect(to: target, redirectType: .normal)
        }
        throw Abort(.forbidden, reason: "Your role (\(role?.rawValue ?? "none")) does not allow this. Ask an admin if you need it.")
    }

    /// The local page a form was posted from (its Referer), if it is one of ours.
    static func formPage(_ request: Request) -> String? {
        guard let referer = request.headers.first(name: .referer), let components = URLComponents(string: referer) else { return nil }
        let path = components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        return SiteURL.localPath(path)
    }
}
