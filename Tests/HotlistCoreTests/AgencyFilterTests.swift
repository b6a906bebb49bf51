import HotlistCore
import Testing

@Suite struct AgencyFilterTests {
    @Test func readsEveryParameter() throws {
        let filter = try AgencyFilter.parse(["q": " Sparks ", "state": "nv", "kind": "sheriffs_office", "alerts_ncic": "true",
                                             "prohibits_immigration": "false", "has_portal": "true", "sort": "sharing", "page": "3", "per_page": "20"])
        #expect(filter == AgencyFilter(text: "Sparks", state: "NV", kind: .sheriffsOffice, alertsNCIC: true, prohibitsImmigration: false,
                                       hasPortal: true, sort: .sharing, page: 3, perPage: 20))
    }

    /// Exactly true or false, as the OpenAPI document says (schemathesis found "0" read as false).
    @Test func booleansAreTrueOrFalseOnly() {
        for value in ["yes", "1", "0", "on", "TRUE"] {
            #expect(throws: InputProblems.self, "\(value)") { try AgencyFilter.parse(["has_portal": value]) }
        }
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

@Suite struct AgencySearchTermsTests {
    /// Issue 10, defect 7: the names people use.
    @Test func namesPeopleUseBecomeGroupsOfForms() {
        let sparks = AgencySearchTerms("Sparks Police Department").terms
        #expect(sparks.count == 2)
        #expect(sparks.first == .fragment("sparks"))
        guard case .anyOf(let forms) = sparks.last else { Issue.record("no group"); return }
        #expect(forms.contains("pd") && forms.contains("police department"))
        #expect(AgencySearchTerms("Allegan County Sheriff's Office").terms.count == 3)
        #expect(AgencySearchTerms("El Cajon Police").terms.last == AgencySearchTerms("El Cajon PD").terms.last)
        #expect(AgencySearchTerms("Reno Nevada").terms.last == AgencySearchTerms("Reno NV").terms.last)
        #expect(AgencySearchTerms("spar").terms == [.fragment("spar")], "half-typed words still match anywhere")
        #expect(AgencySearchTerms("police in ohio").terms.contains(.fragment("in")), "a code that is a word stays a fragment")
    }
}
