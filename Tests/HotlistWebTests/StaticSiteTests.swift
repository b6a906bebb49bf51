import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

@Suite struct StaticSiteTests {
    /// Every file under `folder`, relative path → bytes.
    static func files(_ folder: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            found[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
        }
        return found
    }

    @Test(arguments: TestBackend.available)
    func thePublishedSiteHoldsNothingPrivateLinksOnlyToItselfAndIsRewrittenOnlyWhereItChanged(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            // setup: a volunteer's name and email, a private file, an unverified finding.
            let volunteer = try await addPerson(db, "vera.secret@example.org", .volunteer, name: "Vera Secretname")
            let sparks = try await agencyID(db, "Sparks NV PD")
            let folder = app.storage[EvidenceSettingsKey.self]!.directory
            let file = try await EvidenceStore(db, directory: folder).add(Data("plate,time\nPRIVATEPLATE123,2026-01-01\n".utf8),
                                                                          EvidenceSubmission(agencyID: sparks, originalName: "residents-plates-secret.csv"),
                                                                          by: .user(volunteer, channel: .web), now: testStart).evidence
            _ = try await FindingStore(db).add(FindingDraft(agencyID: sparks, asOf: CalendarDay(iso: "2026-10-01"), topics: [NCICTopic.immigrationViolatorKey: .disabled],
                                                            note: "UNVERIFIED-NOTE-MARKER", evidenceIDs: [file.id]), by: .user(volunteer, channel: .web), now: testStart)
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("hw-publish-\(UUID().uuidString)", isDirectory: true)
            defer { try? FileManager.default.removeItem(at: out) }
            // MUT
            let first = try await StaticSite().publish(app, to: out)
            // validate: the public pages are there, the private things nowhere.
            let site = try Self.files(out)
            #expect(first.files == site.count - 1 && first.written == first.files, "every file written once, plus the manifest")
            #expect(site["index.html"] != nil && site["static/style.css"] != nil && site["states/NV/index.html"] != nil)
            #expect(site["agencies/\(sparks)/index.html"].map { String(decoding: $0, as: UTF8.self).contains("Sparks NV PD") } == true)
            #expect(site["contradictions/index.html"] != nil)
            for (name, bytes) in site {
                let text = String(decoding: bytes, as: UTF8.self)
                for secret in ["Vera Secretname", "vera.secret@example.org", "PRIVATEPLATE123", "residents-plates-secret", "UNVERIFIED-NOTE-MARKER"] {
                    #expect(!text.contains(secret), "\(secret) is in \(name)")
                }
                #expect(!name.hasPrefix("evidence/\(file.id)"), "the private file's page or bytes were published: \(name)")
                #expect(!name.hasPrefix("sign-in") && !name.hasPrefix("api/v1/requests") && !name.hasPrefix("admin"))
            }
            // Every local link of every page leads to a published file.
            for (name, bytes) in site where name.hasSuffix(".html") {
                for match in String(decoding: bytes, as: UTF8.self).matches(of: #/(?:href|src)="([^"#]+)(?:#[^"]*)?"/#) {
                    let link = String(match.output.1)
                    guard !link.hasPrefix("http"), !link.hasPrefix("mailto:") else { continue }
                    #expect(!link.hasPrefix("/"), "\(name) keeps an absolute link \(link)")
                    var resolved: [Substring] = name.split(separator: "/").dropLast()
                    for piece in link.split(separator: "/") { if piece == ".." { _ = resolved.popLast() } else { resolved.append(piece) } }
                    #expect(site[resolved.joined(separator: "/")] != nil, "\(name) links to \(link), which was not published")
                }
            }
            // A second run changes nothing; a change to one agency rewrites only what shows it.
            let second = try await StaticSite().publish(app, to: out)
            #expect(second.written == 0 && second.unchanged == first.files && second.removed == 0)
            try await RecordsContactEditor(db).replace(agencyID: sparks, with: RecordsContact(email: "records@cityofsparks.us"), by: .system, now: testStart)
            let third = try await StaticSite().publish(app, to: out)
            #expect(third.written >= 1 && third.written < first.files / 4, "rewrote \(third.written) of \(first.files)")
            #expect(try String(contentsOf: out.appendingPathComponent("agencies/\(sparks)/index.html"), encoding: .utf8).contains("records@cityofsparks.us"))
        }
    }

    @Test func addressesBecomeFilesAndRelativeLinks() throws {
        #expect(StaticSite.fileName("/", contentType: "text/html") == "index.html")
        #expect(StaticSite.fileName("/agencies/5", contentType: "text/html; charset=utf-8") == "agencies/5/index.html")
        #expect(StaticSite.fileName("/agencies?page=2&state=CA", contentType: "text/html") == "agencies/index.page-2.state-CA.html")
        #expect(StaticSite.fileName("/static/style.css", contentType: "text/css") == "static/style.css")
        #expect(StaticSite.fileName("/evidence/3/file", contentType: "application/pdf") == "evidence/3/file.pdf")
        #expect(StaticSite.relative(from: "agencies/5/index.html", to: "static/style.css") == "../../static/style.css")
        #expect(StaticSite.relative(from: "index.html", to: "agencies/index.html") == "agencies/index.html")
        #expect(StaticSite.relative(from: "agencies/index.html", to: "agencies/5/index.html") == "5/index.html")
        #expect(StaticSite.publishable("/agencies?state=CA&page=2") == "/agencies?page=2&state=CA", "query order does not make two files")
        #expect(StaticSite.publishable("/agencies?sort=name") == nil, "filters a static host cannot answer stay on the live site")
        #expect(StaticSite.publishable("/sign-in") == nil && StaticSite.publishable("/api/v1/agencies") == nil && StaticSite.publishable("//evil.example/") == nil)
        #expect(StaticSite.publishable("/api/v1/openapi.json") == "/api/v1/openapi.json")
        let page = Data(#"<a href="/agencies?sort=name&amp;state=CA">x</a><a href="/states/NV#top">y</a><form action="/agencies">"#.utf8)
        let files = ["/states/NV": "states/NV/index.html"]
        #expect(String(decoding: StaticSite(liveSite: "https://hotlist.example.org/").rewrite(page, file: "index.html", files: files), as: UTF8.self)
                == #"<a href="https://hotlist.example.org/agencies?sort=name&amp;state=CA">x</a><a href="states/NV/index.html#top">y</a><form action="https://hotlist.example.org/agencies">"#)
        #expect(String(decoding: StaticSite().rewrite(page, file: "index.html", files: files), as: UTF8.self)
                == #"<a data-unpublished="/agencies?sort=name&amp;state=CA">x</a><a href="states/NV/index.html#top">y</a><form action="">"#)
    }

    @Test func linksAreFoundOnlyInTheirOwnAttributes() {
        // An address quoted inside another attribute is text, not a link; an unclosed quote ends the scan.
        let page = Data(#"<a title="see href=" href="/a">x</a><img src="/i.png"><svg><a xlink:href="/states/NV"/></svg><p class="x">1 = "2"</p><a href="/open"#.utf8)
        #expect(StaticSite.links(in: page) == ["/a", "/i.png", "/states/NV"])
        #expect(StaticSite.links(in: Data()) == [] && StaticSite.links(in: Data("=\"".utf8)) == [])
        let rewritten = StaticSite().rewrite(page, file: "index.html", files: ["/a": "a/index.html"])
        #expect(String(decoding: rewritten, as: UTF8.self).hasPrefix(#"<a title="see href=" href="a/index.html">x</a><img data-unpublished="/i.png">"#))
    }

    @Test func aFolderHoldingOtherFilesIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hw-publish-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(throws: StaticSite.Failure.self) { try StaticSite().prepare(folder) }
        #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
    }
}

@Suite struct ContradictionsPageTests {
    @Test(arguments: TestBackend.available)
    func filtersAndPagesAreCheckedAndExplained(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, _ in
            let all = try await app.fetch("/contradictions")
            #expect(all.status == .ok && all.body.contains("article class=\"contradiction\""))
            let sharing = try await app.fetch("/contradictions?rule=5&state=CA")
            #expect(sharing.status == .ok && sharing.body.contains("Rule 5:") && !sharing.body.contains("Rule 6:"))
            let pastTheEnd = try await app.fetch("/contradictions?page=40")
            #expect(pastTheEnd.status == .badRequest && pastTheEnd.body.contains("there is no page 40: this list has 1"))
            let typo = try await app.fetch("/contradictions?rule=banana&sate=CA")
            #expect(typo.status == .badRequest && typo.body.contains("not a rule") && typo.body.contains("unknown parameter"))
        }
    }
}
