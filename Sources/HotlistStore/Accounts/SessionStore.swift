import FluentKit
import Foundation
import HotlistCore
import SQLKit

/// A signed-in browser. The cookie holds a random token; the table holds its SHA-256.
public struct SessionRecord: Sendable, Equatable {
    public var tokenHash: String
    public var userID: Int
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
}

public enum SessionLookup: Sendable {
    case signedIn(SessionRecord, UserAccount)
    /// The session existed but ran out (or its person was disabled); it has been removed.
    case expired
    case none
}

public struct SessionStore: Sendable {
    let database: HotlistDatabase
    public init(_ database: HotlistDatabase) { self.database = database }

    public func create(tokenHash: String, userID: Int, csrfToken: String, clientAddress: String?, now: Date) async throws {
        try await database.sql.insert(into: "sessions").columns("token_hash", "user_id", "csrf_token", "created_at", "last_seen_at", "client_address")
            .values(SQLBind(tokenHash), SQLBind(userID), SQLBind(csrfToken), SQLBind(now), SQLBind(now), SQLBind(clientAddress)).run()
    }

    public func lookup(tokenHash: String, now: Date, policy: SessionPolicy) async throws -> SessionLookup {
        let sql = database.sql
        guard let row = try await sql.select()
            .columns(UserAccount.columns.map { SQLColumn($0, table: "users") })
            .columns(SQLColumn("csrf_token", table: "sessions"), SQLAlias(SQLColumn("created_at", table: "sessions"), as: SQLIdentifier("session_created_at")),
                     SQLColumn("last_seen_at", table: "sessions"))
            .from("sessions").join("users", on: SQLColumn("user_id", table: "sessions"), .equal, SQLColumn("id", table: "users"))
            .where(SQLColumn("token_hash", table: "sessions"), .equal, SQLBind(tokenHash)).first() else { return .none }
        let account = try UserAccount(row: row)
        let session = SessionRecord(tokenHash: tokenHash, userID: account.id, csrfToken: try row.decode(column: "csrf_token", as: String.self),
                                    createdAt: try row.decode(column: "session_created_at", as: Date.self),
                                    lastSeenAt: try row.decode(column: "last_seen_at", as: Date.self))
        guard account.isActive, policy.expiry(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt) > now else {
            try await delete(tokenHash: tokenHash)
            return .expired
        }
        if now.timeIntervalSince(session.lastSeenAt) >= policy.touchInterval {
            try await sql.update("sessions").set("last_seen_at", to: SQLBind(now)).where("token_hash", .equal, tokenHash).run()
        }
        return .signedIn(session, account)
    }

    public func delete(tokenHash: String) async throws {
        try await database.sql.delete(from: "sessions").where("token_hash", .equal, tokenHash).run()
    }

    public func count(userID: Int) async throws -> Int {
        try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("sessions")
            .where("user_id", .equal, userID).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Removes sessions that ran out, so the table does not grow forever.
    public func purgeExpired(now: Date, policy: SessionPolicy) async throws {
        try await database.sql.delete(from: "sessions")
            .where("created_at", .lessThan, now.addingTimeInterval(-policy.lifetime))
            .orWhere("last_seen_at", .lessThan, now.addingTimeInterval(-policy.idleTimeout)).run()
    }
}
