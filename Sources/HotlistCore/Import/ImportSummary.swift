/// What an import did, per kind of record, for the closing summary.
public struct ImportSummary: Codable, Sendable, Equatable, CustomStringConvertible {
    public struct Counts: Codable, Sendable, Equatable {
        public var added = 0
        public var updated = 0
        public var unchanged = 0
        public var skipped = 0
        public init() {}
    }

    /// Kinds in the order they are reported.
    public var order: [String] = []
    public var counts: [String: Counts] = [:]
    public var notices: [String] = []

    public init() {}

    public mutating func record(_ kind: String, _ change: WritableKeyPath<Counts, Int>, _ amount: Int = 1) {
        if counts[kind] == nil { order.append(kind); counts[kind] = Counts() }
        counts[kind]![keyPath: change] += amount
    }

    public var changedAnything: Bool { counts.values.contains { $0.added > 0 || $0.updated > 0 } }

    public var description: String {
        var lines = order.map { kind -> String in
            let count = counts[kind]!
            return "\(kind): \(count.added) added, \(count.updated) updated, \(count.unchanged) unchanged, \(count.skipped) skipped"
        }
        lines += notices.prefix(30).map { "note: \($0)" }
        if notices.count > 30 { lines.append("note: … and \(notices.count - 30) more") }
        return lines.joined(separator: "\n")
    }
}
