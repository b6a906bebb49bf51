/// How a request reaches the agency.
public enum FilingChannel: String, Sendable, CaseIterable, Codable {
    case email
    /// The agency's own records portal (GovQA, NextRequest, JustFOIA, …).
    case portal
    case muckrock
    case postal

    public var label: String {
        switch self {
        case .email: "email"
        case .portal: "records portal"
        case .muckrock: "MuckRock"
        case .postal: "postal mail"
        }
    }
}
