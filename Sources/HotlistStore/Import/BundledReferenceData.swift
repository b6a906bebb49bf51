import Foundation
import HotlistCore

/// The researched reference files shipped inside the binary's resources.
public enum BundledReferenceData {
    public static func url(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Resources/reference") else {
            throw InputProblem(file: "Resources/reference/\(name).csv", problem: "bundled reference file is missing", hint: "Rebuild the package; the file ships in Sources/HotlistStore/Resources/reference.")
        }
        return url
    }

    static func table(_ name: String) throws -> CSVTable {
        do { return try CSVTable.read(path: try url(name).path) } catch let error as CSVError { throw InputProblem(error) }
    }

    public static func ncicTopics() throws -> [NCICTopic] { try ReferenceDataReader.ncicTopics(table("ncic_topics")) }
    public static func stateRecordsLaws() throws -> [StateRecordsLaw] { try ReferenceDataReader.stateRecordsLaws(table("state_records_laws")) }
    public static func stateRestrictionLaws() throws -> [StateRestrictionLaw] { try ReferenceDataReader.stateRestrictionLaws(table("state_alpr_immigration_laws")) }
    public static func holidays() throws -> [Holiday] { try ReferenceDataReader.holidays(table("holidays")) }
    public static func reportedFindings() throws -> [RecordedOutcome] { try ReferenceDataReader.reportedFindings(table("reported_findings")) }
    public static func deadlineRollovers() throws -> [DeadlineRollover] { try ReferenceDataReader.deadlineRollovers(table("deadline_rollovers")) }

    /// The demo data set (The News & Observer's Private Eyes files) shipped with the binary.
    public static func demoDirectory() -> String? {
        Bundle.module.url(forResource: "private_eyes", withExtension: nil, subdirectory: "Resources/demo")?.path
    }
}
