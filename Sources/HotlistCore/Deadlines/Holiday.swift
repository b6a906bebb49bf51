/// A legal holiday from the reference data, with where the fact comes from.
public struct Holiday: Sendable, Equatable {
    /// Two-letter state code, or `US` for federal holidays.
    public var jurisdiction: String
    public var name: String
    public var rule: HolidayRule
    public var observance: WeekendObservance
    /// Whether public offices close that day, so it is not a business day. `no` rows are kept in
    /// the reference data for people (a legal holiday on which offices stay open) but not skipped.
    public var closesOffices: ClosureAnswer
    public var source: String
    public var confidence: Confidence
    public var notes: String

    public init(jurisdiction: String, name: String, rule: HolidayRule, observance: WeekendObservance, closesOffices: ClosureAnswer = .yes,
                source: String, confidence: Confidence, notes: String = "") {
        self.jurisdiction = jurisdiction; self.name = name; self.rule = rule; self.observance = observance; self.closesOffices = closesOffices
        self.source = source; self.confidence = confidence; self.notes = notes
    }

    public static let federal = "US"
}

/// Whether offices close on a holiday.
public enum ClosureAnswer: String, Sendable, CaseIterable, Codable {
    case yes, no, unknown
    /// For `not-observed` rows.
    case notApplicable = "n/a"
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
