import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

/// Issue 11, attack 8: any volunteer could withdraw anyone's request, and nobody could undo it.
@Suite struct RequestWithdrawalTests {
    @Test(arguments: TestBackend.available)
    func onlyTheAuthorOrAReviewerWithdrawsAndAnAdminReopens(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let wes = try await addPerson(db, "wes@example.org", .volunteer)
            let rita = try await addPerson(db, "rita@example.org", .reviewer)
            let ada = try await addPerson(db, "ada@example.org", .admin)
            let sparks = try await agencyID(db, "Sparks NV PD")
            let store = RequestStore(db)
            func draft() async throws -> Int {
                let made = try await store.createDraft(RequestDraft(agencyID: sparks, requester: Requester(name: "Vera Volunteer", email: "vera@example.org", stateCode: "NV"),
                                                                    subject: "Records", letter: "Please send…", channel: .email), by: .user(vera, channel: .web), now: testStart)
                return try await store.file(requestID: made.id, filedOn: CalendarDay(iso: "2026-03-02")!, calculator: try await ReferenceQueries(db).deadlineCalculator(),
                                            by: .user(vera, channel: .web), now: testStart).id
            }
            let first = try await draft(), second = try await draft()
            let path = SiteURL.requestAction(first, .status).path

            // Another volunteer: not offered, and refused if sent anyway; nothing changes.
            var other = try await makeSession(db, wes)
            #expect(try await other.get(app, SiteURL.request(first).path).body.contains("value=\"withdrawn\"") == false)
            let refused = try await other.post(app, path, [("status", "withdrawn")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("only the person who wrote this request, a reviewer or an admin can withdraw it"))
            #expect(try await store.request(id: first)?.status == .filed)

            // The author can; so can a reviewer, on someone else's request.
            var author = try await makeSession(db, vera)
            #expect(try await author.get(app, SiteURL.request(first).path).body.contains("value=\"withdrawn\""))
            #expect(try await author.post(app, path, [("status", "withdrawn")]).status == .seeOther)
            #expect(try await store.request(id: first)?.status == .withdrawn)
            var reviewer = try await makeSession(db, rita)
            #expect(try await reviewer.post(app, SiteURL.requestAction(second, .status).path, [("status", "withdrawn")]).status == .seeOther)

            // Reopening: not for volunteers or reviewers; an admin with a reason, audited.
            #expect(try await author.post(app, SiteURL.requestAction(first, .reopen).path, [("note", "mistake")]).status == .forbidden)
            #expect(try await reviewer.post(app, SiteURL.requestAction(first, .reopen).path, [("note", "mistake")]).status == .forbidden)
            var admin = try await makeSession(db, ada)
            let page = try await admin.get(app, SiteURL.request(first).path)
            #expect(page.body.contains("id=\"reopen-form\""))
            #expect(try await admin.post(app, SiteURL.requestAction(first, .reopen).path, [("note", "")]).status == .badRequest)
            let reopened = try await admin.post(app, SiteURL.requestAction(first, .reopen).path, [("note", "withdrawn by mistake")])
            #expect(reopened.status == .seeOther)
            #expect(try await store.request(id: first)?.status == .filed)
            let trail = try await AuditLog(db).events(AuditFilter(entityType: "request", entityID: String(first)))
            #expect(trail.contains { $0.action == "request.reopen" && $0.actor.label == "ada@example.org" })
            #expect(try await admin.post(app, SiteURL.requestAction(first, .reopen).path, [("note", "again")]).status == .badRequest, "only a withdrawn request is reopened")
        }
    }

    /// Found by the attacker probe: another volunteer could rewrite a draft and point its replies elsewhere.
    @Test(arguments: TestBackend.available)
    func onlyTheAuthorOrAReviewerEditsADraft(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let wes = try await addPerson(db, "wes@example.org", .volunteer)
            let sparks = try await agencyID(db, "Sparks NV PD")
            let draft = try await RequestStore(db).createDraft(RequestDraft(agencyID: sparks, requester: Requester(name: "Vera Volunteer", email: "vera@example.org", stateCode: "NV"),
                                                                            subject: "Records", letter: "Please send…", channel: .email), by: .user(vera, channel: .web), now: testStart)
            let fields = [("requester_name", "Wes"), ("requester_email", "attacker@evil.example"), ("requester_state", "NV"), ("subject", "Records"),
                          ("letter", "Hijacked"), ("channel", "email")]
            var other = try await makeSession(db, wes)
            let refused = try await other.post(app, SiteURL.requestAction(draft.id, .draft).path, fields)
            #expect(refused.status == .badRequest && refused.body.contains("only the person who wrote this request, a reviewer or an admin can edit it"))
            #expect(try await RequestStore(db).request(id: draft.id)?.requester.email == "vera@example.org")
            var author = try await makeSession(db, vera)
            let saved = try await author.post(app, SiteURL.requestAction(draft.id, .draft).path,
                                              [("requester_name", "Vera Volunteer"), ("requester_email", "vera@example.org"), ("requester_state", "NV"),
                                               ("subject", "Records"), ("letter", "Please send the NCIC settings."), ("channel", "email")])
            #expect(saved.status == .seeOther)
            #expect(try await RequestStore(db).request(id: draft.id)?.letter.contains("NCIC settings") == true)
        }
    }
}
