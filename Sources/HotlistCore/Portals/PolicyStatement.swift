/// Whether a portal's prohibited-uses text forbids something, with "we have no text" kept apart from "no".
public enum PolicyStatement: String, Codable, CaseIterable, Sendable {
    case prohibits
    case silent
    case unknown

    public var label: String {
        switch self {
        case .prohibits: "Prohibits immigration enforcement"
        case .silent: "Policy does not mention immigration"
        case .unknown: "No policy text"
        }
    }
}
