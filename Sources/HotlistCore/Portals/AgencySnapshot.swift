/// A portal snapshot together with the agency it belongs to, as read from a data set.
public struct AgencySnapshot: Codable, Sendable, Equatable {
    public var agencyKey: String
    public var snapshot: PortalSnapshot
    public init(agencyKey: String, snapshot: PortalSnapshot) { self.agencyKey = agencyKey; self.snapshot = snapshot }
}
