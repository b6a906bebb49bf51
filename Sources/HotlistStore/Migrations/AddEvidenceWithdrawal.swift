import FluentKit
import SQLKit

/// An admin can withdraw a file uploaded by mistake: its bytes go, its record and the reason stay.
struct AddEvidenceWithdrawal: AsyncMigration {
    var name: String { "0022-add-evidence-withdrawal" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        try await database.schema("evidence_files").field("withdrawn_at", .datetime).update()
        try await database.schema("evidence_files").field("withdrawn_reason", .string).update()
        try await database.schema("evidence_files").field("withdrawn_by_label", .string).update()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for column in ["withdrawn_at", "withdrawn_reason", "withdrawn_by_label"] { try await sql.alter(table: "evidence_files").dropColumn(column).run() }
    }
}
