/// Everything the agency page shows.
public struct AgencyDetail: Codable, Sendable, Equatable {
    public var agency: Agency
    /// What others reported about this agency (EFF), matched by exact name and state.
    public var reportedFindings: [RecordedOutcome] = []
    /// Where its own data contradicts its policy, statements or state law.
    public var contradictions: [Contradiction] = []
    /// Our own findings, newest verified version of each; unverified versions never reach this.
    public var findings: [FindingVersion] = []
    /// The evidence files the findings rest on (public and private; pages decide what to show).
    public var findingEvidence: [EvidenceFile] = []
    /// Verified public statements and policies.
    public var statements: [AgencyStatement] = []
    /// Imported hotlist action logs, oldest first.
    public var hotlistTimeline: [HotlistAction] = []
    /// Imported hit logs, counted per month, list and topic. Immigration Violator rows only once a
    /// verified finding cites their log; until then they are left out and this flag is set.
    public var hitCounts: [HitCount] = []
    public var hitCountsAwaitingReview = false
    /// Derived from findings and requests.
    public var status = AgencyStatus(code: .notAskedYet, label: "Not asked yet", asOf: nil)
    public var signals: AgencySignals
    public var priority: AskFirstRank
    public var snapshots: [PortalSnapshot]
    /// Organisations that can search this agency's data.
    public var sharesWith: [AgencyLink]
    /// Organisations whose data this agency can search.
    public var receivesFrom: [AgencyLink]
    public var urlChecks: [URLCheck]
    public var survey: SurveyEntry?
    public var recordsLaw: StateRecordsLaw?
    public var restrictionLaws: [StateRestrictionLaw]
    /// What the Atlas of Surveillance says about its Flock license plate readers.
    public var atlasEntries: [AtlasEntry] = []
    /// Its Flock search audit logs, counted and verified by a second person; oldest first.
    public var searchAudits: [SearchAuditLog] = []

    public init(agency: Agency, signals: AgencySignals, priority: AskFirstRank, snapshots: [PortalSnapshot],
                sharesWith: [AgencyLink], receivesFrom: [AgencyLink], urlChecks: [URLCheck], survey: SurveyEntry?,
                recordsLaw: StateRecordsLaw?, restrictionLaws: [StateRestrictionLaw]) {
        self.agency = agency; self.signals = signals; self.priority = priority; self.snapshots = snapshots
        self.sharesWith = sharesWith; self.receivesFrom = receivesFrom; self.urlChecks = urlChecks
        self.survey = survey; self.recordsLaw = recordsLaw; self.restrictionLaws = restrictionLaws
    }
}
