import FluentKit
import Foundation
import HotlistCore
import SQLKit

/// Why a reset token was refused. The page says only that it cannot be used, whichever it is.
public enum ResetTokenRejection: Error, Sendable, Equatable {
    case unknown, used, expired, accountDisabled
}

public struct PasswordResetStore: Sendable {
    let database: HotlistDatabase
    public init(_ database: HotlistDatabase) { self.database = database }

    /// Stores a new token for `userID`; earlier unused tokens of that person stop working.
    public func issue(userID: Int, tokenHash: String, lifetime: TimeInterval, by actor: AuditActor, now: Date) async throws -> Date {
        let expires = now.addingTimeInterval(lifetime)
        try await database.sqlTransaction { sql in
            guard try await sql.select().column("id").from("users").where("id", .equal, userID).first() != nil else { throw RecordNotFound("person \(userID)") }
            try await sql.update("password_reset_tokens").set("used_at", to: SQLBind(now)).where("user_id", .equal, userID).where("used_at", .is, SQLLiteral.null).run()
            try await sql.insert(into: "password_reset_tokens").columns("token_hash", "user_id", "created_at", "expires_at")
                .values(SQLBind(tokenHash), SQLBind(userID), SQLBind(now), SQLBind(expires)).run()
            try await AuditLog.append(AuditEntry(action: "user.reset_token.create", entityType: "user", entityID: String(userID), before: nil,
                                                 after: ["reset_token_expires_at": TimestampParser.iso8601(expires)]), by: actor, at: now, on: sql)
        }
        return expires
    }

    /// Uses the token once: sets the new password, ends every session of the person, and records it.
    public func consume(tokenHash: String, newPasswordHash: String, clientAddress: String?, now: Date) async throws -> UserAccount {
        try await database.sqlTransaction { sql in
            guard let row = try await sql.select().columns("user_id", "expires_at", "used_at").from("password_reset_tokens")
                .where("token_hash", .equal, tokenHash).first() else { throw ResetTokenRejection.unknown }
            if try row.decode(column: "used_at", as: Date?.self) != nil { throw ResetTokenRejection.used }
            if try row.decode(column: "expires_at", as: Date.self) <= now { throw ResetTokenRejection.expired }
            let userID = try row.decode(column: "user_id", as: Int.self)
            guard let userRow = try await sql.select().columns(AccountStore.selectColumns).from("users").where("id", .equal, userID).first() else { throw ResetTokenRejection.unknown }
            let account = try UserAccount(row: userRow)
            guard account.isActive else { throw ResetTokenRejection.accountDisabled }
            try await sql.update("password_reset_tokens").set("used_at", to: SQLBind(now)).where("token_hash", .equal, tokenHash).run()
            try await AccountStore.storePassword(userID: userID, hash: newPasswordHash, keepingSession: nil, sql: sql)
            try await AuditLog.append(AuditEntry(action: "user.password.reset", entityType: "user", entityID: String(userID), before: nil, after: ["password": "changed"]),
                                      by: .user(account, channel: .web, clientAddress: clientAddress), at: now, on: sql)
            return account
        }
    }
}
