import Foundation

/// Values computed over the whole directory, kept until the directory changes: every change that
/// matters (imports, verified findings and statements, requests) bumps the revision in
/// `directory_state`, so a value computed at revision N is right for as long as N is current.
/// The contradiction rules compare agencies with each other; without this, each agency page
/// recomputed them over every agency.
final class RevisionMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (revision: Int, value: any Sendable)] = [:]

    func value<T: Sendable>(_ key: String, revision: Int, compute: () async throws -> T) async throws -> T {
        if let hit = lock.withLock({ entries[key] }), hit.revision == revision, let value = hit.value as? T { return value }
        let value = try await compute()
        lock.withLock { entries[key] = (revision, value) }
        return value
    }
}
