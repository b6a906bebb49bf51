import Foundation
import HotlistCore
import Testing

/// The one reading of a new request, as the web form, the API and the command line use it.
@Suite struct NewRequestParserTests {
    static let virginia = StateRecordsLaw(stateCode: "VA", stateName: "Virginia", lawName: "Virginia Freedom of Information Act", citation: "Va. Code § 2.2-3704",
                                          deadlineDays: 5, deadlineKind: .business, deadlineNote: "", residency: .yes, appealRoute: "", source: "test", confidence: .high)
    static let agency = AgencyLink(id: 7, name: "Richmond VA PD", stateCode: "VA")
    static let today = CalendarDay(iso: "2026-11-27")!

    @Test func everyProblemIsNamedAtOnceInTheSourcesTerms() {
        // MUT: a body with five separate mistakes.
        let fields = RequestFields(requesterName: " ", requesterEmail: "not-an-address", requesterState: "ZZ", channel: "fax", portalKind: "acme")
        let parsed = NewRequestParser.parse(fields, agency: Self.agency, law: Self.virginia, today: Self.today, source: .api)
        // validate: each field once, all from the body, none hidden behind the first.
        let fields_ = parsed.problems.compactMap(\.field)
        #expect(Set(fields_) == ["requester_name", "requester_email", "requester_state", "channel", "portal_kind"])
        #expect(fields_.filter { $0 == "requester_state" }.count == 2, "an unknown state, and then the residency rule, both about requester_state: \(parsed.problems)")
        #expect(parsed.problems.allSatisfy { $0.file == "body" })
        #expect(parsed.problems.contains { $0.field == "requester_state" && $0.hint.contains("\"residency_acknowledged\": true") })
    }

    @Test func theFormIsToldToTickTheBoxAndTheLetterIsWrittenOnlyWhenNotGiven() {
        let nonResident = RequestFields(requesterName: "Vera", requesterEmail: "vera@example.org", requesterState: "NV", subject: "Records", letter: "Dear clerk,\r\nplease.")
        let form = NewRequestParser.parse(nonResident, agency: Self.agency, law: Self.virginia, today: Self.today, source: .form)
        #expect(form.problems.map(\.field) == ["requester_state"])
        #expect(form.problems[0].file == "form" && form.problems[0].hint.contains("File it anyway"))
        #expect(form.draft.letter == "Dear clerk,\nplease.", "line endings as stored")

        // Acknowledged, and with no letter: the standard one is written for this requester.
        var acknowledged = nonResident
        acknowledged.residencyAcknowledged = true
        acknowledged.subject = nil; acknowledged.letter = nil
        let api = NewRequestParser.parse(acknowledged, agency: Self.agency, law: Self.virginia, today: Self.today, source: .api)
        #expect(api.problems.isEmpty, "\(api.problems)")
        #expect(api.draft.letter.contains("Vera") && api.draft.letter.contains("Va. Code § 2.2-3704"))
        #expect(!api.warnings.isEmpty, "the letter warns that Virginia answers residents only")
        #expect(api.draft.requester.stateCode == "NV" && api.draft.channel == .email && api.draft.agencyID == 7)
    }

    @Test func filingReadsChannelPortalAndAddress() {
        let fields = RequestFields(channel: "portal", portalKind: "govqa", channelURL: "  https://records.example.gov/  ")
        let filing = NewRequestParser.filing(fields, fallback: .email, source: .form)
        #expect(filing.channel == .portal && filing.portalKind == .govqa && filing.channelURL == "https://records.example.gov/" && filing.problems.isEmpty)
        // No channel given: a draft keeps its own.
        #expect(NewRequestParser.filing(RequestFields(), fallback: .postal, source: .form).channel == .postal)
        // A portal filing without its address is named by the draft's own check.
        let parsed = NewRequestParser.parse(RequestFields(requesterName: "V", requesterEmail: "v@example.org", channel: "portal", subject: "s", letter: "l"),
                                            agency: AgencyLink(id: 1, name: "Sparks NV PD", stateCode: "NV"), law: nil, today: Self.today, source: .form)
        #expect(parsed.problems.map(\.field) == ["channel_url"])
    }

    @Test func requestFiltersNameEveryBadParameter() {
        #expect(throws: InputProblems.self) { try RequestFilter.parse(["status": "lost", "state": "ZZ", "page": "2"], limit: 10) }
        do {
            _ = try RequestFilter.parse(["status": "lost", "state": "ZZ", "page": "2"], limit: 10)
        } catch {
            #expect(error.problems.compactMap(\.field).sorted() == ["page", "state", "status"])
        }
        let filter = try? RequestFilter.parse(["status": "filed", "state": "nv", "mine": "1"], viewerID: 3, limit: 10)
        #expect(filter == RequestFilter(status: .filed, stateCode: "NV", createdBy: 3, limit: 10))
    }
}
