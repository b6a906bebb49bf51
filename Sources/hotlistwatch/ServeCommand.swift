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
    @ArgumentParser.Option(name: .customLong("chromium"), help: ArgumentHelp("Headless Chromium that prints council briefs to PDF (or HOTLISTWATCH_CHROMIUM). Default: /usr/bin/chromium.", valueName: "path"))
    var chromium: String?
    @ArgumentParser.OptionGroup var evidence: EvidenceOptions
    @ArgumentParser.OptionGroup var database: DatabaseOptions

    /// Flags and environment, resolved once; every bad setting is named at once (exit 64).
    func settings() throws -> ServeSettings {
        var flags = ServeSettings.Flags()
        flags.host = host; flags.port = port; flags.publicURL = publicURL; flags.maxBodySize = maxBodySize; flags.smtpURL = smtpURL
        flags.followUpDays = followUpDays; flags.secureCookies = secureCookies; flags.trustForwardedFor = trustForwardedFor
        flags.responseCache = !noResponseCache; flags.evidenceDirectory = evidence.directoryOption; flags.maxEvidenceSize = evidence.maxSizeText
        flags.databasePath = database.databasePath; flags.databaseURL = database.databaseURL; flags.chromium = chromium
        do { return try ServeSettings.resolve(flags, environment: ProcessInfo.processInfo.environment) } catch {
            throw ValidationError(error.problems.map(\.description).joined(separator: "\n"))
        }
    }

    func validate() throws { _ = try settings() }

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
            let settings = try settings()
            if let smtp = settings.smtp { Console.note("Request emails are sent through \(smtp).") }
            // The priority counts days to each contract renewal: recompute it when the day has changed
            // since it was stored, now and then hourly while the server runs.
            try await ContractStore(db).refreshPriorityIfStale(today: CalendarDay.today(Date()))
            let priorityRefresh = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(3_600))
                    guard !Task.isCancelled else { return }
                    do { try await ContractStore(db).refreshPriorityIfStale(today: CalendarDay.today(Date())) } catch { Console.error("could not refresh the request priority: \(error)") }
                }
            }
            defer { priorityRefresh.cancel() }
            if !settings.chromium.isAvailable { Console.note("No Chromium at \(settings.chromium.executable): council brief PDFs will answer 503 until --chromium PATH names one.") }
            let app = try await makeApp(settings.appConfiguration(database: db), environment: Environment(name: "production", arguments: ["hotlistwatch", "serve"]))
            Console.note("Evidence files are kept in \(settings.evidenceDirectory) (up to \(ByteSize.describe(settings.maxEvidenceSize)) each).")
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
