import Foundation

/// A status change, for the request's history, the Atom feed and the statistics.
public struct StatusChange: Sendable, Equatable, Identifiable {
    public var id: Int
    public var requestID: Int
    public var from: RequestStatus?
    public var to: RequestStatus
    public var occurredOn: CalendarDay
    public var note: String
    public var recordedAt: Date

    public init(id: Int, requestID: Int, from: RequestStatus?, to: RequestStatus, occurredOn: CalendarDay, note: String, recordedAt: Date) {
        self.id = id; self.requestID = requestID; self.from = from; self.to = to; self.occurredOn = occurredOn; self.note = note; self.recordedAt = recordedAt
    }
}
