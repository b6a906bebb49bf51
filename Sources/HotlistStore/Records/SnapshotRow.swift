import Foundation
import HotlistCore

/// Storage shape of `portal_snapshots`.
struct SnapshotRow: Codable {
    var agencyId: Int
    var snapshotKey: String
    var page: String
    var updatedAt: Date?
    var accessedAt: Date?
    var url: String?
    var portalName: String?
    var dataRetentionDays: Int?
    var dataRetentionRaw: String?
    var cameraCount: Int?
    var hotlistsRaw: String?
    var prohibitedUsesRaw: String?
    var acceptableUsePolicy: String?
    var accessPolicy: String?
    var hotlistPolicy: String?
    var whatsDetected: String?
    var whatsNotDetected: String?
    var externalOrganizationsRaw: String?
    var vehiclesDetectedThirtyDays: Int?
    var hotlistHitsThirtyDays: Int?
    var searchesThirtyDays: Int?
    var publicSearchAudit: Bool?
    var contentHash: String?
    var source: String

    /// Column names spelled out: SQLKit's snake-case conversion costs more than the query.
    enum CodingKeys: String, CodingKey {
        case agencyId = "agency_id"
        case snapshotKey = "snapshot_key"
        case page
        case updatedAt = "updated_at"
        case accessedAt = "accessed_at"
        case url
        case portalName = "portal_name"
        case dataRetentionDays = "data_retention_days"
        case dataRetentionRaw = "data_retention_raw"
        case cameraCount = "camera_count"
        case hotlistsRaw = "hotlists_raw"
        case prohibitedUsesRaw = "prohibited_uses_raw"
        case acceptableUsePolicy = "acceptable_use_policy"
        case accessPolicy = "access_policy"
        case hotlistPolicy = "hotlist_policy"
        case whatsDetected = "whats_detected"
        case whatsNotDetected = "whats_not_detected"
        case externalOrganizationsRaw = "external_organizations_raw"
        case vehiclesDetectedThirtyDays = "vehicles_detected_thirty_days"
        case hotlistHitsThirtyDays = "hotlist_hits_thirty_days"
        case searchesThirtyDays = "searches_thirty_days"
        case publicSearchAudit = "public_search_audit"
        case contentHash = "content_hash"
        case source
    }

    init(_ snapshot: PortalSnapshot, agencyID: Int) {
        agencyId = agencyID; snapshotKey = Self.key(snapshot); page = snapshot.page.rawValue
        updatedAt = snapshot.updatedAt; accessedAt = snapshot.accessedAt; url = snapshot.url; portalName = snapshot.portalName
        dataRetentionDays = snapshot.dataRetentionDays; dataRetentionRaw = snapshot.dataRetentionRaw
        cameraCount = snapshot.cameraCount; hotlistsRaw = snapshot.hotlistsRaw; prohibitedUsesRaw = snapshot.prohibitedUsesRaw
        acceptableUsePolicy = snapshot.acceptableUsePolicy; accessPolicy = snapshot.accessPolicy
        hotlistPolicy = snapshot.hotlistPolicy; whatsDetected = snapshot.whatsDetected
        whatsNotDetected = snapshot.whatsNotDetected; externalOrganizationsRaw = snapshot.externalOrganizationsRaw
        vehiclesDetectedThirtyDays = snapshot.vehiclesDetected30Days; hotlistHitsThirtyDays = snapshot.hotlistHits30Days
        searchesThirtyDays = snapshot.searches30Days; publicSearchAudit = snapshot.publicSearchAudit
        contentHash = snapshot.contentHash; source = snapshot.source
    }

    /// What makes two snapshots the same page read at the same time.
    static func key(_ snapshot: PortalSnapshot) -> String {
        let stamp = { (date: Date?) in date.map { String(Int($0.timeIntervalSince1970)) } ?? "-" }
        return [snapshot.page.rawValue, stamp(snapshot.updatedAt), stamp(snapshot.accessedAt), snapshot.contentHash ?? "-"].joined(separator: "|")
    }

    var snapshot: PortalSnapshot {
        var snapshot = PortalSnapshot(page: PortalPage(rawValue: page) ?? .usage, source: source)
        snapshot.updatedAt = updatedAt; snapshot.accessedAt = accessedAt; snapshot.url = url; snapshot.portalName = portalName
        snapshot.dataRetentionDays = dataRetentionDays; snapshot.dataRetentionRaw = dataRetentionRaw
        snapshot.cameraCount = cameraCount; snapshot.hotlistsRaw = hotlistsRaw; snapshot.prohibitedUsesRaw = prohibitedUsesRaw
        snapshot.acceptableUsePolicy = acceptableUsePolicy; snapshot.accessPolicy = accessPolicy
        snapshot.hotlistPolicy = hotlistPolicy; snapshot.whatsDetected = whatsDetected
        snapshot.whatsNotDetected = whatsNotDetected; snapshot.externalOrganizationsRaw = externalOrganizationsRaw
        snapshot.vehiclesDetected30Days = vehiclesDetectedThirtyDays; snapshot.hotlistHits30Days = hotlistHitsThirtyDays
        snapshot.searches30Days = searchesThirtyDays; snapshot.publicSearchAudit = publicSearchAudit
        snapshot.contentHash = contentHash
        return snapshot
    }
}
