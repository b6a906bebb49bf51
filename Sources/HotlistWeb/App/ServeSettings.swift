import Foundation
import HotlistCore
import HotlistStore

/// Everything `serve` reads from its flags and the environment, resolved in one place: a flag wins
/// over its variable, and every bad setting is named at once with how to fix it.
public struct ServeSettings: Sendable {
    /// The flags as given; nil where the flag was not used.
    public struct Flags: Sendable {
        public var host = "127.0.0.1"
        public var port = 8080
        public var publicURL: String?
        public var maxBodySize = "1m"
        public var smtpURL: String?
        public var followUpDays = 10
        public var secureCookies = false
        public var trustForwardedFor = false
        public var responseCache = true
        public var evidenceDirectory: String?
        public var maxEvidenceSize = "50m"
        public var databasePath: String?
        public var databaseURL: String?
        public var chromium: String?
        public init() {}
    }

    public var host: String
    public var port: Int
    public var publicBaseURL: String
    public var maxBodySize: Int
    public var smtp: SMTPConfiguration?
    public var followUpDays: Int
    public var security: SecuritySettings
    public var responseCache: Bool
    public var evidenceDirectory: String
    public var maxEvidenceSize: Int
    public var database: DatabaseConfiguration
    public var chromium: ChromiumPDF

    public static let defaultEvidenceDirectory = "hotlistwatch-evidence"

    public static func resolve(_ flags: Flags, environment: [String: String]) throws(InputProblems) -> ServeSettings {
        var problems: [InputProblem] = []
        func bad(_ setting: String, _ problem: String, _ hint: String) { problems.append(InputProblem(file: setting, problem: problem, hint: hint)) }
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }

        if flags.host.trimmingCharacters(in: .whitespaces).isEmpty { bad("--host", "it is empty", "Give an address to listen on, such as 127.0.0.1 or 0.0.0.0.") }
        if !(1...65535).contains(flags.port) { bad("--port", "\(flags.port) is not a port", "Use a number from 1 to 65535.") }
        if !(1...90).contains(flags.followUpDays) { bad("--follow-up-days", "\(flags.followUpDays) is out of range", "Use 1 to 90 business days.") }
        let maxBodySize = ByteSize.parse(flags.maxBodySize).flatMap { $0 <= 1 << 30 ? $0 : nil }
        if maxBodySize == nil { bad("--max-body-size", "\"\(flags.maxBodySize)\" is not a size up to 1 GB", "Write bytes, or a number with k or m (for example 2m).") }
        let maxEvidenceSize = ByteSize.parse(flags.maxEvidenceSize)
        if maxEvidenceSize == nil { bad("--max-evidence-size", "\"\(flags.maxEvidenceSize)\" is not a size", "Write bytes, or a number with k, m or g (for example 50m).") }

        var smtp: SMTPConfiguration?
        if let text = flags.smtpURL ?? variable("HOTLISTWATCH_SMTP_URL") {
            do { smtp = try SMTPConfiguration.parse(text) } catch {
                bad(flags.smtpURL != nil ? "--smtp-url" : "HOTLISTWATCH_SMTP_URL", "\(error)", "Write smtp://user:password@host:25 or smtps://user:password@host:465.")
            }
        }
        var publicBaseURL = "http://\(flags.host):\(flags.port)"
        if let text = flags.publicURL ?? variable("HOTLISTWATCH_PUBLIC_URL") {
            if let base = publicBase(text) { publicBaseURL = base } else {
                bad(flags.publicURL != nil ? "--public-url" : "HOTLISTWATCH_PUBLIC_URL", "\"\(text.prefix(80))\" is not a web address",
                    "Write it as https://hotlist.example.org (no path, query or spaces).")
            }
        }
        var secureCookies = flags.secureCookies
        if let text = variable("HOTLISTWATCH_SECURE_COOKIES") {
            switch text.lowercased() {
            case "1", "true", "yes": secureCookies = true
            case "0", "false", "no": break
            default: bad("HOTLISTWATCH_SECURE_COOKIES", "\"\(text.prefix(40))\" is neither yes nor no", "Set it to 1 (cookies only over HTTPS) or 0, or use --secure-cookies.")
            }
        }
        var database = DatabaseConfiguration.sqliteMemory
        do {
            database = try DatabaseConfiguration.resolve(databasePath: flags.databasePath, databaseURL: flags.databaseURL, environment: environment)
        } catch {
            bad(flags.databaseURL != nil || flags.databasePath != nil ? "--database / --database-url" : "DATABASE_URL", error.description,
                "Give one SQLite file with --database PATH or one PostgreSQL URL with --database-url.")
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return ServeSettings(host: flags.host, port: flags.port, publicBaseURL: publicBaseURL, maxBodySize: maxBodySize!, smtp: smtp, followUpDays: flags.followUpDays,
                             security: SecuritySettings(secureCookies: secureCookies, trustForwardedFor: flags.trustForwardedFor), responseCache: flags.responseCache,
                             evidenceDirectory: flags.evidenceDirectory ?? variable("HOTLISTWATCH_EVIDENCE_DIR") ?? defaultEvidenceDirectory,
                             maxEvidenceSize: maxEvidenceSize!, database: database, chromium: ChromiumPDF.resolve(flag: flags.chromium, environment: environment))
    }

    /// "https://host[:port]" with nothing after it, or nil.
    public static func publicBase(_ text: String) -> String? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let parts = URLComponents(string: trimmed), let scheme = parts.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = parts.host, !host.isEmpty, parts.path.isEmpty, parts.query == nil, parts.fragment == nil, parts.user == nil else { return nil }
        return trimmed
    }

    /// The app's configuration on `database`, opened from `self.database`.
    public func appConfiguration(database: HotlistDatabase) -> AppConfiguration {
        AppConfiguration(host: host, port: port, publicBaseURL: publicBaseURL, database: database, maxBodySize: maxBodySize, responseCache: responseCache,
                         security: security, smtp: smtp, followUpBusinessDays: followUpDays, evidenceDirectory: evidenceDirectory, maxEvidenceSize: maxEvidenceSize,
                         chromium: chromium)
    }
}
