import Foundation

/// Storage shape of `url_checks`.
struct URLCheckRow: Codable {
    var agencyId: Int
    var url: String
    var lastAttempt: Date?
    var statusCode: Int?
    var notes: String?

    enum CodingKeys: String, CodingKey {
        case agencyId = "agency_id", url, lastAttempt = "last_attempt", statusCode = "status_code", notes
    }
}
