import Foundation

/// One request sent to many agencies, chosen by a directory filter; each agency gets its own
/// tracked request under the campaign.
public struct Campaign: Sendable, Equatable, Identifiable {
    public var id: Int
    public var name: String
    public var description: String
    /// The directory filter as a query string (`state=NV&alerts_ncic=true`), so it can be shown and re-run.
    public var agencyFilter: String
    public var template: LetterTemplate?
    public var requester: Requester
    public var createdAt: Date

    public init(id: Int, name: String, description: String, agencyFilter: String, template: LetterTemplate?, requester: Requester, createdAt: Date) {
        self.id = id; self.name = name; self.description = description; self.agencyFilter = agencyFilter
        self.template = template; self.requester = requester; self.createdAt = createdAt
    }

    /// Campaigns larger than this are refused: narrow the filter, or split by state.
    public static let maximumAgencies = 1_000
}
