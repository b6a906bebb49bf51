import HotlistCore

/// A request with everything logged on it, for its page.
public struct RequestDetail: Sendable, Equatable {
    public var request: RecordsRequest
    public var communications: [Communication]
    public var fees: [FeeEntry]
    public var exemptions: [CitedExemption]
    public var history: [StatusChange]
    /// The agency's records email when known (for the mailto link and SMTP).
    public var agencyRecordsEmail: String?
}
