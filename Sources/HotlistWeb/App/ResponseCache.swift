import HotlistStore
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Rendered read-only responses, kept until an import changes the directory.
///
/// The directory changes only through imports, which may run in another process, so the cache asks
/// the database for the directory's revision at most once per `revisionCheckInterval` and drops
/// everything when it moved. Entries also expire after `maxAge`, since pages say how many days old
/// a snapshot is.
final class ResponseCache: Sendable {
    struct Settings: Sendable {
        var enabled = true
        var revisionCheckInterval: TimeAmount = .seconds(1)
        var maxAge: TimeAmount = .seconds(60)
        var maxEntries = 2_000
    }

    private struct Entry {
        var body: ByteBuffer
        var contentType: HTTPMediaType
        var storedAt: NIODeadline
    }

    private struct State {
        var revision: Int?
        var checkedAt = NIODeadline.uptimeNanoseconds(0)
        var entries: [String: Entry] = [:]
    }

    let settings: Settings
    private let state = NIOLockedValueBox(State())

    init(_ settings: Settings) { self.settings = settings }

    /// The cached response for `key`, or a fresh one from `render` (then kept).
    func respond(key: String, database: HotlistDatabase, render: () async throws -> (body: String, contentType: HTTPMediaType)) async throws -> Response {
        guard settings.enabled else {
            let fresh = try await render()
            return Self.response(ByteBuffer(string: fresh.body), fresh.contentType)
        }
        try await refreshRevision(database)
        let now = NIODeadline.now()
        if let hit = state.withLockedValue({ $0.entries[key] }), now - hit.storedAt < settings.maxAge {
            return Self.response(hit.body, hit.contentType)
        }
        let fresh = try await render()
        let body = ByteBuffer(string: fresh.body)
        state.withLockedValue { state in
            if state.entries.count >= settings.maxEntries { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = Entry(body: body, contentType: fresh.contentType, storedAt: now)
        }
        return Self.response(body, fresh.contentType)
    }

    private func refreshRevision(_ database: HotlistDatabase) async throws {
        let now = NIODeadline.now()
        let due = state.withLockedValue { now - $0.checkedAt >= settings.revisionCheckInterval || $0.revision == nil }
        guard due else { return }
        let revision = try await DirectoryQueries(database).revision()
        state.withLockedValue { state in
            if state.revision != revision { state.entries.removeAll(keepingCapacity: true) }
            state.revision = revision
            state.checkedAt = now
        }
    }

    private static func response(_ body: ByteBuffer, _ contentType: HTTPMediaType) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = contentType
        return Response(status: .ok, headers: headers, body: .init(buffer: body))
    }
}
