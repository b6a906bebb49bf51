import Foundation
import HotlistStore
import SQLKit

/// Every row of every table, as text, for "the database is exactly as it was" checks.
public enum DatabaseContents {
    public static func rows(_ database: HotlistDatabase) async throws -> [String] {
        let tables: [String]
        switch database.configuration {
        case .sqliteFile, .sqliteMemory:
            tables = try await database.sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all()
                .map { try $0.decode(column: "name", as: String.self) }
        case .postgres:
            tables = try await database.sql.raw("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name").all()
                .map { try $0.decode(column: "table_name", as: String.self) }
        }
        var lines: [String] = []
        for table in tables {
            for row in try await database.sql.raw("SELECT * FROM \(ident: table) ORDER BY 1").all() {
                lines.append(table + ": " + row.allColumns.map { "\($0)=\(text(row, $0))" }.joined(separator: " | "))
            }
        }
        return lines
    }

    /// Columns decode as the first type that fits; the same column always decodes the same way.
    static func text(_ row: any SQLRow, _ column: String) -> String {
        if (try? row.decodeNil(column: column)) == true { return "NULL" }
        if let value = try? row.decode(column: column, as: String.self) { return value }
        if let value = try? row.decode(column: column, as: Int.self) { return String(value) }
        if let value = try? row.decode(column: column, as: Double.self) { return String(value) }
        if let value = try? row.decode(column: column, as: Bool.self) { return String(value) }
        if let value = try? row.decode(column: column, as: Date.self) { return value.timeIntervalSince1970.description }
        if let value = try? row.decode(column: column, as: Data.self) { return value.base64EncodedString() }
        return "?"
    }
}
