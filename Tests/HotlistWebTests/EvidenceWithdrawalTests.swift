import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

/// Issue 11: an admin withdraws a file uploaded by mistake; its bytes go, its record and reason stay.
@Suite struct EvidenceWithdrawalTests {
    @Test(arguments: TestBackend.available)
    func anAdminWithdrawsAFileAndItsBytesAreGone(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let atherton = try await agencyID(db, "Atherton CA PD")
            let vera = try await addPerson(db, "vera@example.org", .volunteer, name: "Vera Volunteer")
            let rita = try await addPerson(db, "rita@example.org", .reviewer)
            let ada = try await addPerson(db, "ada@example.org", .admin)
            var author = try await makeSession(db, vera)
            let file = try #require(EvidencePageTests.evidenceID(fromRedirect: try await author.upload(app, SiteURL.agencyEvidence(atherton).path, [],
                                                                                                          fileName: "settings.pdf", bytes: EvidencePageTests.pdf)))
            _ = try await author.post(app, SiteURL.agencyFindings(atherton).path, [("evidence", String(file)), ("as_of", "2026-10-01"), ("topic_immigration_violator", "enabled")])
            let store = app.storage[EvidenceSettingsKey.self]!
            let evidence = EvidenceStore(db, directory: store.directory)
            let stored = try #require(try await evidence.evidence(id: file))
            #expect(EvidenceBlobs(directory: store.directory).exists(stored.sha256))

            // Volunteers and reviewers may not; the form is not offered to them.
            var reviewer = try await makeSession(db, rita)
            #expect(!(try await reviewer.get(app, SiteURL.evidence(file).path).body.contains("id=\"withdraw-form\"")))
            #expect(try await reviewer.post(app, SiteURL.evidenceWithdraw(file).path, [("reason", "mistake")]).status == .forbidden)
            #expect(try await author.post(app, SiteURL.evidenceWithdraw(file).path, [("reason", "mistake")]).status == .forbidden)
            // An admin, with a reason.
            var admin = try await makeSession(db, ada)
            #expect(try await admin.get(app, SiteURL.evidence(file).path).body.contains("id=\"withdraw-form\""))
            #expect(try await admin.post(app, SiteURL.evidenceWithdraw(file).path, [("reason", " ")]).status == .badRequest)
            let done = try await admin.post(app, SiteURL.evidenceWithdraw(file).path, [("reason", "uploaded to the wrong agency")])
            #expect(done.status == .seeOther)

            // The bytes are gone; the record, the reason and the audit entry stay; verify is clean.
            #expect(!EvidenceBlobs(directory: store.directory).exists(stored.sha256))
            let page = try await admin.get(app, SiteURL.evidence(file).path)
            #expect(page.body.contains("id=\"evidence-withdrawn\"") && page.body.contains("uploaded to the wrong agency") && page.body.contains("need other evidence"))
            #expect(!page.body.contains("id=\"download-evidence\""))
            let download = try await admin.get(app, SiteURL.evidenceFile(file).path)
            #expect(download.status == .gone && download.body.contains("uploaded to the wrong agency"))
            #expect(try await evidence.verify().isClean)
            let trail = try await AuditLog(db).events(AuditFilter(entityType: "evidence", entityID: String(file)))
            #expect(trail.contains { $0.action == "evidence.withdraw" && $0.actor.label == "ada@example.org" })
            #expect(try await admin.post(app, SiteURL.evidenceWithdraw(file).path, [("reason", "again")]).status == .badRequest, "withdrawn once only")
            // The finding that rested only on it says so.
            let findingID = try #require(try await FindingStore(db).latest(agencyID: atherton).first?.findingID)
            let findingPage = try await author.get(app, SiteURL.finding(findingID).path)
            #expect(findingPage.body.contains("id=\"rests-on-withdrawn-1\"") && findingPage.body.contains("withdrawn: uploaded to the wrong agency"))
        }
    }
}
