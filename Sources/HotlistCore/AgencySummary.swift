import Foundation

/// One row of the directory.
public struct AgencySummary: Codable, Sendable, Equatable {
    public var id: Int
    public var name: String
    public var stateCode: String?
    public var kind: AgencyKind
    public var signals: AgencySignals
    public var priority: RequestPriority
    public init(id: Int, name: String, stateCode: String?, kind: AgencyKind, signals: AgencySignals, priority: RequestPriority) {
        self.id = id; self.name = name; self.stateCode = stateCode; self.kind = kind; self.signals = signals; self.priority = priority
    }
}

/// A page of directory results.
public struct AgencyPage: Codable, Sendable, Equatable {
    public var items: [AgencySummary]
    public var total: Int
    public var page: Int
    public var perPage: Int
    public init(items: [AgencySummary], total: Int, page: Int, perPage: Int) {
        self.items = items; self.total = total; self.page = page; self.perPage = perPage
    }
    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
    public var hasNext: Bool { page < pageCount }
    public var hasPrevious: Bool { page > 1 }
}

/// A link to another agency.
public struct AgencyLink: Codable, Sendable, Equatable {
    public var id: Int
    public var name: String
    public var stateCode: String?
    public init(id: Int, name: String, stateCode: String?) { self.id = id; self.name = name; self.stateCode = stateCode }
}

/// Everything the agency page shows.
public struct AgencyDetail: Codable, Sendable, Equatable {
    public var agency: Agency
    public var signals: AgencySignals
    public var priority: RequestPriority
    public var snapshots: [PortalSnapshot]
    /// Organisations that can search this agency's data.
    public var sharesWith: [AgencyLink]
    /// Organisations whose data this agency can search.
    public var receivesFrom: [AgencyLink]
    public var urlChecks: [URLCheck]
    public var survey: SurveyEntry?
    public var recordsLaw: StateRecordsLaw?
    public var restrictionLaws: [StateRestrictionLaw]

    public init(agency: Agency, signals: AgencySignals, priority: RequestPriority, snapshots: [PortalSnapshot],
                sharesWith: [AgencyLink], receivesFrom: [AgencyLink], urlChecks: [URLCheck], survey: SurveyEntry?,
                recordsLaw: StateRecordsLaw?, restrictionLaws: [StateRestrictionLaw]) {
        self.agency = agency; self.signals = signals; self.priority = priority; self.snapshots = snapshots
        self.sharesWith = sharesWith; self.receivesFrom = receivesFrom; self.urlChecks = urlChecks
        self.survey = survey; self.recordsLaw = recordsLaw; self.restrictionLaws = restrictionLaws
    }
}

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
