import HotlistCore
import HotlistStore
import Vapor

/// Admins manage people: add (with a one-time code instead of a password), role, disable, reset.
enum PeopleController {
    struct AddForm: Content { var email: String?; var name: String?; var role: String? }
    struct RoleForm: Content { var role: String? }

    @Sendable static func page(_ request: Request) async throws -> Response {
        try await render(request)
    }

    static func render(_ request: Request, message: String? = nil, code: (email: String, code: String, expires: Date)? = nil,
                       problems: [InputProblem] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try request.requireViewer()
        let people = try await AccountStore(request.database).users()
        return request.personalPage(PeopleView.render(.init(viewer: viewer, people: people, message: message, oneTimeCode: code, problems: problems)), status: status)
    }

    @Sendable static func add(_ request: Request) async throws -> Response {
        let form = try request.form(AddForm.self)
        let settings = request.security
        let now = request.clock.now()
        do {
            let role = try Role.parse(form.role ?? "")
            let unusable = try await request.application.threadPool.runIfActive { try Credentials.unusablePasswordHash(cost: settings.passwordHashCost) }
            let account = try await AccountStore(request.database).create(email: form.email ?? "", displayName: form.name, role: role, passwordHash: unusable,
                                                                       by: try request.auditActor(), now: now)
            let code = try await issueCode(request, for: account, now: now)
            return try await render(request, message: "Added \(account.email) as \(role.label).", code: code)
        } catch let problems as InputProblems {
            return try await render(request, problems: problems.problems, status: .badRequest)
        }
    }

    @Sendable static func setRole(_ request: Request) async throws -> Response {
        let id = try personID(request)
        let form = try request.form(RoleForm.self)
        do {
            let account = try await AccountStore(request.database).setRole(userID: id, role: try Role.parse(form.role ?? ""), by: try request.auditActor(), now: request.clock.now())
            return try await render(request, message: "\(account.email) is now \(account.role.label).")
        } catch let problems as InputProblems {
            return try await render(request, problems: problems.problems, status: .badRequest)
        }
    }

    @Sendable static func disable(_ request: Request) async throws -> Response { try await setDisabled(request, true) }
    @Sendable static func enable(_ request: Request) async throws -> Response { try await setDisabled(request, false) }

    static func setDisabled(_ request: Request, _ disabled: Bool) async throws -> Response {
        let id = try personID(request)
        do {
            let account = try await AccountStore(request.database).setDisabled(userID: id, disabled, by: try request.auditActor(), now: request.clock.now())
            return try await render(request, message: disabled ? "\(account.email) is disabled and signed out everywhere." : "\(account.email) can sign in again.")
        } catch let problems as InputProblems {
            return try await render(request, problems: problems.problems, status: .badRequest)
        }
    }

    @Sendable static func resetCode(_ request: Request) async throws -> Response {
        let id = try personID(request)
        guard let account = try await AccountStore(request.database).user(id: id) else { throw Abort(.notFound) }
        let code = try await issueCode(request, for: account, now: request.clock.now())
        return try await render(request, code: code)
    }

    static func issueCode(_ request: Request, for account: UserAccount, now: Date) async throws -> (email: String, code: String, expires: Date) {
        let code = Credentials.randomToken()
        let expires = try await PasswordResetStore(request.database).issue(userID: account.id, tokenHash: Credentials.sha256Hex(code),
                                                                        lifetime: request.security.sessions.resetTokenLifetime,
                                                                        by: try request.auditActor(), now: now)
        return (account.email, code, expires)
    }

    static func personID(_ request: Request) throws -> Int {
        guard let id = request.parameters.get("userID").flatMap(Int.init), id > 0 else { throw Abort(.notFound) }
        return id
    }
}
