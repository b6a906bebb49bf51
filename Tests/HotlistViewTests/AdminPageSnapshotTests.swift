import Foundation
@testable import HotlistCore
@testable import HotlistStore
@testable import HotlistWeb
import Testing

/// A person's own account, the people list, the audit trail and the records-contact form.
@Suite struct AdminPageSnapshotTests {
    @Test func account() {
        let tokens = [APITokenInfo(id: 1, name: "script <one> & \"two\"", prefix: "hw_ab<", createdAt: Fixture.daysAgo(9), lastUsedAt: Fixture.daysAgo(1), revokedAt: nil),
                      APITokenInfo(id: 2, name: "old", prefix: "hw_cd", createdAt: Fixture.daysAgo(30), lastUsedAt: nil, revokedAt: Fixture.daysAgo(3))]
        assertPage(AccountView.render(.init(viewer: Fixture.viewer(.admin, name: Fixture.hostile), tokens: tokens, newToken: "hw_new<&>\"",
                                            message: "Password changed & <ok>")), named: "tokens-new-token")
        assertPage(AccountView.render(.init(viewer: Fixture.viewer(.volunteer), tokens: [], newToken: nil, message: nil,
                                            problems: [InputProblem(file: "form", field: "password", problem: "too short", hint: "12 or more")])), named: "problems")
    }

    @Test func people() {
        var disabled = Fixture.account(.volunteer, id: 8, name: Fixture.hostile, email: "x\"<y>@example.org")
        disabled.disabledAt = Fixture.daysAgo(4)
        disabled.lastSignInAt = nil
        let people = [Fixture.account(.admin, id: 7, name: "Adam Admin", email: "adam@example.org"), disabled]
        assertPage(PeopleView.render(.init(viewer: Fixture.viewer(.admin), people: people, message: "Added & <ok>",
                                           oneTimeCode: (email: "new<&>@example.org", code: "CODE<&>\"", expires: Fixture.daysAgo(-1)))), named: "with-code")
        assertPage(PeopleView.render(.init(viewer: Fixture.viewer(.admin), people: [Fixture.account(.admin)], message: nil, oneTimeCode: nil,
                                           problems: [InputProblem(file: "form", field: "email", problem: "taken", hint: "Use another")])), named: "one-person-problems")
    }

    @Test func audit() {
        let events = [AuditEvent(id: 1, occurredAt: Fixture.daysAgo(1), actor: AuditActor(userID: 7, label: Fixture.hostile, channel: .web, clientAddress: "10.0.0.1"),
                                 action: "finding.verify<", entityType: "finding", entityID: "3&4",
                                 before: ["status": "pending & <x>", "note": nil], after: ["status": "verified", "note": "\"n\""]),
                      AuditEvent(id: 2, occurredAt: Fixture.daysAgo(2), actor: AuditActor(userID: nil, label: "cli", channel: .cli),
                                 action: "import", entityType: "agency", entityID: "9", before: nil, after: ["name": "A & B"])]
        let filter = AuditFilter(userID: 7, entityType: "finding", entityID: "3&<4>")
        assertPage(AuditView.render(.init(viewer: Fixture.viewer(.admin), events: events, total: 120, filter: filter, page: 2, pageSize: 50,
                                          people: [Fixture.account(.admin, id: 7, email: "a<&>@example.org")])), named: "filtered-middle-page")
        assertPage(AuditView.render(.init(viewer: Fixture.viewer(.admin), events: [], total: 0, filter: AuditFilter(), page: 1, pageSize: 50, people: [])), named: "empty")
    }

    @Test func recordsContact() {
        assertPage(RecordsContactView.render(.init(viewer: Fixture.viewer(.volunteer), agencyID: 1, agencyName: Fixture.hostile, email: "r\"@x<.org",
                                                   portalURL: "https://x.example/?a=1&b=\"2\"",
                                                   problems: [InputProblem(file: "form", field: "email", problem: "not an email", hint: "name@example.org")])), named: "problems")
        assertPage(RecordsContactView.render(.init(viewer: Fixture.viewer(.volunteer), agencyID: 1, agencyName: "Sparks NV PD", email: "", portalURL: "")), named: "empty")
    }
}
