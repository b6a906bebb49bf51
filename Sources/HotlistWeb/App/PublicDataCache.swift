import Foundation
import HotlistStore
import NIOConcurrencyHelpers
import NIOCore

/// Generated public data files, kept while the directory's revision stays the same (every change
/// that matters bumps it), so a burst of downloads costs one generation: concurrent requests for
/// the same key wait on the same task.
final class PublicDataCache: Sendable {
    /// A file as served: its bytes, their validator and when they were made.
    struct Served: Sendable {
        var file: PublicDataFile
        /// The bytes once, shared by every response (a ByteBuffer is copied only on write).
        var body: ByteBuffer
        var etag: String
        var generatedAt: Date
    }

    private struct State {
        var revision: Int?
        var entries: [String: Task<[String: Served], any Error>] = [:]
        /// Bytes held by each finished entry, so many large filtered exports cannot fill the memory.
        var sizes: [String: Int] = [:]
    }

    /// Distinct filtered directory exports kept per revision; past it the cache starts over.
    static let maxEntries = 500
    /// Bytes kept across entries; past it, every entry but the one just made is dropped.
    static let maxBytes = 128 * 1_048_576
    private let state = NIOLockedValueBox(State())

    /// The files under `key` for the current revision, generated once by `make(generatedAt)`.
    func files(key: String, database: HotlistDatabase, now: @escaping @Sendable () async throws -> Date,
               make: @escaping @Sendable (Date) async throws -> [PublicDataFile]) async throws -> [String: Served] {
        let revision = try await DirectoryQueries(database).revision()
        let task = state.withLockedValue { state -> Task<[String: Served], any Error> in
            if state.revision != revision { state.entries.removeAll(); state.sizes.removeAll(); state.revision = revision }
            if let running = state.entries[key] { return running }
            if state.entries.count >= Self.maxEntries { state.entries.removeAll(); state.sizes.removeAll() }
            let task = Task {
                let generatedAt = try await now()
                let files = try await make(generatedAt)
                return Dictionary(files.map { ($0.name, Served(file: $0, body: ByteBuffer(bytes: $0.bytes), etag: Self.etag($0.bytes), generatedAt: generatedAt)) }, uniquingKeysWith: { first, _ in first })
            }
            state.entries[key] = task
            return task
        }
        do {
            let files = try await task.value
            state.withLockedValue { state in
                guard state.entries[key] == task, state.sizes[key] == nil else { return }
                state.sizes[key] = files.values.reduce(0) { $0 + $1.file.bytes.count }
                if state.sizes.values.reduce(0, +) > Self.maxBytes {
                    state.entries = state.entries.filter { $0.key == key }
                    state.sizes = state.sizes.filter { $0.key == key }
                }
            }
            return files
        } catch {
            // A failed generation is not kept: the next request tries again.
            state.withLockedValue { state in if state.entries[key] == task { state.entries[key] = nil } }
            throw error
        }
    }

    static func etag(_ bytes: [UInt8]) -> String {
        "\"" + Credentials.sha256Hex(bytes).prefix(32) + "\""
    }
}
