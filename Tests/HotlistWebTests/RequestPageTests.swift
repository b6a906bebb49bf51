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
            #expect(try await browser.post(app, SiteURL.requestAction(id, .file).path, [("filed_on", "2026-03-02"), ("tracking_number", "R-114")]).status == .seeOther)
            var page = try await browser.get(app, requestPath)
            #expect(page.text(ofID: "due-on") == "2026-03-09")
            #expect(page.body.contains("5 business days, NRS"))
            // Overdue shows on the requests page once the day has passed.
            clock.advance(by: 8 * 86_400)
            let list = try await browser.get(app, SiteURL.requests.path)
            #expect(list.body.contains("id=\"needs-action\"") && list.body.contains("overdue</strong> since 2026-03-09"))
            #expect(try await browser.get(app, SiteURL.requestLetter(id, .followUp).path).body.contains("The response was due by March 9, 2026"))
            #expect(try await browser.get(app, "/").body.contains("id=\"needs-action\""), "the signed-in home page lists it")
            #expect(!(try await app.fetch("/").body.contains("Needs action")), "anonymous visitors see no requests")
            // The agency writes back and refuses.
            #expect(try await browser.post(app, SiteURL.requestAction(id, .log).path, [("direction", "incoming"), ("channel", "email"), ("date", "2026-03-10"),
                                                                                      ("subject", "Re: records request"), ("text", "Denied: confidential under NRS 239.010.")]).status == .seeOther)
            #expect(try await browser.post(app, SiteURL.requestAction(id, .status).path, [("status", "denied"), ("date", "2026-03-10")]).status == .seeOther)
            #expect(try await browser.post(app, SiteURL.requestAction(id, .exemption).path, [("cited_text", "NRS 239.010 (confidential)"), ("exemption", "criminal-justice-information")]).status == .seeOther)
            // validate: the appeal names the exemption, answers it and follows Nevada's route.
            let appeal = try await browser.get(app, SiteURL.requestLetter(id, .appeal).path)
            #expect(appeal.status == .ok)
            let letter = try #require(appeal.text(ofID: "generated-letter"))
            #expect(letter.contains("The agency cited: NRS 239.010 (confidential)."))
            #expect(letter.contains("reference: R-114"))
            #expect(letter.contains("NRS 239.011"))
            page = try await browser.get(app, requestPath)
            #expect(page.body.contains("status-denied") && page.body.contains("Denied: confidential under NRS 239.010."))
            // An impossible move is refused with the possible ones, and nothing changes.
            let refused = try await browser.post(app, SiteURL.requestAction(id, .status).path, [("status", "fulfilled"), ("date", "2026-03-11")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("From denied it can become: appealing, in litigation, withdrawn."))
            #expect(try await RequestStore(db).request(id: id)?.status == .denied)
            // A bad portal kind on a new draft is named, and nothing is stored.
            let countBefore = try await RequestStore(db).list(RequestFilter()).count
            let badPortal = try await browser.post(app, SiteURL.requests.path, fields.map { $0.0 == "channel" ? ("portal_kind", "govqaa") : $0 } + [("channel", "email")])
            #expect(badPortal.status == .badRequest && badPortal.body.contains("is not a portal kind"))
            #expect(try await RequestStore(db).list(RequestFilter()).count == countBefore)
            // A bad date is named.
            let badDate = try await browser.post(app, SiteURL.requestAction(id, .log).path, [("direction", "incoming"), ("channel", "email"), ("date", "10/03/2026"), ("text", "x")])
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
            // Issue 10, defect 5: the page offers no dead download; it says what is missing and how to fix it.
            let page = try await browser.get(app, SiteURL.request(draft.id).path)
            #expect(!page.body.contains("id=\"download-eml\"") && page.body.contains("id=\"no-records-email\""))
            #expect(page.body.contains("href=\"\(SiteURL.recordsContact(reno).path)\">Correct this</a>"))
        }
    }

    /// Issue 10, defect 5: a saved draft can be edited (requester, channel, letter) until it is filed.
    @Test(arguments: TestBackend.available)
    func aDraftCanBeEditedUntilItIsFiled(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer, name: "Vera Volunteer")
            let reno = try await agencyID(db, "Reno NV PD")
            let draft = try await RequestStore(db).createDraft(RequestDraft(agencyID: reno, requester: Requester(name: "Vera Volunteer", email: "vera@example.org"),
                                                                            subject: "Records", letter: "Please send them to vera@example.org.\n\nVera Volunteer", channel: .email), by: .system, now: testStart)
            var browser = try await makeSession(db, vera)
            let page = try await browser.get(app, SiteURL.request(draft.id).path)
            #expect(page.body.contains("id=\"draft-form\""))
            // MUT: a new requester and the portal instead of email.
            let saved = try await browser.post(app, SiteURL.requestAction(draft.id, .draft).path, [
                ("requester_name", "Nora Newsroom"), ("requester_email", "tips@newsroom.example"), ("channel", "portal"), ("portal_kind", "nextrequest"),
                ("channel_url", "https://renonv.nextrequest.com/"), ("subject", "Records"), ("letter", "Please send them to vera@example.org.\n\nVera Volunteer")])
            #expect(saved.status == .seeOther)
            #expect(try #require(saved.headers.first(name: .location)).hasSuffix("?notice=request-draft-updated"))
            let stored = try await RequestStore(db).detail(id: draft.id)
            #expect(stored?.request.channel == .portal && stored?.request.requester.email == "tips@newsroom.example")
            #expect(stored?.request.letter == "Please send them to tips@newsroom.example.\n\nNora Newsroom")
            #expect(try await AuditLog(db).events(AuditFilter(entityType: "request")).map(\.action).contains("request.draft.update"))
            // Bad input names the field and changes nothing.
            let bad = try await browser.post(app, SiteURL.requestAction(draft.id, .draft).path, [("requester_name", "N"), ("requester_email", "not-an-email"), ("subject", "s"), ("letter", "l")])
            #expect(bad.status == .badRequest && bad.body.contains("is not an email address"))
            #expect(try await RequestStore(db).detail(id: draft.id)?.request.requester.email == "tips@newsroom.example")
            // Once filed, the letter that went out is kept.
            #expect(try await browser.post(app, SiteURL.requestAction(draft.id, .file).path, [("filed_on", "2026-11-02")]).status == .seeOther)
            let late = try await browser.post(app, SiteURL.requestAction(draft.id, .draft).path, [("requester_name", "X"), ("requester_email", "x@example.org"), ("subject", "s"), ("letter", "l")])
            #expect(late.status == .badRequest && late.body.contains("can no longer be edited"))
            #expect(!(try await browser.get(app, SiteURL.request(draft.id).path).body.contains("id=\"draft-form\"")))
        }
    }

    /// The id of the request a POST created, from its redirect.
    static func createdID(_ page: FetchedPage) throws -> Int {
        let location = try #require(page.headers.first(name: .location))
        return try #require(Int(location.split(separator: "/").last ?? ""))
    }

    /// Issue 10, defects 2 and 3: the letter speaks for the request's requester, and a
    /// residents-only state warns before anything is saved.
    @Test(arguments: TestBackend.available)
    func theLetterFollowsTheRequesterAndResidencyIsChecked(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer, name: "Vera Volunteer")
            let sparks = try await agencyID(db, "Sparks NV PD")
            var browser = try await makeSession(db, vera)
            let composer = try await browser.get(app, SiteURL.newRequest(agency: sparks).path)
            // The page carries who the letter was written for.
            #expect(composer.body.contains("name=\"composed_email\" value=\"vera@example.org\""))
            var fields = Self.formFields(composer.body).map { name, value -> (String, String) in
                switch name {
                case "agency": ("agency", String(sparks))
                case "requester_name": ("requester_name", "Nora Newsroom")
                case "requester_email": ("requester_email", "tips@newsroom.example")
                default: (name, value)
                }
            }
            fields += [("composed_name", "Vera Volunteer"), ("composed_email", "vera@example.org"), ("composed_state", "")]
            // MUT: save with another requester, the letter as the page wrote it.
            let saved = try await browser.post(app, SiteURL.requests.path, fields)
            #expect(saved.status == .seeOther)
            let id = try Self.createdID(saved)
            let storedDetail = try await RequestStore(db).detail(id: id)
            let stored = try #require(storedDetail).request
            // validate: the letter asks for the records at the new address and is signed by the new name.
            #expect(stored.letter.contains("electronically, to tips@newsroom.example") && stored.letter.contains("Nora Newsroom"))
            #expect(!stored.letter.contains("vera@example.org") && !stored.letter.contains("Vera Volunteer"))
            // An edited letter keeps the edit and still carries the new requester.
            var edited = fields.map { $0.0 == "letter" ? ("letter", $0.1 + "\nP.S. Thank you.") : $0 }
            edited = edited.map { $0.0 == "requester_email" ? ("requester_email", "desk@newsroom.example") : $0 }
            let second = try await browser.post(app, SiteURL.requests.path, edited)
            let secondID = try Self.createdID(second)
            let secondDetail = try await RequestStore(db).detail(id: secondID)
            let secondLetter = try #require(secondDetail).request.letter
            #expect(secondLetter.contains("desk@newsroom.example") && secondLetter.contains("P.S. Thank you.") && !secondLetter.contains("vera@example.org"))
            // A second request to the same agency is flagged.
            #expect(try await browser.get(app, SiteURL.newRequest(agency: sparks).path).body.contains("already has 2 open requests"))

            // Residency: a Virginia agency, a Nevada requester.
            let list = try AgencyListFile.parse(try CSVTable.parse(data: Data("Name,State\nRichmond VA PD,VA\n".utf8), file: "va.csv"))
            _ = try await AgencyImporter(db).importAgencyList(list)
            let richmond = try await agencyID(db, "Richmond VA PD")
            let vaForm = try await browser.get(app, SiteURL.newRequest(agency: richmond).path)
            var vaFields = Self.formFields(vaForm.body).map { $0.0 == "agency" ? ("agency", String(richmond)) : $0 }
            vaFields.append(("requester_state", "NV"))
            let before = try await RequestStore(db).list(RequestFilter(limit: 100)).count
            let warned = try await browser.post(app, SiteURL.requests.path, vaFields)
            #expect(warned.status == .badRequest && warned.body.contains("Virginia answers public-records requests from its residents only"))
            #expect(warned.body.contains("lives in Nevada") && warned.body.contains("name=\"residency_ack\""))
            #expect(try await RequestStore(db).list(RequestFilter(limit: 100)).count == before, "nothing saved before the warning is answered")
            let acknowledged = try await browser.post(app, SiteURL.requests.path, vaFields + [("residency_ack", "yes")])
            #expect(acknowledged.status == .seeOther)
            let vaLocation = try #require(acknowledged.headers.first(name: .location))
            let vaPage = try await browser.get(app, vaLocation)
            #expect(vaPage.body.contains("residents only") && vaPage.body.contains("lives in Nevada"), "the request page says it")
            // A Virginian's letter states residency.
            let local = try await browser.post(app, SiteURL.requests.path, vaFields.map { $0.0 == "requester_state" ? ("requester_state", "VA") : $0 }
                                               + [("composed_name", "Vera Volunteer"), ("composed_email", "vera@example.org"), ("composed_state", "")])
            let localID = try Self.createdID(local)
            let localDetail = try await RequestStore(db).detail(id: localID)
            #expect(localDetail?.request.letter.contains("I am a resident of Virginia.") == true)
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
