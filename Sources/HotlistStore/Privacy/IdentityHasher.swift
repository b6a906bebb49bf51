import Crypto
import Foundation
import HotlistCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces names, user names and plates with keyed hashes (HMAC-SHA256 under a key made once per
/// installation): the same value gives the same hash in every export of this installation, so an
/// analyst can count searches per user, while nobody without the key can test a guess, and another
/// installation's hashes do not match these.
public struct IdentityHasher: Sendable {
    public static let keyBytes = 32
    /// Next to the default SQLite database (./hotlistwatch.sqlite).
    public static let defaultKeyPath = "hotlistwatch-identity.key"
    public static let keyPathVariable = "HOTLISTWATCH_IDENTITY_KEY"
    /// Hex characters of a hash: the first 16 bytes of the HMAC.
    public static let hashCharacters = 32

    private let key: SymmetricKey

    public init(key: [UInt8]) {
        precondition(key.count == Self.keyBytes, "an identity key is \(Self.keyBytes) bytes")
        self.key = SymmetricKey(data: key)
    }

    /// The hash of `value` as hex; an empty or redacted ("***") value stays as it is, since it names nobody.
    public func hash(_ value: String) -> String {
        if value.isEmpty || value == "***" { return value }
        let code = HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: key)
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(Self.hashCharacters)
        for byte in code.prefix(Self.hashCharacters / 2) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The key file's path: `option`, else HOTLISTWATCH_IDENTITY_KEY, else the default.
    public static func keyPath(option: String?, environment: [String: String]) -> String {
        option ?? environment[keyPathVariable].flatMap { $0.isEmpty ? nil : $0 } ?? defaultKeyPath
    }

    /// Reads the key at `path`, or makes one there (32 random bytes, readable by this user only)
    /// when there is no file. A file of another size, or readable or writable by others, is refused.
    public static func loadOrCreate(path: String) throws(InputProblem) -> IdentityHasher {
        for _ in 0..<2 {
            if let key = try load(path: path) { return IdentityHasher(key: key) }
            if try create(path: path) { continue }
        }
        throw InputProblem(file: path, problem: "the identity key file keeps appearing and disappearing", hint: "Check that no other program writes \(path).")
    }

    /// The key, or nil when there is no file at `path`.
    private static func load(path: String) throws(InputProblem) -> [UInt8]? {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw InputProblem(file: path, problem: "the identity key cannot be read (\(String(cString: strerror(errno))))", hint: "Check the path and its folder's permissions.")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw InputProblem(file: path, problem: "the identity key is not a regular file", hint: "Point --identity-key (or \(keyPathVariable)) at a key file, or at a path where one can be made.")
        }
        let mode = status.st_mode & 0o777
        guard mode & ~0o600 == 0 else {
            throw InputProblem(file: path, problem: "the identity key's permissions are \(String(mode, radix: 8)), wider than 600: other users may read it",
                               hint: "Run: chmod 600 \(path)   (anyone with the key can test guesses of names and plates against the hashes).")
        }
        guard status.st_size == off_t(keyBytes) else {
            throw InputProblem(file: path, problem: "the identity key is \(status.st_size) bytes, not \(keyBytes)",
                               hint: "It is not a key this program made. Restore the right file, or move it away to make a new key (hashes then change).")
        }
        guard let data = FileManager.default.contents(atPath: path), data.count == keyBytes else {
            throw InputProblem(file: path, problem: "the identity key cannot be read by this user", hint: "Run the command as the user who owns \(path).")
        }
        return Array(data)
    }

    /// Writes a new key; false when another process made the file first.
    private static func create(path: String) throws(InputProblem) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { return false }
            throw InputProblem(file: path, problem: "the identity key cannot be created (\(String(cString: strerror(errno))))",
                               hint: "Check the folder exists and is writable, or pass --identity-key PATH.")
        }
        var generator = SystemRandomNumberGenerator()
        let key = (0..<keyBytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let written = key.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == keyBytes, synced else {
            unlink(path)
            throw InputProblem(file: path, problem: "the identity key could not be written", hint: "Check the disk has space and the folder is writable.")
        }
        return true
    }
}
