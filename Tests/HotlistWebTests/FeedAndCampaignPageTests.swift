import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

@Suite struct FeedAndCampaignPageTests {
    /// Unfolds RFC 5545 lines and reads VEVENT properties back.
    static func events(_ ics: String) -> [[String: String]] {
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        var events: [[String: String]] = [], current: [String: String]?
        for line in unfolded.components(separatedBy: "\r\n") where !line.isEmpty {
            if line == "BEGIN:VEVENT" { current = [:]; continue }
            if line == "END:VEVENT" { if let event = current { events.append(event) }; current = nil; continue }
            guard current != nil, let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].split(separator: ";")[0]
            current?[String(name)] = String(line[line.index(after: colon)...]).replacingOccurrences(of: "\\,", with: ",").replacingOccurrences(of: "\\;", with: ";")
                .replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\\\", with: "\\")
        }
        return events
    }

    @Test(arguments: TestBackend.available)
    func aPersonsCalendarAndAtomFeedsCarryTheirDueDatesAndStatusChanges(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let sparks = try await agencyID(db, "Sparks NV PD")
            let actor = AuditActor.user(vera, channel: .web)
            let draft = try await RequestStore(db).createDraft(RequestDraft(agencyID: sparks, requester: Requester(name: "Vera", email: "vera@example.org"), subject: "s",
                                                                            letter: "l", channel: .email), by: actor, now: testStart)
            _ = try await RequestStore(db).file(requestID: draft.id, filedOn: CalendarDay(iso: "2026-11-20")!, calculator: try await ReferenceQueries(db).deadlineCalculator(),
                                                by: actor, now: testStart)
            var browser = try await makeSession(db, vera)
            // MUT: make the secret addresses on the account page.
            let page = try await browser.post(app, SiteURL.accountFeed.path, [])
            let calendarPath = try #require(page.body.range(of: "/feeds/[A-Za-z0-9_-]+/due\\.ics", options: .regularExpression).map { String(page.body[$0]) })
            // validate: readable without signing in, and parsed back.
            let ics = try await app.fetch(calendarPath)
            #expect(ics.status == .ok && ics.headers.contentType?.subType == "calendar")
            #expect(ics.body.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
            let events = Self.events(ics.body)
            #expect(events.count == 1)
            #expect(events.first?["DTSTART"] == "20261201")
            #expect(events.first?["SUMMARY"] == "Due: Sparks NV PD (request #\(draft.id))")
            #expect(events.first?["DESCRIPTION"]?.contains("5 business days, NRS") == true)
            let atom = try await app.fetch(calendarPath.replacingOccurrences(of: "due.ics", with: "status.atom"))
            #expect(atom.status == .ok && atom.body.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
            #expect(atom.body.contains("Request #\(draft.id) to Sparks NV PD: filed"))
            // Issue 11: links in feeds use the configured address, whatever Host the request names.
            let forged = try await app.fetch(calendarPath.replacingOccurrences(of: "due.ics", with: "status.atom"), headers: ["Host": "evil.example"])
            #expect(!forged.body.contains("evil.example") && forged.body.contains("http://127.0.0.1:8080/requests/\(draft.id)"))
            // A new address retires the old one; a made-up one is a plain 404.
            _ = try await browser.post(app, SiteURL.accountFeed.path, [])
            #expect(try await app.fetch(calendarPath).status == .notFound)
            #expect(try await app.fetch("/feeds/made-up-token-made-up-token-made-up-token/due.ics").status == .notFound)
        }
    }

    @Test(arguments: TestBackend.available)
    func aReviewerStartsACampaignOverAFilter(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let rey = try await addPerson(db, "rey@example.org", .reviewer, name: "Rey Reviewer")
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            var reviewer = try await makeSession(db, rey)
            let form = try await reviewer.get(app, SiteURL.newCampaign.with([("state", "NV"), ("alerts_ncic", "true")]))
            #expect(form.status == .ok && form.body.contains("<option value=\"NV\" selected>"))
            let fields = [("name", "Nevada NCIC topics"), ("state", "NV"), ("alerts_ncic", "true"), ("requester_name", "Rey Reviewer"), ("requester_email", "rey@example.org")]
            // Issue 10, defect 4: the form first shows what would happen, and saves nothing.
            let confirm = try await reviewer.post(app, SiteURL.campaigns.path, fields)
            #expect(confirm.status == .ok && confirm.body.contains("<strong>1 draft request</strong> will be created"))
            #expect(confirm.body.contains("Sparks NV PD: already answered by records"), "answered agencies are skipped by default")
            #expect(confirm.body.contains("Create 1 draft request<"))
            #expect(try await CampaignStore(db).campaigns().isEmpty)
            // Creating redirects to the campaign, so a refresh repeats nothing.
            let created = try await reviewer.post(app, SiteURL.campaigns.path, fields + [("action", "create")])
            #expect(created.status == .seeOther)
            let location = try #require(created.headers.first(name: .location))
            #expect(location.hasPrefix("/campaigns/") && location.hasSuffix("?notice=campaign-created"))
            let page = try await reviewer.get(app, location)
            #expect(page.body.contains("Campaign created.") && page.body.contains("1 request</caption>"))
            _ = try await reviewer.get(app, location)
            #expect(try await CampaignStore(db).campaigns().count == 1)
            // Residents-only states: the confirmation asks for an in-state requester; the campaign page says who signs.
            _ = try await AgencyImporter(db).importAgencyList(try AgencyListFile.parse(try CSVTable.parse(data: Data("Name,State\nRichmond VA PD,VA\n".utf8), file: "va.csv")))
            let vaFields = [("name", "Virginia"), ("state", "VA"), ("requester_name", "Rey Reviewer"), ("requester_email", "rey@example.org"), ("requester_state", "NV")]
            let vaConfirm = try await reviewer.post(app, SiteURL.campaigns.path, vaFields)
            #expect(vaConfirm.body.contains("Virginia: residents only (1 agency)") && vaConfirm.body.contains("name=\"instate_name_VA\""))
            #expect(vaConfirm.body.contains("<strong>0 draft requests</strong>"))
            let vaCreated = try await reviewer.post(app, SiteURL.campaigns.path, vaFields + [("instate_name_VA", "Rita Resident"), ("instate_email_VA", "rita@example.org"), ("action", "create")])
            #expect(vaCreated.status == .seeOther)
            let vaPage = try await reviewer.get(app, try #require(vaCreated.headers.first(name: .location)))
            #expect(vaPage.body.contains("id=\"campaign-residency\"") && vaPage.body.contains("all signed by a resident"))
            // A template with a typo is refused with its line; nothing is created.
            let typo = try await reviewer.post(app, SiteURL.campaigns.path, [("name", "Typo"), ("state", "NV"), ("requester_name", "Rey"), ("requester_email", "rey@example.org"),
                                                                             ("template_body", "Dear {{agency_name}},\nunder {{law_nmae}}")])
            #expect(typo.status == .badRequest && typo.body.contains("law_nmae"))
            #expect(try await CampaignStore(db).campaigns().count == 2)
            // Volunteers see campaigns but cannot start one.
            var volunteer = try await makeSession(db, vera)
            #expect(try await volunteer.get(app, SiteURL.campaigns.path).status == .ok)
            #expect(try await volunteer.get(app, SiteURL.newCampaign.path).status == .forbidden)
        }
    }
}
