import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import agency data. Each import is all or nothing, and running it twice changes nothing.",
        subcommands: [ImportPrivateEyes.self, ImportAgencies.self, ImportContracts.self, ImportOfficials.self, ImportAtlas.self, ImportRecordsContacts.self])
}

struct ImportPrivateEyes: AsyncParsableCommand, CreatesTheDatabase {
    static let configuration = CommandConfiguration(
        commandName: "private-eyes",
        abstract: "Import The News & Observer's Flock portal data set (agencies, portal snapshots, sharing, URL checks, NC survey).",
        discussion: "The repo ships a copy in data/private_eyes (MIT licence; credit The News & Observer).")

    @Argument(help: ArgumentHelp("Folder with agency2024….csv, agency_access….csv, agency_policies.csv, latest_usage….csv, nc_agency_survey….csv, transparency_url_status….csv.", valueName: "dir"))
    var directory: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        // Read and check every file before opening the database, so bad input changes nothing.
        let dataset: PrivateEyesDataset
        do { dataset = try PrivateEyesDataset.read(directory: directory) } catch {
            Console.error("nothing was imported. Fix these and run again:\n" + error.description)
            throw ExitCode(1)
        }
        try await withDatabase(database) { db in
            let summary = try await AgencyImporter(db, by: try await actor.actor(db)).importPrivateEyes(dataset)
            print("Imported \(directory) into \(db.configuration)")
            print(summary.description)
        }
    }
}

struct ImportAgencies: AsyncParsableCommand, CreatesTheDatabase {
    static let configuration = CommandConfiguration(
        commandName: "agencies",
        abstract: "Import your own list of agencies from a CSV file.",
        discussion: "Columns are matched by header name: \(AgencyListFile.columns.joined(separator: ", ")). Only name is required. Rows match existing agencies by ORI, then by name and state. Unknown columns are reported.")

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv")) var file: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let list: AgencyListFile
        do { list = try AgencyListFile.read(path: file) } catch {
            Console.error("nothing was imported. Fix these and run again:\n" + error.description)
            throw ExitCode(1)
        }
        try await withDatabase(database) { db in
            let summary = try await AgencyImporter(db, by: try await actor.actor(db)).importAgencyList(list)
            print("Imported \(file) into \(db.configuration)")
            print(summary.description)
        }
    }
}
