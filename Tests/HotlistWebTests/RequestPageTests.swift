import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

@Suite struct RequestPageTests {
    /// The form fields of the new-request page as it rendered them.
    static func formFields(_ html: String) -> [(String, String)] {
        var fields: [(String, String)] = [("agency", ""), ("channel", "email")]
        for name in ["requester_name", "requester_email", "subject"] {
            if let range = html.range(of: "name=\"\(name)\" required value=\"") {
                let rest = html[range.upperBound...]
                fields.append((name, String(rest[..<rest.firstIndex(of: "\"")!]).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")))
            }
        }
        if let range = html.range(of: "name=\"letter\" rows=\"24\" required>"), let end = html[range.upperBound...].range(of: "</textarea>") {
            fields.append(("letter", String(html[range.upperBound..<end.lowerBound]).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")))
        }
        return fields
    }

    @Test(arguments: TestBackend.available)
    func aVolunteerFilesARequestLogsTheDenialAndGetsTheAppeal(backend: TestBackend) async throws {
        let clock = ManualClock(TimestampParser.parse("2026-03-02T15:00:00Z")!)
        try await withFixtureApp(backend, clock: clock) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer, name: "Vera Volunteer")
            let sparks = try await agencyID(db, "Sparks NV PD")
            try await RecordsContactEditor(db).replace(agencyID: sparks, with: RecordsContact(email: "records@cityofsparks.us"), by: .system, now: testStart)
            var browser = try await makeSession(db, vera)
            // setup: the composer writes the letter under Nevada's law, signed by the volunteer.
            let composer = try await browser.get(app, SiteURL.newRequest(agency: sparks).path)
            #expect(composer.status == .ok)
            #expect(composer.body.contains("NRS 239.0107") && composer.body.contains("Vera Volunteer"))
            var fields = Self.formFields(composer.body)
            fields[0] = ("agency", String(sparks))
            let saved = try await browser.post(app, SiteURL.requests.path, fields)
            #expect(saved.status == .seeOther)
            let requestPath = try #require(saved.headers.first(name: .location))
            let id = try #require(Int(requestPath.split(separator: "/").last ?? ""))
            // The email download is a real RFC 5322 message to the agency's records address.
            let eml = try await browser.get(app, SiteURL.requestEML(id).path)
            #expect(eml.status == .ok && eml.body.contains("To: <records@cityofsparks.us>\r\n") && eml.body.contains("Content-Transfer-Encoding: base64\r\n"))
            // MUT: file it today (Monday 2 March 2026): due Monday 9 March.
            #expect(try await browser.post(app, SiteURL.requestAction(id, "file").path, [("filed_on", "2026-03-02"), ("tracking_number", "R-114")]).status == .seeOther)
            var page = try await browser.get(app, requestPath)
            #expect(page.text(ofID: "due-on") == "2026-03-09")
            #expect(page.body.contains("5 business days, NRS"))
            // Overdue shows on the requests page once the day has passed.
            clock.advance(by: 8 * 86_400)
            let list = try await browser.get(app, SiteURL.requests.path)
            #expect(list.body.contains("id=\"needs-action\"") && list.body.contains("overdue</strong> since 2026-03-09"))
            #expect(try await browser.get(app, SiteURL.requestLetter(id, "follow-up").path).body.contains("The response was due by 2026-03-09"))
            #expect(try await browser.get(app, "/").body.contains("id=\"needs-action\""), "the signed-in home page lists it")
            #expect(!(try await app.fetch("/").body.contains("Needs action")), "anonymous visitors see no requests")
            // The agency writes back and refuses.
            #expect(try await browser.post(app, SiteURL.requestAction(id, "log").path, [("direction", "incoming"), ("channel", "email"), ("date", "2026-03-10"),
                                                                                      ("subject", "Re: records request"), ("text", "Denied: confidential under NRS 239.010.")]).status == .seeOther)
            #expect(try await browser.post(app, SiteURL.requestAction(id, "status").path, [("status", "denied"), ("date", "2026-03-10")]).status == .seeOther)
            #expect(try await browser.post(app, SiteURL.requestAction(id, "exemption").path, [("cited_text", "NRS 239.010 (confidential)"), ("exemption", "criminal-justice-information")]).status == .seeOther)
            // validate: the appeal names the exemption, answers it and follows Nevada's route.
            let appeal = try await browser.get(app, SiteURL.requestLetter(id, "appeal").path)
            #expect(appeal.status == .ok)
            let letter = try #require(appeal.text(ofID: "generated-letter"))
            #expect(letter.contains("The agency cited: NRS 239.010 (confidential)."))
            #expect(letter.contains("reference: R-114"))
            #expect(letter.contains("NRS 239.011"))
            page = try await browser.get(app, requestPath)
            #expect(page.body.contains("status-denied") && page.body.contains("Denied: confidential under NRS 239.010."))
            // An impossible move is refused with the possible ones, and nothing changes.
            let refused = try await browser.post(app, SiteURL.requestAction(id, "status").path, [("status", "fulfilled"), ("date", "2026-03-11")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("From denied it can become: appealing, in litigation, withdrawn."))
            #expect(try await RequestStore(db).request(id: id)?.status == .denied)
            // A bad portal kind on a new draft is named, and nothing is stored.
            let countBefore = try await RequestStore(db).list(RequestFilter()).count
            let badPortal = try await browser.post(app, SiteURL.requests.path, fields.map { $0.0 == "channel" ? ("portal_kind", "govqaa") : $0 } + [("channel", "email")])
            #expect(badPortal.status == .badRequest && badPortal.body.contains("is not a portal kind"))
            #expect(try await RequestStore(db).list(RequestFilter()).count == countBefore)
            // A bad date is named.
            let badDate = try await browser.post(app, SiteURL.requestAction(id, "log").path, [("direction", "incoming"), ("channel", "email"), ("date", "10/03/2026"), ("text", "x")])
            #expect(badDate.status == .badRequest && badDate.body.contains("is not a date"))
            // The statistics count it as answered (denied) after 8 days.
            let stats = try await browser.get(app, SiteURL.requestStatistics.path)
            #expect(stats.body.contains("<td data-label=\"State\">Nevada</td><td class=\"num\" data-label=\"Filed\">1</td><td class=\"num\" data-label=\"Answered\">100%</td><td class=\"num\" data-label=\"Denied\">100%</td><td class=\"num\" data-label=\"Median days to answer\">8.0</td>"))
            // The CSV export has the request with its tracking number and exemption.
            let csv = try await browser.get(app, SiteURL.requestsCSV.path)
            #expect(csv.body.contains("R-114") && csv.body.contains("criminal-justice-information: NRS 239.010 (confidential)"))
        }
    }

    @Test(arguments: TestBackend.available)
    func filingShowsOnThePublicAgencyPageWithoutTheRequester(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let reno = try await agencyID(db, "Reno NV PD")
            // setup: the anonymous page is rendered (and cached) before anything is filed.
            let before = try await app.fetch(SiteURL.agency(reno).path)
            #expect(!before.body.contains("Records request pending"))
            let draft = try await RequestStore(db).createDraft(RequestDraft(agencyID: reno, requester: Requester(name: "Quirina Requester", email: "quirina@example.org"),
                                                                            subject: "s", letter: "l", channel: .email), by: .system, now: testStart)
            // MUT
            _ = try await RequestStore(db).file(requestID: draft.id, filedOn: CalendarDay(iso: "2026-11-25")!, calculator: try await ReferenceQueries(db).deadlineCalculator(),
                                                by: .system, now: testStart)
            // validate: the public page says so at once, and never who asked.
            let after = try await app.fetch(SiteURL.agency(reno).path)
            #expect(after.body.contains("Records request pending since 2026-11-25"))
            #expect(!after.body.contains("Quirina"))
        }
    }

    @Test(arguments: TestBackend.available)
    func theEmailDownloadNeedsARecordsEmail(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let reno = try await agencyID(db, "Reno NV PD")
            let draft = try await RequestStore(db).createDraft(RequestDraft(agencyID: reno, requester: Requester(name: "Vera", email: "vera@example.org"),
                                                                            subject: "s", letter: "l", channel: .email), by: .system, now: testStart)
            var browser = try await makeSession(db, vera)
            let eml = try await browser.get(app, SiteURL.requestEML(draft.id).path)
            #expect(eml.status == .badRequest)
            #expect(eml.body.contains("has no records email on file"))
        }
    }

    @Test func emailMessagesAreWellFormed() throws {
        let message = EmailMessage(from: "vera@example.org", fromName: "Véra Volunteer", to: "records@city.gov", subject: "Records request — ALPR",
                                   body: "Line one\nLine two", date: Date(timeIntervalSince1970: 1_772_460_000), messageID: "x@hotlistwatch.invalid")
        let text = message.rfc5322
        #expect(text.contains("From: =?UTF-8?B?") && text.contains("Subject: =?UTF-8?B?"))
        #expect(text.contains("Date: Mon, 02 Mar 2026"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        #expect(text.split(separator: "\r\n").allSatisfy { $0.count <= 998 })
        let body = String(text.split(separator: "\r\n\r\n", maxSplits: 1)[1]).replacingOccurrences(of: "\r\n", with: "")
        #expect(String(data: Data(base64Encoded: body)!, encoding: .utf8) == "Line one\r\nLine two")
        #expect(message.mailto.hasPrefix("mailto:records@city.gov?subject=Records%20request%20"))
    }
}
