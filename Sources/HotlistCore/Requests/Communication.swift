import Foundation

/// An entry in a request's communications log: a letter sent, a reply received, a phone call noted.
public struct Communication: Sendable, Equatable, Identifiable {
    public enum Direction: String, Sendable, CaseIterable, Codable { case outgoing, incoming }
    public var id: Int
    public var requestID: Int
    public var direction: Direction
    public var channel: FilingChannel
    public var occurredOn: CalendarDay
    public var subject: String
    public var text: String
    public var createdAt: Date

    public init(id: Int, requestID: Int, direction: Direction, channel: FilingChannel, occurredOn: CalendarDay, subject: String, text: String, createdAt: Date) {
        self.id = id; self.requestID = requestID; self.direction = direction; self.channel = channel
        self.occurredOn = occurredOn; self.subject = subject; self.text = text; self.createdAt = createdAt
    }
}
