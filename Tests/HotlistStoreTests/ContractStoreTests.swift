import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
import Testing

@Suite struct ContractStoreTests {
    static let now = TimestampParser.parse("2026-11-30T12:00:00Z")!
    static let today = CalendarDay(iso: "2026-11-30")!
    static let actor = AuditActor.commandLine(systemUser: "tester")

    static func contracts(_ text: String) throws -> ContractFile { try ContractFile.parse(try CSVTable.parse(data: Data(text.utf8), file: "contracts.csv")) }
    static func officials(_ text: String) throws -> OfficialFile { try OfficialFile.parse(try CSVTable.parse(data: Data(text.utf8), file: "officials.csv")) }

    static let goodContracts = """
        agency,state,vendor,start_date,term_months,end_date,end_kind,amount_usd,cameras,source_url,source_title,confidence
        Sparks NV PD,NV,Flock Safety,2024-02-01,36,2027-02-01,renewal,"125,000",40,https://sparks.example.gov/agenda,Council agenda item 7,high
        Reno NV PD,NV,Flock Safety,2022-01-01,60,2027-12-31,expiry,300000,90,https://reno.example.gov/contract,Reno contract,medium
        """

    /// The rows of the tables this feature writes, for "nothing changed" checks.
    static func snapshot(_ db: HotlistDatabase) async throws -> [String] {
        var lines: [String] = []
        for listing in try await ContractStore(db).list(today: today) { lines.append("\(listing.contract)") }
        lines.append("audit \(try await AuditLog(db).count(AuditFilter()))")
        return lines
    }

    @Test(arguments: TestBackend.available)
    func importIsAuditedAndRunningItTwiceChangesNothing(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let sparks = try await PrivateEyesImportTests.agencyID(db, "Sparks NV PD")
            let store = ContractStore(db)
            // MUT
            let first = try await store.importContracts(try Self.contracts(Self.goodContracts), by: Self.actor, now: Self.now)
            #expect(first.counts["contracts"]?.added == 2)
            let stored = try await store.forAgency(sparks)
            #expect(stored.contracts.count == 1 && stored.contracts[0].amountCents == 12_500_000 && stored.contracts[0].cameraCount == 40)
            #expect(stored.contracts[0].endDate?.iso == "2027-02-01" && stored.contracts[0].source.title == "Council agenda item 7")
            let audit = try await AuditLog(db).events(AuditFilter(entityType: "contract"))
            #expect(audit.count == 2 && audit.allSatisfy { $0.action == "contract.add" && $0.actor.label == Self.actor.label })
            // validate: the same file again changes nothing; a changed row is an update.
            let again = try await store.importContracts(try Self.contracts(Self.goodContracts), by: Self.actor, now: Self.now)
            #expect(again.counts["contracts"]?.unchanged == 2 && !again.changedAnything)
            let changed = try await store.importContracts(try Self.contracts(Self.goodContracts.replacingOccurrences(of: ",40,", with: ",45,")), by: Self.actor, now: Self.now)
            #expect(changed.counts["contracts"]?.updated == 1 && changed.counts["contracts"]?.unchanged == 1)
            #expect(try await AuditLog(db).events(AuditFilter(entityType: "contract")).first?.action == "contract.update")
        }
    }

    @Test(arguments: TestBackend.available)
    func aFileWithAnUnknownOrAmbiguousAgencyChangesNothing(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let store = ContractStore(db)
            _ = try await store.importContracts(try Self.contracts(Self.goodContracts), by: Self.actor, now: Self.now)
            let before = try await Self.snapshot(db)
            let bad = Self.goodContracts.replacingOccurrences(of: ",40,", with: ",41,") + "\nNowhere PD,NV,Flock Safety,,,,,,,https://a.example.gov,A\n"
            // MUT
            do {
                _ = try await store.importContracts(try Self.contracts(bad), by: Self.actor, now: Self.now)
                Issue.record("expected the import to be refused")
            } catch let problems as InputProblems {
                #expect(problems.problems.count == 1)
                #expect(problems.problems[0].location == "contracts.csv:4:1" && problems.problems[0].field == "agency")
                #expect(problems.problems[0].problem.contains("no agency in the directory matches \"Nowhere PD\" in NV"))
            }
            // validate: the good row before it was not stored either.
            #expect(try await Self.snapshot(db) == before)
            let unknownDocument = Self.goodContracts.replacingOccurrences(of: "source_title,confidence", with: "source_title,confidence,evidence_id")
                .replacingOccurrences(of: "item 7,high", with: "item 7,high,999")
            await #expect(throws: InputProblems.self) { _ = try await store.importContracts(try Self.contracts(unknownDocument), by: Self.actor, now: Self.now) }
            #expect(try await Self.snapshot(db) == before)
        }
    }

    @Test(arguments: TestBackend.available)
    func officialsAndTheirBodyImportOnceAndEditsAreAudited(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let reno = try await PrivateEyesImportTests.agencyID(db, "Reno NV PD")
            let store = ContractStore(db)
            let file = """
                agency_id,body_kind,body_name,name,office,email,source_url,source_title
                \(reno),city council,Reno City Council,Hillary Schieve,Mayor,mayor@reno.example.gov,https://reno.example.gov/council,Council members
                \(reno),city council,Reno City Council,Devon Reese,"Council member, Ward 5",,https://reno.example.gov/council,Council members
                """
            // MUT
            let first = try await store.importOfficials(try Self.officials(file), by: Self.actor, now: Self.now)
            #expect(first.counts["governing bodies"]?.added == 1 && first.counts["officials"]?.added == 2)
            let second = try await store.importOfficials(try Self.officials(file), by: Self.actor, now: Self.now)
            #expect(!second.changedAnything && second.counts["officials"]?.unchanged == 2)
            var stored = try await store.forAgency(reno)
            #expect(stored.body?.kind == .cityCouncil && stored.body?.name == "Reno City Council")
            #expect(stored.officials.map(\.office) == ["Mayor", "Council member, Ward 5"])
            // Edits through the store, as the web forms make them.
            var mayor = stored.officials[0]
            mayor.phone = "(775) 334-2001"
            try await store.replaceOfficial(mayor, by: Self.actor, now: Self.now)
            try await store.removeOfficial(id: stored.officials[1].id!, agencyID: reno, by: Self.actor, now: Self.now)
            try await store.removeGoverningBody(agencyID: reno, by: Self.actor, now: Self.now)
            stored = try await store.forAgency(reno)
            #expect(stored.officials.count == 1 && stored.officials[0].phone == "(775) 334-2001" && stored.body == nil)
            let actions = try await AuditLog(db).events(AuditFilter(limit: 10)).map(\.action)
            #expect(Array(actions.prefix(3)) == ["governing_body.remove", "official.remove", "official.update"])
            // An official of another agency cannot be removed through this one.
            let sparks = try await PrivateEyesImportTests.agencyID(db, "Sparks NV PD")
            await #expect(throws: RecordNotFound.self) { try await store.removeOfficial(id: mayor.id!, agencyID: sparks, by: Self.actor, now: Self.now) }
        }
    }

    @Test(arguments: TestBackend.available)
    func renewalsAheadAreListedSoonestFirstAndRaiseThePriority(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let sparks = try await PrivateEyesImportTests.agencyID(db, "Sparks NV PD")
            let reno = try await PrivateEyesImportTests.agencyID(db, "Reno NV PD")
            let before = try #require(try await DirectoryQueries(db).detail(id: sparks, today: Self.today)).priority
            let store = ContractStore(db)
            let source = FactSource(url: "https://sparks.example.gov/agenda", title: "Council agenda")
            // MUT: Sparks renews in 63 days; Reno's new contract expires in 30, another in 200, an old one is past.
            try await store.addContract(ALPRContract(agencyID: sparks, vendor: "Flock Safety", endDate: CalendarDay(iso: "2027-02-01"), source: source), by: Self.actor, now: Self.now)
            try await store.addContract(ALPRContract(agencyID: reno, vendor: "Flock Safety", endDate: Self.today.adding(days: 30), endKind: .expiry, source: source), by: Self.actor, now: Self.now)
            try await store.addContract(ALPRContract(agencyID: reno, vendor: "Motorola", endDate: Self.today.adding(days: 200), source: source), by: Self.actor, now: Self.now)
            try await store.addContract(ALPRContract(agencyID: reno, vendor: "Old Vendor", endDate: Self.today.adding(days: -5), source: source), by: Self.actor, now: Self.now)
            // validate: EFF reported Sparks scanning for the hotlist against its own policy (a contradiction,
            // no open question); nothing is on record about Reno's own settings (an open question).
            let ahead = try await store.renewalsAhead(today: Self.today, within: 120)
            #expect(ahead.map(\.agencyID) == [reno, sparks] && ahead.map(\.daysLeft) == [30, 63])
            #expect(ahead[0].hasOpenQuestion && ahead[0].kind == .expiry)
            #expect(!ahead[1].hasOpenQuestion && ahead[1].hasContradiction && ahead[1].kind == .renewal)
            let year = try await store.renewalsAhead(today: Self.today, within: 365)
            #expect(year.map(\.vendor) == ["Flock Safety", "Flock Safety", "Motorola"])
            let after = try #require(try await DirectoryQueries(db).detail(id: sparks, today: Self.today)).priority
            #expect(after.tier == before.tier && after.score > before.score)
            #expect(after.reasons.last == "Its contract renews 2027-02-01, in 63 days, and records contradict its policy or the law: ask before the decision.")
            let renoPriority = try #require(try await DirectoryQueries(db).detail(id: reno, today: Self.today)).priority
            #expect(renoPriority.reasons.last?.hasPrefix("Its contract expires 2026-12-30, in 30 days, and its hotlist settings are still an open question") == true)
            let audit = try await AuditLog(db).events(AuditFilter(entityType: "contract"))
            #expect(audit.count == 4 && audit.allSatisfy { $0.action == "contract.add" })
            // The stored priority is current for today; a later day recomputes the days.
            #expect(try await store.refreshPriorityIfStale(today: Self.today) == false)
            #expect(try await store.refreshPriorityIfStale(today: Self.today.adding(days: 1)) == true)
            let nextDay = try #require(try await DirectoryQueries(db).detail(id: sparks, today: Self.today)).priority
            #expect(nextDay.reasons.last?.contains("in 62 days") == true)
            // Removing the contract takes the boost away.
            try await store.removeContract(id: ahead[1].contractID, agencyID: sparks, by: Self.actor, now: Self.now)
            #expect(try #require(try await DirectoryQueries(db).detail(id: sparks, today: Self.today)).priority == before)
        }
    }
}
