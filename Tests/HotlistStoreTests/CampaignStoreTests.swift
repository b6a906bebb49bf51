import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
import Testing

@Suite struct CampaignStoreTests {
    static let now = TimestampParser.parse("2026-03-20T12:00:00Z")!
    static let requester = Requester(name: "Campaign Lead", email: "lead@example.org")

    /// Issue 10, defect 3: residents-only states need an in-state requester per state, or their agencies are skipped.
    @Test(arguments: TestBackend.available)
    func residentsOnlyStatesTakeAnInStateRequesterOrAreSkipped(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            _ = try await AgencyImporter(db).importAgencyList(try AgencyListFile.parse(try CSVTable.parse(data: Data("Name,State\nRichmond VA PD,VA\nFort Eustis VA US Army,VA\n".utf8), file: "x.csv")))
            // A federal agency answers under the federal FOIA, never a state's law.
            let federal = try await CampaignStore(db).plan(name: "VA", filter: try AgencyFilter.parse(["q": "Fort Eustis"]), template: nil, requester: Self.requester,
                                                          inStateRequesters: ["VA": Requester(name: "Rita", email: "rita@example.org", stateCode: "VA")], today: CalendarDay(iso: "2026-03-20")!)
            #expect(federal.drafts.isEmpty && federal.skipped.first?.contains("a federal agency answers under the federal FOIA") == true)
            let filter = try AgencyFilter.parse(["q": "Richmond VA"])
            let store = CampaignStore(db)
            // MUT: a Nevada requester only.
            let plan = try await store.plan(name: "VA", filter: filter, template: nil, requester: Self.requester, today: CalendarDay(iso: "2026-03-20")!)
            // validate
            #expect(plan.drafts.isEmpty && plan.skipped == ["Richmond VA PD: Virginia answers its residents only and no in-state requester was named"])
            #expect(plan.residencyStates.map(\.law.stateCode) == ["VA"] && plan.residencyStates.first?.requester == nil)
            // With a Virginian for Virginia, the letter is theirs and says so.
            let rita = Requester(name: "Rita Resident", email: "rita@example.org", stateCode: "VA")
            let signed = try await store.plan(name: "VA", filter: filter, template: nil, requester: Self.requester, inStateRequesters: ["VA": rita], today: CalendarDay(iso: "2026-03-20")!)
            #expect(signed.drafts.count == 1 && signed.drafts.first?.requester == rita)
            #expect(signed.drafts.first?.letter.body.contains("I am a resident of Virginia.") == true && signed.drafts.first?.letter.body.contains("Rita Resident") == true)
            // A half-filled in-state requester is refused by name.
            await #expect(throws: InputProblems.self) {
                try await store.plan(name: "VA", filter: filter, template: nil, requester: Self.requester, inStateRequesters: ["VA": Requester(name: "", email: "x")], today: CalendarDay(iso: "2026-03-20")!)
            }
            let created = try await store.create(name: "VA", description: "", filter: filter, template: nil, requester: Self.requester, inStateRequesters: ["VA": rita],
                                                 today: CalendarDay(iso: "2026-03-20")!, by: .commandLine(systemUser: "tester"), now: Self.now)
            #expect(created.requests.first?.requester.email == "rita@example.org")
        }
    }

    @Test(arguments: TestBackend.available)
    func aCampaignWritesOneRequestPerMatchingAgencyUnderItsOwnLaw(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let filter = try AgencyFilter.parse(["state": "NV", "alerts_ncic": "true"])
            // Sparks is already answered by EFF's report: skipped by default (issue 10), so one draft, for Reno.
            let expected = try await DirectoryQueries(db).list(filter).items.map(\.name).filter { $0 != "Sparks NV PD" }.sorted()
            #expect(expected == ["Reno NV PD"])
            // MUT
            let created = try await CampaignStore(db).create(name: "Nevada NCIC topics", description: "", filter: filter, template: nil, requester: Self.requester,
                                                             today: CalendarDay(iso: "2026-03-20")!, by: .commandLine(systemUser: "tester"), now: Self.now)
            // validate
            #expect(created.requests.map(\.agencyName).sorted() == expected)
            #expect(created.skipped == ["Sparks NV PD: already answered by records"])
            #expect(created.requests.allSatisfy { $0.campaignID == created.campaign.id && $0.status == .draft && $0.letter.contains("NRS 239.0107") })
            // Letters name the agency as it calls itself, not by the directory's shorthand.
            #expect(created.requests.allSatisfy { $0.letter.contains("records officer of \(AgencyFormalName.make($0.agencyName, stateCode: "NV"))") })
            #expect(created.requests.first?.letter.contains("records officer of Reno Police Department:") == true)
            #expect(created.campaign.agencyFilter.contains("state=NV") && created.campaign.agencyFilter.contains("alerts_ncic=true"))
            #expect(try await RequestStore(db).list(RequestFilter(campaignID: created.campaign.id)).count == expected.count)
            #expect(try await AuditLog(db).count(AuditFilter(entityType: "request")) == expected.count)
        }
    }

    @Test(arguments: TestBackend.available)
    func aBadTemplateOrAnEmptyFilterStoresNothing(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let template = LetterTemplate(name: "ours", subject: "Request", body: "Dear {{agency_name}}, under {{law_nmae}}…")
            do {
                _ = try await CampaignStore(db).create(name: "Typo", description: "", filter: AgencyFilter(state: "NV"), template: template, requester: Self.requester,
                                                       today: CalendarDay(iso: "2026-03-20")!, by: .system, now: Self.now)
                Issue.record("a template with an unknown variable was used")
            } catch let problems as InputProblems {
                #expect(problems.problems.contains { $0.field == "law_nmae" })
            }
            await #expect(throws: InputProblems.self) {
                try await CampaignStore(db).create(name: "Nothing", description: "", filter: AgencyFilter(text: "no such agency anywhere"), template: nil,
                                                   requester: Self.requester, today: CalendarDay(iso: "2026-03-20")!, by: .system, now: Self.now)
            }
            #expect(try await CampaignStore(db).campaigns().isEmpty)
            #expect(try await RequestStore(db).list(RequestFilter()).isEmpty)
        }
    }
}
