import Crypto
import Foundation

/// The files themselves, content-addressed: `DIR/ab/abcdef…` is the file whose SHA-256 is `abcdef…`.
/// A file is written to `DIR/tmp/` and renamed into place only when complete, and never written again.
public struct EvidenceBlobs: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public static func sha256Hex<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    public func path(for sha256: String) -> String { "\(directory)/\(sha256.prefix(2))/\(sha256)" }

    public func exists(_ sha256: String) -> Bool { FileManager.default.fileExists(atPath: path(for: sha256)) }

    /// Stores `data` under its hash; returns the hash and whether the file is new (false: already stored).
    public func store(_ data: Data) throws -> (sha256: String, isNew: Bool) {
        let hash = Self.sha256Hex(data)
        if FileManager.default.fileExists(atPath: path(for: hash)) { return (hash, false) }
        let temporary = try temporaryPath()
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
            return (hash, try place(temporary, as: hash))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// Stores a copy of the file at `source`, read a megabyte at a time and hashed on the way, so a
    /// log of gigabytes never sits in memory. Returns its hash, size and whether it is new.
    public func store(fileAt source: String) throws -> (sha256: String, size: Int, isNew: Bool) {
        // A regular file only: a device or pipe could stream without end into the store.
        var status = stat()
        guard stat(source, &status) == 0 else {
            throw EvidenceStorageError(message: "cannot read \(source): check the path and that the file is readable")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw EvidenceStorageError(message: "cannot store \(source): it is not a regular file (a device, pipe or folder); save the log to a file first")
        }
        guard let input = FileHandle(forReadingAtPath: source) else {
            throw EvidenceStorageError(message: "cannot read \(source): check the path and that the file is readable")
        }
        defer { try? input.close() }
        let temporary = try temporaryPath()
        do {
            guard FileManager.default.createFile(atPath: temporary, contents: nil), let output = FileHandle(forWritingAtPath: temporary) else {
                throw EvidenceStorageError(message: "cannot write into the evidence store at \(directory)/tmp")
            }
            defer { try? output.close() }
            var hasher = SHA256()
            var size = 0
            while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
                try output.write(contentsOf: chunk)
                size += chunk.count
            }
            let hash = hasher.finalize().map { String(format: "%02x", $0) }.joined()
            if FileManager.default.fileExists(atPath: path(for: hash)) {
                try? FileManager.default.removeItem(atPath: temporary)
                return (hash, size, false)
            }
            return (hash, size, try place(temporary, as: hash))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    private func temporaryPath() throws -> String {
        try FileManager.default.createDirectory(atPath: "\(directory)/tmp", withIntermediateDirectories: true)
        return "\(directory)/tmp/\(UUID().uuidString)"
    }

    /// Gives a complete temporary file its name; false when someone stored the same bytes meanwhile.
    private func place(_ temporary: String, as hash: String) throws -> Bool {
        let files = FileManager.default
        try files.createDirectory(atPath: "\(directory)/\(hash.prefix(2))", withIntermediateDirectories: true)
        // On disk before it gets its name: a crash leaves a stray temporary file, never a short one under a hash.
        if let handle = FileHandle(forWritingAtPath: temporary) { try handle.synchronize(); try handle.close() }
        // Read-only from here on: evidence is never modified in place.
        try files.setAttributes([.posixPermissions: 0o444], ofItemAtPath: temporary)
        if rename(temporary, path(for: hash)) != 0 {
            let code = errno
            // Someone stored the same bytes meanwhile: theirs is identical.
            if files.fileExists(atPath: path(for: hash)) { try? files.removeItem(atPath: temporary); return false }
            throw EvidenceStorageError(message: "could not move the file into the evidence store (\(String(cString: strerror(code))))")
        }
        return true
    }

    /// Removes a file this process just stored when the database write that needed it failed.
    func discard(_ sha256: String) { try? FileManager.default.removeItem(atPath: path(for: sha256)) }

    /// The stored bytes, checked against their hash.
    public func read(_ sha256: String) throws -> Data {
        let file = path(for: sha256)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw EvidenceStorageError(message: "the file \(sha256) is missing from the evidence store at \(file)")
        }
        guard Self.sha256Hex(data) == sha256 else {
            throw EvidenceStorageError(message: "the file \(sha256) in the evidence store no longer matches its hash: it was altered on disk")
        }
        return data
    }

    /// Re-hashes one stored file, reading it in pieces so large files do not sit in memory.
    public func check(_ sha256: String) -> EvidenceCheck.Outcome {
        guard let handle = FileHandle(forReadingAtPath: path(for: sha256)) else { return .missing }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch { return .unreadable }
            // nil or empty: the end of the file.
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update(data: chunk)
        }
        let actual = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return actual == sha256 ? .intact : .altered(actualSHA256: actual)
    }

    /// Hashes of every file in the store (not the temporary folder).
    /// Files in `tmp/`: uploads being written now, or interrupted ones.
    public func temporaryFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "\(directory)/tmp")) ?? []).sorted().map { "\(directory)/tmp/\($0)" }
    }

    public func allStored() -> [String] {
        let files = FileManager.default
        guard let prefixes = try? files.contentsOfDirectory(atPath: directory) else { return [] }
        return prefixes.filter { $0.count == 2 }.flatMap { prefix in
            ((try? files.contentsOfDirectory(atPath: "\(directory)/\(prefix)")) ?? []).filter { $0.hasPrefix(prefix) && $0.count == 64 }
        }.sorted()
    }
}

public struct EvidenceStorageError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}

/// What `evidence verify` found.
public struct EvidenceCheck: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case intact, missing, unreadable
        case altered(actualSHA256: String)
    }

    public struct Problem: Sendable, Equatable {
        public var sha256: String
        public var outcome: Outcome
        /// The evidence records that point at the file.
        public var evidenceIDs: [Int]
    }

    public var checked: Int
    public var problems: [Problem]
    /// Files in the store no record points at (left by an interrupted write or a manual copy).
    public var unreferenced: [String]
    /// Half-written files in `tmp/`, left by uploads that were interrupted (a crash, kill -9).
    public var temporary: [String] = []

    public var isClean: Bool { problems.isEmpty }
}
