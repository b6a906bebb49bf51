import Foundation

/// A person who can sign in. Names and emails are private: they never appear on public pages or
/// the public API.
public struct UserAccount: Sendable, Equatable, Identifiable {
    public var id: Int
    public var email: String
    public var displayName: String
    public var role: Role
    public var createdAt: Date
    public var disabledAt: Date?
    public var lastSignInAt: Date?

    public init(id: Int, email: String, displayName: String, role: Role, createdAt: Date, disabledAt: Date? = nil, lastSignInAt: Date? = nil) {
        self.id = id; self.email = email; self.displayName = displayName; self.role = role
        self.createdAt = createdAt; self.disabledAt = disabledAt; self.lastSignInAt = lastSignInAt
    }

    public var isActive: Bool { disabledAt == nil }

    /// The values the audit trail keeps for a person (never the password hash).
    public var auditValues: AuditValues {
        ["email": email, "display_name": displayName, "role": role.rawValue,
         "disabled_at": disabledAt.map(TimestampParser.iso8601)]
    }
}
