import HotlistCore
import Vapor

/// How sign-in, sessions and cookies behave; from `AppConfiguration`.
public struct SecuritySettings: Sendable {
    /// Mark cookies `Secure` (set when the site is served over HTTPS, directly or through a proxy).
    public var secureCookies = false
    public var trustForwardedFor = false
    /// bcrypt cost for new password hashes; 12 in production, lower only in tests.
    public var passwordHashCost = 12
    public var sessions = SessionPolicy()
    public var throttle = SignInThrottlePolicy()

    public init(secureCookies: Bool = false, trustForwardedFor: Bool = false, passwordHashCost: Int = 12,
                sessions: SessionPolicy = SessionPolicy(), throttle: SignInThrottlePolicy = SignInThrottlePolicy()) {
        self.secureCookies = secureCookies; self.trustForwardedFor = trustForwardedFor; self.passwordHashCost = passwordHashCost
        self.sessions = sessions; self.throttle = throttle
    }

    static let sessionCookie = "hw_session"
    /// For forms shown before sign-in (the sign-in and reset forms): a double-submit token.
    static let formCookie = "hw_form"

    func cookie(_ value: String, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, expires: nil, maxAge: maxAge, domain: nil, path: "/", isSecure: secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
}

struct SecuritySettingsKey: StorageKey { typealias Value = SecuritySettings }
/// A bcrypt hash at the configured cost, checked when an email is unknown so that the answer takes
/// as long as for a wrong password.
struct DecoyPasswordHashKey: StorageKey { typealias Value = String }

extension Application {
    var security: SecuritySettings { storage[SecuritySettingsKey.self] ?? SecuritySettings() }
    var decoyPasswordHash: String { storage[DecoyPasswordHashKey.self]! }
}
