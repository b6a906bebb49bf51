import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteNIO

/// An open connection pool to the configured database, with our migrations. Used by the web app,
/// the command line and the tests alike.
public final class HotlistDatabase: Sendable {
    public let configuration: DatabaseConfiguration
    private let databases: Databases
    private let threadPool: NIOThreadPool
    private let logger: Logger
    /// Directory-wide values (the contradiction rules' inputs) kept until the data changes.
    let memo = RevisionMemo()

    public init(_ configuration: DatabaseConfiguration, logger: Logger? = nil) throws {
        self.configuration = configuration
        // Quiet by default: migrations and queries are not news to a person at a terminal.
        self.logger = logger ?? { var quiet = Logger(label: "hotlistwatch.db"); quiet.logLevel = .warning; return quiet }()
        let threadPool = NIOThreadPool(numberOfThreads: 2)
        threadPool.start()
        self.threadPool = threadPool
        let databases = Databases(threadPool: threadPool, on: MultiThreadedEventLoopGroup.singleton)
        switch configuration {
        case .sqliteFile(let path):
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .sqliteMemory:
            databases.use(.sqlite(.memory, sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url, let searchPath):
            var postgres = try SQLPostgresConfiguration(url: url)
            if let searchPath { postgres.searchPath = [searchPath] }
            databases.use(.postgres(configuration: postgres, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace), as: .psql)
        }
        self.databases = databases
    }

    /// A database handle for queries. The store's own types use it; outside the store only tests do.
    package var db: any Database {
        databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    package var sql: any SQLDatabase { db.sql }

    /// Runs `body` in one transaction: every write in it lands, or none does.
    func sqlTransaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await db.transaction { try await body($0.sql) }
    }

    /// How long a SQLite write waits for another writer (an import in another process) before it fails.
    public static let sqliteBusyTimeoutMilliseconds = 5_000

    /// SQLite only: write-ahead logging, so pages keep reading while an import writes (in rollback-
    /// journal mode a long write locks every reader out), and a bounded wait for the write lock in
    /// place of SQLiteNIO's busy handler, which retries at once, without end, holding the connection.
    /// WAL is kept in the file; the timeout belongs to each connection, so it is set on the one
    /// connection of each event loop's pool (SQLite pools hold one and keep it open).
    func prepareSQLite() async throws {
        guard case .sqliteFile = configuration else { return }
        _ = try await sql.raw("PRAGMA journal_mode = WAL").all()
        for loop in MultiThreadedEventLoopGroup.singleton.makeIterator() {
            let handle = databases.database(logger: logger, on: loop)!.sql
            try await handle.raw("PRAGMA busy_timeout = \(unsafeRaw: String(Self.sqliteBusyTimeoutMilliseconds))").run()
        }
    }

    /// The SQLite journal mode and busy timeout of each connection (for tests and `doctor`-style checks).
    public func sqliteSettings() async throws -> (journalMode: String, busyTimeouts: [Int]) {
        let mode = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self) ?? ""
        var timeouts: [Int] = []
        for loop in MultiThreadedEventLoopGroup.singleton.makeIterator() {
            let handle = databases.database(logger: logger, on: loop)!.sql
            timeouts.append(try await handle.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self) ?? -1)
        }
        return (mode, timeouts)
    }

    /// Whether `error` is SQLite giving up on the write lock after the busy timeout.
    public static func isBusy(_ error: any Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        return [.busy, .locked, .busyTimeout, .busyInSnapshot, .busyInRecovery].contains(error.reason)
    }

    /// Applies every migration not yet applied. Safe to run again.
    public func migrate() async throws {
        try await prepareSQLite()
        let migrations = Migrations()
        migrations.add(HotlistMigrations.all)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Names of applied migrations, oldest first.
    public func appliedMigrations() async throws -> [String] {
        try await sql.select().column("name").from("_fluent_migrations").orderBy("batch").orderBy("name").all()
            .map { try $0.decode(column: "name", as: String.self) }
    }

    /// Runs a write again when SQLite answers "database is locked": two deferred transactions that both
    /// read before writing cannot both upgrade, and SQLite refuses one at once rather than wait
    /// (its busy handler does not apply to that deadlock). A few short, growing pauses settle it.
    static func retryingWhenBusy<T>(_ attempts: Int = 6, _ body: () async throws -> T) async throws -> T {
        var pause: UInt64 = 20_000_000
        for _ in 1..<attempts {
            do { return try await body() } catch where isBusy(error) {
                try await Task.sleep(nanoseconds: pause + UInt64.random(in: 0...pause))
                pause *= 2
            }
        }
        return try await body()
    }

    public func shutdown() async {
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
    }
}
