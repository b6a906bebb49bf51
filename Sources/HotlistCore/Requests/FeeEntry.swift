import Foundation

/// A line in a request's fee ledger. Amounts are in cents: an estimate or invoice the agency sent,
/// a payment made, or a waiver granted.
public struct FeeEntry: Sendable, Equatable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable, Codable { case estimate, invoice, payment, waiver }
    public var id: Int
    public var requestID: Int
    public var kind: Kind
    public var amountCents: Int
    public var occurredOn: CalendarDay
    public var note: String

    public init(id: Int, requestID: Int, kind: Kind, amountCents: Int, occurredOn: CalendarDay, note: String) {
        self.id = id; self.requestID = requestID; self.kind = kind; self.amountCents = amountCents; self.occurredOn = occurredOn; self.note = note
    }

    public static func dollars(_ cents: Int) -> String {
        "$\(cents / 100).\(String(format: "%02d", abs(cents % 100)))"
    }
}
