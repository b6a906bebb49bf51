import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore

struct ImportAtlas: AsyncParsableCommand, CreatesTheDatabase {
    static let configuration = CommandConfiguration(
        commandName: "atlas",
        abstract: "Import the Atlas of Surveillance download: agencies with Flock Safety license plate readers.",
        discussion: """
        The Atlas of Surveillance is by the Electronic Frontier Foundation and the University of Nevada, Reno Reynolds School of \
        Journalism; download it at https://atlasofsurveillance.org/data-library. Columns are matched by header name: \
        \(AtlasFile.columns.joined(separator: ", ")). Only rows whose Technology is automated license plate readers and whose \
        Vendor names Flock Safety are kept. Rows match agencies by ORI, then by name and state; a row two agencies could be is \
        reported, never guessed. New agencies name the Atlas as their source.
        """)

    @Argument(help: ArgumentHelp("The Atlas CSV file.", valueName: "file.csv")) var file: String
    @Flag(help: "Print the summary as JSON.") var json = false
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let atlas: AtlasFile
        do { atlas = try AtlasFile.read(path: file) } catch {
            Console.error("nothing was imported. Fix these and run again:\n" + error.description)
            throw ExitCode(1)
        }
        try await withDatabase(database) { db in
            let summary = try await AgencyImporter(db, by: try await actor.actor(db)).importAtlas(atlas)
            if json { try JSONOutput.print(summary); return }
            print("Imported \(file) into \(db.configuration) (\(AtlasFile.credit))")
            print(summary.description)
        }
    }
}

struct ImportRecordsContacts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records-contacts",
        abstract: "Import where agencies take records requests (email, portal) from a CSV file.",
        discussion: """
        Columns are matched by header name: \(RecordsContactFile.columns.joined(separator: ", ")). Each row names an agency \
        already in the directory by agency_id, or ori, or agency and state; source_url (where you found the contact) is \
        required. An empty cell keeps the stored value. Each change is recorded in the audit trail as a correction on the web is.
        """)

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv")) var file: String
    @Flag(help: "Print the summary as JSON.") var json = false
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let contacts: RecordsContactFile
        do { contacts = try RecordsContactFile.read(path: file) } catch {
            Console.error("nothing was imported. Fix these and run again:\n" + error.description)
            throw ExitCode(1)
        }
        try await withDatabase(database) { db in
            let summary = try await RecordsContactEditor(db).importContacts(contacts, by: try await actor.actor(db), now: Date())
            if json { try JSONOutput.print(summary); return }
            print("Imported \(file) into \(db.configuration)")
            print(summary.description)
        }
    }
}
