import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
import Testing

@Suite struct PublicFaceQueryTests {
    @Test(arguments: TestBackend.available)
    func overviewCountsRecordsRequestsAndContradictionsPerState(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let store = RequestStore(db), calculator = try await ReferenceQueries(db).deadlineCalculator()
            let denied = try await RequestStoreTests.draft(db, agency: "Reno NV PD")
            _ = try await store.file(requestID: denied.id, filedOn: CalendarDay(iso: "2026-03-02")!, calculator: calculator, by: RequestStoreTests.actor, now: RequestStoreTests.now)
            _ = try await store.changeStatus(requestID: denied.id, to: .denied, on: CalendarDay(iso: "2026-03-12")!, by: RequestStoreTests.actor, now: RequestStoreTests.now)
            let waiting = try await RequestStoreTests.draft(db, agency: "Reno NV PD")
            _ = try await store.file(requestID: waiting.id, filedOn: CalendarDay(iso: "2026-03-02")!, calculator: calculator, by: RequestStoreTests.actor, now: RequestStoreTests.now)
            _ = try await RequestStoreTests.draft(db)   // a draft counts nowhere
            // MUT
            let overview = try await PublicFaceQueries(db).overview(today: CalendarDay(iso: "2026-04-01")!)
            // validate
            #expect(overview.states.count == USState.all.count, "every state has a row, zeros included")
            let nevada = try #require(overview.states.first { $0.stateCode == "NV" })
            #expect(nevada.enabled == 1, "Sparks, reported by EFF")
            #expect(nevada.requestsFiled == 2 && nevada.requestsAnswered == 1 && nevada.requestsDenied == 1)
            #expect(nevada.requestsOverdue == 1, "the unanswered request was due in March")
            #expect(nevada.medianDaysToAnswer == 10)
            #expect(nevada.researched == 2, "Sparks by its report, Reno by its requests")
            #expect(nevada.category == .enabled)
            let contradictions = try await ContradictionQueries(db).contradictions()
            #expect(overview.nation.contradictions == contradictions.filter { $0.rule != .askFirst }.count)
            #expect(overview.nation.askFirst == contradictions.filter { $0.rule == .askFirst }.count)
            #expect(overview.nation.enabled == 2, "Sparks (NV) and Blue Island (IL)")
            #expect(overview.months == [MonthlyCount(month: "2026-03", filed: 2, answered: 1)])
            let reportedEnabled = overview.outcomes.first { $0.outcome == .immigrationViolatorEnabled }
            #expect(reportedEnabled?.reported == 2 && reportedEnabled?.ours == 0)
            // A change to the data is seen at once (the memo is keyed on the data's revision).
            _ = try await store.changeStatus(requestID: waiting.id, to: .fulfilled, on: CalendarDay(iso: "2026-03-20")!, by: RequestStoreTests.actor, now: RequestStoreTests.now)
            let after = try await PublicFaceQueries(db).overview(today: CalendarDay(iso: "2026-04-01")!)
            #expect(after.states.first { $0.stateCode == "NV" }?.requestsAnswered == 2)
            let links = try await PublicFaceQueries(db).agencyLinks(ids: [denied.agencyID])
            #expect(links.map(\.name) == ["Reno NV PD"] && links.first?.stateCode == "NV")
        }
    }
}
