import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

/// The web side of an audit log: it waits in the review queue, a second reviewer verifies it there,
/// and only then does the agency page show its counts.
@Suite struct SearchAuditPageTests {
    static let log = "ID,Name,Org Name,Total Networks Searched,Time Frame,License Plate,Reason,Case #,Filters,Search Time,Search Type,Text Prompt,Moderation\n"
        + "1,Officer Krupke,Reno NV PD,5,x,PLATE777,ICE detainer,1,,2025-04-02,Lookup,,\n2,Sgt Friday,Reno NV PD,5,x,ZZT4411,stolen car,2,,2025-04-03,Lookup,,\n"

    @Test(arguments: TestBackend.available)
    func aReviewerVerifiesAnAuditLogFromTheQueue(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let sparks = try await agencyID(db, "Sparks NV PD")
            let volunteer = try await addPerson(db, "vol@example.org", .volunteer)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hw-audit-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let path = folder + "/network-audit.csv"
            try Data(Self.log.utf8).write(to: URL(fileURLWithPath: path))
            let stored = try await SearchAuditStore(db, evidence: EvidenceStore(db, directory: folder + "/evidence"))
                .importLog(fileAt: path, kind: .network, EvidenceSubmission(agencyID: sparks, originalName: "network-audit.csv"), by: .user(volunteer, channel: .cli), now: Date()) { copy in
                    let scan = AuditLogScan()
                    try scan.scanCSV(file: copy, source: try AuditLogFileSource(path: copy), fileBytes: Self.log.utf8.count)
                    return scan.summary
                }
            #expect(!(try await app.fetch(SiteURL.agency(sparks).path).body.contains("search-audits")), "unverified: not public")
            // The person who stored it sees it in the queue, without a button.
            var own = try await makeSession(db, volunteer)
            #expect(try await own.post(app, SiteURL.searchAuditVerify(stored.id).path, []).status == .forbidden, "volunteers do not verify")
            var reviewer = try await makeSession(db, try await addPerson(db, "rev@example.org", .reviewer))
            // Signed in, the agency page shows the waiting counts, marked not public; the reviewer gets
            // a Verify button there, the person who stored it does not.
            let reviewersView = try await reviewer.get(app, SiteURL.agency(sparks).path).body
            #expect(reviewersView.contains("class=\"pending-audit\"") && reviewersView.contains("Reno NV PD (1)") && reviewersView.contains("verify-audit-log-\(stored.id)"))
            #expect(!reviewersView.contains("<p>No records yet.</p>"), "the records section points to the audit log below instead")
            let ownView = try await own.get(app, SiteURL.agency(sparks).path).body
            #expect(ownView.contains("class=\"pending-audit\"") && !ownView.contains("verify-audit-log-\(stored.id)"))
            #expect(!(try await app.fetch(SiteURL.agency(sparks).path).body.contains("pending-audit")), "still nothing for the public")
            #expect(try await reviewer.get(app, SiteURL.home.path).body.contains("1 finding, statement or audit log waits for your review"))
            let queue = try await reviewer.get(app, SiteURL.review.path)
            #expect(queue.body.contains("id=\"audit-log-queue\"") && queue.body.contains("verify-audit-log-\(stored.id)"))
            #expect(queue.body.contains("1 search of Sparks NV PD&#39;s cameras cited immigration"))
            #expect(!queue.body.contains("Krupke") && !queue.body.contains("PLATE777"))
            #expect(!queue.body.contains("vol@example.org"), "a reviewer sees who stored it by name and role, not their email")
            // Its file's page offers no publish button: the log names officers and lists plates.
            let filePage = try await reviewer.get(app, SiteURL.evidence(stored.evidenceID).path).body
            #expect(filePage.contains("id=\"search-audit-private\"") && !filePage.contains("id=\"publish-evidence\""))
            let verified = try await reviewer.post(app, SiteURL.searchAuditVerify(stored.id).path, [])
            #expect(verified.status == .seeOther && verified.headers.first(name: .location)?.hasSuffix("notice=audit-log-verified") == true)
            let page = try await app.fetch(SiteURL.agency(sparks).path)
            #expect(page.body.contains("id=\"search-audit-\(stored.id)\"") && page.body.contains("Reno NV PD (1)") && !page.body.contains("pending-audit"))
            #expect(!page.body.contains("Krupke") && !page.body.contains("PLATE777"))
            #expect(try await reviewer.get(app, SiteURL.review.path).body.contains("id=\"audit-queue-empty\""))
            // Twice (the back button): the page says it is done already, and nothing changes.
            let again = try await reviewer.post(app, SiteURL.searchAuditVerify(stored.id).path, [])
            #expect(again.status == .seeOther && again.headers.first(name: .location)?.hasSuffix("notice=audit-log-already-verified") == true)
            #expect(try await SearchAuditStore(db).log(id: stored.id)?.isVerified == true)
        }
    }
}
