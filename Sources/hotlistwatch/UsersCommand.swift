import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore
import HotlistWeb

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage the people who can sign in (admins, reviewers, volunteers).",
        discussion: "Roles: " + Role.allCases.map { "\($0.rawValue): \($0.explanation)" }.joined(separator: "; ") + ". Every change is recorded in the audit trail.",
        subcommands: [UsersAdd.self, UsersList.self, UsersSetRole.self, UsersDisable.self, UsersEnable.self, UsersResetToken.self])
}

struct UsersAdd: AsyncParsableCommand, CreatesTheDatabase {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a person. The password is asked for (or read from standard input), never given as an argument.",
        discussion: "Example: hotlistwatch users add you@example.org --role admin --name \"Your Name\"")

    @Argument(help: ArgumentHelp("Their email; they sign in with it.", valueName: "email")) var email: String
    @Option(help: ArgumentHelp("admin, reviewer or volunteer.", valueName: "role")) var role: String
    @Option(help: ArgumentHelp("Name shown in the header and the audit trail (default: the part of the email before @).", valueName: "name")) var name: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let parsedRole: Role
        let normalized: String
        do {
            parsedRole = try Role.parse(role)
            normalized = try EmailAddress.validated(email)
        } catch let problems as InputProblems {
            Console.error(problems.problems.map { "\($0.field.map { "--\($0 == "email" ? "email" : $0)" } ?? ""): \($0.problem). \($0.hint)" }.joined(separator: "\n"))
            throw ExitCode(1)
        }
        try await withDatabase(database) { db in
            if try await AccountStore(db).user(email: normalized) != nil {
                throw CommandFailure("\(normalized) already has an account. Use `users set-role` or `users enable`.")
            }
            let password = try PasswordInput.read(email: normalized)
            let hash = try Credentials.hashPasswordBlocking(password)
            let account = try await AccountStore(db).create(email: normalized, displayName: name, role: parsedRole, passwordHash: hash,
                                                            by: try await actor.actor(db), now: Date())
            print("Added \(account.email) (\(account.displayName)) as \(account.role.rawValue), id \(account.id).")
        }
    }
}

struct UsersList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List everyone who can (or could) sign in.")
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            let people = try await AccountStore(db).users()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
                print(String(decoding: try encoder.encode(people.map(PersonJSON.init)), as: UTF8.self))
                return
            }
            if people.isEmpty { print("No accounts yet. Add the first admin: hotlistwatch users add you@example.org --role admin"); return }
            print(["ID", "EMAIL", "NAME", "ROLE", "STATUS", "LAST SIGN-IN"].joined(separator: "\t"))
            for person in people {
                print([String(person.id), person.email, person.displayName, person.role.rawValue, person.isActive ? "active" : "disabled",
                       person.lastSignInAt.map(TimestampParser.iso8601) ?? "never"].joined(separator: "\t"))
            }
        }
    }
}

/// One person in `users list --json`.
struct PersonJSON: Encodable {
    var id: Int
    var email: String
    var name: String
    var role: String
    var status: String
    var createdAt: String
    var lastSignInAt: String?
    enum CodingKeys: String, CodingKey { case id, email, name, role, status, createdAt = "created_at", lastSignInAt = "last_sign_in_at" }
    init(_ account: UserAccount) {
        id = account.id; email = account.email; name = account.displayName; role = account.role.rawValue
        status = account.isActive ? "active" : "disabled"; createdAt = TimestampParser.iso8601(account.createdAt)
        lastSignInAt = account.lastSignInAt.map(TimestampParser.iso8601)
    }
}

/// Finds an account by email for the commands below, with a clear error when there is none.
func requireAccount(_ db: HotlistDatabase, _ email: String) async throws -> UserAccount {
    guard let account = try await AccountStore(db).user(email: email) else {
        throw CommandFailure("no account has the email \(EmailAddress.normalize(email)). See `hotlistwatch users list`.")
    }
    return account
}

struct UsersSetRole: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Change a person's role.")
    @Argument(help: ArgumentHelp("Their email.", valueName: "email")) var email: String
    @Argument(help: ArgumentHelp("admin, reviewer or volunteer.", valueName: "role")) var role: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            let newRole = try Role.parse(role)
            let account = try await requireAccount(db, email)
            let updated = try await AccountStore(db).setRole(userID: account.id, role: newRole, by: try await actor.actor(db), now: Date())
            print("\(updated.email) is now \(updated.role.rawValue).")
        }
    }
}

struct UsersDisable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Stop a person from signing in; ends their sessions and stops their API tokens.")
    @Argument(help: ArgumentHelp("Their email.", valueName: "email")) var email: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws { try await setDisabled(true, email: email, actor: actor, database: database) }
}

struct UsersEnable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Let a disabled person sign in again.")
    @Argument(help: ArgumentHelp("Their email.", valueName: "email")) var email: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws { try await setDisabled(false, email: email, actor: actor, database: database) }
}

extension AsyncParsableCommand {
    func setDisabled(_ disabled: Bool, email: String, actor: ActorOptions, database: DatabaseOptions) async throws {
        try await withDatabase(database) { db in
            let account = try await requireAccount(db, email)
            _ = try await AccountStore(db).setDisabled(userID: account.id, disabled, by: try await actor.actor(db), now: Date())
            print(disabled ? "\(account.email) is disabled." : "\(account.email) can sign in again.")
        }
    }
}

struct UsersResetToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-token", abstract: "Make a one-time password-reset code (valid 24 hours) to give a person privately.",
        discussion: "They enter it at /reset-password on the site. Earlier unused codes for them stop working.")
    @Argument(help: ArgumentHelp("Their email.", valueName: "email")) var email: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            let account = try await requireAccount(db, email)
            let code = Credentials.randomToken()
            let expires = try await PasswordResetStore(db).issue(userID: account.id, tokenHash: Credentials.sha256Hex(code), lifetime: SessionPolicy().resetTokenLifetime,
                                                                by: try await actor.actor(db), now: Date())
            print(code)
            Console.note("One-time reset code for \(account.email), valid until \(TimestampParser.iso8601(expires)). They enter it at /reset-password.")
        }
    }
}
