import Foundation

/// Finds the words with which Flock account names mark a duplicate or retired account
/// ("Bristol RI PD (Do Not Use)", "DNU- Walker County AL SO", "Greenbrier TN PD (duplicate)"),
/// so such accounts are not asked about as if they were live agencies.
public enum RetiredAccountMarker {
    private static let patterns = [
        #"\bdo\s*n[o']?t\s+use\b"#, #"\bdon.?t\s+use\b"#, #"\bDNU\b"#, #"\bduplicate\b"#, #"\bnot\s+in\s+use\b"#,
        #"\(inactive\)"#, #"\s-\s*old$"#, #"^delete\b"#,
    ]
    /// Compiled once: names are checked for every agency on every page that lists or letters them.
    nonisolated(unsafe) private static let expressions: [NSRegularExpression] = patterns.map { pattern in
        // Force-try: the patterns are constants of this file, checked by its tests.
        try! NSRegularExpression(pattern: pattern, options: pattern == #"\bDNU\b"# ? [] : [.caseInsensitive])
    }
    /// Every pattern needs one of these words; most names have none, and skip the expressions.
    private static let cues = ["use", "dnu", "duplicate", "inactive", "old", "delete"]

    /// The marker as written in the name, or nil for an ordinary name. "Old Fort NC PD" is a town, not a marker.
    public static func find(in name: String) -> String? {
        let lowered = name.lowercased()
        guard cues.contains(where: { lowered.contains($0) }) else { return nil }
        let whole = NSRange(name.startIndex..<name.endIndex, in: name)
        for expression in expressions {
            if let match = expression.firstMatch(in: name, range: whole), let range = Range(match.range, in: name) {
                return name[range].trimmingCharacters(in: CharacterSet(charactersIn: " -()"))
            }
        }
        return nil
    }
}
