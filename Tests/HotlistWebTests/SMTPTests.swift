import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

/// Sending request emails through a real SMTP server: scripts/test starts aiosmtpd on loopback and
/// sets HOTLISTWATCH_TEST_SMTP (host:port) and HOTLISTWATCH_TEST_SMTP_MAILDIR (where it stores mail).
@Suite struct SMTPTests {
    static let server = ProcessInfo.processInfo.environment["HOTLISTWATCH_TEST_SMTP"]
    static let maildir = ProcessInfo.processInfo.environment["HOTLISTWATCH_TEST_SMTP_MAILDIR"]

    static func setUp(_ db: HotlistDatabase) async throws -> (UserAccount, RecordsRequest) {
        let vera = try await addPerson(db, "vera@example.org", .volunteer)
        let sparks = try await agencyID(db, "Sparks NV PD")
        try await RecordsContactEditor(db).replace(agencyID: sparks, with: RecordsContact(email: "records@cityofsparks.us"), by: .system, now: testStart)
        let marker = "Hotlist Watch test \(UUID().uuidString)"
        let draft = try await RequestStore(db).createDraft(RequestDraft(agencyID: sparks, requester: Requester(name: "Véra Volunteer", email: "vera@example.org"),
                                                                        subject: marker, letter: "Please send the NCIC settings.\n.\nA line with a dot above.", channel: .email),
                                                           by: .system, now: testStart)
        return (vera, draft)
    }

    @Test(.enabled(if: server != nil, "needs the local SMTP server that scripts/test starts (HOTLISTWATCH_TEST_SMTP)"), arguments: TestBackend.available)
    func aRequestIsSentByEmailAndMarkedFiled(backend: TestBackend) async throws {
        let smtp = try SMTPConfiguration.parse("smtp://" + Self.server!)
        try await withFixtureApp(backend, smtp: smtp) { app, db in
            let (vera, draft) = try await Self.setUp(db)
            var browser = try await makeSession(db, vera)
            #expect(try await browser.get(app, SiteURL.request(draft.id).path).body.contains("id=\"send-email\""))
            // MUT
            let sent = try await browser.post(app, SiteURL.requestAction(draft.id, .send).path, [])
            // validate: filed today, and the server holds the message with our subject, to the agency.
            #expect(sent.status == .ok && sent.body.contains("Sent to records@cityofsparks.us"))
            #expect(try await RequestStore(db).request(id: draft.id)?.status == .filed)
            let folder = URL(fileURLWithPath: try #require(Self.maildir)).appendingPathComponent("new")
            let messages = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).compactMap { try? String(contentsOf: $0, encoding: .utf8) }
            let message = try #require(messages.first { $0.contains("To: <records@cityofsparks.us>") && $0.contains("From: =?UTF-8?B?") && $0.contains("Subject: \(draft.subject)") })
            let body = message.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n").replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\r", with: "")
            #expect(String(data: Data(base64Encoded: body) ?? Data(), encoding: .utf8)?.contains("\r\n.\r\nA line with a dot above.") == true)
            // Sending twice is refused.
            #expect(try await browser.post(app, SiteURL.requestAction(draft.id, .send).path, []).status == .badRequest)
        }
    }

    @Test(arguments: TestBackend.available)
    func aFailedSendLeavesTheDraftAndSaysWhy(backend: TestBackend) async throws {
        // A port nothing listens on: the connection is refused.
        let closed = try SMTPConfiguration.parse("smtp://127.0.0.1:9")
        try await withFixtureApp(backend, smtp: closed) { app, db in
            let (vera, draft) = try await Self.setUp(db)
            var browser = try await makeSession(db, vera)
            let auditBefore = try await AuditLog(db).count(AuditFilter(entityType: "request"))
            let failed = try await browser.post(app, SiteURL.requestAction(draft.id, .send).path, [])
            #expect(failed.status == .badGateway)
            #expect(failed.body.contains("not sent: could not reach the mail server") && failed.body.contains("still a draft"))
            #expect(try await RequestStore(db).request(id: draft.id)?.status == .draft)
            #expect(try await AuditLog(db).count(AuditFilter(entityType: "request")) == auditBefore)
        }
    }

    @Test func smtpAddressesAreCheckedAndPasswordsNeverPrinted() throws {
        let parsed = try SMTPConfiguration.parse("smtps://mailer:s3cr%40t@mail.example.org")
        #expect(parsed.port == 465 && parsed.useTLS && parsed.password == "s3cr@t")
        #expect(!parsed.description.contains("s3cr"))
        #expect(throws: SMTPError.self) { try SMTPConfiguration.parse("http://mail.example.org") }
    }
}
