/// Markup that may go into a page as it is.
///
/// Only three things make one: a string literal in our source (markup we wrote), interpolation, which
/// escapes every `String` and passes `SafeHTML` through, and `SafeHTML(unchecked:)`, the one escape
/// hatch, whose every use says why its text is safe. So text from data cannot reach a page
/// unescaped without a step that `grep 'SafeHTML(unchecked'` finds. There is deliberately no generic
/// interpolation: a value of another type is a compile error rather than its `description`.
struct SafeHTML: Sendable, Equatable, ExpressibleByStringInterpolation {
    /// The markup, for the place a page becomes a response body.
    let markup: String

    /// Markup that did not come through escaping. Say at each use why it is safe.
    init(unchecked markup: String) { self.markup = markup }

    init(stringLiteral literal: String) { markup = literal }

    init(stringInterpolation: StringInterpolation) { markup = stringInterpolation.markup }

    /// Pieces that are each SafeHTML already, put together.
    fileprivate init(concatenating markup: String) { self.markup = markup }

    var isEmpty: Bool { markup.isEmpty }

    static func + (lhs: SafeHTML, rhs: SafeHTML) -> SafeHTML { SafeHTML(concatenating: lhs.markup + rhs.markup) }

    static func += (lhs: inout SafeHTML, rhs: SafeHTML) { lhs = lhs + rhs }

    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity + 16 * interpolationCount) }

        /// The literal parts of the source: markup we wrote.
        mutating func appendLiteral(_ literal: String) { markup += literal }

        /// Text, escaped for an element's content or a quoted attribute.
        mutating func appendInterpolation(_ text: String) { markup += SafeHTML.escape(text) }

        mutating func appendInterpolation(_ html: SafeHTML) { markup += html.markup }

        mutating func appendInterpolation(_ number: Int) { markup += String(number) }

        /// One of our addresses with a query, for a quoted `href`, as pages have always printed it:
        /// `SiteURL.with` percent-encodes every key and value, so the `&` between parameters is the
        /// only character escaping would change (browsers read a bare `&` there the same way).
        mutating func appendInterpolation(_ url: SiteURL, query: [(String, String)]) {
            markup += url.with(query).split(separator: "&", omittingEmptySubsequences: false).map { SafeHTML.escape(String($0)) }.joined(separator: "&")
        }
    }

    /// `&`, `<`, `>`, `"` and `'` as character references: safe in text and in quoted attributes.
    fileprivate static func escape(_ text: String) -> String {
        // Most text has nothing to escape; checking bytes first avoids rebuilding it.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}

extension Sequence<SafeHTML> {
    func joined(separator: SafeHTML = "") -> SafeHTML {
        SafeHTML(concatenating: map(\.markup).joined(separator: separator.markup))
    }
}

extension String.StringInterpolation {
    /// A `SafeHTML` put into a plain `String` loses its type, and the string is escaped again (or,
    /// worse, trusted) later. Build a `SafeHTML` instead; this overload exists only to say so.
    @available(*, deprecated, message: "SafeHTML inside a String literal: make the literal a SafeHTML")
    mutating func appendInterpolation(_ html: SafeHTML) { appendLiteral(html.markup) }
}
