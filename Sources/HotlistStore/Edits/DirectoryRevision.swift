import SQLKit

/// The counter that tells running servers their cached pages are out of date.
enum DirectoryRevision {
    static func bump(_ sql: any SQLDatabase) async throws {
        try await sql.update("directory_state").set("revision", to: SQLRaw("revision + 1")).where("id", .equal, 1).run()
    }
}
