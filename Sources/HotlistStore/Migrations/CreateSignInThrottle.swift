import FluentKit
import SQLKit

/// Failed sign-in counts per account and per client address. Keys are SHA-256 of the email typed
/// or the address, so the table does not collect what strangers type.
struct CreateSignInThrottle: AsyncMigration {
    var name: String { "0013-create-sign-in-throttle" }

    func prepare(on database: any Database) async throws {
        try await database.schema("sign_in_throttle")
            .field("key_hash", .string, .identifier(auto: false))
            .field("scope", .string, .required)
            .field("failures", .int, .required)
            .field("window_started_at", .datetime, .required)
            .field("locked_until", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sign_in_throttle").delete()
    }
}
