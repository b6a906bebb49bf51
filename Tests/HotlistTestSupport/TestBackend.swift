import Foundation
import HotlistStore
import SQLKit

/// The databases every Store and Web test runs on: in-memory SQLite always, and PostgreSQL when
/// `HOTLISTWATCH_TEST_POSTGRES_URL` is set (scripts/test always sets it).
public enum TestBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    public static let postgresURLVariable = "HOTLISTWATCH_TEST_POSTGRES_URL"

    public static var available: [TestBackend] {
        ProcessInfo.processInfo.environment[postgresURLVariable].map { $0.isEmpty ? [.sqlite] : [.sqlite, .postgres] } ?? [.sqlite]
    }

    public var description: String { rawValue }

    /// A fresh, migrated database for one test, removed afterwards. On PostgreSQL each test gets its own
    /// schema, so tests run in parallel without seeing each other's rows.
    public func withDatabase<T>(_ body: (HotlistDatabase) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let database = try HotlistDatabase(.sqliteMemory)
            do {
                try await database.migrate()
                let result = try await body(database)
                await database.shutdown()
                return result
            } catch {
                await database.shutdown()
                throw error
            }
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment[Self.postgresURLVariable] else {
                throw TestSetupError("set \(Self.postgresURLVariable) to run PostgreSQL tests")
            }
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let admin = try HotlistDatabase(.postgres(url: url))
            try await admin.sql.raw("CREATE SCHEMA \(unsafeRaw: schema)").run()
            let database = try HotlistDatabase(.postgres(url: url, searchPath: schema))
            do {
                try await database.migrate()
                let result = try await body(database)
                await database.shutdown()
                try await admin.sql.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run()
                await admin.shutdown()
                return result
            } catch {
                await database.shutdown()
                try? await admin.sql.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run()
                await admin.shutdown()
                throw error
            }
        }
    }
}

public struct TestSetupError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
