import HotlistCore

/// Storage shape of `survey_entries`.
struct SurveyRow: Codable, Equatable {
    var agencyId: Int
    var surveyName: String
    var agencyType: String?
    var city: String?
    var county: String?
    var notes: String?
    var vendor: String?
    var camerasConfirmed: Int?
    var camerasOnPortal: Int?
    var flockPortalUrl: String?
    var documentUrl: String?

    /// Column names spelled out: SQLKit's snake-case conversion costs more than the query.
    enum CodingKeys: String, CodingKey {
        case agencyId = "agency_id"
        case surveyName = "survey_name"
        case agencyType = "agency_type"
        case city
        case county
        case notes
        case vendor
        case camerasConfirmed = "cameras_confirmed"
        case camerasOnPortal = "cameras_on_portal"
        case flockPortalUrl = "flock_portal_url"
        case documentUrl = "document_url"
    }

    init(_ entry: SurveyEntry, agencyID: Int) {
        agencyId = agencyID; surveyName = entry.surveyName; agencyType = entry.agencyType; city = entry.city
        county = entry.county; notes = entry.notes; vendor = entry.vendor; camerasConfirmed = entry.camerasConfirmed
        camerasOnPortal = entry.camerasOnPortal; flockPortalUrl = entry.flockPortalURL; documentUrl = entry.documentURL
    }

    func entry(agencyKey: String) -> SurveyEntry {
        var entry = SurveyEntry(agencyKey: agencyKey, surveyName: surveyName)
        entry.agencyType = agencyType; entry.city = city; entry.county = county; entry.notes = notes; entry.vendor = vendor
        entry.camerasConfirmed = camerasConfirmed; entry.camerasOnPortal = camerasOnPortal
        entry.flockPortalURL = flockPortalUrl; entry.documentURL = documentUrl
        return entry
    }
}
