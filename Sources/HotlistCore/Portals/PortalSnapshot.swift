import Foundation

/// What one transparency-portal page said when it was read.
public struct PortalSnapshot: Codable, Sendable, Equatable {
    public var page: PortalPage
    /// When the portal says its data was last updated.
    public var updatedAt: Date?
    /// When the page was read.
    public var accessedAt: Date?
    public var url: String?
    /// The agency name as the portal spelled it.
    public var portalName: String?
    public var dataRetentionDays: Int?
    public var dataRetentionRaw: String?
    public var cameraCount: Int?
    public var hotlistsRaw: String?
    public var prohibitedUsesRaw: String?
    public var acceptableUsePolicy: String?
    public var accessPolicy: String?
    public var hotlistPolicy: String?
    public var whatsDetected: String?
    public var whatsNotDetected: String?
    public var externalOrganizationsRaw: String?
    public var vehiclesDetected30Days: Int?
    public var hotlistHits30Days: Int?
    public var searches30Days: Int?
    public var publicSearchAudit: Bool?
    public var contentHash: String?
    /// Credit line for the data set the snapshot came from.
    public var source: String

    public init(page: PortalPage, source: String) {
        self.page = page; self.source = source
    }

    public var hotlists: HotlistsAlertedOn { HotlistsAlertedOn.parse(hotlistsRaw) }
    public var prohibitedUses: ProhibitedUses { ProhibitedUses.parse(prohibitedUsesRaw) }

    /// The instant this snapshot speaks for: when the portal last updated, else when it was read.
    public var asOf: Date? { updatedAt ?? accessedAt }
}
