import FluentKit
import SQLKit

/// Sign-in sessions live in the database so they survive restarts and work with several servers.
/// Only a SHA-256 of the cookie's token is stored: a copy of the table does not sign anyone in.
struct CreateSessions: AsyncMigration {
    var name: String { "0010-create-sessions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sessions")
            .field("token_hash", .string, .identifier(auto: false))
            .field("user_id", .int, .required, .references("users", "id"))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("client_address", .string)
            .create()
        try await database.sql.create(index: "sessions_user").on("sessions").column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sessions").delete()
    }
}
