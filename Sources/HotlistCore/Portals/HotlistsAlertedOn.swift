import Foundation

/// A portal's "Hotlists Alerted On" field, parsed.
public struct HotlistsAlertedOn: Codable, Sendable, Equatable {
    public var lists: [String]
    public var ncic: NCICAlertStatus
    /// The list item that shows NCIC, quoted on pages as the evidence.
    public var ncicEvidence: String?

    public init(lists: [String], ncic: NCICAlertStatus, ncicEvidence: String?) {
        self.lists = lists; self.ncic = ncic; self.ncicEvidence = ncicEvidence
    }

    /// Accepts the spellings seen in the data: "NCIC", "National Crime Information Center (NCIC) which
    /// includes …", lower case, extra spaces. "NA" and blanks mean no data.
    public static func parse(_ raw: String?) -> HotlistsAlertedOn {
        guard let raw, !isMissing(raw) else { return HotlistsAlertedOn(lists: [], ncic: .unknown, ncicEvidence: nil) }
        let lists = ListTextSplitter.split(raw)
        if lists.isEmpty { return HotlistsAlertedOn(lists: [], ncic: .unknown, ncicEvidence: nil) }
        let evidence = lists.first(where: namesNCIC)
        return HotlistsAlertedOn(lists: lists, ncic: evidence == nil ? .notListed : .yes, ncicEvidence: evidence)
    }

    static func namesNCIC(_ item: String) -> Bool {
        let lower = item.lowercased()
        if lower.contains("national crime information center") { return true }
        // NCIC as a word, not inside another acronym (e.g. "FCIC" is Florida's state system).
        let words = lower.split(whereSeparator: { !$0.isLetter })
        return words.contains("ncic")
    }

    static func isMissing(_ raw: String) -> Bool {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty || trimmed == "NA" || trimmed == "N/A"
    }
}
