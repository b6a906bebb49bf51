import FluentKit
import SQLKit

extension FluentKit.Database {
    /// Both drivers are SQL databases; this is the one place that says so.
    var sql: any SQLDatabase { self as! any SQLDatabase }
}

extension SQLDatabase {
    /// Inserts rows in batches: one statement per batch keeps imports fast on both databases while
    /// staying under SQLite's limit on bound values.
    func insertBatched<Row: Encodable>(into table: String, _ rows: [Row], batchSize: Int = 400) async throws {
        var start = 0
        while start < rows.count {
            let end = min(start + batchSize, rows.count)
            try await insert(into: table)
                .models(Array(rows[start..<end]), nilEncodingStrategy: .asNil)
                .run()
            start = end
        }
    }
}
