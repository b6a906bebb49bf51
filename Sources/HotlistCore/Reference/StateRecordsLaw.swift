/// A state's public-records law, as researched, with its source and confidence.
public struct StateRecordsLaw: Codable, Sendable, Equatable {
    public var stateCode: String
    public var stateName: String
    public var lawName: String
    public var citation: String
    /// The first statutory clock a requester can enforce; nil for prompt/none.
    public var deadlineDays: Int?
    public var deadlineKind: DeadlineKind
    public var deadlineNote: String
    public var residency: ResidencyRequirement
    /// Where the appeal route was read (addresses separated by " ; "); empty when not researched.
    public var appealRoute: String
    public var appealSource: String
    public var source: String
    public var confidence: Confidence

    public init(stateCode: String, stateName: String, lawName: String, citation: String, deadlineDays: Int?,
                deadlineKind: DeadlineKind, deadlineNote: String, residency: ResidencyRequirement,
                appealRoute: String, appealSource: String = "", source: String, confidence: Confidence) {
        self.stateCode = stateCode; self.stateName = stateName; self.lawName = lawName
        self.citation = citation; self.deadlineDays = deadlineDays; self.deadlineKind = deadlineKind
        self.deadlineNote = deadlineNote; self.residency = residency; self.appealRoute = appealRoute
        self.appealSource = appealSource; self.source = source; self.confidence = confidence
    }

    /// "5 business days", "promptly (no number of days)".
    public var deadlineSummary: String {
        switch deadlineKind {
        case .business, .calendar:
            if let days = deadlineDays { return "\(days) \(deadlineKind.label)" }
            return deadlineKind.label
        case .prompt, .none: return deadlineKind.label
        }
    }

    /// An appeal route counts only with its own source; otherwise it is "not yet researched".
    public var appealRouteResearched: Bool {
        !appealRoute.trimmingCharacters(in: .whitespaces).isEmpty && !appealSource.trimmingCharacters(in: .whitespaces).isEmpty
            && !appealRoute.lowercased().contains("from memory")
    }

    /// What pages and letters say about the appeal route.
    public var appealRouteText: String { appealRouteResearched ? appealRoute : "not yet researched" }
}
