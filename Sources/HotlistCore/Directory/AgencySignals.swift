import Foundation

/// What the latest portal data says about an agency, reduced to the facts the directory filters on.
public struct AgencySignals: Codable, Sendable, Equatable {
    public var alertsNCIC: NCICAlertStatus
    public var ncicEvidence: String?
    public var immigrationPolicy: PolicyStatement
    public var immigrationEvidence: String?
    /// Organisations that can search this agency's data.
    public var sharesWithCount: Int
    /// Organisations whose data this agency can search.
    public var receivesFromCount: Int
    /// The newest portal snapshot's date.
    public var latestSnapshotAt: Date?
    public var hasPortal: Bool
    public var cameraCount: Int?

    public init(alertsNCIC: NCICAlertStatus = .unknown, ncicEvidence: String? = nil,
                immigrationPolicy: PolicyStatement = .unknown, immigrationEvidence: String? = nil,
                sharesWithCount: Int = 0, receivesFromCount: Int = 0, latestSnapshotAt: Date? = nil,
                hasPortal: Bool = false, cameraCount: Int? = nil) {
        self.alertsNCIC = alertsNCIC; self.ncicEvidence = ncicEvidence; self.immigrationPolicy = immigrationPolicy
        self.immigrationEvidence = immigrationEvidence; self.sharesWithCount = sharesWithCount
        self.receivesFromCount = receivesFromCount; self.latestSnapshotAt = latestSnapshotAt
        self.hasPortal = hasPortal; self.cameraCount = cameraCount
    }

    /// Each fact comes from the newest snapshot that reports it: usage and policy pages are read on
    /// different days, and an older policy page is still the agency's latest word on prohibited uses.
    public static func compute(snapshots: [PortalSnapshot], sharesWithCount: Int, receivesFromCount: Int,
                               knownPortalURL: String? = nil) -> AgencySignals {
        let newestFirst = snapshots.sorted { ($0.asOf ?? .distantPast) > ($1.asOf ?? .distantPast) }
        var signals = AgencySignals(sharesWithCount: sharesWithCount, receivesFromCount: receivesFromCount)
        if let hotlists = newestFirst.lazy.map(\.hotlists).first(where: { $0.ncic != .unknown }) {
            signals.alertsNCIC = hotlists.ncic
            signals.ncicEvidence = hotlists.ncicEvidence
        }
        if let uses = newestFirst.lazy.map(\.prohibitedUses).first(where: { $0.immigration != .unknown }) {
            signals.immigrationPolicy = uses.immigration
            signals.immigrationEvidence = uses.immigrationEvidence
        }
        signals.latestSnapshotAt = newestFirst.first?.asOf
        signals.cameraCount = newestFirst.lazy.compactMap(\.cameraCount).first
        signals.hasPortal = !snapshots.isEmpty || knownPortalURL != nil
        return signals
    }

    /// Whole days from the latest snapshot to `now`; nil without a snapshot.
    public func snapshotAgeDays(now: Date) -> Int? {
        guard let latestSnapshotAt else { return nil }
        return max(0, Int(now.timeIntervalSince(latestSnapshotAt) / 86_400))
    }
}
