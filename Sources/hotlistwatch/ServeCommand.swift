import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore
import HotlistWeb
import Vapor

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the web site and JSON API.")

    @ArgumentParser.Option(help: "Address to listen on.") var host = "127.0.0.1"
    @ArgumentParser.Option(help: "Port to listen on.") var port = 8080
    @ArgumentParser.Flag(help: "Load the bundled demo data (The News & Observer's portal data) if the database is empty.") var demo = false
    @ArgumentParser.Flag(name: .customLong("no-response-cache"), help: "Render every page afresh instead of reusing pages until an import changes the data (for measuring).")
    var noResponseCache = false
    @ArgumentParser.OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535, not \(port).") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty.") }
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
            let app = try await makeApp(AppConfiguration(host: host, port: port, database: db, responseCache: !noResponseCache),
                                        environment: Environment(name: "production", arguments: ["hotlistwatch", "serve"]))
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

struct MigrateCommand: AsyncParsableCommand {
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
