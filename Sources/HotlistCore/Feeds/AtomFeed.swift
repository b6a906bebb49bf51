import Foundation

/// An Atom feed (RFC 4287): the one writer behind the status feeds and the public data feed.
public enum AtomFeed {
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var title: String
        public var updated: Date
        /// Absolute, or a path the caller has already joined to the public address.
        public var link: String
        public var summary: String
        public init(id: String, title: String, updated: Date, link: String, summary: String) {
            self.id = id; self.title = title; self.updated = updated; self.link = link; self.summary = summary
        }
    }

    static func xml(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// `entries` newest first; the feed's `updated` is the first entry's, or `now` when there is none.
    /// `extraHeader` is already-escaped feed-level XML (a rights line, a self link).
    public static func write(title: String, feedID: String, entries: [Entry], now: Date, extraHeader: String = "") -> String {
        let updated = TimestampParser.iso8601(entries.first?.updated ?? now)
        let body = entries.map { entry in
            """
              <entry>
                <id>\(xml(entry.id))</id>
                <title>\(xml(entry.title))</title>
                <updated>\(TimestampParser.iso8601(entry.updated))</updated>
                <link href="\(xml(entry.link))"/>
                <summary>\(xml(entry.summary))</summary>
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
        \(extraHeader)\(body)
        </feed>

        """
    }
}
