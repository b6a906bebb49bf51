import Foundation
import HotlistCore
import HotlistStore

extension APIModels {
    /// A request as the API and `requests … --json` show it. Requesters' names are here because the
    /// endpoint needs a token; no public page or endpoint shows them.
    public struct RequestDTO: Codable, Sendable {
        var id: Int
        var agencyId: Int
        var agencyName: String
        var state: String?
        var campaignId: Int?
        var status: String
        var requesterName: String
        var requesterEmail: String
        var subject: String
        var channel: String
        var portalKind: String?
        var channelUrl: String?
        var filedOn: String?
        var receivedOn: String?
        var dueOn: String?
        var followUpOn: String?
        var dueBasis: String?
        var extensionDays: Int
        var overdue: Bool
        var daysPending: Int?
        var trackingNumbers: [String]

        enum CodingKeys: String, CodingKey {
            case id, agencyId = "agency_id", agencyName = "agency_name", state, campaignId = "campaign_id", status, requesterName = "requester_name",
                 requesterEmail = "requester_email", subject, channel, portalKind = "portal_kind", channelUrl = "channel_url", filedOn = "filed_on",
                 receivedOn = "received_on", dueOn = "due_on", followUpOn = "follow_up_on", dueBasis = "due_basis", extensionDays = "extension_days",
                 overdue, daysPending = "days_pending", trackingNumbers = "tracking_numbers"
        }

        public init(_ request: RecordsRequest, today: CalendarDay) {
            id = request.id; agencyId = request.agencyID; agencyName = request.agencyName; state = request.stateCode; campaignId = request.campaignID
            status = request.status.rawValue; requesterName = request.requester.name; requesterEmail = request.requester.email; subject = request.subject
            channel = request.channel.rawValue; portalKind = request.portalKind?.rawValue; channelUrl = request.channelURL
            filedOn = request.filedOn?.iso; receivedOn = request.receivedOn?.iso; dueOn = request.dueOn?.iso; followUpOn = request.followUpOn?.iso
            dueBasis = request.dueBasis; extensionDays = request.extensionDays; overdue = request.isOverdue(today: today)
            daysPending = request.daysPending(today: today); trackingNumbers = request.trackingNumbers
        }
    }

    /// One request with its letter and everything logged on it.
    public struct RequestDetailDTO: Codable, Sendable {
        struct Entry: Codable, Sendable {
            var id: Int; var direction: String; var channel: String; var date: String; var subject: String; var text: String
        }
        struct Fee: Codable, Sendable {
            var id: Int; var kind: String; var amount: String; var amountCents: Int; var date: String; var note: String
            enum CodingKeys: String, CodingKey { case id, kind, amount, amountCents = "amount_cents", date, note }
        }
        struct Exemption: Codable, Sendable {
            var id: Int; var exemption: String?; var citedText: String
            enum CodingKeys: String, CodingKey { case id, exemption, citedText = "cited_text" }
        }
        struct Change: Codable, Sendable {
            var from: String?; var to: String; var date: String; var note: String
        }
        var request: RequestDTO
        var letter: String
        var communications: [Entry]
        var fees: [Fee]
        var exemptions: [Exemption]
        var history: [Change]

        public init(_ detail: RequestDetail, today: CalendarDay) {
            request = RequestDTO(detail.request, today: today)
            letter = detail.request.letter
            communications = detail.communications.map { Entry(id: $0.id, direction: $0.direction.rawValue, channel: $0.channel.rawValue, date: $0.occurredOn.iso, subject: $0.subject, text: $0.text) }
            fees = detail.fees.map { Fee(id: $0.id, kind: $0.kind.rawValue, amount: FeeEntry.dollars($0.amountCents), amountCents: $0.amountCents, date: $0.occurredOn.iso, note: $0.note) }
            exemptions = detail.exemptions.map { Exemption(id: $0.id, exemption: $0.exemptionID, citedText: $0.citedText) }
            history = detail.history.map { Change(from: $0.from?.rawValue, to: $0.to.rawValue, date: $0.occurredOn.iso, note: $0.note) }
        }
    }
}

extension APIModels {
    /// A campaign as the API lists it.
    public struct CampaignDTO: Codable, Sendable {
        var id: Int
        var name: String
        var description: String
        var agencyFilter: String
        var createdAt: Date
        enum CodingKeys: String, CodingKey { case id, name, description, agencyFilter = "agency_filter", createdAt = "created_at" }
        init(_ campaign: Campaign) { id = campaign.id; name = campaign.name; description = campaign.description; agencyFilter = campaign.agencyFilter; createdAt = campaign.createdAt }
    }
}
