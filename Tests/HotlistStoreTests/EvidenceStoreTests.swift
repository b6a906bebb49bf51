import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
import SQLKit
import Testing

/// A fresh evidence folder per test, removed afterwards.
func withEvidenceFolder<T>(_ body: (String) async throws -> T) async throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hw-evidence-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try await body(folder)
}

/// Everything under the folder except empty directories: what a refused upload must not leave behind.
func storedFiles(_ folder: String) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
    return walker.compactMap { $0 as? String }.filter { path in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }.sorted()
}

func storePerson(_ db: HotlistDatabase, _ email: String, _ role: Role) async throws -> UserAccount {
    try await AccountStore(db).create(email: email, displayName: nil, role: role, passwordHash: "not-a-real-hash", by: .commandLine(systemUser: "test"), now: Date())
}

func rowCount(_ db: HotlistDatabase, _ table: String) async throws -> Int {
    try await db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()!.decode(column: "n", as: Int.self)
}

@Suite struct EvidenceStoreTests {
    static let pdf = Data("%PDF-1.7\n% settings export\n1 0 obj <<>> endobj\n".utf8)
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: UInt8(7), count: 64))

    @Test(arguments: TestBackend.available)
    func aFileGoesInAndComesOutIdenticalAndVerifyCatchesChanges(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                _ = try await PrivateEyesImportTests.importFixture(db)
                let sparks = try await PrivateEyesImportTests.agencyID(db, "Sparks NV PD")
                let reno = try await PrivateEyesImportTests.agencyID(db, "Reno NV PD")
                let volunteer = try await storePerson(db, "v@example.org", .volunteer)
                let store = EvidenceStore(db, directory: folder)
                // MUT
                let added = try await store.add(Self.pdf, EvidenceSubmission(agencyID: sparks, originalName: "ncic-settings.pdf", receivedOn: CalendarDay(iso: "2026-10-02")),
                                                by: .user(volunteer, channel: .web), now: Date())
                // validate: content-addressed, identical bytes back, metadata kept, audited.
                let expectedHash = EvidenceBlobs.sha256Hex(Self.pdf)
                #expect(added.evidence.sha256 == expectedHash && !added.wasAlreadyStored)
                #expect(added.evidence.kind == .pdf && added.evidence.size == Self.pdf.count && !added.evidence.isPublic)
                #expect(added.evidence.uploaderID == volunteer.id && added.evidence.receivedOn?.iso == "2026-10-02")
                #expect(try store.contents(of: added.evidence) == Self.pdf)
                #expect(storedFiles(folder) == ["\(expectedHash.prefix(2))/\(expectedHash)"], "one file, named by its hash, no temporary leftovers")
                #expect(try await AuditLog(db).events(AuditFilter(entityType: "evidence")).first?.action == "evidence.add")
                // The same bytes again: deduplicated for the agency; another agency gets its own record, same file.
                let again = try await store.add(Self.pdf, EvidenceSubmission(agencyID: sparks, originalName: "copy.pdf"), by: .user(volunteer, channel: .web), now: Date())
                #expect(again.wasAlreadyStored && again.evidence.id == added.evidence.id)
                let other = try await store.add(Self.pdf, EvidenceSubmission(agencyID: reno, originalName: "reno.pdf"), by: .user(volunteer, channel: .web), now: Date())
                #expect(!other.wasAlreadyStored && other.evidence.sha256 == expectedHash)
                #expect(storedFiles(folder).count == 1)
                #expect(try await store.verify().isClean)

                // Alter the stored bytes behind the store's back: verify and reading both notice.
                let path = store.blobs.path(for: expectedHash)
                try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
                try Data("%PDF-1.7\n% tampered\n".utf8).write(to: URL(fileURLWithPath: path))
                let altered = try await store.verify()
                #expect(altered.problems.count == 1)
                #expect(altered.problems.first?.evidenceIDs == [added.evidence.id, other.evidence.id])
                if case .altered = altered.problems.first?.outcome {} else { Issue.record("expected altered, got \(String(describing: altered.problems.first?.outcome))") }
                #expect(throws: EvidenceStorageError.self) { try store.contents(of: added.evidence) }
                try FileManager.default.removeItem(atPath: path)
                #expect(try await store.verify().problems.first?.outcome == .missing)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func theSameFileUploadedTwiceAtOnceIsStoredOnce(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                _ = try await PrivateEyesImportTests.importFixture(db)
                let sparks = try await PrivateEyesImportTests.agencyID(db, "Sparks NV PD")
                let store = EvidenceStore(db, directory: folder)
                // MUT: eight uploads of the same bytes racing each other.
                let ids = try await withThrowingTaskGroup(of: Int.self) { group in
                    for n in 0..<8 {
                        group.addTask { try await store.add(Self.pdf, EvidenceSubmission(agencyID: sparks, originalName: "copy-\(n).pdf"), by: .system, now: Date()).evidence.id }
                    }
                    return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
                }
                // validate: one record, one file, every caller told which.
                #expect(ids.count == 1)
                #expect(try await rowCount(db, "evidence_files") == 1)
                #expect(storedFiles(folder).count == 1)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func refusedFilesLeaveNothingBehind(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                _ = try await PrivateEyesImportTests.importFixture(db)
                let sparks = try await PrivateEyesImportTests.agencyID(db, "Sparks NV PD")
                let reno = try await PrivateEyesImportTests.agencyID(db, "Reno NV PD")
                let request = try await RequestStore(db).createDraft(RequestDraft(agencyID: reno, requester: Requester(name: "T", email: "t@example.org"), subject: "s", letter: "l", channel: .email),
                                                                     by: .system, now: Date())
                let store = EvidenceStore(db, directory: folder, intake: EvidenceIntake(maxBytes: 50))
                let auditBefore = try await rowCount(db, "audit_events")
                func refusal(_ data: Data, _ submission: EvidenceSubmission) async -> String {
                    do { _ = try await store.add(data, submission, by: .system, now: Date()); return "accepted" } catch { return String(describing: error) }
                }
                // MUT + validate: each refusal says what and where.
                #expect(await refusal(Data(), EvidenceSubmission(agencyID: sparks, originalName: "empty.pdf")).contains("the file is empty"))
                #expect(await refusal(Self.png, EvidenceSubmission(agencyID: sparks, originalName: "big.png")).contains("over the limit of 50 bytes"))
                let small = Data(Self.png.prefix(40))
                #expect(await refusal(small, EvidenceSubmission(agencyID: sparks, originalName: "settings.pdf")).contains("the name says PDF document but the bytes are a PNG image"))
                #expect(await refusal(small, EvidenceSubmission(agencyID: sparks, requestID: request.id, originalName: "s.png")).contains("was sent to agency \(reno)"))
                #expect(await refusal(small, EvidenceSubmission(agencyID: sparks, originalName: "s.png", sourceURL: "not a url")).contains("source_url"))
                #expect(await refusal(small, EvidenceSubmission(agencyID: 999_999, originalName: "s.png")).contains("999999"))
                #expect(try await rowCount(db, "evidence_files") == 0)
                #expect(try await rowCount(db, "audit_events") == auditBefore)
                #expect(storedFiles(folder).isEmpty, "no orphaned files: \(storedFiles(folder))")
            }
        }
    }
}

@Suite struct FindingStoreTests {
    /// Sparks with an evidence file, a volunteer, two reviewers.
    struct Setup {
        var db: HotlistDatabase
        var agency: Int
        var evidence: EvidenceFile
        var volunteer: UserAccount
        var reviewer: UserAccount
        var otherReviewer: UserAccount
    }

    static func setUp(_ db: HotlistDatabase, folder: String, agencyName: String = "Atherton CA PD") async throws -> Setup {
        _ = try await PrivateEyesImportTests.importFixture(db)
        let agency = try await PrivateEyesImportTests.agencyID(db, agencyName)
        let volunteer = try await storePerson(db, "v@example.org", .volunteer)
        let evidence = try await EvidenceStore(db, directory: folder).add(EvidenceStoreTests.pdf, EvidenceSubmission(agencyID: agency, originalName: "settings.pdf"),
                                                                         by: .user(volunteer, channel: .web), now: Date()).evidence
        return Setup(db: db, agency: agency, evidence: evidence, volunteer: volunteer, reviewer: try await storePerson(db, "r@example.org", .reviewer),
                     otherReviewer: try await storePerson(db, "r2@example.org", .reviewer))
    }

    static func draft(_ setup: Setup, _ setting: TopicSetting, asOf: String = "2026-10-01") -> FindingDraft {
        FindingDraft(agencyID: setup.agency, asOf: CalendarDay(iso: asOf), topics: [NCICTopic.immigrationViolatorKey: setting, "stolen_vehicle": .enabled],
                     otherHotlists: ["NV DMV stolen plates"], note: "page 3", evidenceIDs: [setup.evidence.id])
    }

    @Test(arguments: TestBackend.available)
    func aFindingIsPublicOnlyAfterADifferentReviewerVerifiesIt(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                let setup = try await Self.setUp(db, folder: folder)
                let store = FindingStore(db)
                // MUT: a volunteer enters it.
                let entered = try await store.add(Self.draft(setup, .enabled), by: .user(setup.volunteer, channel: .web), now: Date())
                // validate: waiting, invisible to public reads, no contradiction, no status.
                #expect(!entered.isVerified && entered.version == 1 && entered.evidenceIDs == [setup.evidence.id])
                #expect(try await store.queue().map(\.findingID) == [entered.findingID])
                #expect(try await store.verified(agencyID: setup.agency).isEmpty)
                var detail = try #require(try await DirectoryQueries(db).detail(id: setup.agency))
                #expect(detail.findings.isEmpty && detail.status.code != .immigrationViolatorEnabled)
                #expect(!detail.contradictions.contains { $0.rule == .stateLaw })
                // The person who entered it cannot verify it, even as a reviewer; a volunteer cannot verify at all.
                let enteringReviewer = try await store.add(Self.draft(setup, .disabled, asOf: "2026-09-01"), by: .user(setup.reviewer, channel: .web), now: Date())
                await #expect(throws: InputProblems.self) { try await store.verify(findingID: enteringReviewer.findingID, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .web), now: Date()) }
                let otherVolunteer = try await storePerson(db, "v2@example.org", .volunteer)
                await #expect(throws: InputProblems.self) { try await store.verify(findingID: entered.findingID, reviewer: otherVolunteer, by: .user(otherVolunteer, channel: .web), now: Date()) }
                #expect(try await store.verified().isEmpty, "refused verifications change nothing")

                // MUT: a second person verifies.
                let verified = try await store.verify(findingID: entered.findingID, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .web), now: Date())
                // validate
                #expect(verified.isVerified && verified.verifiedByID == setup.reviewer.id)
                detail = try #require(try await DirectoryQueries(db).detail(id: setup.agency))
                #expect(detail.findings.map(\.findingID) == [entered.findingID])
                #expect(detail.status.code == .immigrationViolatorEnabled && detail.status.label.contains("verified finding #\(entered.findingID)"))
                let stateLaw = try #require(detail.contradictions.first { $0.rule == .stateLaw }, "California restricts it: rule 2 from our own verified finding")
                #expect(stateLaw.citations.first?.source == "/agencies/\(setup.agency)#finding-\(entered.findingID)")
                // The directory and campaign filter "answered" follows verified findings and reports.
                let answered = try await DirectoryQueries(db).list(AgencyFilter(answered: true, perPage: 200)).items.map(\.name)
                #expect(Set(answered) == ["Atherton CA PD", "Sparks NV PD", "Blue Island IL PD", "Abington PD", "Akron OH PD"],
                        "our verified finding plus EFF's reports (two refusals, whose agencies were added from the report)")
                let open = try await DirectoryQueries(db).list(AgencyFilter(answered: false, perPage: 200))
                let everyone = try await DirectoryQueries(db).list(AgencyFilter(perPage: 1)).total
                #expect(!open.items.contains { answered.contains($0.name) } && open.total + answered.count == everyone)
                #expect(try await AuditLog(db).events(AuditFilter(entityType: "finding")).map(\.action).contains("finding.verify"))
            }
        }
    }

    /// Issue 10, defect 1: the EFF loop for Sparks. Our verified finding (enabled) supersedes EFF's
    /// report as the record of the setting; the report's account of Sparks's policy still stands, so
    /// rule 1 stays, now citing both.
    @Test(arguments: TestBackend.available)
    func ourVerifiedFindingKeepsTheContradictionItProves(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                let setup = try await Self.setUp(db, folder: folder, agencyName: "Sparks NV PD")
                let store = FindingStore(db)
                let entered = try await store.add(Self.draft(setup, .enabled, asOf: "2026-11-01"), by: .user(setup.volunteer, channel: .web), now: Date())
                // MUT
                _ = try await store.verify(findingID: entered.findingID, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .web), now: Date())
                // validate: the agency page, and the list behind /api/v1/contradictions
                let detail = try #require(try await DirectoryQueries(db).detail(id: setup.agency))
                #expect(detail.status.label.contains("verified finding #\(entered.findingID)"), "the status takes our newest verified setting")
                let rule1 = try #require(detail.contradictions.first { $0.rule == .ownPolicy }, "the report's policy fact survives our finding")
                #expect(rule1.citations.map(\.source).contains("/agencies/\(setup.agency)#finding-\(entered.findingID)"))
                #expect(rule1.citations.contains { $0.source.contains("eff.org") })
                #expect(try await ContradictionQueries(db).contradictions(rule: .ownPolicy).map(\.agencyID) == [setup.agency])
                // A correction showing it off, once verified, ends it.
                let off = try await store.correct(findingID: entered.findingID, Self.draft(setup, .disabled, asOf: "2026-11-20"), by: .user(setup.volunteer, channel: .web), now: Date())
                _ = try await store.verify(findingID: off.findingID, reviewer: setup.otherReviewer, by: .user(setup.otherReviewer, channel: .web), now: Date())
                #expect(try await ContradictionQueries(db).contradictions(rule: .ownPolicy).isEmpty)
            }
        }
    }

    /// Issue 10, defect 8: a reviewer can send a finding back with a reason; it leaves the queue, the
    /// author sees why, and their correction comes back. Verify names the version the reviewer saw.
    @Test(arguments: TestBackend.available)
    func aReviewerSendsAFindingBackAndVerifyNamesTheVersionSeen(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                let setup = try await Self.setUp(db, folder: folder)
                let store = FindingStore(db)
                let entered = try await store.add(Self.draft(setup, .disabled), by: .user(setup.volunteer, channel: .web), now: Date())
                // A reason is required; the author cannot send back their own.
                await #expect(throws: InputProblems.self) { try await store.sendBack(findingID: entered.findingID, version: 1, reviewer: setup.reviewer, reason: "  ", by: .user(setup.reviewer, channel: .web), now: Date()) }
                // MUT
                let returned = try await store.sendBack(findingID: entered.findingID, version: 1, reviewer: setup.reviewer, reason: "Page 3 shows Immigration Violator ticked.",
                                                        by: .user(setup.reviewer, channel: .web), now: Date())
                // validate
                #expect(returned.sentBack?.reason == "Page 3 shows Immigration Violator ticked.")
                #expect(try await store.queue().isEmpty, "sent back: not in the queue")
                #expect(try await store.sentBack(toAuthor: setup.volunteer.id).map(\.findingID) == [entered.findingID])
                await #expect(throws: InputProblems.self) { try await store.verify(findingID: entered.findingID, reviewer: setup.otherReviewer, by: .user(setup.otherReviewer, channel: .web), now: Date()) }
                #expect(try await AuditLog(db).events(AuditFilter(entityType: "finding")).map(\.action).contains("finding.send-back"))
                // The author corrects it: version 2 is back in the queue.
                let corrected = try await store.correct(findingID: entered.findingID, Self.draft(setup, .enabled), by: .user(setup.volunteer, channel: .web), now: Date())
                #expect(try await store.queue().map(\.version) == [2] && corrected.sentBack == nil)
                // A reviewer who saw version 1 cannot verify version 2 unseen (the two-person rule, issue 11).
                await #expect(throws: InputProblems.self) { try await store.verify(findingID: entered.findingID, version: 1, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .web), now: Date()) }
                #expect(try await store.verified().isEmpty)
                let verified = try await store.verify(findingID: entered.findingID, version: 2, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .web), now: Date())
                #expect(verified.isVerified && verified.version == 2)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func aCorrectionIsANewVersionAndTheVerifiedOneStaysPublicUntilItIsChecked(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                let setup = try await Self.setUp(db, folder: folder)
                let store = FindingStore(db)
                let first = try await store.add(Self.draft(setup, .enabled), by: .user(setup.volunteer, channel: .web), now: Date())
                _ = try await store.verify(findingID: first.findingID, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .web), now: Date())
                // MUT: the volunteer corrects it (the record really showed it disabled).
                let second = try await store.correct(findingID: first.findingID, Self.draft(setup, .disabled), by: .user(setup.volunteer, channel: .web), now: Date())
                // validate
                #expect(second.version == 2 && !second.isVerified)
                #expect(try await store.history(findingID: first.findingID).map(\.version) == [1, 2])
                #expect(try await store.verified(agencyID: setup.agency).first?.version == 1, "the public keeps the verified version until the correction is checked")
                _ = try await store.verify(findingID: first.findingID, reviewer: setup.otherReviewer, by: .user(setup.otherReviewer, channel: .web), now: Date())
                #expect(try await store.verified(agencyID: setup.agency).first?.immigrationViolator == .disabled)
                let history = try await store.history(findingID: first.findingID)
                #expect(history.allSatisfy(\.isVerified) && history[0].immigrationViolator == .enabled, "the history stays as it was")
                // Corrections racing each other: every one is either saved under its own number or refused by name.
                let outcomes = await withTaskGroup(of: String.self) { group in
                    for _ in 0..<6 {
                        group.addTask {
                            do { return "v\(try await store.correct(findingID: first.findingID, Self.draft(setup, .enabled), by: .user(setup.volunteer, channel: .web), now: Date()).version)" }
                            catch let error as InputProblems { return error.problems.first?.problem.contains("a moment ago") == true ? "refused" : "other: \(error)" }
                            catch { return "error: \(error)" }
                        }
                    }
                    return await group.reduce(into: [String]()) { $0.append($1) }
                }
                #expect(outcomes.allSatisfy { $0.hasPrefix("v") || $0 == "refused" }, "\(outcomes)")
                let saved = outcomes.filter { $0.hasPrefix("v") }
                #expect(Set(saved).count == saved.count, "no version number twice")
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func badFindingsAreRefusedWithNothingStored(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                let setup = try await Self.setUp(db, folder: folder)
                let reno = try await PrivateEyesImportTests.agencyID(db, "Reno NV PD")
                let renoFile = try await EvidenceStore(db, directory: folder).add(EvidenceStoreTests.png, EvidenceSubmission(agencyID: reno, originalName: "reno.png"),
                                                                                  by: .system, now: Date()).evidence
                let store = FindingStore(db)
                var noEvidence = Self.draft(setup, .enabled); noEvidence.evidenceIDs = []
                var foreign = Self.draft(setup, .enabled); foreign.evidenceIDs = [renoFile.id]
                var missing = Self.draft(setup, .enabled); missing.evidenceIDs = [424_242]
                for (draft, field) in [(noEvidence, "evidence"), (foreign, "evidence"), (missing, "evidence")] {
                    do { _ = try await store.add(draft, by: .user(setup.volunteer, channel: .web), now: Date()); Issue.record("accepted \(draft)") } catch let error as InputProblems {
                        #expect(error.problems.map(\.field).contains(field))
                    }
                }
                do { _ = try await store.add(Self.draft(setup, .enabled), by: .system, now: Date()); Issue.record("accepted without a person") } catch let error as InputProblems {
                    #expect(error.problems.first?.field == "entered_by")
                }
                for table in ["findings", "finding_versions", "finding_topics", "finding_evidence"] { #expect(try await rowCount(db, table) == 0, "\(table)") }
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func statementsAndLaterRecordsFeedRules1Rule3AndRule4(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                // Reno: no portal prohibition in the fixture, so rule 1 can come only from a recorded policy.
                let setup = try await Self.setUp(db, folder: folder, agencyName: "Reno NV PD")
                let findings = FindingStore(db), statements = StatementStore(db)
                let off = try await findings.add(Self.draft(setup, .disabled, asOf: "2026-03-01"), by: .user(setup.volunteer, channel: .web), now: Date())
                _ = try await findings.verify(findingID: off.findingID, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .web), now: Date())
                let on = try await findings.add(Self.draft(setup, .enabled, asOf: "2026-09-15"), by: .user(setup.volunteer, channel: .web), now: Date())
                _ = try await findings.verify(findingID: on.findingID, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .web), now: Date())
                let said = try await statements.add(agencyID: setup.agency, kind: .publicStatement, text: "Our readers are never used for immigration enforcement.", speaker: "Chief of Police",
                                                    saidOn: CalendarDay(iso: "2026-05-05"), sourceURL: "https://news.example/chief", evidenceID: nil, deniesImmigrationUse: true,
                                                    by: .user(setup.volunteer, channel: .web), now: Date())
                let policy = try await statements.add(agencyID: setup.agency, kind: .policy, text: "ALPR data shall not be used for immigration enforcement.", speaker: "Policy 462",
                                                      saidOn: CalendarDay(iso: "2025-01-01"), sourceURL: nil, evidenceID: setup.evidence.id, deniesImmigrationUse: true,
                                                      by: .user(setup.volunteer, channel: .web), now: Date())
                let queries = ContradictionQueries(db)
                func rules() async throws -> Set<ContradictionRule> { Set(try await queries.contradictions(agencyID: setup.agency).map(\.rule)) }
                // validate: re-enabled after a disabled record; statements count only once verified.
                #expect(try await rules().contains(.reEnabled))
                let beforeVerifying = try await rules()
                #expect(!beforeVerifying.contains(.publicStatement) && !beforeVerifying.contains(.ownPolicy))
                await #expect(throws: InputProblems.self) { try await statements.verify(statementID: said.id, reviewer: setup.volunteer, by: .user(setup.volunteer, channel: .web), now: Date()) }
                do { _ = try await statements.verify(statementID: said.id, reviewer: setup.otherReviewer, by: .user(setup.otherReviewer, channel: .web), now: Date()) } catch { Issue.record("\(error)") }
                do { _ = try await statements.verify(statementID: said.id, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .web), now: Date()); Issue.record("verified twice") }
                catch let error as InputProblems { #expect(error.problems.first?.problem == "this statement is already verified") }
                // The policy's only source is a private file: it cannot be published until the file is.
                do { _ = try await statements.verify(statementID: policy.id, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .web), now: Date()); Issue.record("verified") }
                catch let error as InputProblems { #expect(error.problems.first?.problem.contains("is private") == true) }
                _ = try await EvidenceStore(db, directory: folder).setPublic(evidenceID: setup.evidence.id, true, by: .user(setup.reviewer, channel: .web), now: Date())
                _ = try await statements.verify(statementID: policy.id, reviewer: setup.reviewer, by: .user(setup.reviewer, channel: .web), now: Date())
                let found = try await queries.contradictions(agencyID: setup.agency)
                #expect(found.first { $0.rule == .publicStatement }?.evidence.contains { $0.contains("never used for immigration enforcement") } == true)
                #expect(found.first { $0.rule == .ownPolicy }?.citations.contains { $0.source == "/evidence/\(setup.evidence.id)" } == true)
                // A statement needs a source.
                await #expect(throws: InputProblems.self) {
                    try await statements.add(agencyID: setup.agency, kind: .publicStatement, text: "x", speaker: "y", saidOn: CalendarDay(iso: "2026-01-01"), sourceURL: nil, evidenceID: nil,
                                             deniesImmigrationUse: true, by: .user(setup.volunteer, channel: .web), now: Date())
                }
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func hotlistActionLogsBecomeATimelineAndBadOnesLeaveNothing(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await withEvidenceFolder { folder in
                let setup = try await Self.setUp(db, folder: folder)
                let logs = HotlistLogStore(db, evidence: EvidenceStore(db, directory: folder))
                let filesBefore = storedFiles(folder)
                let evidenceBefore = try await rowCount(db, "evidence_files")
                let bad = Data("Timestamp,User,Event Type,Entity Type,Entity Details\n2026-01-01T00:00:00Z,a,Created,Hotlist,x\nlast tuesday,b,Deleted,Hotlist,y\n".utf8)
                // MUT: a malformed log.
                do { _ = try await logs.importLog(bad, EvidenceSubmission(agencyID: setup.agency, originalName: "log.csv"), by: .system, now: Date()); Issue.record("accepted") } catch let error as InputProblems {
                    #expect(error.problems.first?.line == 3 && error.problems.first?.field == "Timestamp")
                }
                #expect(try await rowCount(db, "hotlist_actions") == 0)
                #expect(try await rowCount(db, "evidence_files") == evidenceBefore)
                #expect(storedFiles(folder) == filesBefore)
                // MUT: a good one.
                let good = Data("Timestamp,User,Event Type,Entity Type,Entity Details\n46023.25,officer.a,Hotlist Created,Hotlist,NCIC Immigration Violator\n2026-02-01T10:00:00Z,officer.b,Entry Deleted,Hotlist Entry,Plate XYZ\n".utf8)
                let imported = try await logs.importLog(good, EvidenceSubmission(agencyID: setup.agency, originalName: "log.csv"), by: .system, now: Date())
                #expect(imported.actions == 2)
                let timeline = try await logs.timeline(agencyID: setup.agency)
                #expect(timeline.map(\.action.change) == [.created, .deleted] && timeline.allSatisfy { $0.evidenceID == imported.evidenceID })
                #expect(TimestampParser.iso8601(timeline[0].action.occurredAt) == "2026-01-01T06:00:00Z")
                #expect(try await DirectoryQueries(db).detail(id: setup.agency)?.hotlistTimeline.count == 2)
                await #expect(throws: InputProblems.self) { try await logs.importLog(good, EvidenceSubmission(agencyID: setup.agency, originalName: "again.csv"), by: .system, now: Date()) }
                // A log filed under another agency's request is refused like any evidence file.
                let reno = try await PrivateEyesImportTests.agencyID(db, "Reno NV PD")
                let renoRequest = try await RequestStore(db).createDraft(RequestDraft(agencyID: reno, requester: Requester(name: "T", email: "t@example.org"), subject: "s", letter: "l",
                                                                                      channel: .email), by: .system, now: Date())
                let other = Data((String(decoding: good, as: UTF8.self) + "2026-03-01T00:00:00Z,c,Entry Created,Hotlist Entry,z\n").utf8)
                do { _ = try await logs.importLog(other, EvidenceSubmission(agencyID: setup.agency, requestID: renoRequest.id, originalName: "log2.csv"), by: .system, now: Date()); Issue.record("accepted") }
                catch let error as InputProblems { #expect(error.problems.first?.field == "request") }
                #expect(try await rowCount(db, "hotlist_actions") == 2)
            }
        }
    }
}
