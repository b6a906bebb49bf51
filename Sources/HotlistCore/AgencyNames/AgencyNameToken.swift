import Foundation

/// One word or punctuation mark of an agency name, remembering where it sat
/// so the parser can cut the original text (keeping its spelling) for places.
struct AgencyNameToken: Sendable, Equatable {
    enum Role: Sendable, Equatable {
        case word
        /// "-", "–" or "—": names use dashes to separate parts ("CO - Erie PD").
        case dash
        case openParenthesis
        case closeParenthesis
        case otherPunctuation
    }

    let text: String
    let role: Role
    let range: Range<String.Index>
    /// Lowercased, curly apostrophes made straight, trailing periods dropped:
    /// the form used for keyword matching ("Co." → "co", "Sheriff’s" → "sheriff's").
    let key: String
    /// Depth of parentheses around this token; 0 outside any.
    let parenthesisDepth: Int

    var isWord: Bool { role == .word }

    /// The text without trailing periods ("OR." → "OR", "Co." → "Co").
    var bareText: String {
        var bare = text
        while bare.count > 1, bare.hasSuffix(".") { bare.removeLast() }
        return bare
    }
    var isInsideParentheses: Bool { parenthesisDepth > 0 }

    /// Exactly two uppercase ASCII letters, the only way a state code is
    /// written in most names ("MI", not "Mi" or "mi"); a trailing period
    /// is allowed ("Salem OR.").
    var isTwoUppercaseLetters: Bool {
        let scalars = bareText.unicodeScalars
        return scalars.count == 2 && scalars.allSatisfy { $0.value >= 65 && $0.value <= 90 }
    }

    /// All letters uppercase and at least `minimumLetters` of them ("HIDTA").
    func isAllCaps(minimumLetters: Int) -> Bool {
        let letters = text.unicodeScalars.filter { CharacterSet.letters.contains($0) }
        return letters.count >= minimumLetters && letters.allSatisfy { CharacterSet.uppercaseLetters.contains($0) }
    }

    /// Splits a name into words (letters, digits, apostrophes, periods and
    /// "&" kept together: "St.", "DA's", "A&M") and single punctuation marks.
    static func tokenize(_ name: String) -> [AgencyNameToken] {
        var tokens: [AgencyNameToken] = []
        var depth = 0
        var index = name.startIndex
        while index < name.endIndex {
            let character = name[index]
            if character.isWhitespace {
                index = name.index(after: index)
                continue
            }
            if isWordCharacter(character) {
                var end = name.index(after: index)
                while end < name.endIndex, isWordCharacter(name[end]) { end = name.index(after: end) }
                let text = String(name[index..<end])
                tokens.append(AgencyNameToken(text: text, role: .word, range: index..<end,
                                              key: makeKey(text), parenthesisDepth: depth))
                index = end
                continue
            }
            let end = name.index(after: index)
            let role: Role
            switch character {
            case "-", "–", "—": role = .dash
            case "(", "[": role = .openParenthesis
            case ")", "]": role = .closeParenthesis
            default: role = .otherPunctuation
            }
            if role == .closeParenthesis { depth = max(0, depth - 1) }
            tokens.append(AgencyNameToken(text: String(character), role: role, range: index..<end,
                                          key: String(character), parenthesisDepth: depth))
            if role == .openParenthesis { depth += 1 }
            index = end
        }
        return tokens
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "'" || character == "’"
            || character == "." || character == "&"
    }

    private static func makeKey(_ text: String) -> String {
        var key = text.lowercased().replacingOccurrences(of: "’", with: "'")
        while key.count > 1, key.hasSuffix(".") { key.removeLast() }
        return key
    }
}
