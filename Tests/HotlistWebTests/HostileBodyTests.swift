import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import NIOCore
import Testing
import VaporTesting

/// Issue 11, attacks 1 and 2: bodies that cost the server before it knows who sent them.
@Suite struct HostileBodyTests {
    /// `k[]=x&k[]=x&…`: Vapor's decoder takes time that grows with the square of this count.
    static func repeatedKeys(_ count: Int) -> String {
        String(repeating: "k[]=x&", count: count)
    }

    @Test(arguments: TestBackend.available)
    func aFormWithMoreFieldsThanOursIsRefusedUnread(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            try await addPerson(db, "vera@example.org", .volunteer)
            // Without a form cookie no token can match: 403 before the body is read.
            var stranger = BrowserSession()
            let bare = try await stranger.post(app, SiteURL.signIn.path, [("k[]", "x")], csrf: .some(nil))
            #expect(bare.status == .forbidden)
            let flood = try await app.fetch(SiteURL.signIn.path, method: .POST, headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                            body: Self.repeatedKeys(160_000))
            #expect(flood.status == .forbidden)
            // With the form cookie (anyone can get one): the count is checked before any decoder runs.
            var visitor = BrowserSession()
            _ = try await visitor.get(app, SiteURL.signIn.path)
            for path in [SiteURL.signIn.path, SiteURL.resetPassword.path] {
                var headers = visitor.headers
                headers.contentType = .urlEncodedForm
                let answer = try await app.fetch(path, method: .POST, headers: headers,
                                                 body: Self.repeatedKeys(160_000) + "csrf_token=\(visitor.csrf)")
                #expect(answer.status == .badRequest, "\(path)")
                #expect(answer.body.contains("more than 1000 fields"), "\(path): \(answer.body.prefix(300))")
            }
            // Our own forms, with the token anywhere in the body, still work.
            var headers = visitor.headers
            headers.contentType = .urlEncodedForm
            let signIn = try await app.fetch(SiteURL.signIn.path, method: .POST, headers: headers,
                                             body: "csrf_token=\(visitor.csrf)&email=vera%40example.org&password=a+long+test+password")
            #expect(signIn.status == .seeOther)
        }
    }

    @Test(arguments: TestBackend.available)
    func anUploadWithMorePartsThanOursIsRefusedAndStoresNothing(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let sparks = try await agencyID(db, "Sparks NV PD")
            let browser = try await makeSession(db, vera)
            let fields = (0..<5_000).map { ("k\($0)", "x") } + [("description", "reply")]
            let (contentType, body) = multipartBody(fields: fields + [("csrf_token", browser.csrf)], fileName: "reply.pdf", fileBytes: Data("%PDF-1.4 x".utf8))
            var headers = browser.headers
            headers.replaceOrAdd(name: .contentType, value: contentType)
            let answer = try await app.fetchBytes(SiteURL.agencyEvidence(sparks).path, method: .POST, headers: headers, body: body)
            #expect(answer.status == .badRequest)
            #expect(String(decoding: answer.body, as: UTF8.self).contains("more than 64 parts"))
            #expect(try await EvidenceStore(db, directory: "unused").list(agencyID: sparks).isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func onlyRealUploadRoutesForUploadersTakeLargeBodies(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let sparks = try await agencyID(db, "Sparks NV PD")
            let twoMB = ByteBuffer(repeating: UInt8(ascii: "a"), count: 2 * 1_048_576)
            // No route, or not signed in: the general 1 MB limit, whatever the path ends with.
            for path in ["/x/evidence", "/x/hotlist-log", SiteURL.agencyEvidence(sparks).path, "/agencies/\(sparks)/hotlist-log", SiteURL.agencyHitLog(sparks).path] {
                let answer = try await app.fetchBytes(path, method: .POST, headers: ["Content-Type": "application/octet-stream"], body: twoMB)
                #expect(answer.status == .payloadTooLarge, "\(path)")
            }
            // A signed-in volunteer may send an evidence file of that size.
            let browser = try await makeSession(db, vera)
            let pdf = Data("%PDF-1.4\n".utf8) + Data(repeating: 0x20, count: 2 * 1_048_576)
            var uploader = browser
            let stored = try await uploader.upload(app, SiteURL.agencyEvidence(sparks).path, [("description", "reply")], fileName: "reply.pdf", bytes: pdf)
            #expect(stored.status != .payloadTooLarge)
            #expect(try await EvidenceStore(db, directory: "unused").list(agencyID: sparks).count == 1)
            // The same session gets the general limit on a route that is not an upload.
            var poster = browser
            let big = try await poster.post(app, SiteURL.recordsContact(sparks).path, [("email", "r@sparks.example.gov"), ("notes", String(repeating: "b", count: 2 * 1_048_576))])
            #expect(big.status == .payloadTooLarge)
        }
    }
}
