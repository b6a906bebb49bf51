import Foundation

/// One line of a Flock hotlist action log: a list or an entry created, changed or deleted.
/// `user` and `details` may name officers or hold plates, so they are never published by default.
public struct HotlistAction: Sendable, Equatable, Codable {
    public enum Change: String, Sendable, Codable, CaseIterable {
        case created, changed, deleted, other

        /// From the log's own words ("Create Hotlist", "Entry Updated", "Removed"…).
        public static func classify(_ eventType: String) -> Change {
            let words = eventType.lowercased()
            if ["delet", "remov", "archiv"].contains(where: words.contains) { return .deleted }
            if ["creat", "add", "new", "upload"].contains(where: words.contains) { return .created }
            if ["updat", "edit", "modif", "chang", "enabl", "disabl", "renam"].contains(where: words.contains) { return .changed }
            return .other
        }
    }

    public var line: Int
    public var occurredAt: Date
    public var user: String
    public var eventType: String
    public var entityType: String
    public var details: String

    public init(line: Int, occurredAt: Date, user: String, eventType: String, entityType: String, details: String) {
        self.line = line; self.occurredAt = occurredAt; self.user = user; self.eventType = eventType; self.entityType = entityType; self.details = details
    }

    public var change: Change { Change.classify(eventType) }
}
