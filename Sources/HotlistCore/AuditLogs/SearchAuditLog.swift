import Foundation

/// Whose searches an audit log lists, which decides what its counts say about the agency it was
/// released by. Flock's two audits share their columns, so the person importing says which it is.
public enum SearchAuditKind: String, Sendable, Codable, CaseIterable {
    /// Searches of the agency's cameras, by every organisation its network is shared with.
    case network
    /// Searches run by the agency's own users, across every network they can reach.
    case organization
    /// The transparency portal's public search audit: the agency's own searches, without names.
    case portal

    public var label: String {
        switch self {
        case .network: "network audit log"
        case .organization: "organization audit log"
        case .portal: "transparency-portal search audit"
        }
    }

    /// What follows "N searches": "of X's cameras" or "by X's own users".
    public func whose(_ agency: String) -> String {
        switch self {
        case .network: "of \(agency)'s cameras"
        case .organization, .portal: "by \(agency)'s own users"
        }
    }
}

/// One audit log released by an agency, scanned and stored against it: the file is evidence (never
/// public: it names officers and plates), the counts are what pages, briefs and exports show once a
/// second person has checked them. Holds no names, user names, plates or case numbers.
public struct SearchAuditLog: Sendable, Codable, Equatable {
    public var id: Int
    public var agencyID: Int
    public var evidenceID: Int
    public var kind: SearchAuditKind
    public var fileName: String
    public var sha256: String
    public var receivedOn: CalendarDay?
    public var rowsRead: Int
    public var rowsSkipped: Int
    /// Months of the searches counted, "2025-01"; nil when no date could be read.
    public var firstMonth: String?
    public var lastMonth: String?
    /// Searches per category (every category, ordinary too), keyed by `ReasonCategory.rawValue`.
    public var searchesByCategory: [String: Int]
    /// Searches per organisation, month and category, for the categories other than ordinary (all
    /// are stored; ordinary ones are many and only their total, in `searchesByCategory`, is shown).
    public var groups: [AuditLogSummary.Group]
    /// Fingerprint of the classifier rules the counts came from, so a later change of rules shows.
    public var rulesVersion: String
    public var scannedAt: Date
    public var scannedByID: Int?
    public var scannedByLabel: String
    public var verifiedAt: Date?
    public var verifiedByLabel: String?
    /// When the log file was withdrawn from the evidence store (its counts stay, saying so).
    public var fileWithdrawnAt: Date? = nil

    public init(id: Int, agencyID: Int, evidenceID: Int, kind: SearchAuditKind, fileName: String, sha256: String, receivedOn: CalendarDay?,
                rowsRead: Int, rowsSkipped: Int, firstMonth: String?, lastMonth: String?, searchesByCategory: [String: Int], groups: [AuditLogSummary.Group],
                rulesVersion: String, scannedAt: Date, scannedByID: Int?, scannedByLabel: String, verifiedAt: Date?, verifiedByLabel: String?) {
        self.id = id; self.agencyID = agencyID; self.evidenceID = evidenceID; self.kind = kind; self.fileName = fileName; self.sha256 = sha256
        self.receivedOn = receivedOn; self.rowsRead = rowsRead; self.rowsSkipped = rowsSkipped; self.firstMonth = firstMonth; self.lastMonth = lastMonth
        self.searchesByCategory = searchesByCategory; self.groups = groups; self.rulesVersion = rulesVersion; self.scannedAt = scannedAt
        self.scannedByID = scannedByID; self.scannedByLabel = scannedByLabel; self.verifiedAt = verifiedAt; self.verifiedByLabel = verifiedByLabel
    }

    public var isVerified: Bool { verifiedAt != nil }
    public var searches: Int { searchesByCategory.values.reduce(0, +) }
    public func searches(_ category: ReasonCategory) -> Int { searchesByCategory[category.rawValue] ?? 0 }

    /// Organisations whose searches fall in `category`, most searches first, with their networks searched.
    /// Names that differ only in case are one organisation (as rule 8 matches them), shown in the
    /// spelling with the most searches; a name the agency blacked out reads "(redacted)".
    public func organizations(_ category: ReasonCategory) -> [(name: String, searches: Int)] {
        var totals: [String: (spellings: [String: Int], searches: Int)] = [:]
        for group in groups where group.category == category {
            let name = !group.organization.isEmpty && group.organization.allSatisfy({ $0 == "*" }) ? "(redacted)" : group.organization
            totals[name.lowercased(), default: ([:], 0)].spellings[name, default: 0] += group.searches
            totals[name.lowercased(), default: ([:], 0)].searches += group.searches
        }
        return totals.values.map { entry in
            (name: entry.spellings.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key, searches: entry.searches)
        }.sorted { ($1.searches, $0.name) < ($0.searches, $1.name) }
    }

    /// Months with searches in `category`, oldest first.
    public func months(_ category: ReasonCategory) -> [(month: String, searches: Int)] {
        var totals: [String: Int] = [:]
        for group in groups where group.category == category { totals[group.month, default: 0] += group.searches }
        return totals.map { (month: $0.key, searches: $0.value) }.sorted { $0.month < $1.month }
    }

    /// The span of months the log covers, as people read it: "2025-01 to 2025-06".
    public var period: String {
        switch (firstMonth, lastMonth) {
        case let (first?, last?) where first != last: "\(first) to \(last)"
        case let (first?, _): first
        default: "dates unreadable"
        }
    }

    /// The sentence pages and briefs lead with, e.g. "412 searches of Danville's cameras cited
    /// immigration (of 1,234,567 searches in its network audit log, 2025-01 to 2025-06)".
    public func headline(agencyName: String) -> String {
        let immigration = searches(.immigration)
        return "\(SearchAuditLog.count(immigration)) \(kind.whose(agencyName)) cited immigration (of \(SearchAuditLog.count(searches)) in its \(kind.label), \(period))"
    }

    /// "1 search", "2,048 searches".
    public static func count(_ searches: Int) -> String { searches == 1 ? "1 search" : "\(searches.formatted()) searches" }

    /// How a claim resting on this log cites it: the log is not public, so its fingerprint is the check.
    /// The file's name is left out: it is the uploader's, private like the file, and can carry an
    /// officer's name or a plate.
    public var citationText: String {
        var text = "the agency's \(kind.label)"
        if let receivedOn { text += " released \(receivedOn.iso)" }
        text += " (evidence #\(evidenceID), SHA-256 \(sha256.prefix(16))…; not public: it names officers and plates)"
        if let verifiedAt { text += "; counts checked by a second person on \(CalendarDay.today(verifiedAt).iso)" }
        if let fileWithdrawnAt { text += "; the log file was withdrawn from the evidence store on \(CalendarDay.today(fileWithdrawnAt).iso)" }
        return text
    }
}
