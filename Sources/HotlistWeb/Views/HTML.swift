import Foundation
import HotlistCore

/// Building blocks for server-rendered pages. Text from data is escaped by `SafeHTML` interpolation.
enum HTML {
    /// Text with its line breaks kept.
    static func paragraphs(_ text: String) -> SafeHTML {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: true)
            .map { "<p>\(String($0))</p>" as SafeHTML }.joined()
    }

    static func number(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_US")
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    static func day(_ date: Date?) -> String {
        guard let date else { return "unknown" }
        return dayFormatter.string(from: date)
    }

    private static let dayFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()

    /// A link only when the address is a web address; anything else is shown as text.
    static func externalLink(_ url: String?, text: String? = nil) -> SafeHTML {
        guard let url else { return "" }
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return "\(url)" }
        return "<a href=\"\(url)\" rel=\"noopener noreferrer\">\(text ?? url)</a>"
    }

    /// Who reported a finding: the name, linked to the reporting site when another Hotlist Watch site sent it in a records package.
    static func reporter(_ finding: RecordedOutcome) -> SafeHTML {
        guard let site = finding.reporterURL else { return "\(finding.reportedBy)" }
        return "<a class=\"reporter\" href=\"\(site)\" rel=\"noopener noreferrer external\">\(finding.reportedBy)</a>"
    }

    /// "eff.org/deeplinks/2026/06/are-your-…" rather than a whole address, which would not wrap.
    static func shortName(_ url: String) -> String {
        guard let components = URLComponents(string: url), var host = components.host else { return url }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        let path = components.path
        let shown = path.count > 28 ? String(path.prefix(27)) + "…" : path
        return host + (shown == "/" ? "" : shown)
    }

    /// Sources are often several addresses separated by " ; ": each becomes a link.
    static func sources(_ text: String) -> SafeHTML {
        text.components(separatedBy: " ; ").map { part -> SafeHTML in
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            // Our own pages (a verified finding, an evidence file) are cited by path.
            if let trimmed = SiteURL.localPath(trimmed) {
                return "<a href=\"\(trimmed)\">\(trimmed.contains("#finding-") ? "the finding" : trimmed.contains("#search-audit-") ? "the audit log counts" : trimmed.hasPrefix("/evidence/") ? "the document" : trimmed)</a>"
            }
            if let range = trimmed.range(of: "https?://[^ ()]+", options: .regularExpression) {
                let url = String(trimmed[range])
                return "\(String(trimmed[..<range.lowerBound]))\(externalLink(url, text: shortName(url)))\(String(trimmed[range.upperBound...]))"
            }
            return "\(trimmed)"
        }.joined(separator: "<br>")
    }
}
