/// Counts for the home page.
public struct DirectoryCounts: Codable, Sendable, Equatable {
    public var agencies: Int
    public var withPortal: Int
    public var alertsNCIC: Int
    public var prohibitsImmigration: Int
    public var prohibitsYetAlertsNCIC: Int
    public var sharingEdges: Int
    public var unresolved: Int
    public init(agencies: Int, withPortal: Int, alertsNCIC: Int, prohibitsImmigration: Int, prohibitsYetAlertsNCIC: Int, sharingEdges: Int, unresolved: Int) {
        self.agencies = agencies; self.withPortal = withPortal; self.alertsNCIC = alertsNCIC
        self.prohibitsImmigration = prohibitsImmigration; self.prohibitsYetAlertsNCIC = prohibitsYetAlertsNCIC
        self.sharingEdges = sharingEdges; self.unresolved = unresolved
    }
}
