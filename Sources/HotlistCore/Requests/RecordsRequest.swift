import Foundation

/// One public-records request to one agency, from draft to answer.
public struct RecordsRequest: Sendable, Equatable, Identifiable {
    public var id: Int
    public var agencyID: Int
    public var agencyName: String
    public var stateCode: String?
    public var campaignID: Int?
    public var status: RequestStatus
    public var requester: Requester
    public var subject: String
    public var letter: String
    public var channel: FilingChannel
    public var portalKind: PortalKind?
    /// Portal or MuckRock address.
    public var channelURL: String?
    public var filedOn: CalendarDay?
    /// The day the agency received it (the count starts the day after); usually the filing day.
    public var receivedOn: CalendarDay?
    public var dueOn: CalendarDay?
    public var followUpOn: CalendarDay?
    public var dueBasis: String?
    public var extensionDays: Int
    public var trackingNumbers: [String]
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: Int, agencyID: Int, agencyName: String, stateCode: String?, campaignID: Int?, status: RequestStatus, requester: Requester,
                subject: String, letter: String, channel: FilingChannel, portalKind: PortalKind?, channelURL: String?, filedOn: CalendarDay?,
                receivedOn: CalendarDay?, dueOn: CalendarDay?, followUpOn: CalendarDay?, dueBasis: String?, extensionDays: Int,
                trackingNumbers: [String], createdAt: Date, updatedAt: Date) {
        self.id = id; self.agencyID = agencyID; self.agencyName = agencyName; self.stateCode = stateCode; self.campaignID = campaignID
        self.status = status; self.requester = requester; self.subject = subject; self.letter = letter; self.channel = channel
        self.portalKind = portalKind; self.channelURL = channelURL; self.filedOn = filedOn; self.receivedOn = receivedOn; self.dueOn = dueOn
        self.followUpOn = followUpOn; self.dueBasis = dueBasis; self.extensionDays = extensionDays; self.trackingNumbers = trackingNumbers
        self.createdAt = createdAt; self.updatedAt = updatedAt
    }

    /// The date that matters next: the statutory due date, or the follow-up date where there is none.
    public var actionDate: CalendarDay? { dueOn ?? followUpOn }

    /// Past its date while the agency still owes an answer.
    public func isOverdue(today: CalendarDay) -> Bool {
        guard status.awaitsAgency, let date = actionDate else { return false }
        return today > date
    }

    /// Days since filing, to today or to when it stopped waiting on the agency.
    public func daysPending(today: CalendarDay) -> Int? {
        guard let filedOn else { return nil }
        return today.ordinal - filedOn.ordinal
    }

    public var auditValues: AuditValues {
        ["status": status.rawValue, "agency_id": String(agencyID), "campaign_id": campaignID.map(String.init), "channel": channel.rawValue,
         "portal_kind": portalKind?.rawValue, "channel_url": channelURL, "filed_on": filedOn?.iso, "received_on": receivedOn?.iso,
         "due_on": dueOn?.iso, "follow_up_on": followUpOn?.iso, "extension_days": String(extensionDays),
         "tracking_numbers": trackingNumbers.joined(separator: ", "), "subject": subject]
    }
}
