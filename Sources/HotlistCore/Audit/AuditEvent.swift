import Foundation

/// One entry of the append-only audit trail: who, when, what, and the values before and after.
public struct AuditEvent: Sendable, Equatable, Identifiable {
    public var id: Int
    public var occurredAt: Date
    public var actor: AuditActor
    /// What was done, as `entity.verb` ("user.create", "agency.records_contact.update").
    public var action: String
    public var entityType: String
    public var entityID: String
    public var before: AuditValues?
    public var after: AuditValues?

    public init(id: Int, occurredAt: Date, actor: AuditActor, action: String, entityType: String, entityID: String, before: AuditValues?, after: AuditValues?) {
        self.id = id; self.occurredAt = occurredAt; self.actor = actor; self.action = action
        self.entityType = entityType; self.entityID = entityID; self.before = before; self.after = after
    }

    public var changedFields: [String] { AuditValuesCoding.changedFields(before: before, after: after) }
}

/// A change about to be recorded (the store assigns id and time).
public struct AuditEntry: Sendable, Equatable {
    public var action: String
    public var entityType: String
    public var entityID: String
    public var before: AuditValues?
    public var after: AuditValues?

    public init(action: String, entityType: String, entityID: String, before: AuditValues?, after: AuditValues?) {
        self.action = action; self.entityType = entityType; self.entityID = entityID; self.before = before; self.after = after
    }
}
