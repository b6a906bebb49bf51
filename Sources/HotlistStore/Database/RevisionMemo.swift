import Foundation
import SQLKit

/// Values computed over the whole directory, kept until the directory changes: every change that
/// matters (imports, verified findings and statements, requests) bumps the revision in
/// `directory_state`, so a value computed at revision N is right for as long as N is current.
/// The contradiction rules compare agencies with each other; without this, each agency page
/// recomputed them over every agency.
final class RevisionMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (revision: Int, value: any Sendable)] = [:]
    private var held: Int?

    /// The current revision: the one held while a static copy is written, else the database's.
    func revision(sql: any SQLDatabase) async throws -> Int {
        if let held = lock.withLock({ held }) { return held }
        return try await DirectoryQueries(sql: sql).revision()
    }

    /// Holds the revision for the duration of `body`, so tens of thousands of page reads in a row
    /// each skip asking the database whether the data changed: the copy shows one state of the data.
    func holding<T>(_ revision: Int, _ body: () async throws -> T) async throws -> T {
        lock.withLock { held = revision }
        defer { lock.withLock { held = nil } }
        return try await body()
    }

    func value<T: Sendable>(_ key: String, revision: Int, compute: () async throws -> T) async throws -> T {
        if let hit = lock.withLock({ entries[key] }), hit.revision == revision, let value = hit.value as? T { return value }
        let value = try await compute()
        lock.withLock { entries[key] = (revision, value) }
        return value
    }

    /// Keeps a value read ahead of need (the static copy reads every agency at once).
    func store<T: Sendable>(_ key: String, revision: Int, _ value: T) {
        lock.withLock { entries[key] = (revision, value) }
    }

    /// The value kept under `key` if one was stored and the data has not changed since; nil
    /// otherwise. Asks the database for the revision only when something is kept, so servers that
    /// never read ahead pay nothing.
    func preloaded<T: Sendable>(_ key: String, sql: any SQLDatabase) async throws -> T? {
        guard let hit = lock.withLock({ entries[key] }), let value = hit.value as? T else { return nil }
        return try await revision(sql: sql) == hit.revision ? value : nil
    }
}
