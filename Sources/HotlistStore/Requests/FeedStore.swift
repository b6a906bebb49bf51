import FluentKit
import Foundation
import HotlistCore
import SQLKit

/// Secret addresses for calendar and Atom feeds: one per person (their requests) and one per
/// campaign. Making a new one retires the old, so a leaked address can be replaced.
public struct FeedStore: Sendable {
    public enum Kind: String, Sendable { case person, campaign }
    let database: HotlistDatabase
    public init(_ database: HotlistDatabase) { self.database = database }

    public func issue(_ kind: Kind, ownerID: Int, tokenHash: String, by actor: AuditActor, now: Date) async throws {
        try await database.sqlTransaction { sql in
            try await sql.delete(from: "feed_tokens").where("kind", .equal, kind.rawValue).where("owner_id", .equal, ownerID).run()
            try await sql.insert(into: "feed_tokens").columns("token_hash", "kind", "owner_id", "created_at")
                .values(SQLBind(tokenHash), SQLBind(kind.rawValue), SQLBind(ownerID), SQLBind(now)).run()
            try await AuditLog.append(AuditEntry(action: "feed.issue", entityType: kind == .person ? "user" : "campaign", entityID: String(ownerID), before: nil,
                                                 after: ["feed": "new secret address (the previous one no longer works)"]), by: actor, at: now, on: sql)
        }
    }

    public func owner(tokenHash: String) async throws -> (kind: Kind, ownerID: Int)? {
        guard let row = try await database.sql.select().columns("kind", "owner_id").from("feed_tokens").where("token_hash", .equal, tokenHash).first(),
              let kind = Kind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
        return (kind, try row.decode(column: "owner_id", as: Int.self))
    }

    /// Status changes of the given requests, newest first, for the Atom feed.
    public func statusChanges(requestIDs: [Int], limit: Int = 200) async throws -> [StatusChange] {
        Array(try await RequestStore.history(database.sql, requestIDs: requestIDs).sorted { ($0.recordedAt, $0.id) > ($1.recordedAt, $1.id) }.prefix(limit))
    }
}
