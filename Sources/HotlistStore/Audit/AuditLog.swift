import FluentKit
import Foundation
import HotlistCore
import SQLKit

/// Writes and reads the audit trail. There is no update or delete here, on purpose; the database
/// refuses them too (see CreateAuditEvents).
public struct AuditLog: Sendable {
    let database: HotlistDatabase
    public init(_ database: HotlistDatabase) { self.database = database }

    /// Records `entry` on `sql`, which should be the transaction that makes the change, so the
    /// change and its record land together or not at all.
    static func append(_ entry: AuditEntry, by actor: AuditActor, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "audit_events")
            .columns("occurred_at", "actor_user_id", "actor_label", "channel", "client_address", "action", "entity_type", "entity_id", "before_values", "after_values")
            .values(SQLBind(now), SQLBind(actor.userID), SQLBind(actor.label), SQLBind(actor.channel.rawValue), SQLBind(actor.clientAddress),
                    SQLBind(entry.action), SQLBind(entry.entityType), SQLBind(entry.entityID),
                    SQLBind(AuditValuesCoding.encode(entry.before)), SQLBind(AuditValuesCoding.encode(entry.after)))
            .run()
    }

    /// Newest first.
    public func events(_ filter: AuditFilter) async throws -> [AuditEvent] {
        var query = database.sql.select().columns("id", "occurred_at", "actor_user_id", "actor_label", "channel", "client_address", "action",
                                                  "entity_type", "entity_id", "before_values", "after_values").from("audit_events")
        query = Self.apply(filter, to: query)
        return try await query.orderBy("id", .descending).limit(filter.limit).offset(filter.offset).all().map(Self.event)
    }

    /// Every matching entry, oldest first, handed over in pages so an export of a long trail does
    /// not sit in memory at once.
    public func forEachEvent(_ filter: AuditFilter, pageSize: Int = 1_000, _ body: (AuditEvent) throws -> Void) async throws {
        var afterID = 0
        while true {
            var query = database.sql.select().columns("id", "occurred_at", "actor_user_id", "actor_label", "channel", "client_address", "action",
                                                      "entity_type", "entity_id", "before_values", "after_values").from("audit_events")
            query = Self.apply(filter, to: query).where("id", .greaterThan, afterID)
            let page = try await query.orderBy("id", .ascending).limit(pageSize).all().map(Self.event)
            for event in page { try body(event) }
            guard let last = page.last, page.count == pageSize else { return }
            afterID = last.id
        }
    }

    public func count(_ filter: AuditFilter) async throws -> Int {
        let query = Self.apply(filter, to: database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_events"))
        return try await query.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private static func apply(_ filter: AuditFilter, to query: SQLSelectBuilder) -> SQLSelectBuilder {
        var query = query
        if let userID = filter.userID { query = query.where("actor_user_id", .equal, userID) }
        if let type = filter.entityType { query = query.where("entity_type", .equal, type) }
        if let id = filter.entityID { query = query.where("entity_id", .equal, id) }
        if let since = filter.since { query = query.where("occurred_at", .greaterThanOrEqual, since) }
        return query
    }

    private static func event(_ row: any SQLRow) throws -> AuditEvent {
        AuditEvent(id: try row.decode(column: "id", as: Int.self),
                   occurredAt: try row.decode(column: "occurred_at", as: Date.self),
                   actor: AuditActor(userID: try row.decode(column: "actor_user_id", as: Int?.self),
                                     label: try row.decode(column: "actor_label", as: String.self),
                                     channel: AuditChannel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .cli,
                                     clientAddress: try row.decode(column: "client_address", as: String?.self)),
                   action: try row.decode(column: "action", as: String.self),
                   entityType: try row.decode(column: "entity_type", as: String.self),
                   entityID: try row.decode(column: "entity_id", as: String.self),
                   before: AuditValuesCoding.decode(try row.decode(column: "before_values", as: String?.self)),
                   after: AuditValuesCoding.decode(try row.decode(column: "after_values", as: String?.self)))
    }
}
