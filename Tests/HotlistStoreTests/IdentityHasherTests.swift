import Foundation
import HotlistCore
import HotlistStore
import Testing

@Suite("IdentityHasher")
struct IdentityHasherTests {
    func withFolder<T>(_ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hw-identity-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try body(folder)
    }

    func permissions(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("the key is made on first use, 32 bytes readable by its owner only, and read back the same")
    func createsAndReloads() throws {
        try withFolder { folder in
            let path = folder + "/hotlistwatch-identity.key"
            let first = try IdentityHasher.loadOrCreate(path: path)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 32)
            #expect(try permissions(path) == 0o600)
            let again = try IdentityHasher.loadOrCreate(path: path)
            #expect(first.hash("Jane Roe") == again.hash("Jane Roe"))
            #expect(first.hash("Jane Roe").count == 32 && first.hash("Jane Roe").allSatisfy(\.isHexDigit))
            #expect(first.hash("Jane Roe") != first.hash("John Smith"))
            #expect(first.hash("") == "" && first.hash("***") == "***")
        }
    }

    @Test("the hash is HMAC-SHA256 under the key, so two installations give different hashes")
    func keyedHash() {
        let zeros = IdentityHasher(key: [UInt8](repeating: 0, count: 32))
        let ones = IdentityHasher(key: [UInt8](repeating: 1, count: 32))
        // HMAC-SHA256(key: 32 zero bytes, "ABC1234"), first 16 bytes (computed with Python's hmac module).
        #expect(zeros.hash("ABC1234") == "b65b70ce53b7fd46b1563ef423948b26")
        #expect(zeros.hash("ABC1234") != ones.hash("ABC1234"))
    }

    @Test("a key readable by others, of the wrong size, or not a file is refused, naming the fix")
    func refusesUnsafeKeys() throws {
        try withFolder { folder in
            let open = folder + "/open.key"
            FileManager.default.createFile(atPath: open, contents: Data(repeating: 7, count: 32), attributes: [.posixPermissions: 0o644])
            do {
                _ = try IdentityHasher.loadOrCreate(path: open)
                Issue.record("a 644 key was accepted")
            } catch let error as InputProblem {
                #expect(error.file == open && error.problem.contains("644") && error.hint.contains("chmod 600"))
            }
            let short = folder + "/short.key"
            FileManager.default.createFile(atPath: short, contents: Data(repeating: 7, count: 31), attributes: [.posixPermissions: 0o600])
            #expect(throws: InputProblem.self) { try IdentityHasher.loadOrCreate(path: short) }
            #expect(throws: InputProblem.self) { try IdentityHasher.loadOrCreate(path: folder) }
            #expect(throws: InputProblem.self) { try IdentityHasher.loadOrCreate(path: folder + "/missing/dir/key") }
            // A refused key is left exactly as it was.
            #expect(try Data(contentsOf: URL(fileURLWithPath: short)) == Data(repeating: 7, count: 31))
        }
    }

    @Test("the key path: the option, else the environment, else next to the default database")
    func keyPath() {
        #expect(IdentityHasher.keyPath(option: "/k", environment: ["HOTLISTWATCH_IDENTITY_KEY": "/e"]) == "/k")
        #expect(IdentityHasher.keyPath(option: nil, environment: ["HOTLISTWATCH_IDENTITY_KEY": "/e"]) == "/e")
        #expect(IdentityHasher.keyPath(option: nil, environment: [:]) == "hotlistwatch-identity.key")
    }
}
