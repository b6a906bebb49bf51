import Foundation

/// How repeated failed sign-ins are slowed down and then locked out. Counted per account (by the
/// email typed, whether or not it exists, so the answer never reveals which emails exist) and per
/// client address.
public struct SignInThrottlePolicy: Sendable, Equatable {
    /// Failures before answers start to slow down.
    public var freeFailures = 3
    /// Extra wait per failure beyond the free ones, capped at `maximumDelay`.
    public var delayStep: TimeInterval = 1
    public var maximumDelay: TimeInterval = 5
    /// Failures within `window` that lock an account.
    public var accountLockAfter = 8
    /// Failures within `window` that lock a client address (it may be guessing many accounts).
    public var addressLockAfter = 30
    public var window: TimeInterval = 15 * 60
    public var lockDuration: TimeInterval = 15 * 60

    public init() {}

    public init(freeFailures: Int, delayStep: TimeInterval, maximumDelay: TimeInterval, accountLockAfter: Int, addressLockAfter: Int,
                window: TimeInterval, lockDuration: TimeInterval) {
        self.freeFailures = freeFailures; self.delayStep = delayStep; self.maximumDelay = maximumDelay
        self.accountLockAfter = accountLockAfter; self.addressLockAfter = addressLockAfter; self.window = window; self.lockDuration = lockDuration
    }

    /// Seconds to wait before answering, given the failures already counted.
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures > freeFailures else { return 0 }
        return min(maximumDelay, Double(failures - freeFailures) * delayStep)
    }

    public func lockThreshold(_ scope: SignInThrottleScope) -> Int {
        scope == .account ? accountLockAfter : addressLockAfter
    }

    /// The state after one more failure at `now`.
    public func recordFailure(_ state: SignInThrottleState, scope: SignInThrottleScope, now: Date) -> SignInThrottleState {
        var next = state
        if now.timeIntervalSince(state.windowStartedAt) > window { next.failures = 0; next.windowStartedAt = now }
        next.failures += 1
        if next.failures >= lockThreshold(scope) {
            next.lockedUntil = now.addingTimeInterval(lockDuration)
            // A fresh count after the lock, so one more miss does not lock again at once.
            next.failures = 0
            next.windowStartedAt = now
        }
        return next
    }

    /// Failures that still count at `now`.
    public func activeFailures(_ state: SignInThrottleState, now: Date) -> Int {
        now.timeIntervalSince(state.windowStartedAt) > window ? 0 : state.failures
    }
}

public enum SignInThrottleScope: String, Sendable { case account, address }

public struct SignInThrottleState: Sendable, Equatable {
    public var failures: Int
    public var windowStartedAt: Date
    public var lockedUntil: Date?
    public init(failures: Int = 0, windowStartedAt: Date, lockedUntil: Date? = nil) {
        self.failures = failures; self.windowStartedAt = windowStartedAt; self.lockedUntil = lockedUntil
    }

    public func isLocked(at now: Date) -> Bool { lockedUntil.map { $0 > now } ?? false }
}
