import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

/// Issue 11, attacks 9 and 4: other volunteers saw people's emails; two reviewers could both verify.
@Suite struct PeopleLabelTests {
    @Test(arguments: TestBackend.available)
    func emailsAreShownOnlyToThePersonAndToAdmins(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let atherton = try await agencyID(db, "Atherton CA PD")
            let vera = try await addPerson(db, "vera@example.org", .volunteer, name: "Vera Volunteer")
            let wes = try await addPerson(db, "wes@example.org", .volunteer, name: "Wes Other")
            let rita = try await addPerson(db, "rita@example.org", .reviewer, name: "Rita Reviewer")
            let ada = try await addPerson(db, "ada@example.org", .admin, name: "Ada Admin")
            var author = try await makeSession(db, vera)
            let file = try #require(EvidencePageTests.evidenceID(fromRedirect: try await author.upload(app, SiteURL.agencyEvidence(atherton).path, [], fileName: "settings.pdf", bytes: EvidencePageTests.pdf)))
            let created = try await author.post(app, SiteURL.agencyFindings(atherton).path, [("evidence", String(file)), ("as_of", "2026-10-01"), ("topic_immigration_violator", "enabled")])
            let findingID = try #require(Int(created.headers.first(name: .location)?.split(separator: "?").first?.dropFirst("/findings/".count) ?? ""))
            let pages = [SiteURL.evidence(file).path, SiteURL.finding(findingID).path, SiteURL.agencyEvidence(atherton).path]

            for person in [wes, rita] {
                var session = try await makeSession(db, person)
                for path in pages + (person.role == .reviewer ? [SiteURL.review.path] : []) {
                    let page = try await session.get(app, path)
                    #expect(page.status == .ok, "\(path)")
                    #expect(!page.body.contains("vera@example.org"), "\(person.email) sees Vera's email on \(path)")
                    if path != SiteURL.agencyEvidence(atherton).path { #expect(page.body.contains("Vera Volunteer (volunteer)"), "\(path)") }
                }
            }
            var admin = try await makeSession(db, ada)
            #expect(try await admin.get(app, SiteURL.finding(findingID).path).body.contains("Vera Volunteer (vera@example.org)"))
            #expect(try await author.get(app, SiteURL.evidence(file).path).body.contains("Vera Volunteer (vera@example.org)"), "one's own email is shown")

            // Two reviewers press Verify at the same moment: one succeeds, the other is told.
            let olga = try await addPerson(db, "olga@example.org", .reviewer, name: "Olga Other")
            let store = FindingStore(db)
            async let first: Bool = (try? await store.verify(findingID: findingID, version: 1, reviewer: rita, by: .user(rita, channel: .web), now: testStart)) != nil
            async let second: Bool = (try? await store.verify(findingID: findingID, version: 1, reviewer: olga, by: .user(olga, channel: .web), now: testStart)) != nil
            let outcomes = await [first, second]
            #expect(outcomes.filter { $0 }.count == 1, "\(outcomes)")
            let verifies = try await AuditLog(db).events(AuditFilter(entityType: "finding", entityID: String(findingID))).filter { $0.action == "finding.verify" }
            #expect(verifies.count == 1)
        }
    }
}
