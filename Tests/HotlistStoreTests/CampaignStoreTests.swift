import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
import Testing

@Suite struct CampaignStoreTests {
    static let now = TimestampParser.parse("2026-03-20T12:00:00Z")!
    static let requester = Requester(name: "Campaign Lead", email: "lead@example.org")

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
            #expect(created.requests.allSatisfy { $0.letter.contains("records officer of \($0.agencyName)") })
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
