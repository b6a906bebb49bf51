import Foundation
import HotlistCore
import HotlistTestSupport
import SQLKit
import Testing

@testable import HotlistStore

/// Audit logs stored against an agency: the stored copy is what is counted, nothing is public before
/// a second person verifies, names and plates never reach the database, and rule 8 cites the log.
@Suite struct SearchAuditStoreTests {
    static let header = "ID,Name,Org Name,Total Networks Searched,Time Frame,License Plate,Reason,Case #,Filters,Search Time,Search Type,Text Prompt,Moderation\r\n"
    static let secrets = ["Officer Krupke", "Sgt Friday", "PLATE777", "ZZT4411"]

    /// Sparks' cameras, searched by Reno twice for ICE, once by Atherton for a burglary.
    static let sparksLog = header + """
        1,Officer Krupke,Reno NV PD,2,x,PLATE777,ICE ERO warrant,25-1,,2025-04-02 10:00:00,Lookup,white van PLATE777,\r
        2,Sgt Friday,Reno NV PD,3,x,ZZT4411,immigration (civil/administrative),25-2,,2025-05-03 11:00:00,Lookup,,\r
        3,Sgt Friday,Atherton CA PD,1,x,ZZT4411,burglary suspect vehicle,25-3,,2025-05-04 12:00:00,Lookup,,\r

        """

    static func write(_ text: String, in folder: String, name: String = "network-audit.csv") throws -> String {
        let directory = folder + "-in"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func scan(_ path: String) throws -> AuditLogSummary {
        let scan = AuditLogScan()
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        try scan.scanCSV(file: path, source: try AuditLogFileSource(path: path), fileBytes: size)
        return scan.summary
    }

    static func importLog(_ db: HotlistDatabase, folder: String, path: String, agency: Int, kind: SearchAuditKind = .network, by person: UserAccount) async throws -> SearchAuditLog {
        try await SearchAuditStore(db, evidence: EvidenceStore(db, directory: folder))
            .importLog(fileAt: path, kind: kind, EvidenceSubmission(agencyID: agency, originalName: (path as NSString).lastPathComponent, isPublic: true), by: .user(person, channel: .cli), now: Date(),
                       scan: Self.scan)
    }

    @Test(arguments: TestBackend.available)
    func aLogIsStoredPrivatelyCountedAndPublicOnlyOnceAnotherReviewerVerifiesIt(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                let setup = try await FindingStoreTests.setUp(db, folder: folder, agencyName: "Sparks NV PD")
                let path = try Self.write(Self.sparksLog, in: folder)
                let log = try await Self.importLog(db, folder: folder, path: path, agency: setup.agency, by: setup.volunteer)
                #expect(log.searches(.immigration) == 2 && log.searches(.ordinary) == 1 && log.rowsRead == 3 && log.rowsSkipped == 0)
                #expect(log.organizations(.immigration).map(\.name) == ["Reno NV PD"] && log.months(.immigration).map(\.month) == ["2025-04", "2025-05"])
                #expect(log.groups.map(\.networksSearched).reduce(0, +) == 5)
                #expect(log.period == "2025-04 to 2025-05" && !log.isVerified && log.fileName == "network-audit.csv")
                // The file is evidence, kept private even though the submission asked for public.
                let file = try #require(try await EvidenceStore(db, directory: folder).evidence(id: log.evidenceID))
                #expect(!file.isPublic && file.sha256 == EvidenceBlobs.sha256Hex(Data(Self.sparksLog.utf8)))
                #expect(storedFiles(folder).contains { $0.hasSuffix(file.sha256) })
                // Unverified: not on the page, not in the rules.
                #expect(try await DirectoryQueries(db).detail(id: setup.agency)?.searchAudits.isEmpty == true)
                #expect(try await ContradictionQueries(db).contradictions(rule: .immigrationSearches).isEmpty)
                // The person who stored it cannot verify it; a volunteer cannot either.
                await #expect(throws: InputProblems.self) { try await SearchAuditStore(db).verify(logID: log.id, reviewer: setup.volunteer, by: .user(setup.volunteer, channel: .cli), now: Date()) }
                let verified = try await SearchAuditStore(db).verify(logID: log.id, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .cli), now: Date())
                #expect(verified.isVerified && verified.verifiedByLabel == setup.reviewer.email)
                await #expect(throws: InputProblems.self) { try await SearchAuditStore(db).verify(logID: log.id, reviewer: setup.otherReviewer, by: .user(setup.otherReviewer, channel: .cli), now: Date()) }
                let detail = try #require(try await DirectoryQueries(db).detail(id: setup.agency))
                #expect(detail.searchAudits.map(\.id) == [log.id] && detail.searchAudits[0].searches(.immigration) == 2)
                // Rule 8: Sparks' portal forbids immigration enforcement; the log is cited first.
                let found = try await ContradictionQueries(db).contradictions(rule: .immigrationSearches, agencyID: setup.agency)
                #expect(found.count == 1)
                #expect(found.first?.citations.first?.source == "/agencies/\(setup.agency)#search-audit-\(log.id)")
                #expect(found.first?.evidence.first?.contains("2 searches of Sparks NV PD's cameras cited immigration") == true)
                #expect(found.first?.evidence.first?.contains("by Reno NV PD (2)") == true)
                // No name, user name or plate anywhere in the database.
                let rows = try await DatabaseContents.rows(db)
                for secret in Self.secrets { #expect(!rows.contains { $0.contains(secret) }, "\(secret) reached the database") }
                // The same log again: refused, nothing changes.
                let before = try await DatabaseContents.rows(db)
                await #expect(throws: InputProblems.self) { try await Self.importLog(db, folder: folder, path: path, agency: setup.agency, by: setup.volunteer) }
                #expect(try await DatabaseContents.rows(db) == before)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func publishedBytesAWithdrawnFileAndTheFeedDate(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                let setup = try await FindingStoreTests.setUp(db, folder: folder, agencyName: "Sparks NV PD")
                let evidence = EvidenceStore(db, directory: folder)
                // The same bytes already published as evidence: refused, so the log never stays downloadable.
                let published = try await evidence.add(Data(Self.sparksLog.utf8), EvidenceSubmission(agencyID: setup.agency, originalName: "export.csv", isPublic: true),
                                                       by: .user(setup.reviewer, channel: .cli), now: Date())
                #expect(published.evidence.isPublic)
                let path = try Self.write(Self.sparksLog, in: folder)
                let before = try await DatabaseContents.rows(db)
                await #expect(throws: InputProblems.self) { try await Self.importLog(db, folder: folder, path: path, agency: setup.agency, by: setup.volunteer) }
                #expect(try await DatabaseContents.rows(db) == before)
                _ = try await evidence.setPublic(evidenceID: published.evidence.id, false, by: .user(setup.reviewer, channel: .cli), now: Date())
                let log = try await Self.importLog(db, folder: folder, path: path, agency: setup.agency, by: setup.volunteer)
                // Its file withdrawn before anyone checked it: nobody can verify the counts any more.
                _ = try await evidence.withdraw(evidenceID: log.evidenceID, reason: "sent to the wrong agency", by: .user(setup.reviewer, channel: .cli), now: Date())
                await #expect(throws: InputProblems.self) { try await SearchAuditStore(db).verify(logID: log.id, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .cli), now: Date()) }
                #expect(try await SearchAuditStore(db).log(id: log.id)?.isVerified == false)
                #expect(try await SearchAuditStore(db).log(id: log.id)?.citationText.contains("withdrawn") == true)
                #expect(try await SearchAuditStore(db).log(id: log.id)?.citationText.contains("network-audit.csv") == false, "the private file's name is not cited")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func rule8IsDatedInTheFeedByTheDayTheLogWasVerified(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                let setup = try await FindingStoreTests.setUp(db, folder: folder, agencyName: "Sparks NV PD")
                let log = try await Self.importLog(db, folder: folder, path: try Self.write(Self.sparksLog, in: folder), agency: setup.agency, by: setup.volunteer)
                let day = Date(timeIntervalSince1970: 1_900_000_000)  // 2030: later than any portal snapshot
                _ = try await SearchAuditStore(db).verify(logID: log.id, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .cli), now: day)
                let set = try await PublicDataFiles.dataSet(db, now: day, baseURL: "https://example.org")
                let dated = try #require(set.contradictions.first { $0.contradiction.rule == .immigrationSearches && $0.contradiction.agencyID == setup.agency })
                #expect(dated.restsOnFactsOf == day)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func aLogThatCannotBeReadLeavesNothingBehind(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                let setup = try await FindingStoreTests.setUp(db, folder: folder)
                let before = try await DatabaseContents.rows(db)
                let filesBefore = storedFiles(folder)
                for (name, text) in [("no-reason.csv", "ID,Name,Plate\n1,a,b\n"), ("empty.csv", ""), ("only-header.csv", Self.header),
                                     ("page.csv", "<!DOCTYPE html><html><body>Sign in</body></html>")] {
                    let path = try Self.write(text, in: folder, name: name)
                    await #expect(throws: (any Error).self, "\(name) was accepted") {
                        try await Self.importLog(db, folder: folder, path: path, agency: setup.agency, by: setup.volunteer)
                    }
                    #expect(try await DatabaseContents.rows(db) == before, "\(name) changed the database")
                    #expect(storedFiles(folder) == filesBefore, "\(name) left a file behind")
                }
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func searchesRunByAnAgencyThatForbidsThemCountAgainstItToo(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                // Reno's network log shows Sparks (whose portal forbids immigration enforcement) searching for ICE.
                let setup = try await FindingStoreTests.setUp(db, folder: folder, agencyName: "Reno NV PD")
                let sparks = try await PrivateEyesImportTests.agencyID(db, "Sparks NV PD")
                let text = Self.header + "1,A,Sparks NV PD,4,x,P1,assist ICE HSI,1,,2025-06-01,Lookup,,\r\n2,B,sparks nv pd,4,x,P2,deportation,2,,2025-06-02,Lookup,,\r\n"
                let log = try await Self.importLog(db, folder: folder, path: try Self.write(text, in: folder), agency: setup.agency, by: setup.volunteer)
                _ = try await SearchAuditStore(db).verify(logID: log.id, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .cli), now: Date())
                let found = try await ContradictionQueries(db).contradictions(rule: .immigrationSearches)
                // Sparks, matched by name whatever the case; Reno's own portal says nothing about immigration, so no contradiction for it.
                #expect(found.map(\.agencyID) == [sparks])
                #expect(found.first?.evidence.first == "2 searches by Sparks NV PD through Reno NV PD's cameras cited immigration (Reno NV PD's network audit log, 2025-06).")
                #expect(found.first?.explanation.contains("2 searches by its own users") == true)
            }
        }
    }
}
