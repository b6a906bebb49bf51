import Foundation
import HotlistCore
import SQLKit

extension UserAccount {
    static let columns = ["id", "email", "display_name", "role", "created_at", "disabled_at", "last_sign_in_at"]

    /// Reads a user from a row selected with `columns` (optionally prefixed by a join's table).
    init(row: any SQLRow) throws {
        let roleText = try row.decode(column: "role", as: String.self)
        self.init(id: try row.decode(column: "id", as: Int.self),
                  email: try row.decode(column: "email", as: String.self),
                  displayName: try row.decode(column: "display_name", as: String.self),
                  // An unknown role in the table (edited by hand) gets the least power, not a crash.
                  role: Role(rawValue: roleText) ?? .volunteer,
                  createdAt: try row.decode(column: "created_at", as: Date.self),
                  disabledAt: try row.decode(column: "disabled_at", as: Date?.self),
                  lastSignInAt: try row.decode(column: "last_sign_in_at", as: Date?.self))
    }
}
