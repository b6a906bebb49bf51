import Foundation

/// Classifies the addresses a reference row cites, from rules kept as data
/// (`source_classes.csv`: a host, a host suffix such as `.gov`, or a host with a path prefix).
public struct SourceClassifier: Sendable {
    public struct Rule: Sendable, Equatable {
        /// `.gov` (any host ending so), `eff.org` (that host and its subdomains), or `github.com/owner` (host and path prefix).
        public var pattern: String
        public var sourceClass: SourceClass
        public var note: String
        public init(pattern: String, sourceClass: SourceClass, note: String) {
            self.pattern = pattern.lowercased(); self.sourceClass = sourceClass; self.note = note
        }
    }

    public let rules: [Rule]
    public init(rules: [Rule]) { self.rules = rules }

    public static func rules(_ table: CSVTable) throws(InputProblem) -> [Rule] {
        let reader = try CSVFieldReader(table, required: ["host", "class", "note"])
        var rules: [Rule] = []
        for record in table.rows {
            rules.append(Rule(pattern: try reader.required(record, "host"), sourceClass: try reader.enumeration(record, "class", as: SourceClass.self),
                              note: reader.text(record, "note")))
        }
        return rules
    }

    /// Every web address in a source cell ("https://a ; https://b (note)").
    public static func addresses(in text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == ";" || $0 == "," || $0 == "(" || $0 == ")" })
            .map(String.init).filter { $0.lowercased().hasPrefix("http://") || $0.lowercased().hasPrefix("https://") }
    }

    /// The class of one address: the rule that names the most of it wins; no rule, "other".
    public func classify(address: String) -> (SourceClass, Rule?) {
        guard let components = URLComponents(string: address), var host = components.host?.lowercased() else { return (.other, nil) }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        let path = components.path.lowercased()
        var best: Rule?
        for rule in rules {
            let matches: Bool
            if rule.pattern.hasPrefix(".") {
                matches = host.hasSuffix(rule.pattern)
            } else if let slash = rule.pattern.firstIndex(of: "/") {
                let ruleHost = String(rule.pattern[..<slash]), rulePath = String(rule.pattern[slash...])
                matches = (host == ruleHost || host.hasSuffix("." + ruleHost)) && (path == rulePath || path.hasPrefix(rulePath + "/"))
            } else {
                matches = host == rule.pattern || host.hasSuffix("." + rule.pattern)
            }
            if matches && rule.pattern.count > (best?.pattern.count ?? 0) { best = rule }
        }
        return (best?.sourceClass ?? .other, best)
    }

    /// The best class among a cell's addresses; a cell with no address at all is "other".
    public func bestClass(of sourceCell: String) -> SourceClass {
        Self.addresses(in: sourceCell).map { classify(address: $0).0 }.max() ?? .other
    }
}
