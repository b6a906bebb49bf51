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

@Suite struct SourceClassifierTests {
    static let classifier = SourceClassifier(rules: [
        .init(pattern: ".gov", sourceClass: .official, note: ""), .init(pattern: ".us", sourceClass: .official, note: ""),
        .init(pattern: "eff.org", sourceClass: .reputable, note: ""), .init(pattern: "public.law", sourceClass: .reputable, note: ""),
        .init(pattern: "github.com/mcclatchy-southeast", sourceClass: .reputable, note: ""),
    ])

    @Test(arguments: [
        ("https://www.leg.state.nv.us/NRS/NRS-239.html", SourceClass.official),
        ("https://oag.ca.gov/system/files/media/2023-dle-06.pdf", .official),
        ("https://www.eff.org/deeplinks/2026/06/x", .reputable),
        ("https://california.public.law/codes/ca_civ_code_section_1798.90.55", .reputable),
        ("https://github.com/mcclatchy-southeast/private_eyes", .reputable),
        ("https://github.com/vacanza/holidays/blob/x.py", .other),
        ("https://predatoryaliens.com/html/foi/x.htm", .other),
        ("https://notgov.com/x", .other),
        ("https://evil-eff.org/x", .other),
    ])
    func eachAddressGetsItsClass(address: String, expected: SourceClass) {
        #expect(Self.classifier.classify(address: address).0 == expected, "\(address)")
    }

    @Test func aRowTakesItsBestSourceAndNoAddressIsOther() {
        #expect(Self.classifier.bestClass(of: "https://scribd.com/x ; https://ilga.gov/y (statute)") == .official)
        #expect(Self.classifier.bestClass(of: "from memory") == .other)
    }
}
