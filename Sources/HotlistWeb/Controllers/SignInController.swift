import HotlistCore
import HotlistStore
import Vapor

/// Signing in and out, and password resets with an admin's one-time code.
enum SignInController {
    struct SignInForm: Content { var email: String?; var password: String?; var next: String? }
    struct ResetForm: Content { var token: String?; var password: String?; var confirm: String? }

    @Sendable static func page(_ request: Request) async throws -> Response {
        let query = request.queryParameters()
        let formToken = request.formToken()
        var message: String?
        if query["expired"] == "1" { message = "Your session ended. Sign in again to continue." }
        if query["reset"] == "1" { message = "Your password is set. Sign in with it." }
        if let viewer = request.viewer { message = "You are signed in as \(viewer.account.displayName)." }
        return request.personalPage(SignInView.render(.init(next: Request.safeNext(query["next"]) ?? "", formToken: formToken.token, message: message)), formToken: formToken)
    }

    /// Wrong password and unknown email get the same words, the same status and (through a decoy
    /// hash check) the same time. Failures are counted per typed email and per client address.
    @Sendable static func signIn(_ request: Request) async throws -> Response {
        let form = try request.form(SignInForm.self)
        let email = EmailAddress.normalize(form.email ?? "")
        let password = form.password ?? ""
        let next = Request.safeNext(form.next) ?? SiteURL.home.path
        let settings = request.security
        let now = request.clock.now()
        let throttle = SignInThrottleStore(request.database)
        let accountKey = Credentials.sha256Hex("account:" + email)
        let addressKey = Credentials.sha256Hex("address:" + request.clientAddress)
        let formToken = request.formToken()
        func refuse(_ message: String, status: HTTPResponseStatus) -> Response {
            request.personalPage(SignInView.render(.init(email: email, next: form.next ?? "", formToken: formToken.token, message: message, messageKind: .error)),
                                 status: status, formToken: formToken)
        }
        let accountState = try await throttle.state(keyHash: accountKey)
        let addressState = try await throttle.state(keyHash: addressKey)
        if let locked = [accountState, addressState].compactMap({ $0 }).first(where: { $0.isLocked(at: now) }), let until = locked.lockedUntil {
            return refuse(lockMessage(until: until, now: now), status: .tooManyRequests)
        }
        let failures = max(accountState.map { settings.throttle.activeFailures($0, now: now) } ?? 0,
                           addressState.map { settings.throttle.activeFailures($0, now: now) } ?? 0)
        let delay = settings.throttle.delay(afterFailures: failures)
        if delay > 0 { try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000)) }

        let credentials = email.isEmpty ? nil : try await AccountStore(request.database).credentials(email: email)
        let matches = try await Credentials.verifyPassword(password, hash: credentials?.passwordHash ?? request.services.decoyPasswordHash,
                                                           on: request.application.threadPool)
        guard let credentials, matches, credentials.account.isActive else {
            let accountNext = try await throttle.recordFailure(keyHash: accountKey, scope: .account, policy: settings.throttle, now: now)
            let addressNext = try await throttle.recordFailure(keyHash: addressKey, scope: .address, policy: settings.throttle, now: now)
            if let until = [accountNext, addressNext].first(where: { $0.isLocked(at: now) })?.lockedUntil {
                return refuse(lockMessage(until: until, now: now), status: .tooManyRequests)
            }
            let left = settings.throttle.accountLockAfter - accountNext.failures
            let warning = left <= 3 ? " \(left) more \(left == 1 ? "try" : "tries") before sign-in is locked for \(Int(settings.throttle.lockDuration / 60)) minutes." : ""
            return refuse("The email or password is wrong." + warning, status: .unauthorized)
        }
        try await throttle.clear(keyHash: accountKey)
        // Housekeeping on a rare, cheap occasion: drop sessions and failure counts that ran out.
        try await SessionStore(request.database).purgeExpired(now: now, policy: settings.sessions)
        try await throttle.purgeStale(now: now, policy: settings.throttle)
        // A fresh session id at every sign-in, and the old one (if any) is gone.
        if let old = request.cookies[SecuritySettings.sessionCookie]?.string { try await SessionStore(request.database).delete(tokenHash: Credentials.sha256Hex(old)) }
        let token = Credentials.randomToken()
        try await SessionStore(request.database).create(tokenHash: Credentials.sha256Hex(token), userID: credentials.account.id, csrfToken: Credentials.randomToken(),
                                                     clientAddress: request.clientAddress, now: now)
        try await AccountStore(request.database).recordSignIn(userID: credentials.account.id, clientAddress: request.clientAddress, now: now)
        let response = request.redirect(to: next, redirectType: .normal)
        response.cookies[SecuritySettings.sessionCookie] = settings.cookie(token, maxAge: Int(settings.sessions.lifetime))
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    static func lockMessage(until: Date, now: Date) -> String {
        let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
        return "Too many failed sign-ins for this account or from this address. Sign-in is locked for \(minutes) more minute\(minutes == 1 ? "" : "s"); try again after \(TimestampParser.iso8601(until)) (UTC), or ask an admin for a reset code."
    }

    @Sendable static func signOut(_ request: Request) async throws -> Response {
        if let hash = request.viewer?.sessionTokenHash { try await SessionStore(request.database).delete(tokenHash: hash) }
        let response = request.redirect(to: SiteURL.home.path, redirectType: .normal)
        response.cookies[SecuritySettings.sessionCookie] = request.security.cookie("", maxAge: 0)
        return response
    }

    @Sendable static func resetPage(_ request: Request) async throws -> Response {
        let formToken = request.formToken()
        let token = request.queryParameters()["token"] ?? ""
        return request.personalPage(SignInView.reset(.init(token: token, formToken: formToken.token)), formToken: formToken)
    }

    @Sendable static func reset(_ request: Request) async throws -> Response {
        let form = try request.form(ResetForm.self)
        let formToken = request.formToken()
        let token = (form.token ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let password = form.password ?? ""
        var problems = PasswordPolicy.problems(password)
        if password != (form.confirm ?? "") { problems.append(InputProblem(file: "form", field: "confirm", problem: "the two passwords differ", hint: "Type the same new password twice.")) }
        if token.isEmpty { problems.append(InputProblem(file: "form", field: "token", problem: "the reset code is empty", hint: "Paste the code an admin gave you.")) }
        if !problems.isEmpty {
            return request.personalPage(SignInView.reset(.init(token: token, formToken: formToken.token, problems: problems)), status: .badRequest, formToken: formToken)
        }
        let hash = try await Credentials.hashPassword(password, cost: request.security.passwordHashCost, on: request.application.threadPool)
        do {
            let account = try await PasswordResetStore(request.database).consume(tokenHash: Credentials.sha256Hex(token), newPasswordHash: hash,
                                                                              clientAddress: request.clientAddress, now: request.clock.now())
            // A locked-out person who was given a code can sign in at once.
            try await SignInThrottleStore(request.database).clear(keyHash: Credentials.sha256Hex("account:" + account.email))
        } catch is ResetTokenRejection {
            return request.personalPage(SignInView.reset(.init(token: "", formToken: formToken.token,
                                                                message: "This reset code cannot be used: it is wrong, already used or expired. Nothing was changed; ask an admin for a new one.")),
                                        status: .badRequest, formToken: formToken)
        }
        return request.redirect(to: SiteURL.signIn.with([("reset", "1")]), redirectType: .normal)
    }
}
