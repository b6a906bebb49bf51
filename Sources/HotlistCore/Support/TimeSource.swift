import Foundation

/// Time comes from outside so that tests and pages are deterministic.
public protocol TimeSource: Sendable {
    func now() -> Date
}

public struct SystemClock: TimeSource {
    public init() {}
    public func now() -> Date { Date() }
}

public struct FixedClock: TimeSource {
    public var date: Date
    public init(_ date: Date) { self.date = date }
    public func now() -> Date { date }
}
