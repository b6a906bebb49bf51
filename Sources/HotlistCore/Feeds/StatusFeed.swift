import Foundation

/// Status changes as an Atom feed (RFC 4287), newest first.
public enum StatusFeed {
    public struct Item: Sendable {
        public var change: StatusChange
        public var agencyName: String
        public init(change: StatusChange, agencyName: String) { self.change = change; self.agencyName = agencyName }
    }

    public static func atom(title: String, feedID: String, items: [Item], baseURL: String, now: Date) -> String {
        func xml(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                .replacingOccurrences(of: "\"", with: "&quot;")
        }
        let updated = TimestampParser.iso8601(items.first?.change.recordedAt ?? now)
        let entries = items.map { item -> String in
            let change = item.change
            let summary = "\(change.from.map { $0.label + " → " } ?? "")\(change.to.label) on \(change.occurredOn.iso)\(change.note.isEmpty ? "" : ": " + change.note)"
            return """
              <entry>
                <id>urn:hotlistwatch:status-change:\(change.id)</id>
                <title>\(xml("Request #\(change.requestID) to \(item.agencyName): \(change.to.label)"))</title>
                <updated>\(TimestampParser.iso8601(change.recordedAt))</updated>
                <link href="\(xml(baseURL))/requests/\(change.requestID)"/>
                <summary>\(xml(summary))</summary>
              </entry>
            """
        }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <id>\(xml(feedID))</id>
          <title>\(xml(title))</title>
          <updated>\(updated)</updated>
          <author><name>Hotlist Watch</name></author>
        \(entries)
        </feed>

        """
    }
}
