import FluentKit
import Foundation
import HotlistCore
import SQLKit

/// What an owner sees of an API token: never the token itself after creation.
public struct APITokenInfo: Sendable, Equatable, Identifiable {
    public var id: Int
    public var name: String
    public var prefix: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?
    public var isActive: Bool { revokedAt == nil }
}

public struct APITokenStore: Sendable {
    let database: HotlistDatabase
    public init(_ database: HotlistDatabase) { self.database = database }

    public static let maximumNameCharacters = 80

    public func create(owner: UserAccount, name rawName: String, tokenHash: String, prefix: String, by actor: AuditActor, now: Date) async throws -> APITokenInfo {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= Self.maximumNameCharacters, !name.contains(where: \.isNewline) else {
            throw InputProblems([InputProblem(file: "input", field: "name", problem: name.isEmpty ? "the token has no name" : "the name is too long or has line breaks",
                                              hint: "Name it after the script that will use it, in up to \(Self.maximumNameCharacters) characters.")])
        }
        return try await database.sqlTransaction { sql in
            let id = try await sql.insert(into: "api_tokens").columns("user_id", "name", "token_hash", "token_prefix", "created_at")
                .values(SQLBind(owner.id), SQLBind(name), SQLBind(tokenHash), SQLBind(prefix), SQLBind(now))
                .returning("id").first()!.decode(column: "id", as: Int.self)
            try await AuditLog.append(AuditEntry(action: "api_token.create", entityType: "api_token", entityID: String(id), before: nil,
                                                 after: ["owner_user_id": String(owner.id), "name": name, "prefix": prefix]), by: actor, at: now, on: sql)
            return APITokenInfo(id: id, name: name, prefix: prefix, createdAt: now)
        }
    }

    public func tokens(ownerID: Int) async throws -> [APITokenInfo] {
        try await database.sql.select().columns("id", "name", "token_prefix", "created_at", "last_used_at", "revoked_at").from("api_tokens")
            .where("user_id", .equal, ownerID).orderBy("id", .descending).all().map(Self.info)
    }

    /// Revokes one of `ownerID`'s tokens. Someone else's token is "not found", not "forbidden", so ids reveal nothing.
    public func revoke(tokenID: Int, ownerID: Int, by actor: AuditActor, now: Date) async throws {
        try await database.sqlTransaction { sql in
            guard let row = try await sql.select().columns("id", "name", "token_prefix", "created_at", "last_used_at", "revoked_at").from("api_tokens")
                .where("id", .equal, tokenID).where("user_id", .equal, ownerID).first() else { throw RecordNotFound("API token \(tokenID)") }
            let token = try Self.info(row)
            guard token.isActive else { return }
            try await sql.update("api_tokens").set("revoked_at", to: SQLBind(now)).where("id", .equal, tokenID).run()
            try await AuditLog.append(AuditEntry(action: "api_token.revoke", entityType: "api_token", entityID: String(tokenID),
                                                 before: ["name": token.name, "revoked_at": nil], after: ["name": token.name, "revoked_at": TimestampParser.iso8601(now)]),
                                      by: actor, at: now, on: sql)
        }
    }

    /// The active owner of an active token, with the owner's current role.
    public func owner(tokenHash: String, now: Date) async throws -> UserAccount? {
        let sql = database.sql
        guard let row = try await sql.select()
            .columns(UserAccount.columns.map { SQLColumn($0, table: "users") })
            .columns(SQLAlias(SQLColumn("id", table: "api_tokens"), as: SQLIdentifier("token_id")), SQLColumn("last_used_at", table: "api_tokens"))
            .from("api_tokens").join("users", on: SQLColumn("user_id", table: "api_tokens"), .equal, SQLColumn("id", table: "users"))
            .where(SQLColumn("token_hash", table: "api_tokens"), .equal, SQLBind(tokenHash))
            .where(SQLColumn("revoked_at", table: "api_tokens"), .is, SQLLiteral.null).first() else { return nil }
        let account = try UserAccount(row: row)
        guard account.isActive else { return nil }
        let lastUsed = try row.decode(column: "last_used_at", as: Date?.self)
        if lastUsed.map({ now.timeIntervalSince($0) >= 60 }) ?? true {
            try await sql.update("api_tokens").set("last_used_at", to: SQLBind(now)).where("id", .equal, try row.decode(column: "token_id", as: Int.self)).run()
        }
        return account
    }

    private static func info(_ row: any SQLRow) throws -> APITokenInfo {
        APITokenInfo(id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
                     prefix: try row.decode(column: "token_prefix", as: String.self), createdAt: try row.decode(column: "created_at", as: Date.self),
                     lastUsedAt: try row.decode(column: "last_used_at", as: Date?.self), revokedAt: try row.decode(column: "revoked_at", as: Date?.self))
    }
}
