import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
import Testing

@Suite struct RequestStoreTests {
    static let now = TimestampParser.parse("2026-03-20T12:00:00Z")!
    static let actor = AuditActor.commandLine(systemUser: "tester")
    static let requester = Requester(name: "Vera Volunteer", email: "vera@example.org", stateCode: "NV")

    static func draft(_ db: HotlistDatabase, agency: String = "Sparks NV PD") async throws -> RecordsRequest {
        let id = try await PrivateEyesImportTests.agencyID(db, agency)
        return try await RequestStore(db).createDraft(RequestDraft(agencyID: id, requester: requester, subject: "Public records request", letter: "Please send…",
                                                                  channel: .email), by: actor, now: now)
    }

    /// Issue 10: a letter dated the day its draft was written carries the filing date once filed.
    @Test(arguments: TestBackend.available)
    func filingRedatesTheLetter(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let id = try await PrivateEyesImportTests.agencyID(db, "Reno NV PD")
            let draft = try await RequestStore(db).createDraft(RequestDraft(agencyID: id, requester: Self.requester, subject: "Records",
                                                                            letter: "February 27, 2026\n\nTo the records officer of Reno NV PD:\n…", channel: .email), by: Self.actor, now: Self.now)
            // MUT
            let filed = try await RequestStore(db).file(requestID: draft.id, filedOn: CalendarDay(iso: "2026-03-02")!, calculator: try await ReferenceQueries(db).deadlineCalculator(),
                                                        by: Self.actor, now: Self.now)
            // validate: the stored letter and the one logged as sent both carry the filing date.
            #expect(filed.letter.hasPrefix("March 2, 2026\n\nTo the records officer"))
            let detail = try await RequestStore(db).detail(id: draft.id)
            #expect(detail?.request.letter.hasPrefix("March 2, 2026\n") == true)
            #expect(detail?.communications.first?.text.hasPrefix("March 2, 2026\n") == true)
        }
    }

    @Test(arguments: TestBackend.available)
    func aRequestIsFiledWithItsDeadlineAndMovesThroughItsLife(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let store = RequestStore(db)
            let calculator = try await ReferenceQueries(db).deadlineCalculator()
            let draft = try await Self.draft(db)
            #expect(draft.status == .draft && draft.stateCode == "NV" && draft.dueOn == nil)
            // MUT: file it on Monday 2 March 2026.
            let filed = try await store.file(requestID: draft.id, filedOn: CalendarDay(iso: "2026-03-02")!, trackingNumber: "R-114", calculator: calculator, by: Self.actor, now: Self.now)
            // validate: Nevada's five business days.
            #expect(filed.status == .filed && filed.dueOn?.iso == "2026-03-09")
            #expect(filed.dueBasis?.hasPrefix("5 business days, NRS") == true)
            #expect(filed.trackingNumbers == ["R-114"])
            #expect(filed.isOverdue(today: CalendarDay(iso: "2026-03-10")!) && !filed.isOverdue(today: CalendarDay(iso: "2026-03-09")!))
            _ = try await store.addTrackingNumber(requestID: draft.id, "GOVQA-2026-77", by: Self.actor, now: Self.now)
            let extended = try await store.extend(requestID: draft.id, byDays: 5, note: "agency cited volume", calculator: calculator, by: Self.actor, now: Self.now)
            #expect(extended.dueOn?.iso == "2026-03-16" && extended.dueBasis?.contains("+ 5 extension") == true)
            _ = try await store.log(requestID: draft.id, direction: .incoming, channel: .email, on: CalendarDay(iso: "2026-03-12")!, subject: "Re: request",
                                    text: "Your request is denied under NRS 239.010.", by: Self.actor, now: Self.now)
            _ = try await store.changeStatus(requestID: draft.id, to: .denied, on: CalendarDay(iso: "2026-03-12")!, note: "denied by email", by: Self.actor, now: Self.now)
            _ = try await store.citeExemption(requestID: draft.id, exemptionID: "criminal-justice-information", citedText: "NRS 239.010: confidential", by: Self.actor, now: Self.now)
            _ = try await store.addFee(requestID: draft.id, kind: .estimate, amountCents: 2_550, on: CalendarDay(iso: "2026-03-12")!, note: "copies", by: Self.actor, now: Self.now)
            _ = try await store.changeStatus(requestID: draft.id, to: .appealing, on: CalendarDay(iso: "2026-03-13")!, by: Self.actor, now: Self.now)
            let detail = try #require(try await store.detail(id: draft.id))
            #expect(detail.request.status == .appealing)
            #expect(detail.request.trackingNumbers == ["R-114", "GOVQA-2026-77"])
            #expect(detail.communications.map(\.direction) == [.outgoing, .incoming], "the letter is logged as sent when filed")
            #expect(detail.history.map(\.to) == [.draft, .filed, .denied, .appealing])
            #expect(detail.exemptions.first?.libraryEntry?.name == "NCIC / CJIS confidentiality")
            #expect(detail.fees.first.map { FeeEntry.dollars($0.amountCents) } == "$25.50")
            // Every change is in the audit trail.
            let actions = try await AuditLog(db).events(AuditFilter(entityType: "request", entityID: String(draft.id), limit: 50)).map(\.action).reversed()
            #expect(Array(actions) == ["request.create", "request.file", "request.tracking_number.add", "request.extend", "request.communication.add",
                                       "request.status", "request.exemption.add", "request.fee.add", "request.status"])
        }
    }

    @Test(arguments: TestBackend.available)
    func impossibleMovesAndBadDatesChangeNothing(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let store = RequestStore(db)
            let calculator = try await ReferenceQueries(db).deadlineCalculator()
            let draft = try await Self.draft(db)
            let auditBefore = try await AuditLog(db).count(AuditFilter())
            await #expect(throws: InputProblems.self) { try await store.changeStatus(requestID: draft.id, to: .denied, on: CalendarDay(iso: "2026-03-02")!, by: Self.actor, now: Self.now) }
            await #expect(throws: InputProblems.self) {
                try await store.file(requestID: draft.id, filedOn: CalendarDay(iso: "2026-03-05")!, receivedOn: CalendarDay(iso: "2026-03-04")!, calculator: calculator, by: Self.actor, now: Self.now)
            }
            await #expect(throws: InputProblems.self) { try await store.file(requestID: draft.id, filedOn: CalendarDay(iso: "2026-04-30")!, calculator: calculator, by: Self.actor, now: Self.now) }
            await #expect(throws: InputProblems.self) {
                try await store.file(requestID: draft.id, filedOn: CalendarDay(iso: "2026-03-02")!, receivedOn: CalendarDay(iso: "2026-05-01")!, calculator: calculator, by: Self.actor, now: Self.now)
            }
            // Request filters name every bad parameter.
            do {
                _ = try RequestFilter.parse(["status": "lost", "state": "ZZ", "campaign": "x", "sort": "name"], limit: 10)
                Issue.record("a bad filter was accepted")
            } catch let problems as InputProblems {
                #expect(problems.problems.map(\.field) == ["campaign", "sort", "state", "status"])
            }
            #expect(try RequestFilter.parse(["mine": "1", "state": "nv"], viewerID: 7, limit: 10) == RequestFilter(stateCode: "NV", createdBy: 7, limit: 10))
            #expect(throws: InputProblems.self) { try RequestFilter.parse(["mine": "1"], limit: 10) }
            await #expect(throws: RecordNotFound.self) { try await store.changeStatus(requestID: 999_999, to: .withdrawn, on: CalendarDay(iso: "2026-03-02")!, by: Self.actor, now: Self.now) }
            await #expect(throws: InputProblems.self) { try await store.citeExemption(requestID: draft.id, exemptionID: "made-up", citedText: "x", by: Self.actor, now: Self.now) }
            #expect(try await store.request(id: draft.id) == draft)
            #expect(try await AuditLog(db).count(AuditFilter()) == auditBefore)
            // A bad draft names every problem.
            do {
                _ = try await store.createDraft(RequestDraft(agencyID: draft.agencyID, requester: Requester(name: " ", email: "nope"), subject: "", letter: "Dear {{agency_name}}",
                                                             channel: .portal), by: Self.actor, now: Self.now)
                Issue.record("a bad draft was stored")
            } catch let problems as InputProblems {
                #expect(Set(problems.problems.compactMap(\.field)) == ["requester_name", "requester_email", "subject", "letter", "channel_url"])
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func dueListsOverdueAndSoonSoonestFirst(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let store = RequestStore(db)
            let calculator = try await ReferenceQueries(db).deadlineCalculator()
            let early = try await Self.draft(db)
            let late = try await Self.draft(db, agency: "Reno NV PD")
            let answered = try await Self.draft(db, agency: "Reno NV PD")
            let neverFiled = try await Self.draft(db)
            _ = try await store.file(requestID: late.id, filedOn: CalendarDay(iso: "2026-03-16")!, calculator: calculator, by: Self.actor, now: Self.now)   // due 03-23
            _ = try await store.file(requestID: early.id, filedOn: CalendarDay(iso: "2026-03-02")!, calculator: calculator, by: Self.actor, now: Self.now)  // due 03-09
            _ = try await store.file(requestID: answered.id, filedOn: CalendarDay(iso: "2026-03-02")!, calculator: calculator, by: Self.actor, now: Self.now)
            _ = try await store.changeStatus(requestID: answered.id, to: .fulfilled, on: CalendarDay(iso: "2026-03-05")!, by: Self.actor, now: Self.now)
            let due = try await store.due(today: CalendarDay(iso: "2026-03-20")!, withinDays: 7)
            #expect(due.map(\.id) == [early.id, late.id])
            #expect(!due.contains { $0.id == neverFiled.id || $0.id == answered.id })
            #expect(try await store.due(today: CalendarDay(iso: "2026-03-10")!, withinDays: 7).map(\.id) == [early.id])
        }
    }
}
