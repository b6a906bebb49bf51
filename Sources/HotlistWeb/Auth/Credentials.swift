import Crypto
import Foundation
import Vapor

/// Secrets: random tokens for cookies, CSRF, API and password resets; SHA-256 for storing tokens;
/// bcrypt for passwords, run off the event loop because it is slow on purpose.
public enum Credentials {
    /// 32 random bytes, base64url without padding (43 characters).
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// API tokens carry a prefix so they are recognisable in a script or a leaked file.
    public static let apiTokenPrefix = "hwt_"

    public static func newAPIToken() -> (token: String, displayPrefix: String) {
        let token = apiTokenPrefix + randomToken()
        return (token, String(token.prefix(apiTokenPrefix.count + 6)))
    }

    public static func sha256Hex(_ text: String) -> String { sha256Hex(Array(text.utf8)) }

    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two secrets in time that does not depend on where they differ.
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    public static func hashPassword(_ password: String, cost: Int, on pool: NIOThreadPool) async throws -> String {
        try await pool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    public static func verifyPassword(_ password: String, hash: String, on pool: NIOThreadPool) async throws -> Bool {
        try await pool.runIfActive { (try? Bcrypt.verify(password, created: hash)) ?? false }
    }

    /// For the command line, where there is no event loop to keep free.
    public static func hashPasswordBlocking(_ password: String, cost: Int = 12) throws -> String {
        try Bcrypt.hash(password, cost: cost)
    }

    /// The hash stored for an account created without a password yet: no password matches it.
    public static func unusablePasswordHash(cost: Int) throws -> String {
        try Bcrypt.hash(randomToken(), cost: cost)
    }
}
