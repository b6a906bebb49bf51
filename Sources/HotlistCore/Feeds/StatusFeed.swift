import Foundation

/// Status changes as an Atom feed (RFC 4287), newest first.
public enum StatusFeed {
    public struct Item: Sendable {
        public var change: StatusChange
        public var agencyName: String
        public init(change: StatusChange, agencyName: String) { self.change = change; self.agencyName = agencyName }
    }

    public static func atom(title: String, feedID: String, items: [Item], baseURL: String, now: Date) -> String {
        let entries = items.map { item -> AtomFeed.Entry in
            let change = item.change
            let summary = "\(change.from.map { $0.label + " → " } ?? "")\(change.to.label) on \(change.occurredOn.iso)\(change.note.isEmpty ? "" : ": " + change.note)"
            return AtomFeed.Entry(id: "urn:hotlistwatch:status-change:\(change.id)", title: "Request #\(change.requestID) to \(item.agencyName): \(change.to.label)",
                                  updated: change.recordedAt, link: "\(baseURL)/requests/\(change.requestID)", summary: summary)
        }
        return AtomFeed.write(title: title, feedID: feedID, entries: entries, now: now)
    }
}
