import Foundation
import HotlistCore
import HotlistStore
@testable import HotlistWeb
import Testing

/// `serve`'s flags and environment, resolved in one place.
@Suite struct ServeSettingsTests {
    @Test func everyBadSettingIsNamedAtOnce() {
        // MUT: five bad settings, from flags and from the environment.
        var flags = ServeSettings.Flags()
        flags.port = 70_000; flags.maxBodySize = "lots"; flags.followUpDays = 0
        let environment = ["HOTLISTWATCH_PUBLIC_URL": "hotlist.example.org/path", "HOTLISTWATCH_SECURE_COOKIES": "maybe", "HOTLISTWATCH_SMTP_URL": "ftp://mail"]
        do {
            _ = try ServeSettings.resolve(flags, environment: environment)
            Issue.record("bad settings were accepted")
        } catch {
            // validate: each named by its flag or variable, with a fix.
            #expect(error.problems.map(\.file) == ["--port", "--follow-up-days", "--max-body-size", "HOTLISTWATCH_SMTP_URL", "HOTLISTWATCH_PUBLIC_URL", "HOTLISTWATCH_SECURE_COOKIES"])
            #expect(error.problems.allSatisfy { !$0.hint.isEmpty })
        }
    }

    @Test func aFlagWinsOverItsVariableAndDefaultsFillTheRest() throws {
        var flags = ServeSettings.Flags()
        flags.publicURL = "https://hotlist.example.org/"
        flags.port = 9000
        let settings = try ServeSettings.resolve(flags, environment: ["HOTLISTWATCH_PUBLIC_URL": "https://other.example", "HOTLISTWATCH_SECURE_COOKIES": "yes",
                                                                      "HOTLISTWATCH_EVIDENCE_DIR": "/srv/evidence", "DATABASE_URL": "postgres://u:p@db.example:5432/hw"])
        #expect(settings.publicBaseURL == "https://hotlist.example.org")
        #expect(settings.security.secureCookies && settings.evidenceDirectory == "/srv/evidence" && settings.maxEvidenceSize == 50 * 1_048_576)
        #expect(settings.maxBodySize == 1_048_576 && settings.port == 9000)
        #expect(settings.database == .postgres(url: "postgres://u:p@db.example:5432/hw"))
        // With nothing set, the public address is where the site listens.
        #expect(try ServeSettings.resolve(ServeSettings.Flags(), environment: [:]).publicBaseURL == "http://127.0.0.1:8080")
    }
}
