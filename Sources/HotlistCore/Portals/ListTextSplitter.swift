import Foundation

/// Splits the free-text lists that portals publish ("NCIC, NCMEC Amber Alert", bulleted policies)
/// into items, without breaking inside parentheses such as "(i.e. race, sex, religion)".
enum ListTextSplitter {
    static func split(_ raw: String) -> [String] {
        let normalised = raw.replacingOccurrences(of: "\r\n", with: "\n")
        let lines = normalised.split(separator: "\n", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        let bulleted = lines.filter { $0.hasPrefix("-") || $0.hasPrefix("•") || $0.hasPrefix("*") }
        if bulleted.count >= 2 {
            // A bulleted policy: each bullet is an item; wrapped lines join the bullet above them.
            var items: [String] = []
            for line in lines {
                if line.hasPrefix("-") || line.hasPrefix("•") || line.hasPrefix("*") {
                    items.append(String(line.dropFirst()).trimmingCharacters(in: .whitespaces))
                } else if !items.isEmpty {
                    items[items.count - 1] += " " + line
                }
            }
            return items.map(clean).filter { !$0.isEmpty }
        }
        let flat = lines.joined(separator: " ")
        let separators: Set<Character> = flat.contains(";") ? [";"] : [","]
        var items: [String] = []
        var current = ""
        var depth = 0
        for character in flat {
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if depth == 0 && separators.contains(character) {
                items.append(current); current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current)
        return items.map(clean).filter { !$0.isEmpty }
    }

    private static func clean(_ item: String) -> String {
        var text = item.trimmingCharacters(in: .whitespacesAndNewlines)
        for prefix in ["and ", "or "] where text.lowercased().hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        while text.hasSuffix(".") { text.removeLast() }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
