import Foundation
import HotlistCore

/// How well the bundled reference rows are sourced: per file, rows by the best class of their
/// sources, and the rows that rest on "other" sources only. A row graded high on "other" sources
/// is a violation: nothing we publish may claim more certainty than its source carries.
public struct ReferenceSourceCheck: Sendable, Codable, Equatable {
    public struct Row: Sendable, Codable, Equatable {
        public var file: String
        public var row: String
        public var confidence: Confidence
        public var sourceClass: SourceClass
        public var sources: String
    }

    public struct FileSummary: Sendable, Codable, Equatable {
        public var file: String
        public var rows: Int
        public var official: Int
        public var reputable: Int
        public var other: Int
        public var byGrade: [String: Int]
    }

    public var files: [FileSummary]
    /// Rows whose best source is "other".
    public var otherRows: [Row]
    /// Rows graded high whose best source is "other".
    public var violations: [Row]

    public static func run() throws -> ReferenceSourceCheck {
        let classifier = SourceClassifier(rules: try SourceClassifier.rules(BundledReferenceData.table("source_classes")))
        var rows: [Row] = []
        func add(_ file: String, _ label: String, _ confidence: Confidence, _ sources: String) {
            rows.append(Row(file: file, row: label, confidence: confidence, sourceClass: classifier.bestClass(of: sources), sources: sources))
        }
        for topic in try BundledReferenceData.ncicTopics() { add("ncic_topics.csv", topic.key, topic.confidence, topic.source) }
        for law in try BundledReferenceData.stateRecordsLaws() { add("state_records_laws.csv", law.stateCode, law.confidence, law.source) }
        for law in try BundledReferenceData.stateRestrictionLaws() { add("state_alpr_immigration_laws.csv", "\(law.stateCode) \(law.lawName)", law.confidence, law.source) }
        for holiday in try BundledReferenceData.holidays() { add("holidays.csv", "\(holiday.jurisdiction) \(holiday.name)", holiday.confidence, holiday.source) }
        for rollover in try BundledReferenceData.deadlineRollovers() { add("deadline_rollovers.csv", rollover.stateCode, rollover.confidence, rollover.source) }
        for finding in try BundledReferenceData.reportedFindings() { add("reported_findings.csv", "\(finding.agencyName) (\(finding.stateCode))", finding.confidence, finding.url) }
        var files: [FileSummary] = []
        for file in ["ncic_topics.csv", "state_records_laws.csv", "state_alpr_immigration_laws.csv", "holidays.csv", "deadline_rollovers.csv", "reported_findings.csv"] {
            let mine = rows.filter { $0.file == file }
            files.append(FileSummary(file: file, rows: mine.count, official: mine.count { $0.sourceClass == .official },
                                     reputable: mine.count { $0.sourceClass == .reputable }, other: mine.count { $0.sourceClass == .other },
                                     byGrade: Dictionary(grouping: mine, by: \.confidence.rawValue).mapValues(\.count)))
        }
        let other = rows.filter { $0.sourceClass == .other }
        return ReferenceSourceCheck(files: files, otherRows: other, violations: other.filter { $0.confidence == .high })
    }
}
