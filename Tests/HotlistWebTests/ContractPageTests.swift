import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

/// The contract and officials forms, the agency page section and the renewals page and calendar.
@Suite struct ContractPageTests {
    @Test(arguments: TestBackend.available)
    func aVolunteerAddsAContractThroughTheFormAndEveryoneSeesItWithItsSource(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let reno = try await agencyID(db, "Reno NV PD")
            var browser = try await makeSession(db, vera)
            // A form without a source is refused, every problem listed and the typed text kept.
            let refused = try await browser.post(app, SiteURL.agencyContracts(reno).path, [("vendor", "Flock <Safety>"), ("end_date", "2027-01-26"), ("amount_usd", "12k")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("value=\"Flock &lt;Safety&gt;\"") && refused.body.contains("value=\"2027-01-26\""))
            #expect(refused.body.contains("<strong>source_url</strong>") && refused.body.contains("<strong>source_title</strong>") && refused.body.contains("<strong>amount_usd</strong>"))
            #expect(try await ContractStore(db).forAgency(reno).contracts.isEmpty)
            // MUT
            let saved = try await browser.post(app, SiteURL.agencyContracts(reno).path, [
                ("vendor", "Flock Safety"), ("end_date", "2027-01-26"), ("end_kind", "renewal"), ("amount_usd", "125000"), ("cameras", "40"),
                ("source_url", "https://reno.example.gov/agenda"), ("source_title", "Council agenda"), ("confidence", "high"), ("notes", ""),
            ])
            #expect(saved.status == .seeOther || saved.status == .found)
            // validate: public at once (anonymous, through the response cache), with its source and the days left.
            let page = try await app.fetch(SiteURL.agency(reno).path)
            #expect(page.body.contains("renews 2027-01-26, in 60 days") && page.body.contains(">Council agenda</a>") && page.body.contains("$125,000"))
            let event = try #require(try await AuditLog(db).events(AuditFilter(entityType: "contract")).first)
            #expect(event.action == "contract.add" && event.actor.userID == vera.id && event.actor.channel == .web)
            let renewals = try await app.fetch(SiteURL.renewals.path)
            #expect(renewals.status == .ok && renewals.body.contains("Reno NV PD") && renewals.body.contains("<td>60</td>"))
            let calendar = try await app.fetch(SiteURL.renewalsCalendar.with([("within", "100000")]))
            #expect(calendar.headers.contentType?.subType == "calendar" && calendar.body.contains("DTSTART;VALUE=DATE:20270126"))
            // A contract of another agency is not reachable through this one.
            let sparks = try await agencyID(db, "Sparks NV PD")
            let contractID = try #require(Int(event.entityID))
            #expect(try await browser.get(app, SiteURL.agencyContract(sparks, contract: contractID).path).status == .notFound)
            #expect(try await browser.post(app, SiteURL.agencyContractRemove(sparks, contract: contractID).path, []).status == .notFound)
            // Removing it through its own agency works and is audited.
            _ = try await browser.post(app, SiteURL.agencyContractRemove(reno, contract: contractID).path, [])
            #expect(try await ContractStore(db).forAgency(reno).contracts.isEmpty)
            #expect(try await AuditLog(db).events(AuditFilter(entityType: "contract")).first?.action == "contract.remove")
        }
    }

    @Test(arguments: TestBackend.available)
    func theGoverningBodyAndOfficialsAreEditedAndShownWithContactLinks(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let reno = try await agencyID(db, "Reno NV PD")
            var browser = try await makeSession(db, vera)
            _ = try await browser.post(app, SiteURL.agencyGoverningBody(reno).path, [("body_kind", "city_council"), ("body_name", "Reno City Council"),
                                                                                     ("source_url", "https://reno.example.gov/council"), ("source_title", "Council page")])
            let bad = try await browser.post(app, SiteURL.agencyOfficials(reno).path, [("name", "Hillary Schieve"), ("office", ""), ("email", "nope")])
            #expect(bad.status == .badRequest && bad.body.contains("value=\"Hillary Schieve\"") && bad.body.contains("<strong>office</strong>"))
            _ = try await browser.post(app, SiteURL.agencyOfficials(reno).path, [("name", "Hillary Schieve"), ("office", "Mayor"), ("email", "mayor@reno.example.gov"),
                                                                                 ("source_url", "https://reno.example.gov/council"), ("source_title", "Council page")])
            let page = try await app.fetch(SiteURL.agency(reno).path)
            #expect(page.body.contains("Reno City Council</strong> (City council)") && page.body.contains("href=\"mailto:mayor@reno.example.gov\""))
            let actions = try await AuditLog(db).events(AuditFilter(limit: 5)).map(\.action)
            #expect(actions.prefix(2) == ["official.add", "governing_body.add"])
            // Anonymous visitors cannot edit.
            let anonymous = try await app.fetch(SiteURL.agencyOfficials(reno).path)
            #expect(anonymous.status != .ok)
        }
    }
}
