import Foundation
import HotlistCore

/// Storage shape of `agencies`: the agency, its computed signals and its priority.
struct AgencyRow: Codable {
    /// Set by the database; not encoded, so inserts let the database choose it.
    var id: Int? = nil
    var externalKey: String
    var name: String
    var nameSearch: String
    var stateCode: String?
    var kind: String
    var place: String?
    var unresolvedReason: String?
    var ori: String?
    var city: String?
    var county: String?
    var website: String?
    var recordsEmail: String?
    var recordsPortalUrl: String?
    var flockPortalUrl: String?
    var contractRenewal: String?
    var vendor: String?
    var notes: String?
    var alertsNcic: String
    var ncicEvidence: String?
    var immigrationPolicy: String
    var immigrationEvidence: String?
    var sharesWithCount: Int
    var receivesFromCount: Int
    var latestSnapshotAt: Date?
    var hasPortal: Bool
    var cameraCount: Int?
    var priorityTier: Int
    var prioritySort: Int
    /// Reasons joined by newlines; they are short sentences without newlines.
    var priorityReasons: String

    enum CodingKeys: String, CodingKey {
        case externalKey, name, nameSearch, stateCode, kind, place, unresolvedReason, ori, city, county, website, recordsEmail, recordsPortalUrl, flockPortalUrl, contractRenewal, vendor, notes, alertsNcic, ncicEvidence, immigrationPolicy, immigrationEvidence, sharesWithCount, receivesFromCount, latestSnapshotAt, hasPortal, cameraCount, priorityTier, prioritySort, priorityReasons
    }

    init(_ agency: Agency, signals: AgencySignals = AgencySignals(), priority: RequestPriority? = nil) {
        id = agency.id; externalKey = agency.externalKey; name = agency.name; nameSearch = Self.searchText(agency.name)
        stateCode = agency.stateCode; kind = agency.kind.rawValue; place = agency.place
        unresolvedReason = agency.unresolvedReason; ori = agency.ori; city = agency.city; county = agency.county
        website = agency.website; recordsEmail = agency.recordsEmail; recordsPortalUrl = agency.recordsPortalURL
        flockPortalUrl = agency.flockPortalURL; contractRenewal = agency.contractRenewal; vendor = agency.vendor
        notes = agency.notes
        alertsNcic = ""; immigrationPolicy = ""; sharesWithCount = 0; receivesFromCount = 0; hasPortal = false
        priorityTier = 0; prioritySort = 0; priorityReasons = ""
        let priority = priority ?? RequestPriority.assess(signals, stateCode: agency.stateCode, restrictiveStates: [])
        apply(signals, priority)
    }

    mutating func apply(_ signals: AgencySignals, _ priority: RequestPriority) {
        alertsNcic = signals.alertsNCIC.rawValue; ncicEvidence = signals.ncicEvidence
        immigrationPolicy = signals.immigrationPolicy.rawValue; immigrationEvidence = signals.immigrationEvidence
        sharesWithCount = signals.sharesWithCount; receivesFromCount = signals.receivesFromCount
        latestSnapshotAt = signals.latestSnapshotAt; hasPortal = signals.hasPortal; cameraCount = signals.cameraCount
        priorityTier = priority.tier.rawValue; prioritySort = priority.sortKey
        priorityReasons = priority.reasons.joined(separator: "\n")
    }

    /// Lower case, accents folded, so search matches "san jose" to "San José" on both databases.
    static func searchText(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
    }

    var agency: Agency {
        Agency(id: id, externalKey: externalKey, name: name, stateCode: stateCode, kind: AgencyKind(rawValue: kind) ?? .other,
               place: place, unresolvedReason: unresolvedReason, ori: ori, city: city, county: county, website: website,
               recordsEmail: recordsEmail, recordsPortalURL: recordsPortalUrl, flockPortalURL: flockPortalUrl,
               contractRenewal: contractRenewal, vendor: vendor, notes: notes)
    }

    var signals: AgencySignals {
        AgencySignals(alertsNCIC: NCICAlertStatus(rawValue: alertsNcic) ?? .unknown, ncicEvidence: ncicEvidence,
                      immigrationPolicy: PolicyStatement(rawValue: immigrationPolicy) ?? .unknown,
                      immigrationEvidence: immigrationEvidence, sharesWithCount: sharesWithCount,
                      receivesFromCount: receivesFromCount, latestSnapshotAt: latestSnapshotAt, hasPortal: hasPortal,
                      cameraCount: cameraCount)
    }

    var priority: RequestPriority {
        let tier = RequestPriority.Tier(rawValue: priorityTier) ?? .noPortalData
        return RequestPriority(tier: tier, score: tier.rawValue * 1_000_000 - prioritySort,
                               reasons: priorityReasons.split(separator: "\n").map(String.init))
    }

    var summary: AgencySummary {
        AgencySummary(id: id ?? 0, name: name, stateCode: stateCode, kind: AgencyKind(rawValue: kind) ?? .other, signals: signals, priority: priority)
    }

    static let columns = ["id", "external_key", "name", "name_search", "state_code", "kind", "place", "unresolved_reason", "ori", "city", "county", "website", "records_email", "records_portal_url", "flock_portal_url", "contract_renewal", "vendor", "notes", "alerts_ncic", "ncic_evidence", "immigration_policy", "immigration_evidence", "shares_with_count", "receives_from_count", "latest_snapshot_at", "has_portal", "camera_count", "priority_tier", "priority_sort", "priority_reasons"]
}
