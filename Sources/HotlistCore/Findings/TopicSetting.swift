/// What a record shows for one NCIC topic in an agency's ALPR settings.
public enum TopicSetting: String, Sendable, CaseIterable, Codable {
    case enabled
    case disabled
    /// The record does not show this topic either way.
    case notShown = "not_shown"

    public var label: String {
        switch self {
        case .enabled: "enabled"
        case .disabled: "disabled"
        case .notShown: "not shown in the record"
        }
    }

    public static func parse(_ text: String, field: String) throws(InputProblems) -> TopicSetting {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        switch value {
        // Exactly the three words: "on" or "yes" taken as enabled would put a guess into a published finding.
        case "enabled": return .enabled
        case "disabled": return .disabled
        case "not_shown": return .notShown
        default:
            throw InputProblems([InputProblem(file: "finding", field: field, problem: "\"\(text)\" is not a topic setting", hint: "Use enabled, disabled or not_shown (what the record shows, word for word).")])
        }
    }
}
