import Foundation
import HotlistCore
import Testing

/// Reads the reference files the product ships (in the repo, not ../shared).
@Suite struct ReferenceDataReaderTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/HotlistStore/Resources/reference")

    func table(_ name: String) throws -> CSVTable { try CSVTable.read(path: Self.folder.appendingPathComponent(name).path) }

    @Test func shippedStateLawsCoverEveryStateWithSources() throws {
        let laws = try ReferenceDataReader.stateRecordsLaws(table("state_records_laws.csv"))
        #expect(laws.count == 51)
        #expect(laws.allSatisfy { !$0.source.isEmpty && !$0.citation.isEmpty })
        #expect(Set(laws.filter { $0.residency == .yes }.map(\.stateCode)) == ["AL", "AR", "DE", "KY", "TN", "VA"])
        #expect(laws.filter { $0.deadlineKind == .business || $0.deadlineKind == .calendar }.allSatisfy { $0.deadlineDays != nil })
    }

    @Test func shippedTopicsAndRestrictionLawsParse() throws {
        let topics = try ReferenceDataReader.ncicTopics(table("ncic_topics.csv"))
        #expect(topics.first { $0.key == NCICTopic.immigrationViolatorKey }?.whoMayEnter == "ICE only")
        let restrictions = try ReferenceDataReader.stateRestrictionLaws(table("state_alpr_immigration_laws.csv"))
        #expect(!restrictions.isEmpty && restrictions.allSatisfy { !$0.source.isEmpty })
    }

    @Test func badRowsPointAtTheCell() throws {
        let csv = "state_code,law_name,citation,what_it_restricts,source,confidence\nNV,Law,Cite,Text,src,certain\n"
        let table = try CSVTable.parse(data: Data(csv.utf8), file: "laws.csv")
        do { _ = try ReferenceDataReader.stateRestrictionLaws(table); Issue.record("expected an error") } catch {
            #expect(error.line == 2 && error.field == "confidence" && error.column == 6)
        }
        let badState = try CSVTable.parse(data: Data("state_code,law_name,citation,what_it_restricts,source,confidence\nXX,Law,Cite,Text,src,high\n".utf8), file: "laws.csv")
        #expect(throws: InputProblem.self) { try ReferenceDataReader.stateRestrictionLaws(badState) }
    }
}
