import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import VaporTesting

/// A person for tests, created straight in the store (bcrypt cost 4).
@discardableResult
func addPerson(_ db: HotlistDatabase, _ email: String, _ role: Role, name: String? = nil, password: String = "a long test password") async throws -> UserAccount {
    try await AccountStore(db).create(email: email, displayName: name, role: role, passwordHash: try Credentials.hashPasswordBlocking(password, cost: 4),
                                      by: .commandLine(systemUser: "test"), now: testStart)
}

/// A browser's state: its cookies and the CSRF token of the page it last saw.
struct BrowserSession {
    var cookies: [String: String] = [:]
    var csrf = ""

    var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")) }
        return headers
    }

    mutating func take(_ page: FetchedPage) {
        for value in page.headers[.setCookie] {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), cookie = pair.count > 1 ? String(pair[1]) : ""
            if value.contains("Max-Age=0") || cookie.isEmpty { cookies[name] = nil } else { cookies[name] = cookie }
        }
        if let token = BrowserSession.csrfToken(in: page.body) { csrf = token }
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf_token\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return String(rest[..<rest.firstIndex(of: "\"")!])
    }

    /// GET `path`, keeping cookies and the page's CSRF token.
    mutating func get(_ app: Application, _ path: String) async throws -> FetchedPage {
        let page = try await app.fetch(path, headers: headers)
        take(page)
        return page
    }

    /// POST a form (with this session's CSRF token unless `csrf` overrides it).
    mutating func post(_ app: Application, _ path: String, _ fields: [(String, String)], csrf: String?? = .none) async throws -> FetchedPage {
        var headers = self.headers
        headers.contentType = .urlEncodedForm
        let token: String? = switch csrf { case .none: self.csrf; case .some(let value): value }
        let all = fields + (token.map { [("csrf_token", $0)] } ?? [])
        let body = all.map { "\(SiteURL.encode($0.0))=\(SiteURL.encode($0.1))" }.joined(separator: "&")
        let page = try await app.fetch(path, method: .POST, headers: headers, body: body)
        take(page)
        return page
    }

    /// POST an upload form (multipart) with this session's CSRF token; the answer's body as text.
    mutating func upload(_ app: Application, _ path: String, _ fields: [(String, String)], fileName: String, bytes: Data) async throws -> FetchedPage {
        let (contentType, body) = multipartBody(fields: fields + [("csrf_token", csrf)], fileName: fileName, fileBytes: bytes)
        var headers = self.headers
        headers.replaceOrAdd(name: .contentType, value: contentType)
        let answer = try await app.fetchBytes(path, method: .POST, headers: headers, body: body)
        let page = FetchedPage(status: answer.status, headers: answer.headers, body: String(decoding: answer.body, as: UTF8.self))
        take(page)
        return page
    }

    /// Signs in through the real form. Returns the sign-in answer.
    @discardableResult
    mutating func signIn(_ app: Application, _ email: String, password: String = "a long test password") async throws -> FetchedPage {
        _ = try await get(app, SiteURL.signIn.path)
        let answer = try await post(app, SiteURL.signIn.path, [("email", email), ("password", password)])
        if answer.status == .seeOther { _ = try await get(app, SiteURL.account.path) }
        return answer
    }
}

/// An API token for `account`, stored as the account page would.
func makeAPIToken(_ db: HotlistDatabase, _ account: UserAccount) async throws -> String {
    let (token, prefix) = Credentials.newAPIToken()
    _ = try await APITokenStore(db).create(owner: account, name: "test", tokenHash: Credentials.sha256Hex(token), prefix: prefix,
                                           by: .user(account, channel: .web), now: testStart)
    return token
}

/// A session row made directly (no bcrypt), for tests that need many signed-in requests.
func makeSession(_ db: HotlistDatabase, _ account: UserAccount, now: Date = testStart) async throws -> BrowserSession {
    let token = Credentials.randomToken(), csrf = Credentials.randomToken()
    try await SessionStore(db).create(tokenHash: Credentials.sha256Hex(token), userID: account.id, csrfToken: csrf, clientAddress: nil, now: now)
    return BrowserSession(cookies: [SecuritySettings.sessionCookie: token], csrf: csrf)
}

extension HTTPHeaders {
    static func bearer(_ token: String, json: Bool = true) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .authorization, value: "Bearer \(token)")
        if json { headers.contentType = .json }
        return headers
    }
}
