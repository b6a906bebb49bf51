import Foundation

/// Finds the words with which Flock account names mark a duplicate or retired account
/// ("Bristol RI PD (Do Not Use)", "DNU- Walker County AL SO", "Greenbrier TN PD (duplicate)"),
/// so such accounts are not asked about as if they were live agencies.
public enum RetiredAccountMarker {
    private static let patterns = [
        #"\bdo\s*n[o']?t\s+use\b"#, #"\bdon.?t\s+use\b"#, #"\bDNU\b"#, #"\bduplicate\b"#, #"\bnot\s+in\s+use\b"#,
        #"\(inactive\)"#, #"\s-\s*old$"#, #"^delete\b"#,
    ]

    /// The marker as written in the name, or nil for an ordinary name. "Old Fort NC PD" is a town, not a marker.
    public static func find(in name: String) -> String? {
        for pattern in patterns {
            let options: String.CompareOptions = pattern == #"\bDNU\b"# ? [.regularExpression] : [.regularExpression, .caseInsensitive]
            if let range = name.range(of: pattern, options: options) {
                return name[range].trimmingCharacters(in: CharacterSet(charactersIn: " -()"))
            }
        }
        return nil
    }
}
