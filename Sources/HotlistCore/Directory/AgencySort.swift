/// Orders the directory can be sorted in.
public enum AgencySort: String, Codable, CaseIterable, Sendable {
    case priority, name, state, sharing, cameras, snapshot

    public var label: String {
        switch self {
        case .priority: "Request priority"
        case .name: "Name"
        case .state: "State, then name"
        case .sharing: "Most data sharing"
        case .cameras: "Most cameras"
        case .snapshot: "Newest portal data"
        }
    }
}
