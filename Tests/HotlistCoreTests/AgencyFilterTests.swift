import HotlistCore
import Testing

@Suite struct AgencyFilterTests {
    @Test func readsEveryParameter() throws {
        let filter = try AgencyFilter.parse(["q": " Sparks ", "state": "nv", "kind": "sheriffs_office", "alerts_ncic": "true",
                                             "prohibits_immigration": "false", "has_portal": "yes", "sort": "sharing", "page": "3", "per_page": "20"])
        #expect(filter == AgencyFilter(text: "Sparks", state: "NV", kind: .sheriffsOffice, alertsNCIC: true, prohibitsImmigration: false,
                                       hasPortal: true, sort: .sharing, page: 3, perPage: 20))
    }

    @Test func emptyValuesMeanAny() throws {
        let filter = try AgencyFilter.parse(["q": "", "state": "", "alerts_ncic": "", "sort": ""])
        #expect(filter == AgencyFilter())
    }

    @Test func everyBadValueIsReportedWithItsParameter() {
        do {
            _ = try AgencyFilter.parse(["state": "ZZ", "page": "abc", "alerts_ncic": "maybe", "per_page": "5000", "sort": "random", "kind": "army"])
            Issue.record("expected an error")
        } catch {
            #expect(Set(error.problems.compactMap(\.field)) == ["state", "page", "alerts_ncic", "per_page", "sort", "kind"])
            #expect(error.problems.first { $0.field == "page" }?.problem.contains("abc") == true)
        }
        #expect(throws: InputProblems.self) { try AgencyFilter.parse(["page": "0"]) }
        #expect(throws: InputProblems.self) { try AgencyFilter.parse(["q": String(repeating: "x", count: 201)]) }
    }

    @Test func queryItemsRoundTripAndLeaveOutDefaults() throws {
        let filter = AgencyFilter(text: "a&b", state: "CA", prohibitsImmigration: true, sort: .name, page: 2)
        let items = filter.queryItems()
        #expect(items.map(\.0) == ["q", "state", "prohibits_immigration", "sort", "page"])
        let back = try AgencyFilter.parse(Dictionary(uniqueKeysWithValues: items))
        #expect(back == filter)
        #expect(AgencyFilter().queryItems().isEmpty)
    }
}
