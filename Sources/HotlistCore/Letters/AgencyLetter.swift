import Foundation

/// A letter about an agency (to its officials or records contact) made or sent from Hotlist Watch,
/// as kept in the agency's communications log. The log is shown only to signed-in people: it names
/// the volunteer who made the letter.
public struct AgencyLetter: Sendable, Equatable {
    /// How the letter left: downloaded as an .eml, opened in the person's mail program, sent by our SMTP server.
    public enum Delivery: String, Sendable, CaseIterable {
        case eml, mailto, smtp

        public var label: String {
            switch self {
            case .eml: "downloaded as an .eml file"
            case .mailto: "opened in a mail program"
            case .smtp: "sent by email from Hotlist Watch"
            }
        }
    }

    public var id: Int
    public var agencyID: Int
    public var recipient: String
    public var recipientEmail: String?
    public var subject: String
    public var body: String
    public var delivery: Delivery
    public var madeByLabel: String
    public var createdAt: Date

    public init(id: Int, agencyID: Int, recipient: String, recipientEmail: String?, subject: String, body: String, delivery: Delivery, madeByLabel: String, createdAt: Date) {
        self.id = id; self.agencyID = agencyID; self.recipient = recipient; self.recipientEmail = recipientEmail
        self.subject = subject; self.body = body; self.delivery = delivery; self.madeByLabel = madeByLabel; self.createdAt = createdAt
    }

    /// The longest recipient name and body kept: a letter, not a file.
    public static let maxRecipientLength = 300
    public static let maxBodyLength = 50_000
}
