import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

@Suite struct AuditTrailTests {
    @Test(arguments: TestBackend.available)
    func changesThroughTheWebAndTheAPIAreRecordedWithTheirActor(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let reno = try await agencyID(db, "Reno NV PD")
            var browser = try await makeSession(db, vera)
            // MUT: one change on the web, one through the API.
            _ = try await browser.post(app, SiteURL.recordsContact(reno).path, [("email", "records@reno.example.gov"), ("portal_url", "")])
            let token = try await makeAPIToken(db, vera)
            _ = try await app.fetch(SiteURL.api(.recordsContact(reno)).path, method: .PUT, headers: .bearer(token),
                                    body: #"{"email": "records@reno.example.gov", "portal_url": "https://reno.govqa.us/"}"#)
            // validate
            let events = try await AuditLog(db).events(AuditFilter(entityType: "agency", entityID: String(reno)))
            #expect(events.count == 2)
            let api = try #require(events.first), web = try #require(events.last)
            #expect(web.actor.userID == vera.id && web.actor.channel == .web && web.actor.label == "vera@example.org")
            #expect(web.before?["records_email"] == .some(nil) && web.after?["records_email"] == "records@reno.example.gov")
            #expect(api.actor.userID == vera.id && api.actor.channel == .api)
            #expect(api.changedFields == ["records_portal_url"])
            #expect(api.after?["records_portal_url"] == "https://reno.govqa.us/")
            // The public page shows the corrected contact at once (the response cache was told).
            #expect(try await app.fetch(SiteURL.agency(reno).path).body.contains("https://reno.govqa.us/"))
        }
    }

    @Test(arguments: TestBackend.available)
    func theTrailRefusesUpdatesAndDeletes(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await AccountStore(db).create(email: "vera@example.org", displayName: nil, role: .volunteer, passwordHash: "x", by: .system, now: testStart)
            let before = try await AuditLog(db).events(AuditFilter())
            #expect(before.count == 1)
            // MUT: even raw SQL, bypassing the store, cannot change the trail.
            await #expect(throws: (any Error).self) { try await db.sql.raw("UPDATE audit_events SET actor_label = 'someone else'").run() }
            await #expect(throws: (any Error).self) { try await db.sql.raw("DELETE FROM audit_events").run() }
            if backend == .postgres {
                await #expect(throws: (any Error).self) { try await db.sql.raw("TRUNCATE audit_events").run() }
            }
            #expect(try await AuditLog(db).events(AuditFilter()) == before)
        }
    }

    @Test(arguments: TestBackend.available)
    func adminsReadAndExportTheTrailFilteredByPerson(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let admin = try await addPerson(db, "ada@example.org", .admin, name: "Ada Admin")
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            var adminBrowser = try await makeSession(db, admin)
            // MUT: the admin changes Vera's role on the people page.
            let changed = try await adminBrowser.post(app, SiteURL.personRole(vera.id).path, [("role", "reviewer")])
            #expect(changed.status == .ok)
            #expect(try await AccountStore(db).user(id: vera.id)?.role == .reviewer)
            // validate: the page, filtered by the admin, lists the change with before and after.
            let page = try await adminBrowser.get(app, SiteURL.audit.with([("person", String(admin.id))]))
            #expect(page.status == .ok)
            #expect(page.body.contains("<td data-label=\"What\"><code>user.role.update</code></td>"))
            #expect(page.body.contains("<li><code>role</code>: <q>volunteer</q> → <q>reviewer</q></li>"))
            #expect(!page.body.contains("SQLRaw") && !page.body.contains("binds:"), "rows are rendered as HTML, not as a query's description")
            #expect(!page.body.contains("user.create"), "the filter keeps out changes by others (the test set-up)")
            let csv = try await adminBrowser.get(app, SiteURL.auditCSV.with([("entity", "user"), ("entity_id", String(vera.id))]))
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.split(separator: "\r\n")
            #expect(lines.first == Substring(AuditCSV.header.joined(separator: ",")))
            #expect(lines.count == 3, "header, Vera's creation, the role change")
            #expect(lines.last?.contains("user.role.update") == true)
            // A bad filter is a 400 naming it.
            let bad = try await adminBrowser.get(app, SiteURL.audit.with([("entity", "planet")]))
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("entity"))
        }
    }

    @Test(arguments: TestBackend.available)
    func theLastActiveAdminCannotBeDemotedOrDisabled(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let admin = try await addPerson(db, "ada@example.org", .admin)
            var browser = try await makeSession(db, admin)
            let demote = try await browser.post(app, SiteURL.personRole(admin.id).path, [("role", "volunteer")])
            #expect(demote.status == .badRequest)
            #expect(demote.body.contains("only active admin"))
            let disable = try await browser.post(app, SiteURL.personDisable(admin.id).path, [])
            #expect(disable.status == .badRequest)
            #expect(try await AccountStore(db).user(id: admin.id)?.role == .admin)
            #expect(try await AccountStore(db).user(id: admin.id)?.isActive == true)
        }
    }

    @Test(arguments: TestBackend.available)
    func anAdminAddsAPersonWhoSetsTheirOwnPassword(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let admin = try await addPerson(db, "ada@example.org", .admin)
            var adminBrowser = try await makeSession(db, admin)
            let page = try await adminBrowser.post(app, SiteURL.people.path, [("email", "New.Person@Example.org"), ("name", "Nia New"), ("role", "reviewer")])
            #expect(page.status == .ok)
            let code = try #require(page.text(ofID: "reset-code"))
            var newcomer = BrowserSession()
            _ = try await newcomer.get(app, SiteURL.resetPassword.with([("token", code)]))
            #expect(try await newcomer.post(app, SiteURL.resetPassword.path, [("token", code), ("password", "nia's own passphrase"), ("confirm", "nia's own passphrase")]).status == .seeOther)
            #expect(try await newcomer.signIn(app, "new.person@example.org", password: "nia's own passphrase").status == .seeOther)
            let home = try await newcomer.get(app, "/")
            #expect(home.body.contains("Nia New") && home.body.contains("(reviewer)"))
            // Bad input: a duplicate email and a made-up role, both named, nothing added.
            let duplicate = try await adminBrowser.post(app, SiteURL.people.path, [("email", "new.person@example.org"), ("role", "boss")])
            #expect(duplicate.status == .badRequest)
            #expect(try await AccountStore(db).users().count == 2)
        }
    }

    @Test(arguments: TestBackend.available)
    func namesAndEmailsNeverReachPublicPagesOrTheAPI(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            // setup: a person with a distinctive name makes a public change.
            let vera = try await addPerson(db, "veronica.private@example.org", .volunteer, name: "Veronica Quixotica")
            let sparks = try await agencyID(db, "Sparks NV PD")
            var browser = try await makeSession(db, vera)
            _ = try await browser.post(app, SiteURL.recordsContact(sparks).path, [("email", "records@sparks.example.gov")])
            // validate: no public page or API answer names them.
            let paths = ["/", "/agencies", SiteURL.agency(sparks).path, "/about", "/reference/ncic", "/reference/states", "/reference/states/NV",
                         "/api/v1/agencies", SiteURL.api(.agency(sparks)).path, "/api/v1/openapi.json", "/sign-in", "/reset-password"]
            for path in paths {
                let page = try await app.fetch(path)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.body.contains("Veronica") && !page.body.contains("veronica.private"), "\(path) shows a person's name or email")
            }
            #expect(try await app.fetch(SiteURL.agency(sparks).path).body.contains("records@sparks.example.gov"))
        }
    }
}
