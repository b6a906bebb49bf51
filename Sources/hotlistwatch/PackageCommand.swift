import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore
import HotlistWeb

struct PackageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package", abstract: "Records packages: one agency's public evidence, verified findings and statements, to send to another group or a newsroom.",
        subcommands: [PackageExport.self, PackageImport.self])
}

struct PackageExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write an agency's records package (.zip) from public data only.",
        discussion: "Holds published evidence (never private or withdrawn files), verified findings and verified statements with their sources, manifest.json with every file's SHA-256 and size, SHA256SUMS for `sha256sum -c`, and README.txt. Never who entered or verified anything.")

    @Option(help: "Agency id (see `agencies list`).") var agency: Int
    @Option(help: ArgumentHelp("The package to write; it must not exist yet.", valueName: "file.zip")) var out: String
    @Option(name: .customLong("site-name"), help: "This site's name, as the receiving site will credit it.") var siteName = "Hotlist Watch"
    @Option(name: .customLong("site-url"), help: ArgumentHelp("This site's public address (default: HOTLISTWATCH_PUBLIC_URL, as `serve --public-url`).", valueName: "url"))
    var siteURL: String?
    @OptionGroup var evidence: EvidenceOptions
    @OptionGroup var database: DatabaseOptions

    func resolvedSiteURL() throws -> String {
        let given = siteURL ?? ProcessInfo.processInfo.environment["HOTLISTWATCH_PUBLIC_URL"]
        guard let given else { throw ValidationError("Give --site-url https://your-site.example (or set HOTLISTWATCH_PUBLIC_URL): the receiving site credits and links it.") }
        guard let base = ServeSettings.publicBase(given) else { throw ValidationError("--site-url \(given) is not a web address; write it as https://hotlist.example.org (no path).") }
        return base
    }

    func validate() throws {
        _ = try resolvedSiteURL()
        let name = siteName.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 120 { throw ValidationError("--site-name must be 1 to 120 characters.") }
        if !out.lowercased().hasSuffix(".zip") { throw ValidationError("--out \(out) should end in .zip.") }
    }

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: out) else { throw CommandFailure("\(out) exists already; name a new file (an export never overwrites one).") }
        let site = RecordsPackage.Manifest.Site(name: siteName.trimmingCharacters(in: .whitespaces), url: try resolvedSiteURL())
        try await withDatabase(database) { db in
            let data = try await RecordsPackageExporter(db, evidenceDirectory: evidence.directory).export(agencyID: agency, site: site, now: Date())
            do { try data.write(to: URL(fileURLWithPath: out), options: .withoutOverwriting) } catch {
                throw CommandFailure("cannot write \(out): \(error.localizedDescription)")
            }
            print("Wrote \(out) (\(ByteSize.describe(data.count))) for agency \(agency), from \(site.name) (\(site.url)). Check it with: unzip -d pkg \(out) && (cd pkg && sha256sum -c SHA256SUMS)")
        }
    }
}

struct PackageImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import another site's records package: all or nothing, every hash checked first.",
        discussion: "Files are stored as private evidence (reviewers here decide what to publish). Findings are recorded as reported by the sending site, never as verified here; statements as unverified, for two people here to check. The agency is matched by ORI, then exact name and state; otherwise name it with --agency. Importing the same package twice changes nothing.")

    @Argument(help: ArgumentHelp("The package.", valueName: "file.zip")) var file: String
    @Option(help: "The agency here that the package is about, when it is not found by ORI or exact name and state.") var agency: Int?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var evidence: EvidenceOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        _ = try readInputFile(file)
        try await withDatabase(database) { db in
            let outcome = try await RecordsPackageImporter(db, evidence: try evidence.store(db)).importPackage(file, agencyID: agency, by: try await actor.actor(db), now: Date())
            print("Checked \(file): every file matches its SHA-256. From \(outcome.site.name) (\(outcome.site.url)), about agency \(outcome.agencyID) (\(outcome.agencyName)).")
            print("Evidence: \(outcome.evidenceAdded) added as private files (reviewers decide what to publish), \(outcome.evidenceAlreadyHeld) already held.")
            print("Findings: \(outcome.reportsAdded) recorded as reported by \(outcome.site.name) (not verified here), \(outcome.reportsAlreadyHeld) already held"
                  + (outcome.findingsWithoutImmigrationViolator > 0 ? ", \(outcome.findingsWithoutImmigrationViolator) not recorded (they do not show the Immigration Violator setting)." : "."))
            print("Statements: \(outcome.statementsAdded) added unverified (a reviewer here checks each against its source), \(outcome.statementsAlreadyHeld) already held.")
            if !outcome.changedAnything { print("Nothing new: this package was imported before.") }
        }
    }
}
