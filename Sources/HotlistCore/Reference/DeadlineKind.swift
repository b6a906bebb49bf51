/// How a state's public-records law counts the time an agency has to answer.
public enum DeadlineKind: String, Codable, CaseIterable, Sendable {
    /// A number of business (working) days.
    case business
    /// A number of calendar days.
    case calendar
    /// "Promptly", "reasonable time" or similar, with no number.
    case prompt
    /// The statute sets no deadline.
    case none

    public var label: String {
        switch self {
        case .business: "business days"
        case .calendar: "calendar days"
        case .prompt: "promptly (no number of days)"
        case .none: "no statutory deadline"
        }
    }
}
