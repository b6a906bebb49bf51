import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

@Suite struct SignInTests {
    @Test(arguments: TestBackend.available)
    func signInShowsTheNameAndSignOutEndsTheSession(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            try await addPerson(db, "vera@example.org", .volunteer, name: "Vera Volunteer")
            var browser = BrowserSession()
            // MUT: sign in through the form (email typed in another case).
            let answer = try await browser.signIn(app, "  Vera@Example.org ")
            // validate: redirected home with a session cookie that is HttpOnly and SameSite=Lax.
            #expect(answer.status == .seeOther)
            let cookie = try #require(answer.headers[.setCookie].first { $0.hasPrefix(SecuritySettings.sessionCookie + "=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"))
            let home = try await browser.get(app, "/")
            #expect(home.body.contains("Vera Volunteer"))
            #expect(home.headers.first(name: .cacheControl) == "private, no-store")
            // Signed-in pages are not served from (or put into) the shared cache.
            let anonymousHome = try await app.fetch("/")
            #expect(!anonymousHome.body.contains("Vera Volunteer"))

            let out = try await browser.post(app, SiteURL.signOut.path, [])
            #expect(out.status == .seeOther)
            #expect(try await SessionStore(db).count(userID: try #require(try await AccountStore(db).user(email: "vera@example.org")).id) == 0)
            let after = try await browser.get(app, SiteURL.account.path)
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location)?.hasPrefix("/sign-in?next=%2Faccount") == true)
            // A form posted while signed out: back to the page the form was on (a redirect cannot
            // repeat the post), or home when that page is not ours.
            let posted = try await app.fetch(SiteURL.searchAuditVerify(1).path, method: .POST, headers: ["Referer": "http://localhost/agencies/5?tab=a"])
            #expect(posted.status == .seeOther && posted.headers.first(name: .location)?.hasPrefix("/sign-in?next=%2Fagencies%2F5%3Ftab%3Da") == true)
            let foreign = try await app.fetch(SiteURL.searchAuditVerify(1).path, method: .POST, headers: ["Referer": "https://evil.example//x"])
            #expect(foreign.headers.first(name: .location)?.hasPrefix("/sign-in?next=%2F") == true && foreign.headers.first(name: .location)?.contains("evil") == false)
        }
    }

    @Test func secureCookiesWhenConfigured() async throws {
        var security = testSecurity
        security.secureCookies = true
        try await withFixtureApp(.sqlite, security: security) { app, db in
            try await addPerson(db, "vera@example.org", .volunteer)
            var browser = BrowserSession()
            let answer = try await browser.signIn(app, "vera@example.org")
            #expect(answer.headers[.setCookie].contains { $0.hasPrefix(SecuritySettings.sessionCookie + "=") && $0.contains("Secure") })
        }
    }

    @Test(arguments: TestBackend.available)
    func wrongPasswordAndUnknownEmailGetTheSameAnswer(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            try await addPerson(db, "vera@example.org", .volunteer)
            var first = BrowserSession(), second = BrowserSession()
            let wrongPassword = try await first.signIn(app, "vera@example.org", password: "not the password at all")
            let unknownEmail = try await second.signIn(app, "nobody@example.org", password: "not the password at all")
            #expect(wrongPassword.status == .unauthorized)
            #expect(unknownEmail.status == .unauthorized)
            func message(_ page: FetchedPage) -> String? {
                page.body.range(of: "role=\"alert\">").map { String(page.body[$0.upperBound...].prefix { $0 != "<" }) }
            }
            #expect(message(wrongPassword) == "The email or password is wrong.")
            #expect(message(wrongPassword) == message(unknownEmail))
            #expect(!wrongPassword.body.contains("exist"))
            #expect(first.cookies[SecuritySettings.sessionCookie] == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func repeatedFailuresLockTheAccountForAWhile(backend: TestBackend) async throws {
        let clock = ManualClock(testStart)
        try await withFixtureApp(backend, clock: clock) { app, db in
            try await addPerson(db, "vera@example.org", .volunteer)
            var browser = BrowserSession()
            // setup: as many failures as lock an account (5 in the test policy).
            for attempt in 1...testSecurity.throttle.accountLockAfter {
                let answer = try await browser.signIn(app, "vera@example.org", password: "wrong guess number \(attempt)")
                #expect(answer.status == (attempt < testSecurity.throttle.accountLockAfter ? .unauthorized : .tooManyRequests))
            }
            // MUT: the right password while locked.
            let locked = try await browser.signIn(app, "vera@example.org")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.contains("locked for 15 more minutes"))
            #expect(browser.cookies[SecuritySettings.sessionCookie] == nil)
            // An unknown email locks the same way, so locking reveals nothing.
            var stranger = BrowserSession()
            for attempt in 1...testSecurity.throttle.accountLockAfter { _ = try await stranger.signIn(app, "ghost@example.org", password: "guess \(attempt) guess") }
            #expect(try await stranger.signIn(app, "ghost@example.org", password: "another guess").status == .tooManyRequests)
            // validate: after the lock runs out the right password works.
            clock.advance(by: testSecurity.throttle.lockDuration + 1)
            let later = try await browser.signIn(app, "vera@example.org")
            #expect(later.status == .seeOther)
        }
    }

    @Test func oneClientAddressGuessingManyAccountsIsLocked() async throws {
        try await withFixtureApp(.sqlite) { app, db in
            try await addPerson(db, "vera@example.org", .volunteer)
            var browser = BrowserSession()
            // Different emails each time: no account reaches its limit, the address does.
            for attempt in 1...testSecurity.throttle.addressLockAfter {
                _ = try await browser.signIn(app, "person\(attempt)@example.org", password: "wrong password here")
            }
            let answer = try await browser.signIn(app, "vera@example.org")
            #expect(answer.status == .tooManyRequests)
        }
    }

    @Test func answersSlowDownAfterTheFreeFailures() {
        let policy = SignInThrottlePolicy()
        #expect(policy.delay(afterFailures: policy.freeFailures) == 0)
        #expect(policy.delay(afterFailures: policy.freeFailures + 2) == 2 * policy.delayStep)
        #expect(policy.delay(afterFailures: 100) == policy.maximumDelay)
    }

    @Test(arguments: TestBackend.available)
    func anIdleSessionExpires(backend: TestBackend) async throws {
        let clock = ManualClock(testStart)
        try await withFixtureApp(backend, clock: clock) { app, db in
            try await addPerson(db, "vera@example.org", .volunteer)
            var browser = BrowserSession()
            try await browser.signIn(app, "vera@example.org")
            #expect(try await browser.get(app, SiteURL.account.path).status == .ok)
            // MUT: longer than the idle timeout without a request.
            clock.advance(by: testSecurity.sessions.idleTimeout + 60)
            let page = try await browser.get(app, SiteURL.account.path)
            // validate: sent to sign in with an explanation, and the cookie is cleared.
            #expect(page.status == .seeOther)
            #expect(page.headers.first(name: .location)?.contains("expired=1") == true)
            #expect(browser.cookies[SecuritySettings.sessionCookie] == nil)
            let signIn = try await browser.get(app, try #require(page.headers.first(name: .location)))
            #expect(signIn.body.contains("Your session ended"))
        }
    }

    @Test(arguments: TestBackend.available)
    func aResetCodeWorksOnceThenIsRefused(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let admin = try await addPerson(db, "ada@example.org", .admin)
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            var adminBrowser = try await makeSession(db, admin)
            // setup: the admin makes a code on the people page.
            let page = try await adminBrowser.post(app, SiteURL.personResetToken(vera.id).path, [])
            #expect(page.status == .ok)
            let code = try #require(page.text(ofID: "reset-code"))
            // MUT: Vera uses it.
            var browser = BrowserSession()
            _ = try await browser.get(app, SiteURL.resetPassword.path)
            let used = try await browser.post(app, SiteURL.resetPassword.path, [("token", code), ("password", "my brand new passphrase"), ("confirm", "my brand new passphrase")])
            #expect(used.status == .seeOther)
            #expect(try await browser.signIn(app, "vera@example.org", password: "my brand new passphrase").status == .seeOther)
            // validate: the same code again is refused and changes nothing.
            var replay = BrowserSession()
            _ = try await replay.get(app, SiteURL.resetPassword.path)
            let again = try await replay.post(app, SiteURL.resetPassword.path, [("token", code), ("password", "an attacker's password"), ("confirm", "an attacker's password")])
            #expect(again.status == .badRequest)
            #expect(again.body.contains("cannot be used"))
            var check = BrowserSession()
            #expect(try await check.signIn(app, "vera@example.org", password: "an attacker's password").status == .unauthorized)
            // A forged code is refused the same way.
            let forged = try await replay.post(app, SiteURL.resetPassword.path, [("token", "forged-code"), ("password", "an attacker's password"), ("confirm", "an attacker's password")])
            #expect(forged.status == .badRequest)
        }
    }

    @Test(arguments: TestBackend.available)
    func aResetCodeExpires(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            let vera = try await AccountStore(db).create(email: "vera@example.org", displayName: nil, role: .volunteer, passwordHash: "x", by: .system, now: testStart)
            _ = try await PasswordResetStore(db).issue(userID: vera.id, tokenHash: "hash", lifetime: 3600, by: .system, now: testStart)
            await #expect(throws: ResetTokenRejection.expired) {
                try await PasswordResetStore(db).consume(tokenHash: "hash", newPasswordHash: "y", clientAddress: nil, now: testStart.addingTimeInterval(3601))
            }
        }
    }
}

@Suite struct AccountHousekeepingTests {
    @Test(arguments: TestBackend.available)
    func runOutSessionsAndFailureCountsArePurged(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            let vera = try await AccountStore(db).create(email: "vera@example.org", displayName: nil, role: .volunteer, passwordHash: "x", by: .system, now: testStart)
            let policy = SessionPolicy(), throttle = SignInThrottlePolicy()
            try await SessionStore(db).create(tokenHash: "old", userID: vera.id, csrfToken: "c", clientAddress: nil, now: testStart)
            try await SessionStore(db).create(tokenHash: "new", userID: vera.id, csrfToken: "c", clientAddress: nil, now: testStart.addingTimeInterval(policy.idleTimeout))
            try await SignInThrottleStore(db).recordFailure(keyHash: "stale", scope: .account, policy: throttle, now: testStart)
            let later = testStart.addingTimeInterval(policy.idleTimeout + 1)
            try await SignInThrottleStore(db).recordFailure(keyHash: "live", scope: .account, policy: throttle, now: later)
            // MUT
            try await SessionStore(db).purgeExpired(now: later, policy: policy)
            try await SignInThrottleStore(db).purgeStale(now: later, policy: throttle)
            // validate: only what ran out is gone.
            #expect(try await SessionStore(db).count(userID: vera.id) == 1)
            #expect(try await SignInThrottleStore(db).state(keyHash: "stale") == nil)
            #expect(try await SignInThrottleStore(db).state(keyHash: "live")?.failures == 1)
        }
    }
}
