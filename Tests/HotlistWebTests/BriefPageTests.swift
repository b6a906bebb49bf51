import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

/// Council briefs, their PDF (through the real Chromium), the press summary and letters to officials.
@Suite struct BriefPageTests {
    static let chromiumPath = ProcessInfo.processInfo.environment[ChromiumPDF.environmentVariable] ?? ChromiumPDF.defaultExecutable
    static let hasChromium = FileManager.default.isExecutableFile(atPath: chromiumPath)
    static let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The text of a PDF, through poppler's pdftotext when it is installed (nil otherwise).
    static func text(ofPDF pdf: Data) throws -> String? {
        guard let pdftotext else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hw-pdftext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.pdf"), output = directory.appendingPathComponent("out.txt")
        try pdf.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdftotext)
        process.arguments = [input.path, output.path]
        try process.run()
        process.waitUntilExit()
        return try String(contentsOf: output, encoding: .utf8)
    }

    @Test(.enabled(if: hasChromium, "needs headless Chromium at /usr/bin/chromium or HOTLISTWATCH_CHROMIUM (scripts/test installs it with the browser tests)"),
          arguments: TestBackend.available)
    func theBriefIsPrintedToPDFOnceAndServedWithItsETag(backend: TestBackend) async throws {
        try await withFixtureApp(backend, chromium: ChromiumPDF(executable: Self.chromiumPath)) { app, db in
            let sparks = try await agencyID(db, "Sparks NV PD")
            // MUT
            let first = try await app.fetchBytes(SiteURL.agencyBriefPDF(sparks).path)
            // validate: a PDF, named for the agency, with an ETag a second request can reuse.
            #expect(first.status == .ok)
            #expect(first.headers.contentType == HTTPMediaType(type: "application", subType: "pdf"))
            #expect(first.body.starts(with: Data("%PDF".utf8)))
            let etag = try #require(first.headers.first(name: .eTag))
            if let text = try Self.text(ofPDF: first.body) {
                #expect(text.contains("Sparks Police Department") && text.contains("Questions for the council"))
            } else {
                // Without poppler the e2e test (pypdf) reads the text; here the bytes must at least be a whole PDF.
                #expect(String(decoding: first.body.suffix(64), as: UTF8.self).contains("%%EOF"))
            }
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .ifNoneMatch, value: etag)
            #expect(try await app.fetchBytes(SiteURL.agencyBriefPDF(sparks).path, headers: headers).status == .notModified)
            let again = try await app.fetchBytes(SiteURL.agencyBriefPDF(sparks).path)
            #expect(again.body == first.body && again.headers.first(name: .eTag) == etag)
        }
    }

    @Test(.enabled(if: hasChromium, "needs headless Chromium at /usr/bin/chromium or HOTLISTWATCH_CHROMIUM"))
    func theRunnerPrintsOurHTMLAndLeavesNoFiles() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hwroot-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        var renderer = ChromiumPDF(executable: Self.chromiumPath)
        renderer.workRoot = root
        let html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title><link rel=\"stylesheet\" href=\"style.css\"></head><body><h1>Brief for Sparks Police Department</h1></body></html>"
        let pdf = try await renderer.render(html: html, stylesheet: "h1 { color: #000; }")
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        if let text = try Self.text(ofPDF: pdf) { #expect(text.contains("Brief for Sparks Police Department")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty, "the private temporary directory is removed")
    }

    @Test func aMissingOrHangingChromiumIsAClearErrorAndIsStopped() async throws {
        // A missing program: named, with how to fix it.
        await #expect(throws: ChromiumPDF.Failure.missing("/nonexistent/chromium")) {
            try await ChromiumPDF(executable: "/nonexistent/chromium").render(html: "<p>x</p>", stylesheet: "")
        }
        #expect(ChromiumPDF.Failure.missing("/x").description.contains("--chromium PATH"))
        // A program that never finishes: stopped at the time limit.
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("hw-slow-chromium-\(UUID().uuidString)")
        try Data("#!/bin/sh\nexec sleep 30\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        defer { try? FileManager.default.removeItem(at: script) }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hwroot-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        var slow = ChromiumPDF(executable: script.path, timeoutSeconds: 1)
        slow.workRoot = root
        let started = Date()
        await #expect(throws: ChromiumPDF.Failure.timedOut(1)) { try await slow.render(html: "<p>x</p>", stylesheet: "") }
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty, "a stopped run leaves no files either")
    }

    @Test(arguments: TestBackend.available)
    func withoutChromiumThePDFRouteSays503AndThePagesStillWork(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let sparks = try await agencyID(db, "Sparks NV PD")
            let pdf = try await app.fetch(SiteURL.agencyBriefPDF(sparks).path)
            #expect(pdf.status == .serviceUnavailable && pdf.headers.first(name: .retryAfter) == "10")
            #expect(pdf.body.contains("does not print PDFs"))
            let brief = try await app.fetch(SiteURL.agencyBrief(sparks).path)
            #expect(brief.status == .ok && brief.body.contains("id=\"brief-questions\"") && brief.body.contains("Reported by EFF"))
            #expect(brief.body.contains("href=\"\(SiteURL.agencyBriefPDF(sparks).path)\""))
            let press = try await app.fetch(SiteURL.agencyPress(sparks).path)
            #expect(press.status == .ok && press.body.contains("id=\"press-summary\">Sparks Police Department (Nevada): EFF reported"))
            #expect(try await app.fetch(SiteURL.agency(sparks).path).body.contains("id=\"agency-brief-link\""))
            #expect(try await app.fetch(SiteURL.agencyBrief(999_999).path).status == .notFound)
        }
    }

    @Test func twoPrintsAtATimeAtMostTheRestAreTurnedAway() async throws {
        // A slow "Chromium" (a real process that sleeps, then fails) holds both places.
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("hw-busy-chromium-\(UUID().uuidString)")
        try Data("#!/bin/sh\nsleep 3\nexit 1\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        defer { try? FileManager.default.removeItem(at: script) }
        let service = BriefPDFService(renderer: ChromiumPDF(executable: script.path, timeoutSeconds: 10), maxConcurrent: 2, maxWait: .milliseconds(300))
        async let first: Void = { _ = try? await service.pdf(html: "<p>1</p>", stylesheet: "") }()
        async let second: Void = { _ = try? await service.pdf(html: "<p>2</p>", stylesheet: "") }()
        try await Task.sleep(for: .milliseconds(500))
        // MUT: a third while two run.
        await #expect(throws: BriefPDFService.Refusal.self) { _ = try await service.pdf(html: "<p>3</p>", stylesheet: "") }
        _ = await (first, second)
    }

    @Test(arguments: TestBackend.available)
    func aLetterToOfficialsIsDownloadedAndLoggedForSignedInPeopleOnly(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let vera = try await addPerson(db, "vera@example.org", .volunteer, name: "Vera Volunteer")
            let sparks = try await agencyID(db, "Sparks NV PD")
            var browser = try await makeSession(db, vera)
            let page = try await browser.get(app, SiteURL.agencyLetter(sparks).path)
            #expect(page.status == .ok && page.body.contains("To the leadership of Sparks Police Department:"))
            #expect(page.body.contains(SiteURL.agencyBrief(sparks).path))
            let fields = [("recipient", "the Sparks City Council"), ("recipient_email", "clerk@cityofsparks.us"),
                          ("subject", "Sparks: ALPR hotlist settings"), ("body", "Dear members,\nPlease ask.\n\nVera Volunteer")]
            // Bad input: names the field, logs nothing.
            let bad = try await browser.post(app, SiteURL.agencyLetter(sparks).path, [("recipient", ""), ("recipient_email", "x"), ("subject", "s"), ("body", "b"), ("delivery", "eml")])
            #expect(bad.status == .badRequest && bad.body.contains("recipient_email") && bad.body.contains("is not an email address"))
            #expect(try await AgencyLetterStore(db).letters(agencyID: sparks).isEmpty)
            // MUT: the .eml download.
            let eml = try await browser.post(app, SiteURL.agencyLetter(sparks).path, fields + [("delivery", "eml")])
            #expect(eml.status == .ok && eml.headers.contentType == HTTPMediaType(type: "message", subType: "rfc822"))
            #expect(eml.body.contains("To: <clerk@cityofsparks.us>") && eml.body.contains("Subject: Sparks: ALPR hotlist settings"))
            let mailto = try await browser.post(app, SiteURL.agencyLetter(sparks).path, fields + [("delivery", "mailto")])
            #expect(mailto.status == .ok && mailto.body.contains("href=\"mailto:clerk@cityofsparks.us?subject=Sparks%3A%20ALPR"))
            // validate: both logged with the audit trail; shown to signed-in people, never publicly.
            let letters = try await AgencyLetterStore(db).letters(agencyID: sparks)
            #expect(letters.map(\.delivery) == [.mailto, .eml] && letters.allSatisfy { $0.madeByLabel == "vera@example.org" })
            #expect(try await AuditLog(db).events(AuditFilter(entityType: "agency")).filter { $0.action == "agency.letter.add" }.count == 2)
            let signedIn = try await browser.get(app, SiteURL.agency(sparks).path)
            #expect(signedIn.body.contains("id=\"agency-letters\"") && signedIn.body.contains("the Sparks City Council"))
            let anonymous = try await app.fetch(SiteURL.agency(sparks).path)
            #expect(!anonymous.body.contains("id=\"agency-letters\"") && !anonymous.body.contains("vera@example.org"))
            #expect(!(try await app.fetch(SiteURL.agencyBrief(sparks).path).body.contains("vera@example.org")))
            // Sending by SMTP where none is set up is refused and logs nothing.
            let smtp = try await browser.post(app, SiteURL.agencyLetter(sparks).path, fields + [("delivery", "smtp")])
            #expect(smtp.status == .badRequest && smtp.body.contains("not set up on this server"))
            #expect(try await AgencyLetterStore(db).letters(agencyID: sparks).count == 2)
        }
    }
}
