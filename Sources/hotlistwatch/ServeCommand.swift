import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore
import HotlistWeb
import Vapor

struct ServeCommand: AsyncParsableCommand, CreatesTheDatabase {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the web site and JSON API.")

    @ArgumentParser.Option(help: "Address to listen on.") var host = "127.0.0.1"
    @ArgumentParser.Option(help: "Port to listen on.") var port = 8080
    @ArgumentParser.Flag(help: "Load the bundled demo data (The News & Observer's portal data) if the database is empty.") var demo = false
    @ArgumentParser.Flag(name: .customLong("no-response-cache"), help: "Render every page afresh instead of reusing pages until an import changes the data (for measuring).")
    var noResponseCache = false
    @ArgumentParser.Flag(name: .customLong("secure-cookies"), help: "Mark cookies Secure. Use it whenever the site is reached over HTTPS (directly or through a proxy); also HOTLISTWATCH_SECURE_COOKIES=1.")
    var secureCookies = false
    @ArgumentParser.Flag(name: .customLong("trust-forwarded-for"), help: "Take the client's address from X-Forwarded-For (only behind a proxy you run; otherwise anyone can forge it).")
    var trustForwardedFor = false
    @ArgumentParser.Option(name: .customLong("public-url"), help: ArgumentHelp("The site's address as people reach it (https://hotlist.example.org), for feed and calendar links; also HOTLISTWATCH_PUBLIC_URL. Default: http://HOST:PORT.", valueName: "url"))
    var publicURL: String?
    @ArgumentParser.Option(name: .customLong("max-body-size"), help: ArgumentHelp("Largest request body accepted, in bytes (or with k/m suffix); larger ones get 413.", valueName: "size"))
    var maxBodySize = "1m"
    @ArgumentParser.Option(name: .customLong("smtp-url"), help: ArgumentHelp("Send request emails from the site through this server: smtp://user:password@host:25 or smtps://…:465 (or HOTLISTWATCH_SMTP_URL).", valueName: "url"))
    var smtpURL: String?
    @ArgumentParser.Option(name: .customLong("follow-up-days"), help: "Business days after filing to follow up where the law sets no deadline (\"promptly\").")
    var followUpDays = 10
    @ArgumentParser.OptionGroup var evidence: EvidenceOptions
    @ArgumentParser.OptionGroup var database: DatabaseOptions

    /// "https://host[:port]" with nothing after it, or nil.
    static func publicBase(_ text: String) -> String? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let parts = URLComponents(string: trimmed), let scheme = parts.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = parts.host, !host.isEmpty, parts.path.isEmpty, parts.query == nil, parts.fragment == nil, parts.user == nil else { return nil }
        return trimmed
    }

    static func parseSize(_ text: String) -> Int? { ByteSize.parse(text).flatMap { $0 <= 1 << 30 ? $0 : nil } }

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535, not \(port).") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty.") }
        guard (1...90).contains(followUpDays) else { throw ValidationError("--follow-up-days must be between 1 and 90.") }
        if let smtpURL { do { _ = try SMTPConfiguration.parse(smtpURL) } catch { throw ValidationError("--smtp-url: \(error)") } }
        if let publicURL, Self.publicBase(publicURL) == nil {
            throw ValidationError("--public-url \(publicURL) is not a web address; write it as https://hotlist.example.org (no path, query or spaces).")
        }
        guard Self.parseSize(maxBodySize) != nil else { throw ValidationError("--max-body-size \(maxBodySize) is not a size; write bytes, or a number with k or m (for example 2m).") }
    }

    func run() async throws {
        let db: HotlistDatabase
        do { db = try await database.open() } catch { Console.error(String(describing: error)); throw ExitCode(1) }
        do {
            let counts = try await DirectoryQueries(db).counts()
            if counts.agencies == 0 {
                if demo {
                    guard let directory = BundledReferenceData.demoDirectory() else { throw CommandFailure("the bundled demo data is missing from this build.") }
                    Console.note("Empty database: importing the demo data (The News & Observer, Private Eyes, MIT licence)…")
                    let summary = try await AgencyImporter(db).importPrivateEyes(try PrivateEyesDataset.read(directory: directory))
                    Console.note(summary.description)
                } else {
                    Console.note("The directory is empty. Import data with `hotlistwatch import private-eyes data/private_eyes`, or start with `hotlistwatch serve --demo`.")
                }
            }
            if try await !AccountStore(db).hasUsers() {
                Console.note("No accounts yet: everything public works, but nobody can sign in. Create the first admin with\n  hotlistwatch users add you@example.org --role admin \(database.commandLineSuffix)")
            }
            let environmentSecure = ["1", "true", "yes"].contains(ProcessInfo.processInfo.environment["HOTLISTWATCH_SECURE_COOKIES"]?.lowercased() ?? "")
            let security = SecuritySettings(secureCookies: secureCookies || environmentSecure, trustForwardedFor: trustForwardedFor)
            let smtpText = smtpURL ?? ProcessInfo.processInfo.environment["HOTLISTWATCH_SMTP_URL"]
            let smtp = try smtpText.map { try SMTPConfiguration.parse($0) }
            if let smtp { Console.note("Request emails are sent through \(smtp).") }
            let publicText = publicURL ?? ProcessInfo.processInfo.environment["HOTLISTWATCH_PUBLIC_URL"]
            guard let base = publicText.map(Self.publicBase) ?? "http://\(host):\(port)" else {
                throw CommandFailure("HOTLISTWATCH_PUBLIC_URL \(publicText ?? "") is not a web address; write it as https://hotlist.example.org.")
            }
            let app = try await makeApp(AppConfiguration(host: host, port: port, publicBaseURL: base, database: db, maxBodySize: Self.parseSize(maxBodySize) ?? 1_048_576,
                                                         responseCache: !noResponseCache, security: security, smtp: smtp,
                                                         followUpBusinessDays: followUpDays, evidenceDirectory: evidence.directory, maxEvidenceSize: try evidence.maxSize()),
                                        environment: Environment(name: "production", arguments: ["hotlistwatch", "serve"]))
            Console.note("Evidence files are kept in \(evidence.directory) (up to \(ByteSize.describe(try evidence.maxSize())) each).")
            Console.note("Hotlist Watch on http://\(host):\(port)/ using \(db.configuration)")
            do {
                try await app.execute()
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
            await db.shutdown()
        } catch {
            await db.shutdown()
            Console.error(String(describing: error))
            throw ExitCode(1)
        }
    }
}

struct MigrateCommand: AsyncParsableCommand, CreatesTheDatabase {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or update the database schema and reference data.")
    @ArgumentParser.OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            let applied = try await db.appliedMigrations()
            print("\(db.configuration): \(applied.count) migrations applied")
            for name in applied { print("  \(name)") }
        }
    }
}
