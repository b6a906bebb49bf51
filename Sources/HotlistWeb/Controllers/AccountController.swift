import HotlistCore
import HotlistStore
import Vapor

/// The signed-in person's own account: password and API tokens.
enum AccountController {
    struct PasswordForm: Content { var current: String?; var password: String?; var confirm: String? }
    struct TokenForm: Content { var name: String? }

    @Sendable static func page(_ request: Request) async throws -> Response {
        try await render(request)
    }

    static func render(_ request: Request, newToken: String? = nil, message: String? = nil, problems: [InputProblem] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try request.requireViewer()
        let tokens = try await APITokenStore(request.database).tokens(ownerID: viewer.account.id)
        return request.personalPage(AccountView.render(.init(viewer: viewer, tokens: tokens, newToken: newToken, message: message, problems: problems)), status: status)
    }

    @Sendable static func changePassword(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let form = try request.form(PasswordForm.self)
        let password = form.password ?? ""
        var problems = PasswordPolicy.problems(password, email: viewer.account.email)
        if password != (form.confirm ?? "") { problems.append(InputProblem(file: "form", field: "confirm", problem: "the two new passwords differ", hint: "Type the same new password twice.")) }
        let stored = try await AccountStore(request.database).credentials(email: viewer.account.email)
        let currentMatches = try await Credentials.verifyPassword(form.current ?? "", hash: stored?.passwordHash ?? request.services.decoyPasswordHash,
                                                                  on: request.application.threadPool)
        if !currentMatches { problems.insert(InputProblem(file: "form", field: "current", problem: "the current password is wrong", hint: "Type the password you signed in with."), at: 0) }
        if !problems.isEmpty { return try await render(request, problems: problems, status: .badRequest) }
        let hash = try await Credentials.hashPassword(password, cost: request.security.passwordHashCost, on: request.application.threadPool)
        try await AccountStore(request.database).setPassword(userID: viewer.account.id, passwordHash: hash, by: try request.auditActor(),
                                                          now: request.clock.now(), keepingSession: viewer.sessionTokenHash)
        return try await render(request, message: "Password changed. Your other sessions were signed out.")
    }

    @Sendable static func createToken(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let form = try request.form(TokenForm.self)
        let (token, prefix) = Credentials.newAPIToken()
        do {
            _ = try await APITokenStore(request.database).create(owner: viewer.account, name: form.name ?? "", tokenHash: Credentials.sha256Hex(token), prefix: prefix,
                                                              by: try request.auditActor(), now: request.clock.now())
        } catch let problems as InputProblems {
            return try await render(request, problems: problems.problems, status: .badRequest)
        }
        return try await render(request, newToken: token)
    }

    @Sendable static func revokeToken(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        guard let id = request.parameters.get("tokenID").flatMap(Int.init) else { throw Abort(.notFound) }
        try await APITokenStore(request.database).revoke(tokenID: id, ownerID: viewer.account.id, by: try request.auditActor(), now: request.clock.now())
        return request.redirect(to: SiteURL.account.path, redirectType: .normal)
    }
}
