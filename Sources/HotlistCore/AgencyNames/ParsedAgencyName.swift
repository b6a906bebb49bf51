import Foundation

/// What `AgencyNameParser` could tell from an agency's display name.
public struct ParsedAgencyName: Sendable, Equatable, Codable {
    /// Two-letter state code; nil unless the name states it unambiguously.
    public var state: String?
    public var kind: AgencyKind
    /// The town, county or institution, e.g. "Adrian", "Allegan County",
    /// "Troy University"; nil when the name does not make it clear.
    public var place: String?
    /// Nil when the state was resolved; otherwise a short human reason such
    /// as "no state in the name" or "two different state codes (KY, OH)".
    public var unresolvedReason: String?

    public init(state: String?, kind: AgencyKind, place: String?, unresolvedReason: String?) {
        self.state = state
        self.kind = kind
        self.place = place
        self.unresolvedReason = unresolvedReason
    }

    public var isResolved: Bool { state != nil && unresolvedReason == nil }
}
