import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
import SQLKit
import Testing

@Suite struct HitLogStoreTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/hit_logs/synthetic-hits.csv")
    /// What the fixture holds that must never reach the database: plates, cameras, officers.
    static let personal = ["SYN", "Officer Synthetic", "Main St", "Oak Ave", "Elm St"]

    /// Every text the hit-log tables and the audit trail hold, in one string.
    static func storedText(_ db: HotlistDatabase) async throws -> String {
        var text: [String] = []
        for row in try await db.sql.select().columns("month", "list_name", "topic").from("hotlist_hit_counts").all() {
            text += [try row.decode(column: "month", as: String.self), try row.decode(column: "list_name", as: String.self), try row.decode(column: "topic", as: String.self)]
        }
        for row in try await db.sql.select().columns("first_day", "last_day").from("hotlist_hit_imports").all() {
            text += [try row.decode(column: "first_day", as: String.self), try row.decode(column: "last_day", as: String.self)]
        }
        for event in try await AuditLog(db).events(AuditFilter(limit: 500)) { text.append("\(event.before as Any) \(event.after as Any)") }
        for row in try await db.sql.select().column("note").from("finding_versions").all() { text.append(try row.decode(column: "note", as: String.self)) }
        return text.joined(separator: "\n")
    }

    @Test(arguments: TestBackend.available)
    func aHitLogIsCountedAndItsImmigrationViolatorHitsWaitForASecondPerson(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                let setup = try await FindingStoreTests.setUp(db, folder: folder)
                let logs = HitLogStore(db, evidence: EvidenceStore(db, directory: folder))
                let volunteer = AuditActor.user(setup.volunteer, channel: .cli)
                let data = try Data(contentsOf: Self.fixture)
                // MUT
                let imported = try await logs.importLog(data, EvidenceSubmission(agencyID: setup.agency, originalName: "synthetic-hits.csv", sourceURL: "https://example.org/hits"),
                                                        by: volunteer, now: Date())
                // validate: counts per month, list and topic; the file is evidence.
                #expect(imported.summary.rows == 8 && !imported.draftWasPending)
                let counts = try await HitLogStore.counts(db, agencyID: setup.agency)
                #expect(counts.count == 8 && counts.reduce(0) { $0 + $1.hits } == 8)
                #expect(counts.filter(\.isImmigrationViolator) == [HitCount(month: "2026-02", list: "NCIC", topic: "Immigration Violator", hits: 1),
                                                                     HitCount(month: "2026-03", list: "NCIC", topic: "Immigration Violator", hits: 1)])
                let imports = try await HitLogStore.imports(db, agencyID: setup.agency)
                #expect(imports.map(\.evidenceID) == [imported.evidenceID] && imports.first?.first == "2026-01-05" && imports.first?.last == "2026-03-09")
                let evidence = try #require(try await EvidenceStore(db, directory: folder).list(agencyID: setup.agency).first { $0.id == imported.evidenceID })
                #expect(evidence.kind == .csv && evidence.sourceURL == "https://example.org/hits")
                // A draft finding: enabled as of the latest such hit, citing the log, in the queue.
                let findingID = try #require(imported.draftFindingID)
                #expect(imports.first?.findingID == findingID)
                let draft = try #require(try await FindingStore(db).queue().first { $0.findingID == findingID })
                #expect(draft.asOf.iso == "2026-03-03" && draft.topics == [NCICTopic.immigrationViolatorKey: .enabled] && draft.evidenceIDs == [imported.evidenceID])
                #expect(draft.enteredByID == setup.volunteer.id && !draft.isVerified)
                #expect(draft.note.contains("2 hits labelled Immigration Violator") && draft.note.contains("first on 2026-02-02, last on 2026-03-03"))
                // Public: the other counts show; the Immigration Violator rows wait.
                var detail = try #require(try await DirectoryQueries(db).detail(id: setup.agency))
                #expect(detail.hitCounts.count == 6 && !detail.hitCounts.contains(where: \.isImmigrationViolator) && detail.hitCountsAwaitingReview)
                #expect(detail.status.code != .immigrationViolatorEnabled)
                #expect(try await AuditLog(db).events(AuditFilter(entityType: "evidence")).map(\.action).contains("hit_log.import"))
                let personal = try await Self.storedText(db)
                for text in Self.personal { #expect(!personal.contains(text), "\(text) was stored") }

                // MUT: the same file again, under another name: refused, nothing added.
                do { _ = try await logs.importLog(data, EvidenceSubmission(agencyID: setup.agency, originalName: "again.csv"), by: volunteer, now: Date()); Issue.record("accepted") }
                catch let error as InputProblems { #expect(error.problems.first?.problem.contains("already imported (evidence #\(imported.evidenceID)") == true) }
                #expect(try await rowCount(db, "hotlist_hit_counts") == 8)
                #expect(try await rowCount(db, "hotlist_hit_imports") == 1)

                // MUT: another log whose latest Immigration Violator hit is the same day: the waiting draft serves.
                let more = Data("Alert Time,Hotlist,Hit Reason\n3/3/2026 9:00 PM,NCIC,IVF\n2026-04-01,NCIC,Stolen Vehicle\n".utf8)
                let second = try await logs.importLog(more, EvidenceSubmission(agencyID: setup.agency, originalName: "april.csv"), by: volunteer, now: Date())
                #expect(second.draftFindingID == findingID && second.draftWasPending)
                #expect(second.overlapping.map(\.evidenceID) == [imported.evidenceID], "March is in both logs")
                #expect(imported.overlapping.isEmpty)
                #expect(try await FindingStore(db).queue().count == 1)
                #expect(try await HitLogStore.counts(db, agencyID: setup.agency).first { $0.month == "2026-03" && $0.isImmigrationViolator }?.hits == 2, "summed over the imports")

                // MUT: a second person verifies the finding.
                _ = try await FindingStore(db).verify(findingID: findingID, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .web), now: Date())
                // validate: the rows of the log the finding cites are public now; those of the other log still wait.
                detail = try #require(try await DirectoryQueries(db).detail(id: setup.agency))
                #expect(detail.status.code == .immigrationViolatorEnabled)
                #expect(detail.hitCounts.filter(\.isImmigrationViolator).map(\.hits) == [1, 1] && detail.hitCountsAwaitingReview)

                // MUT: the second log is withdrawn (uploaded by mistake): its counts leave the page and the commands.
                _ = try await EvidenceStore(db, directory: folder).withdraw(evidenceID: second.evidenceID, reason: "wrong agency", by: .user(setup.reviewer, channel: .web), now: Date())
                detail = try #require(try await DirectoryQueries(db).detail(id: setup.agency))
                #expect(!detail.hitCounts.contains { $0.month == "2026-04" } && !detail.hitCountsAwaitingReview)
                #expect(try await HitLogStore.counts(db, agencyID: setup.agency).reduce(0) { $0 + $1.hits } == 8)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func aBadHitLogLeavesNothingBehind(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                let setup = try await FindingStoreTests.setUp(db, folder: folder)
                let logs = HitLogStore(db, evidence: EvidenceStore(db, directory: folder))
                let filesBefore = storedFiles(folder)
                let evidenceBefore = try await rowCount(db, "evidence_files")
                let findingsBefore = try await rowCount(db, "findings")
                let auditBefore = try await rowCount(db, "audit_events")
                func refusal(_ data: Data, _ name: String, by actor: AuditActor? = nil) async -> InputProblem? {
                    do {
                        _ = try await logs.importLog(data, EvidenceSubmission(agencyID: setup.agency, originalName: name), by: actor ?? .user(setup.volunteer, channel: .cli), now: Date())
                        Issue.record("\(name) accepted")
                    } catch { return (error as? InputProblems)?.problems.first }
                    return nil
                }
                // MUT: one bad date among good rows, with an Immigration Violator hit before it.
                let bad = Data("Hit Time,Plate,Hotlist,Reason\n2026-01-01,SYN1,NCIC,Immigration Violator\n2026-01-02,SYN2,NCIC,Stolen Vehicle\nlast tuesday,SYN3,NCIC,Stolen Vehicle\n".utf8)
                let problem = await refusal(bad, "hits.csv")
                #expect(problem?.location == "hits.csv:4:1" && problem?.field == "Hit Time")
                // Latin-1 (the intake alone would only say "not an accepted type"): the parser names the field.
                var latin1 = Array("Hit Time,Hotlist\n2026-01-01,Veh".utf8)
                latin1 += [0xED] + Array("culos\n".utf8)
                let latin1Problem = await refusal(Data(latin1), "latin1.csv")
                #expect(latin1Problem?.location == "latin1.csv:2:2" && latin1Problem?.field == "Hotlist")
                // A web page saved as .xlsx.
                #expect(await refusal(Data("<!DOCTYPE html><html><body>Sign in</body></html>".utf8), "hits.xlsx")?.problem.contains("web page (HTML)") == true)
                #expect(await refusal(Data(), "empty.csv")?.problem == "the file is empty")
                // Immigration Violator hits without a named person: no draft can be entered, so nothing is.
                let good = Data("Hit Time,Hotlist,Reason\n2026-01-01,NCIC,Immigration Violator\n".utf8)
                #expect(await refusal(good, "anonymous.csv", by: .system)?.field == "entered_by")
                // validate: all or nothing.
                #expect(try await rowCount(db, "hotlist_hit_imports") == 0)
                #expect(try await rowCount(db, "hotlist_hit_counts") == 0)
                #expect(try await rowCount(db, "evidence_files") == evidenceBefore)
                #expect(try await rowCount(db, "findings") == findingsBefore)
                #expect(try await rowCount(db, "audit_events") == auditBefore)
                #expect(storedFiles(folder) == filesBefore)
            }
        }
    }
}
