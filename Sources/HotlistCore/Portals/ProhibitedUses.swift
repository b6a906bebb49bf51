import Foundation

/// A portal's "Prohibited Uses" text, parsed into items, with whether it forbids immigration enforcement.
public struct ProhibitedUses: Codable, Sendable, Equatable {
    public var items: [String]
    public var immigration: PolicyStatement
    /// The item that forbids immigration enforcement, quoted as evidence.
    public var immigrationEvidence: String?

    public init(items: [String], immigration: PolicyStatement, immigrationEvidence: String?) {
        self.items = items; self.immigration = immigration; self.immigrationEvidence = immigrationEvidence
    }

    public static func parse(_ raw: String?) -> ProhibitedUses {
        guard let raw, !HotlistsAlertedOn.isMissing(raw) else {
            return ProhibitedUses(items: [], immigration: .unknown, immigrationEvidence: nil)
        }
        let items = ListTextSplitter.split(raw)
        // Every wording seen ("Immigration enforcement", "Civil immigration enforcement", "Activities that
        // are considered immigration enforcement") names immigration inside the list of forbidden uses.
        let evidence = items.first { $0.lowercased().contains("immigration") }
        return ProhibitedUses(items: items, immigration: evidence == nil ? .silent : .prohibits, immigrationEvidence: evidence)
    }
}
