import Foundation
import HotlistCore
import SQLKit

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

    /// Column names spelled out: SQLKit's snake-case conversion costs more than the query.
    enum CodingKeys: String, CodingKey {
        case externalKey = "external_key"
        case name
        case nameSearch = "name_search"
        case stateCode = "state_code"
        case kind
        case place
        case unresolvedReason = "unresolved_reason"
        case ori
        case city
        case county
        case website
        case recordsEmail = "records_email"
        case recordsPortalUrl = "records_portal_url"
        case flockPortalUrl = "flock_portal_url"
        case contractRenewal = "contract_renewal"
        case vendor
        case notes
        case alertsNcic = "alerts_ncic"
        case ncicEvidence = "ncic_evidence"
        case immigrationPolicy = "immigration_policy"
        case immigrationEvidence = "immigration_evidence"
        case sharesWithCount = "shares_with_count"
        case receivesFromCount = "receives_from_count"
        case latestSnapshotAt = "latest_snapshot_at"
        case hasPortal = "has_portal"
        case cameraCount = "camera_count"
        case priorityTier = "priority_tier"
        case prioritySort = "priority_sort"
        case priorityReasons = "priority_reasons"
    }

    /// Reads a row column by column: SQLKit's Codable path cost a third of a directory request.
    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int.self)
        externalKey = try row.decode(column: "external_key", as: String.self)
        name = try row.decode(column: "name", as: String.self)
        nameSearch = try row.decode(column: "name_search", as: String.self)
        stateCode = try row.decode(column: "state_code", as: String?.self)
        kind = try row.decode(column: "kind", as: String.self)
        place = try row.decode(column: "place", as: String?.self)
        unresolvedReason = try row.decode(column: "unresolved_reason", as: String?.self)
        ori = try row.decode(column: "ori", as: String?.self)
        city = try row.decode(column: "city", as: String?.self)
        county = try row.decode(column: "county", as: String?.self)
        website = try row.decode(column: "website", as: String?.self)
        recordsEmail = try row.decode(column: "records_email", as: String?.self)
        recordsPortalUrl = try row.decode(column: "records_portal_url", as: String?.self)
        flockPortalUrl = try row.decode(column: "flock_portal_url", as: String?.self)
        contractRenewal = try row.decode(column: "contract_renewal", as: String?.self)
        vendor = try row.decode(column: "vendor", as: String?.self)
        notes = try row.decode(column: "notes", as: String?.self)
        alertsNcic = try row.decode(column: "alerts_ncic", as: String.self)
        ncicEvidence = try row.decode(column: "ncic_evidence", as: String?.self)
        immigrationPolicy = try row.decode(column: "immigration_policy", as: String.self)
        immigrationEvidence = try row.decode(column: "immigration_evidence", as: String?.self)
        sharesWithCount = try row.decode(column: "shares_with_count", as: Int.self)
        receivesFromCount = try row.decode(column: "receives_from_count", as: Int.self)
        latestSnapshotAt = try row.decode(column: "latest_snapshot_at", as: Date?.self)
        hasPortal = try row.decode(column: "has_portal", as: Bool.self)
        cameraCount = try row.decode(column: "camera_count", as: Int?.self)
        priorityTier = try row.decode(column: "priority_tier", as: Int.self)
        prioritySort = try row.decode(column: "priority_sort", as: Int.self)
        priorityReasons = try row.decode(column: "priority_reasons", as: String.self)
    }

    init(_ agency: Agency, signals: AgencySignals = AgencySignals(), priority: AskFirstRank? = nil) {
        id = agency.id; externalKey = agency.externalKey; name = agency.name; nameSearch = Self.searchText(agency.name)
        stateCode = agency.stateCode; kind = agency.kind.rawValue; place = agency.place
        unresolvedReason = agency.unresolvedReason; ori = agency.ori; city = agency.city; county = agency.county
        website = agency.website; recordsEmail = agency.recordsEmail; recordsPortalUrl = agency.recordsPortalURL
        flockPortalUrl = agency.flockPortalURL; contractRenewal = agency.contractRenewal; vendor = agency.vendor
        notes = agency.notes
        alertsNcic = ""; immigrationPolicy = ""; sharesWithCount = 0; receivesFromCount = 0; hasPortal = false
        priorityTier = 0; prioritySort = 0; priorityReasons = ""
        let priority = priority ?? AskFirstRank.assess(signals, stateCode: agency.stateCode, restrictiveStates: [], name: agency.name)
        apply(signals, priority)
    }

    mutating func apply(_ signals: AgencySignals, _ priority: AskFirstRank) {
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

    var priority: AskFirstRank {
        let tier = AskFirstRank.Tier(rawValue: priorityTier) ?? .noPortalData
        // Split on bytes: Character-wise splitting showed up in the directory's profile.
        return AskFirstRank(tier: tier, score: tier.rawValue * 1_000_000 - prioritySort,
                               reasons: priorityReasons.utf8.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) })
    }

    var summary: AgencySummary {
        AgencySummary(id: id ?? 0, name: name, stateCode: stateCode, kind: AgencyKind(rawValue: kind) ?? .other, signals: signals, priority: priority)
    }

    static let columns = ["id", "external_key", "name", "name_search", "state_code", "kind", "place", "unresolved_reason", "ori", "city", "county", "website", "records_email", "records_portal_url", "flock_portal_url", "contract_renewal", "vendor", "notes", "alerts_ncic", "ncic_evidence", "immigration_policy", "immigration_evidence", "shares_with_count", "receives_from_count", "latest_snapshot_at", "has_portal", "camera_count", "priority_tier", "priority_sort", "priority_reasons"]
}
