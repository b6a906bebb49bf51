import FluentKit
import Foundation
import HotlistCore
import SQLKit

/// Failed sign-in counts, per account and per client address; the policy lives in HotlistCore.
public struct SignInThrottleStore: Sendable {
    let database: HotlistDatabase
    public init(_ database: HotlistDatabase) { self.database = database }

    public func state(keyHash: String) async throws -> SignInThrottleState? {
        try await Self.state(on: database.sql, keyHash: keyHash)
    }

    @discardableResult
    public func recordFailure(keyHash: String, scope: SignInThrottleScope, policy: SignInThrottlePolicy, now: Date) async throws -> SignInThrottleState {
        try await database.sqlTransaction { sql in
            let current = try await Self.state(on: sql, keyHash: keyHash)
            let next = policy.recordFailure(current ?? SignInThrottleState(windowStartedAt: now), scope: scope, now: now)
            if current == nil {
                try await sql.insert(into: "sign_in_throttle").columns("key_hash", "scope", "failures", "window_started_at", "locked_until")
                    .values(SQLBind(keyHash), SQLBind(scope.rawValue), SQLBind(next.failures), SQLBind(next.windowStartedAt), SQLBind(next.lockedUntil)).run()
            } else {
                try await sql.update("sign_in_throttle").set("failures", to: SQLBind(next.failures)).set("window_started_at", to: SQLBind(next.windowStartedAt))
                    .set("locked_until", to: SQLBind(next.lockedUntil)).where("key_hash", .equal, keyHash).run()
            }
            return next
        }
    }

    /// Forgets counts whose window and lock are both over, so the table holds only live ones.
    public func purgeStale(now: Date, policy: SignInThrottlePolicy) async throws {
        try await database.sql.delete(from: "sign_in_throttle")
            .where("window_started_at", .lessThan, now.addingTimeInterval(-policy.window))
            .where { $0.where("locked_until", .is, SQLLiteral.null).orWhere("locked_until", .lessThan, now) }.run()
    }

    public func clear(keyHash: String) async throws {
        try await database.sql.delete(from: "sign_in_throttle").where("key_hash", .equal, keyHash).run()
    }

    private static func state(on sql: any SQLDatabase, keyHash: String) async throws -> SignInThrottleState? {
        guard let row = try await sql.select().columns("failures", "window_started_at", "locked_until").from("sign_in_throttle")
            .where("key_hash", .equal, keyHash).first() else { return nil }
        return SignInThrottleState(failures: try row.decode(column: "failures", as: Int.self),
                                   windowStartedAt: try row.decode(column: "window_started_at", as: Date.self),
                                   lockedUntil: try row.decode(column: "locked_until", as: Date?.self))
    }
}
