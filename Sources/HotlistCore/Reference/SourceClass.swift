/// How much a source can carry. Official: legislatures, courts, agencies' own sites, official code
/// publishers, the FBI. Reputable secondary: law schools' code mirrors, RCFP, Ballotpedia, MuckRock,
/// established newsrooms, EFF. Other: everything else, which can never support a high grade.
public enum SourceClass: String, Sendable, CaseIterable, Codable, Comparable {
    case official, reputable, other

    public var label: String {
        switch self {
        case .official: "official"
        case .reputable: "reputable secondary"
        case .other: "other"
        }
    }

    private var rank: Int { switch self { case .official: 2; case .reputable: 1; case .other: 0 } }
    public static func < (lhs: SourceClass, rhs: SourceClass) -> Bool { lhs.rank < rhs.rank }
}
