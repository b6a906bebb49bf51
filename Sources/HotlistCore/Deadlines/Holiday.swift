/// A legal holiday from the reference data, with where the fact comes from.
public struct Holiday: Sendable, Equatable {
    /// Two-letter state code, or `US` for federal holidays.
    public var jurisdiction: String
    public var name: String
    public var rule: HolidayRule
    public var observance: WeekendObservance
    public var source: String
    public var confidence: Confidence
    public var notes: String

    public init(jurisdiction: String, name: String, rule: HolidayRule, observance: WeekendObservance, source: String, confidence: Confidence, notes: String = "") {
        self.jurisdiction = jurisdiction; self.name = name; self.rule = rule; self.observance = observance
        self.source = source; self.confidence = confidence; self.notes = notes
    }

    public static let federal = "US"
}

/// What happens when a fixed-date holiday falls on a weekend.
public enum WeekendObservance: String, Sendable, CaseIterable, Codable {
    /// Saturday → the Friday before, Sunday → the Monday after (5 U.S.C. § 6103(b); E.O. 11582).
    case federal
    case sundayToMonday = "sunday-to-monday"
    case none
    case unknown
    /// Rules that never land on a weekend (nth weekday).
    case notApplicable = "n/a"
}
