import HotlistCore
import Vapor

extension Request {
    /// A submitted form, or a clear 400 when the body is not one.
    func form<T: Content>(_ type: T.Type) throws -> T {
        do { return try content.decode(T.self) } catch {
            throw InputProblems([InputProblem(file: "form", problem: "the form could not be read",
                                              hint: "Submit it from the page's form (application/x-www-form-urlencoded).")])
        }
    }

    /// The token for forms shown before sign-in, reusing the visitor's cookie when there is one.
    func formToken() -> (token: String, isNew: Bool) {
        if let existing = cookies[SecuritySettings.formCookie]?.string, existing.count >= 32 { return (existing, false) }
        return (Credentials.randomToken(), true)
    }

    /// An HTML page for a personal or one-off answer: never cached, carrying the form cookie when new.
    func personalPage(_ page: SafeHTML, status: HTTPResponseStatus = .ok, formToken: (token: String, isNew: Bool)? = nil) -> Response {
        let response = HTMLResponse.make(page, status: status)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        if let formToken, formToken.isNew {
            response.cookies[SecuritySettings.formCookie] = security.cookie(formToken.token, maxAge: nil)
        }
        return response
    }

    /// A read-only page through the response cache (`cached`), which keeps bodies as text.
    func cachedPage(_ render: () async throws -> SafeHTML) async throws -> Response {
        try await cached { (try await render().markup, .html) }
    }

    /// Only local paths, so a crafted link cannot send someone elsewhere after signing in.
    static func safeNext(_ next: String?) -> String? { SiteURL.localPath(next) }
}
