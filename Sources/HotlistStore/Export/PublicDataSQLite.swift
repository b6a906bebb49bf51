import Foundation
import HotlistCore
import NIOCore
import NIOPosix
import SQLiteNIO

/// The public data set as one SQLite file, for Datasette and pandas: one table per public table, a
/// `columns` table explaining each column, and an `about` table with the licence, citation, credits
/// and generation time. Built in a fresh temporary file, so nothing else can end up in it.
enum PublicDataSQLite {
    static func write(_ set: PublicDataSet) async throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hotlistwatch-public-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        do {
            try await fill(connection, set)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    private static func fill(_ connection: SQLiteConnection, _ set: PublicDataSet) async throws {
        func run(_ sql: String, _ binds: [SQLiteData] = []) async throws { try await connection.query(sql, binds) { _ in } }
        try await run("BEGIN")
        try await run("CREATE TABLE about (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        var about: [(String, String)] = [("licence", PublicDataAbout.licence), ("licence_url", PublicDataAbout.licenceURL), ("citation", set.about.citation),
                                         ("generated_at", TimestampParser.iso8601(set.about.generatedAt)), ("columns_explained", set.about.baseURL + "/data")]
        about += PublicDataAbout.credits.enumerated().map { ("credit_\($0.offset + 1)", "\($0.element.0): \($0.element.1)") }
        for (key, value) in about { try await run("INSERT INTO about (key, value) VALUES (?, ?)", [.text(key), .text(value)]) }
        try await run("CREATE TABLE columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, meaning TEXT NOT NULL, PRIMARY KEY (table_name, column_name))")
        for table in set.tables {
            let types = table.columns.indices.map { index in sqliteType(table.rows.map { $0[index] }) }
            let definitions = zip(table.columns, types).map { "\(quoted($0.name)) \($1)" }.joined(separator: ", ")
            try await run("CREATE TABLE \(quoted(table.name)) (\(definitions))")
            let insert = "INSERT INTO \(quoted(table.name)) VALUES (\(Array(repeating: "?", count: table.columns.count).joined(separator: ", ")))"
            for row in table.rows { try await run(insert, row.map(sqliteData)) }
            for column in table.columns {
                try await run("INSERT INTO columns (table_name, column_name, meaning) VALUES (?, ?, ?)", [.text(table.name), .text(column.name), .text(column.meaning)])
            }
        }
        try await run("COMMIT")
    }

    /// Names come from our own code, never from data; quoting keeps them identifiers all the same.
    private static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    private static func sqliteType(_ values: [PublicValue]) -> String {
        var type: String?
        for value in values {
            switch value {
            case .null: continue
            case .integer, .bool: type = type ?? "INTEGER"
            case .real: type = "REAL"
            case .text, .json: return "TEXT"
            }
        }
        return type ?? "TEXT"
    }

    private static func sqliteData(_ value: PublicValue) -> SQLiteData {
        switch value {
        case .text(let text), .json(let text): .text(text)
        case .integer(let number): .integer(number)
        case .real(let number): .float(number)
        case .bool(let flag): .integer(flag ? 1 : 0)
        case .null: .null
        }
    }
}
