import HotlistCore

extension APIModels {
    public struct CitationDTO: Codable, Sendable {
        var text: String; var source: String; var confidence: String
        init(_ citation: Citation) { text = citation.text; source = citation.source; confidence = citation.confidence.rawValue }
    }

    /// A contradiction as the API and `contradictions list --json` show it.
    public struct ContradictionDTO: Codable, Sendable {
        var rule: Int
        var ruleId: String
        var title: String
        var agencyId: Int?
        var agencyName: String
        var state: String?
        var explanation: String
        var evidence: [String]
        var citations: [CitationDTO]
        var related: [Link]
        enum CodingKeys: String, CodingKey {
            case rule, ruleId = "rule_id", title, agencyId = "agency_id", agencyName = "agency_name", state, explanation, evidence, citations, related
        }
        public init(_ item: Contradiction) {
            rule = item.rule.rawValue; ruleId = item.rule.id; title = item.rule.title; agencyId = item.agencyID; agencyName = item.agencyName; state = item.stateCode
            explanation = item.explanation; evidence = item.evidence; citations = item.citations.map(CitationDTO.init); related = item.related.map(Link.init)
        }
    }

    /// Where the agency stands: `code` is one of the documented values.
    public struct StatusDTO: Codable, Sendable {
        var code: String; var label: String; var asOf: String?
        enum CodingKeys: String, CodingKey { case code, label, asOf = "as_of" }
        init(_ status: AgencyStatus) { code = status.code.rawValue; label = status.label; asOf = status.asOf }
    }

    /// A finding someone else reported, labelled as such.
    public struct ReportedFindingDTO: Codable, Sendable {
        var outcome: String; var label: String; var reportedBy: String; var asOf: String; var source: String; var confidence: String
        enum CodingKeys: String, CodingKey { case outcome, label, reportedBy = "reported_by", asOf = "as_of", source, confidence }
        init(_ finding: RecordedOutcome) {
            outcome = finding.outcome.rawValue; label = finding.label; reportedBy = finding.reportedBy; asOf = finding.asOf; source = finding.url; confidence = finding.confidence.rawValue
        }
    }

    /// One of our findings, verified; who entered and verified it is not published.
    public struct FindingDTO: Codable, Sendable {
        var findingId: Int; var version: Int; var asOf: String; var immigrationViolator: String; var topics: [String: String]
        var otherHotlists: [String]; var evidence: [EvidenceRefDTO]; var verifiedAt: String; var label: String
        enum CodingKeys: String, CodingKey {
            case findingId = "finding_id", version, asOf = "as_of", immigrationViolator = "immigration_violator", topics, otherHotlists = "other_hotlists", evidence,
                 verifiedAt = "verified_at", label
        }
        init(_ version: FindingVersion, evidence files: [EvidenceFile]) {
            findingId = version.findingID; self.version = version.version; asOf = version.asOf.iso; immigrationViolator = version.immigrationViolator.rawValue
            topics = version.topics.mapValues(\.rawValue); otherHotlists = version.otherHotlists
            evidence = version.evidenceIDs.compactMap { id in files.first { $0.id == id } }.map(EvidenceRefDTO.init)
            verifiedAt = version.verifiedAt.map(TimestampParser.iso8601) ?? ""; label = version.outcome?.label ?? "Immigration Violator not shown in the record (records as of \(version.asOf.iso))"
        }
    }

    /// A verified finding with the agency it is about, for `/api/v1/findings`.
    public struct AgencyFindingDTO: Codable, Sendable {
        var agency: Link
        var finding: FindingDTO
        /// `evidence` may hold more files than the finding names; only its own are listed.
        public init(agency: AgencyLink, finding: FindingVersion, evidence: [EvidenceFile]) { self.agency = Link(agency); self.finding = FindingDTO(finding, evidence: evidence) }
    }

    public struct EvidenceRefDTO: Codable, Sendable {
        var id: Int; var kind: String; var isPublic: Bool; var sha256: String; var url: String?
        enum CodingKeys: String, CodingKey { case id, kind, isPublic = "public", sha256, url }
        init(_ file: EvidenceFile) {
            id = file.id; kind = file.kind.rawValue; isPublic = file.isPublic; sha256 = file.sha256
            url = file.isPublic ? SiteURL.evidenceFile(file.id).path : nil
        }
    }

    public struct StatementDTO: Codable, Sendable {
        var id: Int; var kind: String; var text: String; var speaker: String; var saidOn: String; var source: String; var deniesImmigrationUse: Bool
        enum CodingKeys: String, CodingKey { case id, kind, text, speaker, saidOn = "said_on", source, deniesImmigrationUse = "denies_immigration_use" }
        init(_ statement: AgencyStatement) {
            id = statement.id; kind = statement.kind.rawValue; text = statement.text; speaker = statement.speaker; saidOn = statement.saidOn.iso
            source = statement.sourceURL ?? statement.evidenceID.map { SiteURL.evidence($0).path } ?? ""; deniesImmigrationUse = statement.deniesImmigrationUse
        }
    }

    /// A hotlist change without the user or entry details.
    public struct HotlistChangeDTO: Codable, Sendable {
        var occurredAt: String; var change: String; var eventType: String; var entityType: String
        enum CodingKeys: String, CodingKey { case occurredAt = "occurred_at", change, eventType = "event_type", entityType = "entity_type" }
        init(_ action: HotlistAction) {
            occurredAt = TimestampParser.iso8601(action.occurredAt); change = action.change.rawValue; eventType = action.eventType; entityType = action.entityType
        }
    }
}
