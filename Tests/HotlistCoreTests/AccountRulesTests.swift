import Foundation
@testable import HotlistCore
import Testing

@Suite struct PermissionTableTests {
    @Test func everyActionHasARule() {
        for action in Action.allCases { #expect(PermissionTable.grants[action] != nil, "\(action) has no rule, so nobody may do it") }
    }

    @Test func anonymousVisitorsOnlyReadAndSignIn() {
        let allowed = Action.allCases.filter { PermissionTable.allows(nil, $0) }
        // Secret feed addresses are read by calendar programs that cannot sign in; the address is the credential.
        #expect(Set(allowed) == [.readPublic, .signIn, .readSecretFeed])
    }

    @Test func rolesGrowFromVolunteerToAdmin() {
        for action in Action.allCases {
            if PermissionTable.allows(.volunteer, action) { #expect(PermissionTable.allows(.reviewer, action), "\(action)") }
            if PermissionTable.allows(.reviewer, action) { #expect(PermissionTable.allows(.admin, action), "\(action)") }
        }
        #expect(!PermissionTable.allows(.volunteer, .manageUsers))
        #expect(!PermissionTable.allows(.reviewer, .readAuditTrail))
        #expect(PermissionTable.allows(.admin, .readAuditTrail))
    }

    @Test func roleParsingNamesTheValidRoles() throws {
        #expect(try Role.parse(" Admin ") == .admin)
        #expect(throws: InputProblems.self) { try Role.parse("superuser") }
        do { _ = try Role.parse("superuser") } catch let problems as InputProblems {
            #expect(problems.problems.first?.hint.contains("volunteer, reviewer, admin") == true)
        }
    }
}

@Suite struct CredentialRulesTests {
    @Test func passwordsMustBeLongButNotPastBcryptsLimit() {
        #expect(PasswordPolicy.problems("correct horse battery").isEmpty)
        #expect(PasswordPolicy.problems("short").count == 1)
        #expect(PasswordPolicy.problems(String(repeating: "ab", count: 37)).contains { $0.problem.contains("74 bytes") })
        #expect(PasswordPolicy.problems("aaaaaaaaaaaa").contains { $0.problem.contains("repeats") })
        #expect(PasswordPolicy.problems("me@example.org", email: "ME@example.org").contains { $0.problem.contains("email") })
    }

    @Test func emailsAreNormalisedAndChecked() throws {
        #expect(try EmailAddress.validated("  Vera@Example.ORG ") == "vera@example.org")
        for bad in ["", "vera", "vera@", "@example.org", "vera@example", "ve ra@example.org", "a@b@example.org", "vera@.org"] {
            #expect(throws: InputProblems.self, "\(bad)") { try EmailAddress.validated(bad) }
        }
    }

    @Test func displayNamesDefaultToTheEmailsLocalPart() throws {
        #expect(try DisplayName.validated(nil, email: "vera@example.org") == "vera")
        #expect(try DisplayName.validated("  Vera V  ", email: "vera@example.org") == "Vera V")
        #expect(throws: InputProblems.self) { try DisplayName.validated("two\nlines", email: "vera@example.org") }
    }

    @Test func recordsContactsAreCheckedFieldByField() throws {
        let contact = try RecordsContact.validated(email: " Records@City.GOV ", portalURL: " https://city.nextrequest.com/ ")
        #expect(contact == RecordsContact(email: "records@city.gov", portalURL: "https://city.nextrequest.com/"))
        #expect(try RecordsContact.validated(email: "", portalURL: nil) == RecordsContact())
        do {
            _ = try RecordsContact.validated(email: "nope", portalURL: "javascript:alert(1)")
            Issue.record("bad contact accepted")
        } catch let problems as InputProblems {
            #expect(problems.problems.map(\.field) == ["email", "portal_url"])
        }
    }
}

@Suite struct SignInThrottlePolicyTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func failuresLockAfterTheThresholdAndTheCountRestartsAfterTheWindow() {
        let policy = SignInThrottlePolicy()
        var state = SignInThrottleState(windowStartedAt: start)
        for _ in 1..<policy.accountLockAfter { state = policy.recordFailure(state, scope: .account, now: start) }
        #expect(!state.isLocked(at: start))
        state = policy.recordFailure(state, scope: .account, now: start)
        #expect(state.isLocked(at: start))
        #expect(!state.isLocked(at: start.addingTimeInterval(policy.lockDuration + 1)))
        // Failures spread over more than the window never add up to a lock.
        var slow = SignInThrottleState(windowStartedAt: start)
        for index in 0..<(policy.accountLockAfter * 3) {
            slow = policy.recordFailure(slow, scope: .account, now: start.addingTimeInterval(Double(index) * (policy.window / 2 + 1)))
            #expect(!slow.isLocked(at: start.addingTimeInterval(Double(index) * (policy.window / 2 + 1))))
        }
    }

    @Test func addressesGetMoreRoomThanAccounts() {
        let policy = SignInThrottlePolicy()
        var state = SignInThrottleState(windowStartedAt: start)
        for _ in 0..<policy.accountLockAfter { state = policy.recordFailure(state, scope: .address, now: start) }
        #expect(!state.isLocked(at: start))
    }

    @Test func sessionsEndWhenIdleOrTooOld() {
        let policy = SessionPolicy()
        #expect(policy.expiry(createdAt: start, lastSeenAt: start) == start.addingTimeInterval(policy.idleTimeout))
        let late = start.addingTimeInterval(policy.lifetime - 60)
        #expect(policy.expiry(createdAt: start, lastSeenAt: late) == start.addingTimeInterval(policy.lifetime))
    }
}

@Suite struct AuditCSVTests {
    @Test func fieldsAreQuotedAndFormulasDefused() {
        #expect(AuditCSV.field("plain") == "plain")
        #expect(AuditCSV.field("a,b") == "\"a,b\"")
        #expect(AuditCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(AuditCSV.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(AuditCSV.field("@SUM(A1)") == "'@SUM(A1)")
        // A case number such as -123 is a number, not a formula; anything else after "-" is guarded.
        #expect(AuditCSV.field("-123") == "-123")
        #expect(AuditCSV.field("-1,204.5") == "\"-1,204.5\"")
        #expect(AuditCSV.field("-2+3") == "'-2+3")
        #expect(AuditCSV.field("-") == "'-")
        #expect(AuditCSV.field("-A1") == "'-A1")
        #expect(AuditCSV.field("+123") == "'+123")
        #expect(AuditCSV.field("\tx") == "'\tx")
        #expect(AuditCSV.field("\r=1") == "\"'\r=1\"")
        #expect(AuditCSV.field("25-123") == "25-123")
    }

    @Test func aRowCarriesBeforeAfterAndTheChangedFields() {
        let event = AuditEvent(id: 7, occurredAt: Date(timeIntervalSince1970: 0), actor: AuditActor(userID: 3, label: "vera@example.org", channel: .api, clientAddress: "10.0.0.1"),
                               action: "agency.records_contact.update", entityType: "agency", entityID: "42",
                               before: ["records_email": nil, "records_portal_url": "https://a.example"], after: ["records_email": "r@a.example", "records_portal_url": "https://a.example"])
        let row = AuditCSV.row(event)
        #expect(row.count == AuditCSV.header.count)
        #expect(row[1] == "1970-01-01T00:00:00Z")
        #expect(row[9] == "records_email")
        #expect(row[10] == #"{"records_email":null,"records_portal_url":"https://a.example"}"#)
        #expect(AuditValuesCoding.decode(row[10]) == event.before)
    }
}
