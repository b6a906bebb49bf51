/// Which agencies to ask first about the Immigration Violator topic, and why.
///
/// The ranking puts first the agencies whose own policy forbids immigration enforcement while their
/// portal says they alert on NCIC: NCIC includes the ICE-only Immigration Violator file, so a ticked box
/// there would contradict the agency's word. Within a tier, agencies in states whose laws restrict ALPR
/// sharing or immigration help come first, then those whose data reaches the most other agencies.
public struct AskFirstRank: Codable, Sendable, Equatable, Comparable {
    public enum Tier: Int, Codable, CaseIterable, Sendable {
        case prohibitsYetAlertsNCIC = 1
        case alertsNCICWithoutProhibition = 2
        case prohibitsHotlistsUnclear = 3
        case portalOther = 4
        case noPortalData = 5

        public var title: String {
            switch self {
            case .prohibitsYetAlertsNCIC: "Prohibits immigration enforcement, yet alerts on NCIC"
            case .alertsNCICWithoutProhibition: "Alerts on NCIC, no stated prohibition"
            case .prohibitsHotlistsUnclear: "Prohibits immigration enforcement, NCIC not shown"
            case .portalOther: "Has a portal, other"
            case .noPortalData: "No portal data"
            }
        }

        /// For narrow table cells.
        public var shortTitle: String {
            switch self {
            case .prohibitsYetAlertsNCIC: "Forbids it, yet NCIC"
            case .alertsNCICWithoutProhibition: "NCIC, no prohibition"
            case .prohibitsHotlistsUnclear: "Forbids it, NCIC not shown"
            case .portalOther: "Portal, other"
            case .noPortalData: "No portal data"
            }
        }

        public var explanation: String {
            switch self {
            case .prohibitsYetAlertsNCIC:
                "Its portal forbids immigration enforcement and lists NCIC among its hotlists. If the Immigration Violator topic is ticked, the configuration contradicts its own policy."
            case .alertsNCICWithoutProhibition:
                "It alerts on NCIC and its portal does not forbid immigration enforcement, so nothing on record stops the Immigration Violator topic from being ticked."
            case .prohibitsHotlistsUnclear:
                "It forbids immigration enforcement, but its portal does not show NCIC (often a state list such as California SVS). A request confirms which lists feed its cameras."
            case .portalOther:
                "It publishes a portal, but neither NCIC nor an immigration prohibition appears on it."
            case .noPortalData:
                "It appears in the data only by name or through data sharing; research it first."
            }
        }
    }

    public var tier: Tier
    /// Higher is more urgent within a tier.
    public var score: Int
    public var reasons: [String]

    public init(tier: Tier, score: Int, reasons: [String]) { self.tier = tier; self.score = score; self.reasons = reasons }

    /// One sortable number: lower ranks first. Tier dominates; score breaks ties.
    public var sortKey: Int { tier.rawValue * 1_000_000 - min(score, 999_999) }

    public static func < (lhs: AskFirstRank, rhs: AskFirstRank) -> Bool { lhs.sortKey < rhs.sortKey }

    public static func assess(_ signals: AgencySignals, stateCode: String?, restrictiveStates: Set<String>, name: String = "") -> AskFirstRank {
        if let marker = RetiredAccountMarker.find(in: name) {
            // A duplicate or retired account: ask about the agency's live account instead.
            return AskFirstRank(tier: .noPortalData, score: 0, reasons: [
                "Its name marks it as a duplicate or retired account (“\(marker)”); ask about the agency's current account instead."])
        }
        let tier: Tier
        switch (signals.immigrationPolicy, signals.alertsNCIC) {
        case (.prohibits, .yes): tier = .prohibitsYetAlertsNCIC
        case (_, .yes): tier = .alertsNCICWithoutProhibition
        case (.prohibits, _): tier = .prohibitsHotlistsUnclear
        default: tier = signals.hasPortal ? .portalOther : .noPortalData
        }
        var reasons = [tier.explanation]
        var score = 0
        if let stateCode, restrictiveStates.contains(stateCode) {
            score += 100_000
            reasons.append("\(stateCode) has a state law restricting ALPR data sharing or immigration enforcement help.")
        }
        let reach = signals.sharesWithCount + signals.receivesFromCount
        if reach > 0 {
            score += min(reach, 99_999)
            reasons.append("Its data sharing links it to \(reach) other organisation\(reach == 1 ? "" : "s") (\(signals.sharesWithCount) can search its data; it can search \(signals.receivesFromCount)).")
        }
        return AskFirstRank(tier: tier, score: score, reasons: reasons)
    }
}
