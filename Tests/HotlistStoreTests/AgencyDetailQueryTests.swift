import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
import Testing

/// The static copy reads every agency's page data in a few queries; a page reads one agency's the
/// same way. These tests make sure a bulk read gives each agency exactly its own data.
@Suite struct AgencyDetailQueryTests {
    @Test(arguments: TestBackend.available)
    func manyAgenciesAtOnceReadExactlyAsEachAlone(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                // Reno: a verified finding on and off, a verified policy, a hotlist log; Sparks and others: the fixture's portal data and reports.
                let setup = try await FindingStoreTests.setUp(db, folder: folder, agencyName: "Reno NV PD")
                let findings = FindingStore(db)
                let entered = try await findings.add(FindingStoreTests.draft(setup, .enabled), by: .user(setup.volunteer, channel: .web), now: Date())
                _ = try await findings.verify(findingID: entered.findingID, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .web), now: Date())
                let statements = StatementStore(db)
                let policy = try await statements.add(agencyID: setup.agency, kind: .policy, text: "ALPR data shall not be used for immigration enforcement.", speaker: "Policy 462",
                                                      saidOn: CalendarDay(iso: "2025-01-01"), sourceURL: "https://reno.example/policy", evidenceID: nil, deniesImmigrationUse: true,
                                                      by: .user(setup.volunteer, channel: .web), now: Date())
                _ = try await statements.verify(statementID: policy.id, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .web), now: Date())
                let log = Data("Timestamp,User,Event Type,Entity Type,Entity Details\n2026-01-01T00:00:00Z,officer.a,Hotlist Created,Hotlist,NCIC Immigration Violator\n".utf8)
                _ = try await HotlistLogStore(db, evidence: EvidenceStore(db, directory: folder))
                    .importLog(log, EvidenceSubmission(agencyID: setup.agency, originalName: "log.csv"), by: .system, now: Date())
                let ids = try await DirectoryQueries(db).list(AgencyFilter(perPage: 200)).items.map(\.id)
                let today = CalendarDay.today(Date())
                let queries = DirectoryQueries(db)

                // MUT: every agency in one read, and each alone.
                let bulk = try await queries.details(ids: ids + [999_999], today: today)

                // validate: the same answer for each, and none for an agency that does not exist.
                #expect(bulk.count == ids.count && bulk[999_999] == nil)
                for id in ids {
                    let alone = try await queries.details(ids: [id], today: today)[id]
                    #expect(bulk[id] == alone, "agency \(id) reads differently in bulk")
                }
                // The comparison is between agencies that have data of each kind, not between empty pages.
                let reno = try #require(bulk[setup.agency])
                #expect(reno.findings.map(\.findingID) == [entered.findingID] && reno.findingEvidence.map(\.id) == [setup.evidence.id])
                #expect(reno.statements.map(\.id) == [policy.id] && reno.hotlistTimeline.count == 1 && !reno.contradictions.isEmpty)
                #expect(bulk.values.contains { !$0.sharesWith.isEmpty } && bulk.values.contains { !$0.receivesFrom.isEmpty })
                #expect(bulk.values.contains { !$0.snapshots.isEmpty } && bulk.values.contains { !$0.reportedFindings.isEmpty })
                #expect(bulk.values.filter { !$0.findings.isEmpty }.count == 1, "only Reno has a finding")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func readAheadDataGivesWayToAChangeAtOnce(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let sparks = try await PrivateEyesImportTests.agencyID(db, "Sparks NV PD")
            let today = CalendarDay.today(Date())
            let before = try #require(try await DirectoryQueries(db).detail(id: sparks, today: today))
            // MUT: read ahead, then change the agency.
            try await DirectoryQueries(db).preloadDetails(today: today)
            #expect(try await DirectoryQueries(db).detail(id: sparks, today: today) == before)
            _ = try await RecordsContactEditor(db).replace(agencyID: sparks, with: RecordsContact(email: "records@sparks.example"), by: .system, now: Date())
            // validate: the page reads the change, not the kept copy.
            #expect(try await DirectoryQueries(db).detail(id: sparks, today: today)?.agency.recordsEmail == "records@sparks.example")
        }
    }
}
