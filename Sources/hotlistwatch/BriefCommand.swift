import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore
import HotlistWeb

struct BriefCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief", abstract: "Print an agency's council brief to PDF with headless Chromium.",
        discussion: "The same brief as /agencies/ID/brief. Links in it start with --public-url (or HOTLISTWATCH_PUBLIC_URL).")
    @Option(help: "The agency's id (as in /agencies/ID).") var agency: Int
    @Option(help: ArgumentHelp("Where to write the PDF.", valueName: "file.pdf")) var out: String
    @Option(help: ArgumentHelp("Headless Chromium (or HOTLISTWATCH_CHROMIUM). Default: /usr/bin/chromium.", valueName: "path")) var chromium: String?
    @Option(name: .customLong("public-url"), help: ArgumentHelp("The site's address for the links printed in the brief.", valueName: "url"))
    var publicURL: String?
    @OptionGroup var database: DatabaseOptions

    var baseURL: String? {
        let text = publicURL ?? ProcessInfo.processInfo.environment["HOTLISTWATCH_PUBLIC_URL"] ?? "http://127.0.0.1:8080"
        return ServeSettings.publicBase(text)
    }

    func validate() throws {
        if agency < 1 { throw ValidationError("--agency \(agency): give the agency's id, a positive number (see `hotlistwatch agencies list`).") }
        if out.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--out is empty: give the PDF's file name.") }
        if baseURL == nil { throw ValidationError("--public-url \(publicURL ?? ""): write it as https://hotlist.example.org (no path).") }
    }

    func run() async throws {
        let renderer = ChromiumPDF.resolve(flag: chromium, environment: ProcessInfo.processInfo.environment)
        guard renderer.isAvailable else { Console.error(ChromiumPDF.Failure.missing(renderer.executable).description); throw ExitCode(1) }
        try await withDatabase(database) { db in
            guard let html = try await BriefDocument.printHTML(db, id: agency, now: Date(), baseURL: baseURL!) else {
                throw CommandFailure("there is no agency \(agency). Find its id with `hotlistwatch agencies list --search NAME`.")
            }
            let pdf = try await renderer.render(html: html, stylesheet: BriefDocument.stylesheet)
            do { try pdf.write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                throw CommandFailure("could not write \(out): \(error.localizedDescription)")
            }
            Console.note("Wrote \(out) (\(ByteSize.describe(pdf.count))).")
        }
    }
}
