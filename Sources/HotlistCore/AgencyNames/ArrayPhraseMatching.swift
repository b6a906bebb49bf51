import Foundation

/// Word-sequence matching over lowercased name keys.
extension Array where Element == String {
    /// True when `phrase` occurs as consecutive elements starting at `position`.
    func hasPhrase(_ phrase: [String], at position: Int) -> Bool {
        guard position >= 0, position + phrase.count <= count, !phrase.isEmpty else { return false }
        for offset in phrase.indices where self[position + offset] != phrase[offset] { return false }
        return true
    }

    /// True when `phrase` occurs anywhere as consecutive elements.
    func containsPhrase(_ phrase: [String]) -> Bool {
        guard phrase.count <= count else { return false }
        return (0...(count - phrase.count)).contains { hasPhrase(phrase, at: $0) }
    }
}
