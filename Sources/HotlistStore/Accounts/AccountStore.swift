import FluentKit
import Foundation
import HotlistCore
import SQLKit

/// People who can sign in. Every change is written together with its audit entry.
public struct AccountStore: Sendable {
    let database: HotlistDatabase
    public init(_ database: HotlistDatabase) { self.database = database }

    static let selectColumns = UserAccount.columns.map { SQLColumn($0) }

    public func hasUsers() async throws -> Bool {
        try await database.sql.select().column("id").from("users").limit(1).first() != nil
    }

    public func users() async throws -> [UserAccount] {
        try await database.sql.select().columns(Self.selectColumns).from("users").orderBy("email").all().map(UserAccount.init(row:))
    }

    public func user(id: Int) async throws -> UserAccount? {
        try await database.sql.select().columns(Self.selectColumns).from("users").where("id", .equal, id).first().map(UserAccount.init(row:))
    }

    public func user(email: String) async throws -> UserAccount? {
        try await database.sql.select().columns(Self.selectColumns).from("users").where("email", .equal, EmailAddress.normalize(email)).first().map(UserAccount.init(row:))
    }

    /// The account and its password hash, for checking a sign-in.
    public func credentials(email: String) async throws -> (account: UserAccount, passwordHash: String)? {
        guard let row = try await database.sql.select().columns(Self.selectColumns + [SQLColumn("password_hash")]).from("users")
            .where("email", .equal, EmailAddress.normalize(email)).first() else { return nil }
        return (try UserAccount(row: row), try row.decode(column: "password_hash", as: String.self))
    }

    public func create(email rawEmail: String, displayName: String?, role: Role, passwordHash: String, by actor: AuditActor, now: Date) async throws -> UserAccount {
        let email = try EmailAddress.validated(rawEmail)
        let name = try DisplayName.validated(displayName, email: email)
        return try await database.sqlTransaction { sql in
            if try await sql.select().column("id").from("users").where("email", .equal, email).first() != nil {
                throw InputProblems([InputProblem(file: "input", field: "email", problem: "\(email) already has an account",
                                                  hint: "Change that account's role or re-enable it instead.")])
            }
            let id = try await sql.insert(into: "users").columns("email", "display_name", "role", "password_hash", "created_at")
                .values(SQLBind(email), SQLBind(name), SQLBind(role.rawValue), SQLBind(passwordHash), SQLBind(now))
                .returning("id").first()!.decode(column: "id", as: Int.self)
            let account = UserAccount(id: id, email: email, displayName: name, role: role, createdAt: now)
            try await AuditLog.append(AuditEntry(action: "user.create", entityType: "user", entityID: String(id), before: nil, after: account.auditValues),
                                      by: actor, at: now, on: sql)
            return account
        }
    }

    public func setRole(userID: Int, role: Role, by actor: AuditActor, now: Date) async throws -> UserAccount {
        try await change(userID: userID, action: "user.role.update", by: actor, now: now) { sql, account in
            if account.role == .admin && role != .admin { try await Self.requireAnotherAdmin(besides: account, sql: sql, doing: "take the admin role from") }
            try await sql.update("users").set("role", to: role.rawValue).where("id", .equal, userID).run()
            var updated = account; updated.role = role
            return updated
        }
    }

    /// Disabling also ends the person's sessions and stops their API tokens (they are checked
    /// against the account on every use).
    public func setDisabled(userID: Int, _ disabled: Bool, by actor: AuditActor, now: Date) async throws -> UserAccount {
        try await change(userID: userID, action: disabled ? "user.disable" : "user.enable", by: actor, now: now) { sql, account in
            if disabled && account.role == .admin && account.isActive { try await Self.requireAnotherAdmin(besides: account, sql: sql, doing: "disable") }
            var updated = account
            updated.disabledAt = disabled ? (account.disabledAt ?? now) : nil
            try await sql.update("users").set("disabled_at", to: SQLBind(updated.disabledAt)).where("id", .equal, userID).run()
            if disabled { try await sql.delete(from: "sessions").where("user_id", .equal, userID).run() }
            return updated
        }
    }

    /// A new password ends every session of the person except `keepingSession` (the one that changed it).
    public func setPassword(userID: Int, passwordHash: String, by actor: AuditActor, now: Date, keepingSession: String? = nil) async throws {
        _ = try await change(userID: userID, action: "user.password.update", by: actor, now: now, extra: ["password": "changed"]) { sql, account in
            try await Self.storePassword(userID: userID, hash: passwordHash, keepingSession: keepingSession, sql: sql)
            return account
        }
    }

    static func storePassword(userID: Int, hash: String, keepingSession: String?, sql: any SQLDatabase) async throws {
        try await sql.update("users").set("password_hash", to: hash).where("id", .equal, userID).run()
        var sessions = sql.delete(from: "sessions").where("user_id", .equal, userID)
        if let keepingSession { sessions = sessions.where("token_hash", .notEqual, keepingSession) }
        try await sessions.run()
    }

    public func recordSignIn(userID: Int, clientAddress: String?, now: Date) async throws {
        _ = try await change(userID: userID, action: "user.sign_in",
                             by: AuditActor(userID: userID, label: "", channel: .web, clientAddress: clientAddress), now: now, labelFromAccount: true) { sql, account in
            try await sql.update("users").set("last_sign_in_at", to: SQLBind(now)).where("id", .equal, userID).run()
            var updated = account; updated.lastSignInAt = now
            return updated
        }
    }

    /// Loads the account, applies `body` and records before and after, all in one transaction.
    private func change(userID: Int, action: String, by actor: AuditActor, now: Date, extra: AuditValues = [:], labelFromAccount: Bool = false,
                        _ body: @escaping @Sendable (any SQLDatabase, UserAccount) async throws -> UserAccount) async throws -> UserAccount {
        try await database.sqlTransaction { sql in
            guard let row = try await sql.select().columns(Self.selectColumns).from("users").where("id", .equal, userID).first() else {
                throw RecordNotFound("person \(userID)")
            }
            let before = try UserAccount(row: row)
            let after = try await body(sql, before)
            var actor = actor
            if labelFromAccount { actor.label = before.email }
            var afterValues = after.auditValues
            var beforeValues = before.auditValues
            if action == "user.sign_in" {
                // updateValue keeps a nil (never signed in) as a value instead of removing the key.
                afterValues.updateValue(after.lastSignInAt.map(TimestampParser.iso8601), forKey: "last_sign_in_at")
                beforeValues.updateValue(before.lastSignInAt.map(TimestampParser.iso8601), forKey: "last_sign_in_at")
            }
            for (key, value) in extra { afterValues.updateValue(value, forKey: key) }
            try await AuditLog.append(AuditEntry(action: action, entityType: "user", entityID: String(userID), before: beforeValues, after: afterValues),
                                      by: actor, at: now, on: sql)
            return after
        }
    }

    private static func requireAnotherAdmin(besides account: UserAccount, sql: any SQLDatabase, doing verb: String) async throws {
        let others = try await sql.select().column("id").from("users").where("role", .equal, Role.admin.rawValue)
            .where("disabled_at", .is, SQLLiteral.null).where("id", .notEqual, account.id).limit(1).first()
        if others == nil {
            throw InputProblems([InputProblem(file: "input", field: "role", problem: "\(account.email) is the only active admin; you cannot \(verb) them",
                                              hint: "Make someone else an admin first.")])
        }
    }
}
