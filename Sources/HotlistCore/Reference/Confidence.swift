/// How sure we are of a reference fact, as graded by whoever researched it.
/// Never upgraded without a new source.
public enum Confidence: String, Codable, CaseIterable, Sendable, Comparable {
    case high, medium, low

    public var label: String {
        switch self {
        case .high: "high"
        case .medium: "medium: secondary sources, not checked against the statute"
        case .low: "low: unverified"
        }
    }

    private var rank: Int { switch self { case .high: 2; case .medium: 1; case .low: 0 } }
    public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.rank < rhs.rank }
}
