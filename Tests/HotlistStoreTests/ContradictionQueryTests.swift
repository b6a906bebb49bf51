import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
import Testing

@Suite struct ContradictionQueryTests {
    @Test(arguments: TestBackend.available)
    func theSeededEFFFindingsProduceTheirContradictions(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let sparks = try await PrivateEyesImportTests.agencyID(db, "Sparks NV PD")
            let blueIsland = try await PrivateEyesImportTests.agencyID(db, "Blue Island IL PD")
            let atherton = try await PrivateEyesImportTests.agencyID(db, "Atherton CA PD")
            let reno = try await PrivateEyesImportTests.agencyID(db, "Reno NV PD")
            let queries = ContradictionQueries(db)
            // Matching is by exact name and state: Abington PD (MA) is not Abington Township PA PD.
            let matched = try await queries.reportedFindings()
            #expect(matched.first { $0.finding.agencyName == "Sparks NV PD" }?.agencyID == sparks)
            // Abington PD (MA) is in the directory only as the agency added from the report itself.
            let abington = try #require(matched.first { $0.finding.agencyName == "Abington PD" }?.agencyID)
            #expect(try await DirectoryQueries(db).agency(id: abington)?.stateCode == "MA")
            #expect(matched.first { $0.finding.agencyName == "Abington PD" }?.finding.outcome == .refused)
            // MUT
            let all = try await queries.contradictions()
            func hits(_ rule: ContradictionRule) -> [Int?] { all.filter { $0.rule == rule }.map(\.agencyID) }
            // validate
            #expect(hits(.ownPolicy) == [sparks], "Sparks forbids immigration enforcement and has the list on")
            #expect(hits(.stateLaw) == [blueIsland], "Illinois restricts it; Nevada has no such law in the data")
            #expect(hits(.sharingAgainstStateLaw) == [atherton], "Atherton (CA) lets Sparks (NV) search")
            #expect(all.first { $0.rule == .sharingAgainstStateLaw }?.related.map(\.id) == [sparks])
            #expect(Set(hits(.exposureThroughSharing).compactMap { $0 }) == [atherton, reno, sparks])
            #expect(!hits(.askFirst).contains(sparks), "Sparks is already answered")
            #expect(all.allSatisfy { !$0.citations.isEmpty && !$0.explanation.isEmpty })
            // Filters.
            #expect(try await queries.contradictions(rule: .stateLaw, stateCode: "NV").isEmpty)
            #expect(try await queries.contradictions(agencyID: sparks).map(\.rule).contains(.ownPolicy))
            let detail = try #require(try await DirectoryQueries(db).detail(id: sparks))
            #expect(detail.reportedFindings.first?.label.hasPrefix("Immigration Violator enabled (reported by EFF") == true)
            #expect(detail.contradictions.contains { $0.rule == .ownPolicy })
        }
    }

    @Test(arguments: TestBackend.available)
    func rule5OnTheDemoDataNamesCaliforniaAgenciesSharingOutOfState(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            let directory = try #require(BundledReferenceData.demoDirectory())
            _ = try await AgencyImporter(db).importPrivateEyes(try PrivateEyesDataset.read(directory: directory))
            // MUT
            let found = try await ContradictionQueries(db).contradictions(rule: .sharingAgainstStateLaw, stateCode: "CA")
            // validate: every partner named is outside California or federal, and the widest sharer is there.
            #expect(found.count == 20)
            #expect(found.allSatisfy { item in item.related.allSatisfy { FederalAgencyName.isFederal($0.name) || ($0.stateCode != nil && $0.stateCode != "CA") } })
            let elCajon = try #require(found.first { $0.agencyName == "El Cajon CA PD" })
            #expect(elCajon.related.count == 95 && elCajon.related.contains { $0.name == "Sparks NV PD" })
            #expect(found.contains { $0.related.contains { $0.name == "FBI" } })
            #expect(elCajon.citations.contains { $0.text.contains("1798.90.55") })
        }
    }
}
