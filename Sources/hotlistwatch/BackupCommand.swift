import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write the database and every evidence file to one .zip, with a manifest of hashes and row counts.",
        discussion: "Safe while the site runs: SQLite is copied with VACUUM INTO, PostgreSQL with pg_dump, both consistent snapshots. Restore with 'hotlistwatch restore FILE'.")
    @Option(help: ArgumentHelp("The backup file to write (a new .zip).", valueName: "file")) var out: String
    @OptionGroup var evidence: EvidenceOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            let manifest = try await BackupArchive.create(db, evidenceDirectory: evidence.directory, out: out, now: Date())
            let rows = manifest.tables.values.reduce(0, +)
            print("Backed up \(manifest.backend) database (\(manifest.tables.count) tables, \(rows) rows) and \(manifest.evidence.count) evidence files to \(out).")
            print("Check or restore it with: hotlistwatch restore \(out) --database NEW.sqlite --evidence-dir NEW-EVIDENCE")
        }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into a new, empty database and evidence folder, checking every hash and row count.",
        discussion: "Nothing existing is overwritten: restore into a new SQLite path or an empty PostgreSQL database, then point the site at it.")
    @Argument(help: ArgumentHelp("The .zip written by 'hotlistwatch backup'.", valueName: "file")) var file: String
    @OptionGroup var evidence: EvidenceOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        do {
            let manifest = try await BackupArchive.restore(file, into: try database.configuration(), evidenceDirectory: evidence.directory)
            print("Restored the backup of \(TimestampParser.iso8601(manifest.createdAt)): \(manifest.tables.count) tables with the same row counts, \(manifest.evidence.count) evidence files with the same SHA-256.")
        } catch let problems as InputProblems {
            Console.error("nothing was restored. Fix these and run again:\n" + problems.description)
            throw ExitCode(1)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.error("nothing was restored: \(DatabaseOptions.explain(error))")
            throw ExitCode(1)
        }
    }
}
