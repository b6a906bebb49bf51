import Foundation

/// How long a sign-in lasts: it ends after `idleTimeout` without use, and in any case after `lifetime`.
public struct SessionPolicy: Sendable, Equatable {
    public var idleTimeout: TimeInterval = 8 * 3600
    public var lifetime: TimeInterval = 7 * 24 * 3600
    /// Last use is written at most this often, to keep page views from writing on every request.
    public var touchInterval: TimeInterval = 60
    /// How long an admin-made password-reset token stays usable.
    public var resetTokenLifetime: TimeInterval = 24 * 3600

    public init() {}
    public init(idleTimeout: TimeInterval, lifetime: TimeInterval) { self.idleTimeout = idleTimeout; self.lifetime = lifetime }

    public func expiry(createdAt: Date, lastSeenAt: Date) -> Date {
        min(createdAt.addingTimeInterval(lifetime), lastSeenAt.addingTimeInterval(idleTimeout))
    }
}
