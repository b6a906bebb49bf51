/// Records portals agencies use, for the channel's detail.
public enum PortalKind: String, Sendable, CaseIterable, Codable {
    case govqa, nextrequest, justfoia, other

    public var label: String {
        switch self {
        case .govqa: "GovQA"
        case .nextrequest: "NextRequest"
        case .justfoia: "JustFOIA"
        case .other: "other portal"
        }
    }
}
