import Foundation
import HotlistCore
import SQLKit
import ZIPFoundation

/// What a backup holds, written into it as manifest.json and checked again on restore.
public struct BackupManifest: Codable, Sendable, Equatable {
    public struct File: Codable, Sendable, Equatable {
        public var sha256: String
        public var size: Int
    }
    public var format = 1
    public var createdAt: Date
    /// "sqlite" (database.sqlite, a consistent copy made with VACUUM INTO) or "postgres"
    /// (database.pgdump, pg_dump's custom format).
    public var backend: String
    public var migrations: [String]
    /// Rows per table at the moment of the copy; a restore must find the same.
    public var tables: [String: Int]
    public var database: File
    /// Evidence files (content-addressed) that the copied database points at.
    public var evidence: [File]
}

/// `hotlistwatch backup` and `restore`: the database and the evidence files in one .zip with a
/// manifest of hashes and row counts, made while the site runs and verified when restored.
public enum BackupArchive {
    static let databaseEntry = "database"
    static let manifestEntry = "manifest.json"

    public static func create(_ database: HotlistDatabase, evidenceDirectory: String, out: String, now: Date) async throws -> BackupManifest {
        guard !FileManager.default.fileExists(atPath: out) else {
            throw InputProblems([InputProblem(file: out, problem: "the file exists already", hint: "Name a new file; a backup never overwrites another.")])
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("hotlistwatch-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        // 1. A consistent copy of the database, taken while others keep writing.
        let copy: URL
        let backend: String
        switch database.configuration {
        case .sqliteFile, .sqliteMemory:
            backend = "sqlite"
            copy = work.appendingPathComponent("database.sqlite")
            try await database.sql.raw("VACUUM INTO \(bind: copy.path)").run()
        case .postgres(let url, _):
            backend = "postgres"
            copy = work.appendingPathComponent("database.pgdump")
            try runTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file=\(copy.path)", "--dbname=\(url)"])
        }
        // 2. What the copy holds, read from the copy itself where we can.
        let source = backend == "sqlite" ? try HotlistDatabase(.sqliteFile(path: copy.path)) : database
        let (migrations, tables, hashes): ([String], [String: Int], [String])
        do {
            migrations = try await source.appliedMigrations()
            tables = try await rowCounts(source)
            hashes = try await source.sql.select().distinct().column("sha256").from("evidence_files").where("withdrawn_at", .is, SQLLiteral.null).orderBy("sha256").all()
                .map { try $0.decode(column: "sha256", as: String.self) }
        } catch {
            if backend == "sqlite" { await source.shutdown() }
            throw error
        }
        if backend == "sqlite" { await source.shutdown() }
        // 3. The evidence files, each checked against its name (its SHA-256) as it is added.
        let blobs = EvidenceBlobs(directory: evidenceDirectory)
        let archive = try Archive(url: URL(fileURLWithPath: out), accessMode: .create)
        var files: [BackupManifest.File] = []
        do {
            for hash in hashes {
                let data = try blobs.read(hash)
                try archive.addEntry(with: "evidence/\(hash.prefix(2))/\(hash)", type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                }
                files.append(.init(sha256: hash, size: data.count))
            }
            let databaseData = try Data(contentsOf: copy)
            try archive.addEntry(with: databaseEntry, fileURL: copy, compressionMethod: .deflate)
            let manifest = BackupManifest(createdAt: now, backend: backend, migrations: migrations, tables: tables,
                                          database: .init(sha256: EvidenceBlobs.sha256Hex(databaseData), size: databaseData.count), evidence: files)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            let json = try encoder.encode(manifest)
            try archive.addEntry(with: manifestEntry, type: .file, uncompressedSize: Int64(json.count), compressionMethod: .deflate) { position, size in
                json.subdata(in: Int(position)..<(Int(position) + size))
            }
            return manifest
        } catch {
            try? FileManager.default.removeItem(atPath: out)
            throw error
        }
    }

    /// Restores `archive` into an empty database and evidence folder, checking every hash on the
    /// way in and the row counts at the end. Nothing existing is overwritten.
    public static func restore(_ archivePath: String, into configuration: DatabaseConfiguration, evidenceDirectory: String) async throws -> BackupManifest {
        var newFile: String?
        if case .sqliteFile(let path) = configuration, !FileManager.default.fileExists(atPath: path) { newFile = path }
        do { return try await restoreChecked(archivePath, into: configuration, evidenceDirectory: evidenceDirectory) } catch {
            // The SQLite file this restore wrote goes again: nothing half-restored stays behind.
            if let newFile { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: newFile + suffix) } }
            throw error
        }
    }

    private static func restoreChecked(_ archivePath: String, into configuration: DatabaseConfiguration, evidenceDirectory: String) async throws -> BackupManifest {
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: archivePath), accessMode: .read) } catch {
            throw InputProblems([InputProblem(file: archivePath, problem: "this is not a backup made by hotlistwatch backup (not a ZIP archive)", hint: "Name the .zip that backup wrote.")])
        }
        func read(_ path: String, limit: Int = 1 << 34) throws -> Data {
            guard let entry = archive[path] else {
                throw InputProblems([InputProblem(file: archivePath, problem: "the backup has no \(path)", hint: "The archive is incomplete; use another backup.")])
            }
            guard entry.uncompressedSize <= UInt64(limit) else { throw InputProblems([InputProblem(file: archivePath, problem: "\(path) is larger than a backup's part can be", hint: "Use another backup.")]) }
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return data
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let manifest: BackupManifest
        do { manifest = try decoder.decode(BackupManifest.self, from: try read(manifestEntry, limit: 64 << 20)) } catch let problems as InputProblems { throw problems } catch {
            throw InputProblems([InputProblem(file: archivePath, field: manifestEntry, problem: "the manifest cannot be read", hint: "Use a backup made by hotlistwatch backup.")])
        }
        let databaseData = try read(databaseEntry)
        guard EvidenceBlobs.sha256Hex(databaseData) == manifest.database.sha256 else {
            throw InputProblems([InputProblem(file: archivePath, field: databaseEntry, problem: "the database copy does not match its SHA-256 in the manifest", hint: "The backup is damaged; use another.")])
        }
        // The target must be empty: a restore never mixes two histories.
        switch (manifest.backend, configuration) {
        case ("sqlite", .sqliteFile(let path)):
            guard !FileManager.default.fileExists(atPath: path) else {
                throw InputProblems([InputProblem(file: path, problem: "a database exists there already", hint: "Restore into a new path (--database NEW.sqlite), then move it into place.")])
            }
            try databaseData.write(to: URL(fileURLWithPath: path))
        case ("postgres", .postgres(let url, _)):
            let target = try HotlistDatabase(configuration)
            let existing = try await rowCounts(target).count
            await target.shutdown()
            guard existing == 0 else {
                throw InputProblems([InputProblem(file: "database", problem: "the PostgreSQL database has tables already", hint: "Restore into a new, empty database (createdb), then point the site at it.")])
            }
            let dump = FileManager.default.temporaryDirectory.appendingPathComponent("hotlistwatch-restore-\(UUID().uuidString).pgdump")
            try databaseData.write(to: dump)
            defer { try? FileManager.default.removeItem(at: dump) }
            try runTool("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname=\(url)", dump.path])
        default:
            throw InputProblems([InputProblem(file: archivePath, problem: "this is a \(manifest.backend) backup", hint: manifest.backend == "sqlite" ? "Restore it with --database PATH, or move it to PostgreSQL afterwards with hotlistwatch copy." : "Restore it with --database-url postgres://….")])
        }
        let blobs = EvidenceBlobs(directory: evidenceDirectory)
        for file in manifest.evidence {
            let data = try read("evidence/\(file.sha256.prefix(2))/\(file.sha256)")
            guard EvidenceBlobs.sha256Hex(data) == file.sha256 else {
                throw InputProblems([InputProblem(file: archivePath, field: "evidence/\(file.sha256)", problem: "an evidence file does not match its SHA-256", hint: "The backup is damaged; use another.")])
            }
            _ = try blobs.store(data)
        }
        let restored = try HotlistDatabase(configuration)
        let counts: [String: Int]
        do { counts = try await rowCounts(restored) } catch { await restored.shutdown(); throw error }
        await restored.shutdown()
        guard counts == manifest.tables else {
            let differing = Set(counts.keys).union(manifest.tables.keys).filter { counts[$0] != manifest.tables[$0] }.sorted()
            throw InputProblems([InputProblem(file: archivePath, problem: "after the restore, row counts differ from the manifest in \(differing.joined(separator: ", "))", hint: "The backup is damaged; use another.")])
        }
        return manifest
    }

    /// Rows in every table of ours (not the database's own catalogue).
    static func rowCounts(_ database: HotlistDatabase) async throws -> [String: Int] {
        let names: [String]
        switch database.configuration {
        case .sqliteFile, .sqliteMemory:
            names = try await database.sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                .map { try $0.decode(column: "name", as: String.self) }
        case .postgres:
            names = try await database.sql.raw("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'").all()
                .map { try $0.decode(column: "table_name", as: String.self) }
        }
        var counts: [String: Int] = [:]
        for name in names {
            counts[name] = try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(name).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        return counts
    }

    static func runTool(_ name: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch {
            throw InputProblems([InputProblem(file: name, problem: "\(name) could not be started", hint: "Install PostgreSQL's client tools (Debian: postgresql-client).")])
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw InputProblems([InputProblem(file: name, problem: "\(name) failed: \(message.trimmingCharacters(in: .whitespacesAndNewlines).prefix(500))", hint: "Check the database URL and that the server is running.")])
        }
    }
}
