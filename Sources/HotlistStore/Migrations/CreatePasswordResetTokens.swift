import FluentKit
import SQLKit

/// One-time password-reset tokens that an admin hands to a person (no email server needed).
struct CreatePasswordResetTokens: AsyncMigration {
    var name: String { "0012-create-password-reset-tokens" }

    func prepare(on database: any Database) async throws {
        try await database.schema("password_reset_tokens")
            .field("token_hash", .string, .identifier(auto: false))
            .field("user_id", .int, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("password_reset_tokens").delete()
    }
}
