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
        init(_ finding: ReportedFinding) {
            outcome = finding.outcome.rawValue; label = finding.label; reportedBy = finding.reportedBy; asOf = finding.asOf; source = finding.url; confidence = finding.confidence.rawValue
        }
    }
}
