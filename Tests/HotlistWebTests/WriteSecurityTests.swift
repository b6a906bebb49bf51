import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

/// CSRF, API tokens, body limits and malformed input on the routes that change data.
@Suite struct WriteSecurityTests {
    @Test(arguments: TestBackend.available)
    func aFormWithoutOrWithAWrongCSRFTokenIsRefusedAndChangesNothing(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let sparks = try await agencyID(db, "Sparks NV PD")
            var browser = try await makeSession(db, vera)
            let auditBefore = try await AuditLog(db).count(AuditFilter())
            for csrf in [nil, "wrong-token", ""] as [String?] {
                let answer = try await browser.post(app, SiteURL.recordsContact(sparks).path, [("email", "records@sparks.example.gov")], csrf: .some(csrf))
                #expect(answer.status == .forbidden)
                #expect(answer.body.contains("nothing was changed"))
            }
            #expect(try await RecordsContactEditor(db).contact(agencyID: sparks) == RecordsContact())
            #expect(try await AuditLog(db).count(AuditFilter()) == auditBefore)
            // Another session's token does not work either.
            let other = try await makeSession(db, vera)
            let crossed = try await browser.post(app, SiteURL.recordsContact(sparks).path, [("email", "records@sparks.example.gov")], csrf: .some(other.csrf))
            #expect(crossed.status == .forbidden)
            // The right token works.
            let saved = try await browser.post(app, SiteURL.recordsContact(sparks).path, [("email", "records@sparks.example.gov"), ("portal_url", "")])
            #expect(saved.status == .seeOther)
            #expect(try await RecordsContactEditor(db).contact(agencyID: sparks)?.email == "records@sparks.example.gov")
            // Issue 10, defect 5: the agency page confirms the change.
            let location = try #require(saved.headers.first(name: .location))
            #expect(location.hasSuffix("?notice=contact-corrected"))
            #expect(try await browser.get(app, location).body.contains("Saved. The corrected contact is public now"))
        }
    }

    @Test(arguments: TestBackend.available)
    func theSignInFormNeedsItsFormToken(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            try await addPerson(db, "vera@example.org", .volunteer)
            var browser = BrowserSession()
            _ = try await browser.get(app, SiteURL.signIn.path)
            let answer = try await browser.post(app, SiteURL.signIn.path, [("email", "vera@example.org"), ("password", "a long test password")], csrf: .some("forged"))
            #expect(answer.status == .forbidden)
            #expect(browser.cookies[SecuritySettings.sessionCookie] == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func anAPITokenWorksUntilRevoked(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let sparks = try await agencyID(db, "Sparks NV PD")
            var browser = try await makeSession(db, vera)
            // setup: create the token on the account page; it is shown once.
            let page = try await browser.post(app, SiteURL.accountTokens.path, [("name", "nightly sync")])
            let token = try #require(page.text(ofID: "new-token"))
            #expect(token.hasPrefix("hwt_"))
            let account = try await browser.get(app, SiteURL.account.path)
            #expect(!account.body.contains(token), "the token is shown only when created")
            // MUT: use it.
            let me = try await app.fetch(SiteURL.api(.me).path, headers: .bearer(token))
            #expect(me.status == .ok)
            #expect(me.json?["role"]?.string == "volunteer")
            let put = try await app.fetch(SiteURL.api(.recordsContact(sparks)).path, method: .PUT, headers: .bearer(token),
                                          body: #"{"email": "records@sparks.example.gov", "portal_url": "https://sparks.nextrequest.com/"}"#)
            #expect(put.status == .ok)
            #expect(put.json?["portal_url"]?.string == "https://sparks.nextrequest.com/")
            // Revoke it on the account page, then it is refused.
            let tokenID = try #require(try await APITokenStore(db).tokens(ownerID: vera.id).first?.id)
            #expect(try await browser.post(app, SiteURL.revokeToken(tokenID).path, []).status == .seeOther)
            let refused = try await app.fetch(SiteURL.api(.recordsContact(sparks)).path, method: .PUT, headers: .bearer(token), body: #"{"email": null}"#)
            #expect(refused.status == .unauthorized)
            #expect(refused.headers.first(name: "WWW-Authenticate")?.contains("invalid_token") == true)
            #expect(try await RecordsContactEditor(db).contact(agencyID: sparks)?.email == "records@sparks.example.gov")
            // A forged token, and a token of a disabled person, are refused too.
            #expect(try await app.fetch(SiteURL.api(.me).path, headers: .bearer("hwt_forged")).status == .unauthorized)
            let other = try await makeAPIToken(db, vera)
            _ = try await AccountStore(db).setDisabled(userID: vera.id, true, by: .system, now: testStart)
            #expect(try await app.fetch(SiteURL.api(.me).path, headers: .bearer(other)).status == .unauthorized)
        }
    }

    @Test(arguments: TestBackend.available)
    func aTokenActsWithItsOwnersCurrentRole(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let admin = try await addPerson(db, "ada@example.org", .admin)
            let token = try await makeAPIToken(db, vera)
            #expect(try await app.fetch(SiteURL.api(.me).path, headers: .bearer(token)).json?["role"]?.string == "volunteer")
            _ = try await AccountStore(db).setRole(userID: vera.id, role: .reviewer, by: .user(admin, channel: .web), now: testStart)
            #expect(try await app.fetch(SiteURL.api(.me).path, headers: .bearer(token)).json?["role"]?.string == "reviewer")
        }
    }

    @Test(arguments: TestBackend.available)
    func malformedJSONIsA400NamingTheFieldAndChangesNothing(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let token = try await makeAPIToken(db, vera)
            let sparks = try await agencyID(db, "Sparks NV PD")
            let path = SiteURL.api(.recordsContact(sparks)).path
            let cases: [(body: String, field: String?)] = [
                (#"{"email": "records@sparks"#, nil),
                (#"["email"]"#, nil),
                (#"{"emial": "records@sparks.example.gov"}"#, "emial"),
                (#"{"email": 42}"#, "email"),
                (#"{"email": "not an address"}"#, "email"),
                (#"{"portal_url": "javascript:alert(1)"}"#, "portal_url"),
                ("", nil),
            ]
            for item in cases {
                let answer = try await app.fetch(path, method: .PUT, headers: .bearer(token), body: item.body)
                #expect(answer.status == .badRequest, "\(item.body)")
                let problems = answer.json?["error"]?["problems"]?.array ?? []
                #expect(!problems.isEmpty, "\(item.body)")
                if let field = item.field { #expect(problems.contains { $0["field"]?.string == field }, "\(item.body) should name \(field)") }
                #expect(!answer.body.contains("Swift") && !answer.body.contains("DecodingError"), "no internals: \(answer.body)")
            }
            #expect(try await RecordsContactEditor(db).contact(agencyID: sparks) == RecordsContact())
        }
    }

    /// Issue 11, attack 10: a boolean read as an id, duplicate keys, a BOM, another content type.
    @Test(arguments: TestBackend.available)
    func jsonBodiesAreReadStrictly(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let token = try await makeAPIToken(db, vera)
            let sparks = try await agencyID(db, "Sparks NV PD")
            let requests = try await RequestStore(db).list(RequestFilter()).count
            let create = SiteURL.api(.requests).path
            let agencyTrue = try await app.fetch(create, method: .POST, headers: .bearer(token),
                                                 body: #"{"agency_id": true, "requester_name": "Vera", "requester_email": "vera@example.org"}"#)
            #expect(agencyTrue.status == .badRequest)
            #expect(agencyTrue.json?["error"]?["problems"]?[0]?["field"]?.string == "agency_id")
            let contact = SiteURL.api(.recordsContact(sparks)).path
            let duplicate = try await app.fetch(contact, method: .PUT, headers: .bearer(token), body: #"{"email": "a@sparks.example.gov", "email": "b@evil.example"}"#)
            #expect(duplicate.status == .badRequest && duplicate.body.contains("appears twice"))
            let bom = try await app.fetch(contact, method: .PUT, headers: .bearer(token), body: "\u{FEFF}{\"email\": \"a@sparks.example.gov\"}")
            #expect(bom.status == .badRequest && bom.body.contains("byte-order mark"))
            var plain = HTTPHeaders.bearer(token, json: false)
            plain.contentType = .plainText
            #expect(try await app.fetch(contact, method: .PUT, headers: plain, body: #"{"email": "a@sparks.example.gov"}"#).status == .unsupportedMediaType)
            // Control characters in a records email (they would reach the To: header and SMTP).
            for email in ["records@sparks.example.gov\u{0}", "records@sparks.example.gov\r\nBcc: x@evil.example", "rec\u{7}ords@sparks.example.gov"] {
                let body = String(decoding: try JSONEncoder().encode(["email": email]), as: UTF8.self)
                let answer = try await app.fetch(contact, method: .PUT, headers: .bearer(token), body: body)
                #expect(answer.status == .badRequest, "\(email.debugDescription)")
            }
            #expect(try await RecordsContactEditor(db).contact(agencyID: sparks) == RecordsContact())
            #expect(try await RequestStore(db).list(RequestFilter()).count == requests)
        }
    }

    /// Issue 11, attack 10: signing in with a stale session cookie left the visitor signed out.
    @Test(arguments: TestBackend.available)
    func signingInOverAStaleSessionCookieWorks(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            try await addPerson(db, "vera@example.org", .volunteer)
            var browser = BrowserSession()
            _ = try await browser.get(app, SiteURL.signIn.path)
            // The tab was open since last week: its session cookie has expired on the server.
            browser.cookies[SecuritySettings.sessionCookie] = "stale-token-from-last-week"
            let answer = try await browser.post(app, SiteURL.signIn.path, [("email", "vera@example.org"), ("password", "a long test password")])
            #expect(answer.status == .seeOther)
            let set = answer.headers[.setCookie].filter { $0.hasPrefix(SecuritySettings.sessionCookie + "=") }
            #expect(set.count == 1 && set.first?.hasPrefix(SecuritySettings.sessionCookie + "=;") == false, "\(set)")
            #expect(try await browser.get(app, SiteURL.account.path).status == .ok)
        }
    }

    @Test(arguments: TestBackend.available)
    func anOversizedBodyIs413AndChangesNothing(backend: TestBackend) async throws {
        try await withFixtureApp(backend, maxBodySize: 2_048) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let token = try await makeAPIToken(db, vera)
            let sparks = try await agencyID(db, "Sparks NV PD")
            let big = #"{"email": "records@sparks.example.gov", "portal_url": "https://example.gov/"# + String(repeating: "a", count: 4_000) + #""}"#
            let api = try await app.fetch(SiteURL.api(.recordsContact(sparks)).path, method: .PUT, headers: .bearer(token), body: big)
            #expect(api.status == .payloadTooLarge)
            var browser = try await makeSession(db, vera)
            let form = try await browser.post(app, SiteURL.recordsContact(sparks).path, [("email", "records@sparks.example.gov"), ("notes", String(repeating: "b", count: 4_000))])
            #expect(form.status == .payloadTooLarge)
            #expect(try await RecordsContactEditor(db).contact(agencyID: sparks) == RecordsContact())
        }
    }
}
