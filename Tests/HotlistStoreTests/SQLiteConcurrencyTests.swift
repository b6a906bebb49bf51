import Foundation
import HotlistCore
import HotlistStore
import SQLKit
import Testing

/// Issue 11, attack 6: the site and an import are two processes on one SQLite file. In rollback-
/// journal mode a large write locks every reader out until it commits (public pages answered 500
/// during a 300,000-row import); in WAL mode readers go on reading the last committed data.
@Suite struct SQLiteConcurrencyTests {
    actor Progress {
        var writing = false, committed = false
        func set(writing: Bool) { self.writing = writing }
        func setCommitted() { committed = true }
    }

    @Test func pagesReadWhileAnotherProcessWrites() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hw-wal-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let site = try HotlistDatabase(.sqliteFile(path: path))
        let importer = try HotlistDatabase(.sqliteFile(path: path))
        try await site.migrate()
        try await importer.migrate()
        let settings = try await site.sqliteSettings()
        #expect(settings.journalMode == "wal")
        #expect(settings.busyTimeouts.allSatisfy { $0 == HotlistDatabase.sqliteBusyTimeoutMilliseconds })
        try await site.sql.raw("CREATE TABLE probe (x TEXT)").run()
        let agenciesBefore = try await site.sql.raw("SELECT count(*) AS n FROM agencies").first()?.decode(column: "n", as: Int.self)

        let progress = Progress()
        let writer = Task {
            try await importer.db.transaction { tx in
                let sql = tx as! any SQLDatabase
                // A tiny page cache makes SQLite spill to the file at once, as a big import does.
                try await sql.raw("PRAGMA cache_size = 5").run()
                for _ in 0..<200 { try await sql.raw("INSERT INTO probe (x) VALUES (\(bind: String(repeating: "x", count: 4_000)))").run() }
                await progress.set(writing: true)
                try await Task.sleep(nanoseconds: 1_500_000_000)
            }
            await progress.setCommitted()
        }
        while await !progress.writing { try await Task.sleep(nanoseconds: 10_000_000) }
        // MUT: the site reads while the import holds its write transaction open.
        let rows = try await site.sql.raw("SELECT count(*) AS n FROM probe").first()?.decode(column: "n", as: Int.self)
        let agencies = try await site.sql.raw("SELECT count(*) AS n FROM agencies").first()?.decode(column: "n", as: Int.self)
        let answeredBeforeCommit = await !progress.committed
        try await writer.value
        #expect(answeredBeforeCommit, "the read waited for the writer to commit")
        #expect(rows == 0, "readers see the last committed data")
        #expect(agencies == agenciesBefore)
        #expect(try await site.sql.raw("SELECT count(*) AS n FROM probe").first()?.decode(column: "n", as: Int.self) == 200)
        await site.shutdown()
        await importer.shutdown()
    }
}
