import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore
import HotlistWeb
import Vapor

struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Write the public site as static files (pages, map, data files) for any static host.",
        discussion: """
        Every page an anonymous visitor can reach from the home page is rendered by the same views as the live site \
        and written under --out with relative links. A second run rewrites only files whose content changed.
        Links the static copy cannot answer (search filters, sign-in, the API) point at --site-url, or lose their link without it.
        """)
    @ArgumentParser.Option(help: ArgumentHelp("Folder to write the site into (new, empty, or published before).", valueName: "dir")) var out: String
    @ArgumentParser.Option(name: .customLong("site-url"), help: ArgumentHelp("The live site (https://hotlist.example.org), for links a static copy cannot answer; also HOTLISTWATCH_PUBLIC_URL.", valueName: "url"))
    var siteURL: String?
    @ArgumentParser.OptionGroup var evidence: EvidenceOptions
    @ArgumentParser.OptionGroup var database: DatabaseOptions

    var liveSite: String? { siteURL ?? ProcessInfo.processInfo.environment["HOTLISTWATCH_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 } }

    func validate() throws {
        if let liveSite, URL(string: liveSite)?.host == nil || !(liveSite.hasPrefix("https://") || liveSite.hasPrefix("http://")) {
            throw ValidationError("--site-url \(liveSite) is not a web address; write it as https://hotlist.example.org.")
        }
        if out.isEmpty { throw ValidationError("--out needs a folder.") }
    }

    func run() async throws {
        try await withDatabase(database) { db in
            let started = Date()
            let configuration = AppConfiguration(publicBaseURL: liveSite, database: db, responseCache: false,
                                                 evidenceDirectory: evidence.directory, maxEvidenceSize: try evidence.maxSize())
            let app = try await makeApp(configuration, environment: Environment(name: "production", arguments: ["hotlistwatch", "publish"]))
            do {
                try await app.asyncBoot()
                let summary = try await StaticSite(liveSite: liveSite).publish(app, to: URL(fileURLWithPath: out, isDirectory: true))
                try await app.asyncShutdown()
                print("Published \(summary) to \(out) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s (\(summary.timings)).")
            } catch let failure as StaticSite.Failure {
                try? await app.asyncShutdown()
                throw CommandFailure(failure.description)
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
        }
    }
}
