import Foundation
import HotlistAPI
import HotlistCore
import HotlistStore

/// Domain values in the generated API types (`HotlistAPI/openapi.yaml` is the contract; the domain
/// can change behind it). Public so the command line's --json prints exactly what the API returns.
/// An enumerated value the document lacks is a bug here, reported (a 500), never sent.
struct UndocumentedValue: Error, CustomStringConvertible {
    var description: String
}

extension RawRepresentable where RawValue == String {
    /// The document's case for a domain value's raw string.
    static func documented(_ raw: String) throws -> Self {
        guard let value = Self(rawValue: raw) else { throw UndocumentedValue(description: "\"\(raw)\" is not in the API document's \(Self.self)") }
        return value
    }
}

extension Components.Schemas.Priority {
    init(_ priority: AskFirstRank) {
        self.init(tier: priority.tier.rawValue, title: priority.tier.title, reasons: priority.reasons)
    }
}

extension Components.Schemas.AgencySummary {
    public init(_ summary: AgencySummary, now: Date) throws {
        self.init(id: summary.id, name: summary.name, state: summary.stateCode, kind: try .documented(summary.kind.rawValue),
                  alerts_ncic: try .documented(summary.signals.alertsNCIC.rawValue), prohibits_immigration: try .documented(summary.signals.immigrationPolicy.rawValue),
                  shares_with_count: summary.signals.sharesWithCount, receives_from_count: summary.signals.receivesFromCount,
                  has_portal: summary.signals.hasPortal, camera_count: summary.signals.cameraCount,
                  latest_snapshot_at: summary.signals.latestSnapshotAt, snapshot_age_days: summary.signals.snapshotAgeDays(now: now),
                  priority: .init(summary.priority), url: SiteURL.api(.agency(summary.id)).path)
    }
}

extension Components.Schemas.AgencyList {
    /// A page of the directory as the API lists it, with links to the neighbouring pages.
    public init(_ page: AgencyPage, filter: AgencyFilter, now: Date) throws {
        self.init(items: try page.items.map { try .init($0, now: now) }, page: page.page, per_page: page.perPage,
                  total: page.total, page_count: page.pageCount,
                  next: page.hasNext ? SiteURL.api(.agencies).with(filter.queryItems(page: page.page + 1)) : nil,
                  previous: page.hasPrevious ? SiteURL.api(.agencies).with(filter.queryItems(page: page.page - 1)) : nil)
    }
}

extension Components.Schemas.Link {
    init(_ link: AgencyLink) {
        self.init(id: link.id, name: link.name, state: link.stateCode, url: SiteURL.api(.agency(link.id)).path)
    }
}

extension Components.Schemas.Snapshot {
    init(_ snapshot: PortalSnapshot) throws {
        self.init(page: try .documented(snapshot.page.rawValue), updated_at: snapshot.updatedAt, accessed_at: snapshot.accessedAt, url: snapshot.url,
                  portal_name: snapshot.portalName, data_retention_days: snapshot.dataRetentionDays, data_retention_raw: snapshot.dataRetentionRaw,
                  camera_count: snapshot.cameraCount, hotlists: snapshot.hotlists.lists, hotlists_raw: snapshot.hotlistsRaw,
                  prohibited_uses: snapshot.prohibitedUses.items, prohibited_uses_raw: snapshot.prohibitedUsesRaw,
                  acceptable_use_policy: snapshot.acceptableUsePolicy, access_policy: snapshot.accessPolicy, hotlist_policy: snapshot.hotlistPolicy,
                  thirty_day_counts: .init(vehicles_detected: snapshot.vehiclesDetected30Days, hotlist_hits: snapshot.hotlistHits30Days, searches: snapshot.searches30Days),
                  source: snapshot.source)
    }
}

extension Components.Schemas.StateLaw {
    init(_ law: StateRecordsLaw) throws {
        self.init(state: law.stateCode, state_name: law.stateName, law_name: law.lawName, citation: law.citation,
                  deadline_days: law.deadlineDays, deadline_kind: try .documented(law.deadlineKind.rawValue), deadline_summary: law.deadlineSummary,
                  deadline_note: law.deadlineNote, residency_required: try .documented(law.residency.rawValue), appeal_route: law.appealRoute,
                  appeal_route_researched: law.appealRouteResearched, appeal_source: law.appealRouteResearched ? law.appealSource : nil,
                  source: law.source, confidence: try .documented(law.confidence.rawValue))
    }
}

extension Components.Schemas.RestrictionLaw {
    init(_ law: StateRestrictionLaw) throws {
        self.init(state: law.stateCode, law_name: law.lawName, citation: law.citation, what_it_restricts: law.whatItRestricts,
                  unverified_bill: law.isUnverifiedBill, source: law.source, confidence: try .documented(law.confidence.rawValue))
    }
}

extension Components.Schemas.StateDetail {
    public init(_ law: StateRecordsLaw, restrictions: [StateRestrictionLaw]) throws {
        self.init(records_law: try .init(law), restriction_laws: try restrictions.map(Components.Schemas.RestrictionLaw.init))
    }
}

extension Components.Schemas.NCICTopic {
    init(_ topic: NCICTopic) throws {
        self.init(key: topic.key, flock_label: topic.flockLabel, flock_label_confidence: try topic.flockLabelConfidence.map { try .documented($0.rawValue) },
                  ncic_file: topic.ncicFile, contents: topic.contents, who_may_enter: topic.whoMayEnter, notes: topic.notes,
                  source: topic.source, confidence: try .documented(topic.confidence.rawValue))
    }
}

extension Components.Schemas.AgencyDetail {
    public init(_ detail: AgencyDetail, now: Date) throws {
        let agency = detail.agency, signals = detail.signals
        let status = detail.status
        self.init(id: agency.id ?? 0, name: agency.name, state: agency.stateCode, state_unresolved_reason: agency.unresolvedReason,
                  kind: try .documented(agency.kind.rawValue), place: agency.place, ori: agency.ori, city: agency.city, county: agency.county,
                  vendor: agency.vendor, flock_portal_url: agency.flockPortalURL, contract_renewal: agency.contractRenewal,
                  records_email: agency.recordsEmail, records_portal_url: agency.recordsPortalURL,
                  alerts_ncic: try .documented(signals.alertsNCIC.rawValue), ncic_evidence: signals.ncicEvidence,
                  prohibits_immigration: try .documented(signals.immigrationPolicy.rawValue), immigration_evidence: signals.immigrationEvidence,
                  shares_with_count: signals.sharesWithCount, receives_from_count: signals.receivesFromCount,
                  latest_snapshot_at: signals.latestSnapshotAt, snapshot_age_days: signals.snapshotAgeDays(now: now),
                  priority: .init(detail.priority), snapshots: try detail.snapshots.map(Components.Schemas.Snapshot.init),
                  shares_with: detail.sharesWith.map(Components.Schemas.Link.init), receives_from: detail.receivesFrom.map(Components.Schemas.Link.init),
                  records_law: try detail.recordsLaw.map(Components.Schemas.StateLaw.init),
                  restriction_laws: try detail.restrictionLaws.map(Components.Schemas.RestrictionLaw.init),
                  status: .init(code: try .documented(status.code.rawValue), label: status.label, as_of: status.asOf),
                  reported_findings: try detail.reportedFindings.map(Components.Schemas.ReportedFinding.init),
                  findings: try detail.findings.map { try Components.Schemas.Finding($0, evidence: detail.findingEvidence) },
                  statements: try detail.statements.map(Components.Schemas.Statement.init),
                  hotlist_history: try detail.hotlistTimeline.map(Components.Schemas.HotlistChange.init),
                  search_audits: try detail.searchAudits.map { try Components.Schemas.SearchAudit($0, agency: AgencyLink(id: agency.id ?? 0, name: agency.name, stateCode: agency.stateCode)) },
                  contradictions: try detail.contradictions.map(Components.Schemas.Contradiction.init),
                  sources: Array(Set(detail.snapshots.map(\.source) + (detail.sharesWith.isEmpty && detail.receivesFrom.isEmpty ? [] : [PrivateEyesDataset.credit]))).sorted())
    }
}

extension Components.Schemas.SearchAudit {
    /// An audit log as the API and `audit-log list|show --json` show it: counts only, the file by its fingerprint.
    public init(_ log: SearchAuditLog, agency: AgencyLink) throws {
        self.init(id: log.id, agency: .init(agency), kind: try .documented(log.kind.rawValue), headline: log.headline(agencyName: agency.name),
                  first_month: log.firstMonth, last_month: log.lastMonth, rows_read: log.rowsRead, rows_skipped: log.rowsSkipped, searches: log.searches,
                  searches_by_category: .init(immigration: log.searches(.immigration), protest: log.searches(.protest), reproductive_health: log.searches(.reproductiveHealth),
                                              other_sensitive: log.searches(.otherSensitive), ordinary: log.searches(.ordinary)),
                  sensitive_counts: try log.groups.filter { $0.category != .ordinary }.map {
                      .init(organization: $0.organization, month: $0.month, category: try .documented($0.category.rawValue), searches: $0.searches,
                            networks_searched: $0.networksSearched, devices_searched: $0.devicesSearched)
                  },
                  evidence_id: log.evidenceID, sha256: log.sha256, file_withdrawn_on: log.fileWithdrawnAt.map { CalendarDay.today($0).iso }, received_on: log.receivedOn?.iso, rules_version: log.rulesVersion,
                  verified_at: log.verifiedAt, citation: log.citationText)
    }
}

extension Components.Schemas.Citation {
    init(_ citation: Citation) throws {
        self.init(text: citation.text, source: citation.source, confidence: try .documented(citation.confidence.rawValue))
    }
}

extension Components.Schemas.Contradiction {
    /// A contradiction as the API and `contradictions list --json` show it.
    public init(_ item: Contradiction) throws {
        self.init(rule: item.rule.rawValue, rule_id: item.rule.id, title: item.rule.title, agency_id: item.agencyID, agency_name: item.agencyName,
                  state: item.stateCode, explanation: item.explanation, evidence: item.evidence,
                  citations: try item.citations.map(Components.Schemas.Citation.init), related: item.related.map(Components.Schemas.Link.init))
    }
}

extension Components.Schemas.ReportedFinding {
    /// A finding someone else reported, labelled as such.
    init(_ finding: RecordedOutcome) throws {
        self.init(outcome: try .documented(finding.outcome.rawValue), label: finding.label, reported_by: finding.reportedBy, as_of: finding.asOf,
                  source: finding.url, confidence: try .documented(finding.confidence.rawValue))
    }
}

extension Components.Schemas.EvidenceRef {
    init(_ file: EvidenceFile) throws {
        self.init(id: file.id, kind: try .documented(file.kind.rawValue), _public: file.isPublic, sha256: file.sha256,
                  url: file.isPublic ? SiteURL.evidenceFile(file.id).path : nil)
    }
}

extension Components.Schemas.Finding {
    /// One of our findings, verified; who entered and verified it is not published.
    init(_ version: FindingVersion, evidence files: [EvidenceFile]) throws {
        guard let verifiedAt = version.verifiedAt else { throw UndocumentedValue(description: "finding \(version.findingID) is published unverified") }
        self.init(finding_id: version.findingID, version: version.version, as_of: version.asOf.iso, immigration_violator: try .documented(version.immigrationViolator.rawValue),
                  topics: .init(additionalProperties: try version.topics.mapValues { try .documented($0.rawValue) }), other_hotlists: version.otherHotlists,
                  evidence: try version.evidenceIDs.compactMap { id in files.first { $0.id == id } }.map(Components.Schemas.EvidenceRef.init),
                  verified_at: verifiedAt,
                  label: version.outcome?.label ?? "Immigration Violator not shown in the record (records as of \(version.asOf.iso))")
    }
}

extension Components.Schemas.AgencyFinding {
    /// `evidence` may hold more files than the finding names; only its own are listed.
    init(agency: AgencyLink, finding: FindingVersion, evidence: [EvidenceFile]) throws {
        self.init(agency: .init(agency), finding: try .init(finding, evidence: evidence))
    }
}

extension Components.Schemas.Statement {
    init(_ statement: AgencyStatement) throws {
        self.init(id: statement.id, kind: try .documented(statement.kind.rawValue), text: statement.text, speaker: statement.speaker, said_on: statement.saidOn.iso,
                  source: statement.sourceURL ?? statement.evidenceID.map { SiteURL.evidence($0).path } ?? "", denies_immigration_use: statement.deniesImmigrationUse)
    }
}

extension Components.Schemas.HotlistChange {
    /// A hotlist change without the user or entry details.
    init(_ action: HotlistAction) throws {
        self.init(occurred_at: action.occurredAt, change: try .documented(action.change.rawValue), event_type: action.eventType, entity_type: action.entityType)
    }
}

extension Components.Schemas.Me {
    init(_ account: UserAccount) throws {
        self.init(id: account.id, email: account.email, display_name: account.displayName, role: try .documented(account.role.rawValue))
    }
}

extension Components.Schemas.RecordsContact {
    init(agencyID: Int, _ contact: RecordsContact) {
        self.init(agency_id: agencyID, email: contact.email, portal_url: contact.portalURL)
    }
}

extension Components.Schemas.Request {
    /// A request as the API and `requests … --json` show it. Requesters' names are here because the
    /// endpoint needs a token; no public page or endpoint shows them.
    public init(_ request: RecordsRequest, today: CalendarDay) throws {
        self.init(id: request.id, agency_id: request.agencyID, agency_name: request.agencyName, state: request.stateCode, campaign_id: request.campaignID,
                  status: try .documented(request.status.rawValue), requester_name: request.requester.name, requester_email: request.requester.email,
                  subject: request.subject, channel: try .documented(request.channel.rawValue), portal_kind: try request.portalKind.map { try .documented($0.rawValue) },
                  channel_url: request.channelURL, filed_on: request.filedOn?.iso, received_on: request.receivedOn?.iso, due_on: request.dueOn?.iso,
                  follow_up_on: request.followUpOn?.iso, due_basis: request.dueBasis, extension_days: request.extensionDays,
                  overdue: request.isOverdue(today: today), days_pending: request.daysPending(today: today), tracking_numbers: request.trackingNumbers)
    }
}

extension Components.Schemas.RequestDetail {
    /// One request with its letter and everything logged on it.
    public init(_ detail: RequestDetail, today: CalendarDay) throws {
        self.init(request: try .init(detail.request, today: today), letter: detail.request.letter,
                  communications: try detail.communications.map {
                      .init(id: $0.id, direction: try .documented($0.direction.rawValue), channel: $0.channel.rawValue, date: $0.occurredOn.iso, subject: $0.subject, text: $0.text)
                  },
                  fees: try detail.fees.map {
                      .init(id: $0.id, kind: try .documented($0.kind.rawValue), amount: FeeEntry.dollars($0.amountCents), amount_cents: $0.amountCents, date: $0.occurredOn.iso, note: $0.note)
                  },
                  exemptions: detail.exemptions.map { .init(id: $0.id, exemption: $0.exemptionID, cited_text: $0.citedText) },
                  history: detail.history.map { .init(from: $0.from?.rawValue, to: $0.to.rawValue, date: $0.occurredOn.iso, note: $0.note) })
    }
}

extension Components.Schemas.Campaign {
    init(_ campaign: Campaign) {
        self.init(id: campaign.id, name: campaign.name, description: campaign.description, agency_filter: campaign.agencyFilter, created_at: campaign.createdAt)
    }
}
