import HotlistCore

/// Which requests to list.
public struct RequestFilter: Sendable, Equatable {
    public var status: RequestStatus?
    public var stateCode: String?
    public var campaignID: Int?
    public var agencyID: Int?
    public var createdBy: Int?
    public var limit: Int

    public init(status: RequestStatus? = nil, stateCode: String? = nil, campaignID: Int? = nil, agencyID: Int? = nil, createdBy: Int? = nil, limit: Int = 500) {
        self.status = status; self.stateCode = stateCode; self.campaignID = campaignID; self.agencyID = agencyID; self.createdBy = createdBy; self.limit = limit
    }
}
