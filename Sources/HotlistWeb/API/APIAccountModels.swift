import HotlistCore

extension APIModels {
    /// The token owner's own account (`GET /api/v1/me`): never on a public endpoint.
    public struct Me: Codable, Sendable {
        var id: Int
        var email: String
        var displayName: String
        var role: String
        enum CodingKeys: String, CodingKey { case id, email, displayName = "display_name", role }
        init(_ account: UserAccount) { id = account.id; email = account.email; displayName = account.displayName; role = account.role.rawValue }
    }

    public struct RecordsContactDTO: Codable, Sendable {
        var agencyId: Int
        var email: String?
        var portalUrl: String?
        enum CodingKeys: String, CodingKey { case agencyId = "agency_id", email, portalUrl = "portal_url" }
        init(agencyID: Int, _ contact: RecordsContact) { agencyId = agencyID; email = contact.email; portalUrl = contact.portalURL }
    }
}
