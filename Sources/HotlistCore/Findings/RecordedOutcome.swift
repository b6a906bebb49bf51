import Foundation

/// What records showed about an agency's Immigration Violator setting, from one of two sources:
/// someone else's report (EFF's June 2026 investigation: reference data with its source and grade,
/// always shown as "reported by …"), or one of our own findings once a second person verified it
/// (`verifiedFindingID` set). The contradiction rules and the agency status read both as one history.
public struct RecordedOutcome: Sendable, Equatable, Codable {
    public enum Outcome: String, Sendable, CaseIterable, Codable {
        /// The records showed Immigration Violator selected.
        case immigrationViolatorEnabled = "immigration_violator_enabled"
        case immigrationViolatorDisabled = "immigration_violator_disabled"
        /// The agency refused to release the records.
        case refused
    }

    public var agencyName: String
    public var stateCode: String
    public var outcome: Outcome
    /// The agency's own portal lists immigration enforcement as a prohibited use, per the report.
    public var reportedProhibitsImmigration: Bool
    public var asOf: String
    public var reportedBy: String
    public var title: String
    public var url: String
    public var confidence: Confidence
    public var notes: String
    /// Set when this is one of our own findings, verified from records by two people, rather than someone else's report.
    public var verifiedFindingID: Int?
    /// The reporting site's address, for a finding another Hotlist Watch site sent in a records package.
    public var reporterURL: String?

    public init(agencyName: String, stateCode: String, outcome: Outcome, reportedProhibitsImmigration: Bool, asOf: String, reportedBy: String,
                title: String, url: String, confidence: Confidence, notes: String, verifiedFindingID: Int? = nil, reporterURL: String? = nil) {
        self.agencyName = agencyName; self.stateCode = stateCode; self.outcome = outcome; self.reportedProhibitsImmigration = reportedProhibitsImmigration
        self.asOf = asOf; self.reportedBy = reportedBy; self.title = title; self.url = url; self.confidence = confidence; self.notes = notes
        self.verifiedFindingID = verifiedFindingID; self.reporterURL = reporterURL
    }

    /// "Immigration Violator enabled (reported by EFF, June 2026)".
    public var label: String {
        let what = switch outcome {
        case .immigrationViolatorEnabled: "Immigration Violator enabled"
        case .immigrationViolatorDisabled: "Immigration Violator not enabled"
        case .refused: "refused to release the records"
        }
        if let id = verifiedFindingID { return "\(what) (records as of \(asOf), verified finding #\(id))" }
        return "\(what) (reported by \(reportedBy), \(asOf))"
    }

    public var citation: Citation {
        if verifiedFindingID != nil { return Citation(text: "Hotlist Watch, \(title) (records as of \(asOf))", source: url, confidence: confidence) }
        return Citation(text: "\(reportedBy), “\(title)” (\(asOf))", source: url, confidence: confidence)
    }
}
