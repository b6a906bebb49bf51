import Foundation

/// A directory search split into terms, so people find an agency by the names they use:
/// "Sparks Police Department" finds "Sparks NV PD", "Allegan County Sheriff" finds "Allegan Co SO MI".
/// Words of a known group (PD, SO, Co, a state) match any of the group's forms as whole words;
/// other words match anywhere in the name, so a half-typed word still finds it.
public struct AgencySearchTerms: Sendable, Equatable {
    public enum Term: Sendable, Equatable {
        /// Appears somewhere in the name.
        case fragment(String)
        /// One of these appears as whole words.
        case anyOf([String])
    }

    public var terms: [Term]

    /// Forms of the same thing, longest first where one contains another.
    static let groups: [[String]] = [
        ["police department", "police dept", "police dept.", "pd", "police"],
        ["sheriff's office", "sheriffs office", "sheriff office", "sheriff's department", "sheriffs department", "sheriff's dept", "so", "sheriff's", "sheriffs", "sheriff"],
        ["county", "co", "co."],
        ["department of public safety", "public safety", "dps"],
        ["university", "univ", "univ."],
    ] + USState.all.map { state in
        // Codes that are also common words ("in", "or", "me") stay plain fragments when typed alone.
        let code = state.code.lowercased()
        return ["in", "or", "me", "hi", "ok", "oh", "de", "la", "pa", "ma", "al", "id", "co"].contains(code) ? [state.name.lowercased()] : [state.name.lowercased(), code]
    }

    public init(_ text: String) {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
            .replacingOccurrences(of: "’", with: "'")
        let words = folded.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        var terms: [Term] = []
        var index = 0
        outer: while index < words.count {
            // The longest phrase of a group starting here.
            for length in stride(from: min(4, words.count - index), through: 1, by: -1) {
                let phrase = words[index..<index + length].joined(separator: " ")
                if let group = Self.groups.first(where: { $0.contains(phrase) }) {
                    if terms.last != .anyOf(group) { terms.append(.anyOf(group)) }
                    index += length
                    continue outer
                }
            }
            terms.append(.fragment(words[index]))
            index += 1
        }
        self.terms = terms
    }
}
