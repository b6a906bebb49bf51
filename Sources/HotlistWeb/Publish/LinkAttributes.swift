/// Finds `href="…"`, `src="…"` and `action="…"` in HTML bytes. A plain byte scan: the publisher reads
/// every page of the site twice (links to follow, links to rewrite), and a regular expression made
/// that a fifth of the whole publish.
enum LinkAttributes {
    struct Found: Equatable {
        /// "href", "src" or "action".
        var name: String
        /// From the attribute's first letter to just past its closing quote.
        var attribute: Range<Int>
        /// The value between the quotes, as written.
        var value: Range<Int>
    }

    static let names: [(text: String, bytes: [UInt8])] = ["href", "src", "action"].map { ($0, Array($0.utf8)) }
    private static let equals = UInt8(ascii: "="), quote = UInt8(ascii: "\"")

    static func find(in bytes: [UInt8]) -> [Found] {
        var found: [Found] = []
        var index = 0
        let count = bytes.count
        while index + 1 < count {
            guard bytes[index] == equals, bytes[index + 1] == quote else { index += 1; continue }
            let valueStart = index + 2
            var end = valueStart
            while end < count, bytes[end] != quote { end += 1 }
            guard end < count else { break }  // an unclosed quote: no attribute
            if let name = names.first(where: { ends(bytes, at: index, with: $0.bytes) }) {
                found.append(Found(name: name.text, attribute: (index - name.bytes.count)..<(end + 1), value: valueStart..<end))
            }
            index = end + 1
        }
        return found
    }

    /// The value with `&amp;` decoded (the only entity our views write in addresses).
    static func decodedValue(_ bytes: [UInt8], _ found: Found) -> String {
        let text = String(decoding: bytes[found.value], as: UTF8.self)
        return bytes[found.value].contains(UInt8(ascii: "&")) ? text.replacingOccurrences(of: "&amp;", with: "&") : text
    }

    private static func ends(_ bytes: [UInt8], at index: Int, with name: [UInt8]) -> Bool {
        guard index >= name.count else { return false }
        return bytes[(index - name.count)..<index].elementsEqual(name)
    }
}
