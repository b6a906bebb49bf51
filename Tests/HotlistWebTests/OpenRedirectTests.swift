import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

/// Issue 11, attack 7: a path from outside must parse to this site before we redirect or link to it.
@Suite struct OpenRedirectTests {
    static let elsewhere = ["/\t/evil.example", "/\t\\evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example", "/%09/x\\y",
                            "https://evil.example/", "evil.example", "/ /evil.example", "/\u{00A0}/evil.example", "/\u{200B}/evil.example", ""]

    @Test func onlyPathsOfThisSiteAreLocal() {
        for text in Self.elsewhere { #expect(SiteURL.localPath(text) == nil, "\(text.debugDescription)") }
        for text in ["/", "/requests?status=filed", "/agencies/12#finding-3", "/%09/still-a-path-here"] { #expect(SiteURL.localPath(text) == text) }
    }

    @Test(arguments: TestBackend.available)
    func signingInNeverSendsSomeoneToAnotherHost(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            try await addPerson(db, "vera@example.org", .volunteer)
            for next in Self.elsewhere + ["/requests?status=filed"] {
                var browser = BrowserSession()
                _ = try await browser.get(app, SiteURL.signIn.with([("next", next)]))
                let answer = try await browser.post(app, SiteURL.signIn.path, [("email", "vera@example.org"), ("password", "a long test password"), ("next", next)])
                #expect(answer.status == .seeOther)
                let location = answer.headers.first(name: .location)
                #expect(location == (next.hasPrefix("/requests") ? next : "/"), "\(next.debugDescription) → \(location ?? "nil")")
            }
        }
    }

    @Test func aSourceThatIsNotAnAddressIsShownAsText() {
        let html = HTML.sources("https://x.example/ ; /\\evil.example ; /\t/evil.example ; /findings/3#finding-3").markup
        #expect(!html.contains("href=\"/\\"))
        #expect(!html.contains("href=\"/\t"))
        #expect(html.contains("href=\"https://x.example/\""))
        #expect(html.contains("<a href=\"/findings/3#finding-3\">the finding</a>"))
        // And such a source is refused when it is entered.
        let problems = AgencyStatement.problems(text: "We do not.", speaker: "Chief", saidOn: CalendarDay(iso: "2026-01-02"),
                                                sourceURL: "https://x.example/ ; /\\evil.example", evidenceID: nil, today: CalendarDay(iso: "2026-11-30")!)
        #expect(problems.map(\.field) == ["source_url"])
    }
}
