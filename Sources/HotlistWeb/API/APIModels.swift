import Foundation
import HotlistCore

/// What the JSON API returns. Keys are spelled out in snake case (the encoder's conversion was a
/// third of a list request's time). These shapes are the public contract (see openapi.json); domain types
/// can change behind them.
/// Public so the command line's --json prints exactly what the API returns.
public enum APIModels {
    public struct AgencyList: Codable, Sendable {
        var items: [AgencySummaryDTO]
        var page: Int
        var perPage: Int
        var total: Int
        var pageCount: Int
        var next: String?
        var previous: String?

        enum CodingKeys: String, CodingKey {
            case items, page, perPage = "per_page", total, pageCount = "page_count", next, previous
        }
    }

    public struct Priority: Codable, Sendable {
        var tier: Int
        var title: String
        var reasons: [String]

        enum CodingKeys: String, CodingKey {
            case tier, title, reasons
        }
    }

    public struct AgencySummaryDTO: Codable, Sendable {
        var id: Int
        var name: String
        var state: String?
        var kind: String
        var alertsNcic: String
        var prohibitsImmigration: String
        var sharesWithCount: Int
        var receivesFromCount: Int
        var hasPortal: Bool
        var cameraCount: Int?
        var latestSnapshotAt: Date?
        var snapshotAgeDays: Int?
        var priority: Priority
        var url: String

        enum CodingKeys: String, CodingKey {
            case id, name, state, kind, alertsNcic = "alerts_ncic", prohibitsImmigration = "prohibits_immigration", sharesWithCount = "shares_with_count", receivesFromCount = "receives_from_count", hasPortal = "has_portal", cameraCount = "camera_count", latestSnapshotAt = "latest_snapshot_at", snapshotAgeDays = "snapshot_age_days", priority, url
        }

        public init(_ summary: AgencySummary, now: Date) {
            id = summary.id; name = summary.name; state = summary.stateCode; kind = summary.kind.rawValue
            alertsNcic = summary.signals.alertsNCIC.rawValue; prohibitsImmigration = summary.signals.immigrationPolicy.rawValue
            sharesWithCount = summary.signals.sharesWithCount; receivesFromCount = summary.signals.receivesFromCount
            hasPortal = summary.signals.hasPortal; cameraCount = summary.signals.cameraCount
            latestSnapshotAt = summary.signals.latestSnapshotAt; snapshotAgeDays = summary.signals.snapshotAgeDays(now: now)
            priority = Priority(tier: summary.priority.tier.rawValue, title: summary.priority.tier.title, reasons: summary.priority.reasons)
            url = SiteURL.api(.agency(summary.id)).path
        }
    }

    public struct Link: Codable, Sendable {
        var id: Int
        var name: String
        var state: String?
        var url: String

        enum CodingKeys: String, CodingKey {
            case id, name, state, url
        }
        public init(_ link: AgencyLink) { id = link.id; name = link.name; state = link.stateCode; url = SiteURL.api(.agency(link.id)).path }
    }

    public struct Snapshot: Codable, Sendable {
        var page: String
        var updatedAt: Date?
        var accessedAt: Date?
        var url: String?
        var portalName: String?
        var dataRetentionDays: Int?
        var dataRetentionRaw: String?
        var cameraCount: Int?
        var hotlists: [String]
        var hotlistsRaw: String?
        var prohibitedUses: [String]
        var prohibitedUsesRaw: String?
        var acceptableUsePolicy: String?
        var accessPolicy: String?
        var hotlistPolicy: String?
        var thirtyDayCounts: ThirtyDayCounts
        var source: String

        enum CodingKeys: String, CodingKey {
            case page, updatedAt = "updated_at", accessedAt = "accessed_at", url, portalName = "portal_name", dataRetentionDays = "data_retention_days", dataRetentionRaw = "data_retention_raw", cameraCount = "camera_count", hotlists, hotlistsRaw = "hotlists_raw", prohibitedUses = "prohibited_uses", prohibitedUsesRaw = "prohibited_uses_raw", acceptableUsePolicy = "acceptable_use_policy", accessPolicy = "access_policy", hotlistPolicy = "hotlist_policy", thirtyDayCounts = "thirty_day_counts", source
        }

        public init(_ snapshot: PortalSnapshot) {
            page = snapshot.page.rawValue; updatedAt = snapshot.updatedAt; accessedAt = snapshot.accessedAt; url = snapshot.url
            portalName = snapshot.portalName; dataRetentionDays = snapshot.dataRetentionDays; dataRetentionRaw = snapshot.dataRetentionRaw
            cameraCount = snapshot.cameraCount; hotlists = snapshot.hotlists.lists; hotlistsRaw = snapshot.hotlistsRaw
            prohibitedUses = snapshot.prohibitedUses.items; prohibitedUsesRaw = snapshot.prohibitedUsesRaw
            acceptableUsePolicy = snapshot.acceptableUsePolicy; accessPolicy = snapshot.accessPolicy; hotlistPolicy = snapshot.hotlistPolicy
            thirtyDayCounts = ThirtyDayCounts(vehiclesDetected: snapshot.vehiclesDetected30Days, hotlistHits: snapshot.hotlistHits30Days, searches: snapshot.searches30Days)
            source = snapshot.source
        }
    }

    /// The portal's counts for the 30 days before it was read.
    public struct ThirtyDayCounts: Codable, Sendable {
        var vehiclesDetected: Int?
        var hotlistHits: Int?
        var searches: Int?

        enum CodingKeys: String, CodingKey {
            case vehiclesDetected = "vehicles_detected", hotlistHits = "hotlist_hits", searches
        }
    }

    public struct AgencyDetailDTO: Codable, Sendable {
        var id: Int
        var name: String
        var state: String?
        var stateUnresolvedReason: String?
        var kind: String
        var place: String?
        var ori: String?
        var city: String?
        var county: String?
        var vendor: String?
        var flockPortalUrl: String?
        var contractRenewal: String?
        var recordsEmail: String?
        var recordsPortalUrl: String?
        var alertsNcic: String
        var ncicEvidence: String?
        var prohibitsImmigration: String
        var immigrationEvidence: String?
        var sharesWithCount: Int
        var receivesFromCount: Int
        var latestSnapshotAt: Date?
        var snapshotAgeDays: Int?
        var priority: Priority
        var snapshots: [Snapshot]
        var sharesWith: [Link]
        var receivesFrom: [Link]
        var recordsLaw: StateLaw?
        var restrictionLaws: [RestrictionLaw]
        var status: StatusDTO
        var reportedFindings: [ReportedFindingDTO]
        var findings: [FindingDTO]
        var statements: [StatementDTO]
        var hotlistHistory: [HotlistChangeDTO]
        var contradictions: [ContradictionDTO]
        var sources: [String]

        enum CodingKeys: String, CodingKey {
            case id, name, state, stateUnresolvedReason = "state_unresolved_reason", kind, place, ori, city, county, vendor, flockPortalUrl = "flock_portal_url", contractRenewal = "contract_renewal", recordsEmail = "records_email", recordsPortalUrl = "records_portal_url", alertsNcic = "alerts_ncic", ncicEvidence = "ncic_evidence", prohibitsImmigration = "prohibits_immigration", immigrationEvidence = "immigration_evidence", sharesWithCount = "shares_with_count", receivesFromCount = "receives_from_count", latestSnapshotAt = "latest_snapshot_at", snapshotAgeDays = "snapshot_age_days", priority, snapshots, sharesWith = "shares_with", receivesFrom = "receives_from", recordsLaw = "records_law", restrictionLaws = "restriction_laws", status, reportedFindings = "reported_findings", findings, statements, hotlistHistory = "hotlist_history", contradictions, sources
        }

        public init(_ detail: AgencyDetail, now: Date) {
            let agency = detail.agency
            id = agency.id ?? 0; name = agency.name; state = agency.stateCode; stateUnresolvedReason = agency.unresolvedReason
            kind = agency.kind.rawValue; place = agency.place; ori = agency.ori; city = agency.city; county = agency.county
            vendor = agency.vendor; flockPortalUrl = agency.flockPortalURL; contractRenewal = agency.contractRenewal
            recordsEmail = agency.recordsEmail; recordsPortalUrl = agency.recordsPortalURL
            alertsNcic = detail.signals.alertsNCIC.rawValue; ncicEvidence = detail.signals.ncicEvidence
            prohibitsImmigration = detail.signals.immigrationPolicy.rawValue; immigrationEvidence = detail.signals.immigrationEvidence
            sharesWithCount = detail.signals.sharesWithCount; receivesFromCount = detail.signals.receivesFromCount
            latestSnapshotAt = detail.signals.latestSnapshotAt; snapshotAgeDays = detail.signals.snapshotAgeDays(now: now)
            priority = Priority(tier: detail.priority.tier.rawValue, title: detail.priority.tier.title, reasons: detail.priority.reasons)
            snapshots = detail.snapshots.map(Snapshot.init)
            sharesWith = detail.sharesWith.map(Link.init); receivesFrom = detail.receivesFrom.map(Link.init)
            recordsLaw = detail.recordsLaw.map(StateLaw.init); restrictionLaws = detail.restrictionLaws.map(RestrictionLaw.init)
            status = StatusDTO(detail.status)
            reportedFindings = detail.reportedFindings.map(ReportedFindingDTO.init); contradictions = detail.contradictions.map(ContradictionDTO.init)
            findings = detail.findings.map { FindingDTO($0, evidence: detail.findingEvidence) }; statements = detail.statements.map(StatementDTO.init)
            hotlistHistory = detail.hotlistTimeline.map(HotlistChangeDTO.init)
            sources = Array(Set(detail.snapshots.map(\.source) + (detail.sharesWith.isEmpty && detail.receivesFrom.isEmpty ? [] : [PrivateEyesDataset.credit]))).sorted()
        }
    }

    public struct NCICTopicDTO: Codable, Sendable {
        var key: String
        var flockLabel: String?
        var flockLabelConfidence: String?
        var ncicFile: String
        var contents: String
        var whoMayEnter: String
        var notes: String
        var source: String
        var confidence: String

        enum CodingKeys: String, CodingKey {
            case key, flockLabel = "flock_label", flockLabelConfidence = "flock_label_confidence", ncicFile = "ncic_file", contents, whoMayEnter = "who_may_enter", notes, source, confidence
        }
        public init(_ topic: NCICTopic) {
            key = topic.key; flockLabel = topic.flockLabel; flockLabelConfidence = topic.flockLabelConfidence?.rawValue
            ncicFile = topic.ncicFile; contents = topic.contents; whoMayEnter = topic.whoMayEnter; notes = topic.notes
            source = topic.source; confidence = topic.confidence.rawValue
        }
    }

    public struct StateLaw: Codable, Sendable {
        var state: String
        var stateName: String
        var lawName: String
        var citation: String
        var deadlineDays: Int?
        var deadlineKind: String
        var deadlineSummary: String
        var deadlineNote: String
        var residencyRequired: String
        var appealRoute: String
        var appealRouteResearched: Bool
        var appealSource: String?
        var source: String
        var confidence: String

        enum CodingKeys: String, CodingKey {
            case state, stateName = "state_name", lawName = "law_name", citation, deadlineDays = "deadline_days", deadlineKind = "deadline_kind", deadlineSummary = "deadline_summary", deadlineNote = "deadline_note", residencyRequired = "residency_required", appealRoute = "appeal_route", appealRouteResearched = "appeal_route_researched", appealSource = "appeal_source", source, confidence
        }
        public init(_ law: StateRecordsLaw) {
            state = law.stateCode; stateName = law.stateName; lawName = law.lawName; citation = law.citation
            deadlineDays = law.deadlineDays; deadlineKind = law.deadlineKind.rawValue; deadlineSummary = law.deadlineSummary
            deadlineNote = law.deadlineNote; residencyRequired = law.residency.rawValue; appealRoute = law.appealRoute
            appealRouteResearched = law.appealRouteResearched; appealSource = law.appealRouteResearched ? law.appealSource : nil; source = law.source; confidence = law.confidence.rawValue
        }
    }

    public struct RestrictionLaw: Codable, Sendable {
        var state: String
        var lawName: String
        var citation: String
        var whatItRestricts: String
        var unverifiedBill: Bool
        var source: String
        var confidence: String

        enum CodingKeys: String, CodingKey {
            case state, lawName = "law_name", citation, whatItRestricts = "what_it_restricts", unverifiedBill = "unverified_bill", source, confidence
        }
        public init(_ law: StateRestrictionLaw) {
            state = law.stateCode; lawName = law.lawName; citation = law.citation; whatItRestricts = law.whatItRestricts
            unverifiedBill = law.isUnverifiedBill; source = law.source; confidence = law.confidence.rawValue
        }
    }

    public struct StateDetail: Codable, Sendable {
        var recordsLaw: StateLaw
        var restrictionLaws: [RestrictionLaw]

        enum CodingKeys: String, CodingKey {
            case recordsLaw = "records_law", restrictionLaws = "restriction_laws"
        }
    }

    /// A page of the directory as the API lists it, with links to the neighbouring pages.
    public static func agencyList(_ page: AgencyPage, filter: AgencyFilter, now: Date) -> AgencyList {
        AgencyList(
            items: page.items.map { AgencySummaryDTO($0, now: now) }, page: page.page, perPage: page.perPage,
            total: page.total, pageCount: page.pageCount,
            next: page.hasNext ? SiteURL.api(.agencies).with(filter.queryItems(page: page.page + 1)) : nil,
            previous: page.hasPrevious ? SiteURL.api(.agencies).with(filter.queryItems(page: page.page - 1)) : nil)
    }

    public static func stateDetail(_ law: StateRecordsLaw, restrictions: [StateRestrictionLaw]) -> StateDetail {
        StateDetail(recordsLaw: StateLaw(law), restrictionLaws: restrictions.map(RestrictionLaw.init))
    }
}
