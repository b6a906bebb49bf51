/// A row of The News & Observer's survey of North Carolina agencies' ALPR use.
public struct SurveyEntry: Codable, Sendable, Equatable {
    public var agencyKey: String
    public var surveyName: String
    public var agencyType: String?
    public var city: String?
    public var county: String?
    public var notes: String?
    public var vendor: String?
    /// Cameras the agency confirmed; nil when "Unknown".
    public var camerasConfirmed: Int?
    public var camerasOnPortal: Int?
    public var flockPortalURL: String?
    public var documentURL: String?

    public init(agencyKey: String, surveyName: String) { self.agencyKey = agencyKey; self.surveyName = surveyName }
}
