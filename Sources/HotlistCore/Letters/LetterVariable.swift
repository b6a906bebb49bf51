/// The variables a letter template may use, each documented, so campaign templates stay checkable.
public enum LetterVariable: String, Sendable, CaseIterable {
    case agencyName = "agency_name"
    case stateName = "state_name"
    case lawName = "law_name"
    case lawCitation = "law_citation"
    /// "within 5 business days of receiving it" / "promptly, as the law requires".
    case deadlineSentence = "deadline_sentence"
    case requesterName = "requester_name"
    case requesterEmail = "requester_email"
    case requesterAddress = "requester_address"
    case today
    /// Follow-ups and appeals.
    case filedOn = "filed_on"
    case dueOn = "due_on"
    case trackingNumber = "tracking_number"
    case exemptionCited = "exemption_cited"
    case exemptionAnswer = "exemption_answer"
    case appealRoute = "appeal_route"

    public var explanation: String {
        switch self {
        case .agencyName: "the agency's name as listed in the directory"
        case .stateName: "the agency's state, spelled out"
        case .lawName: "the state's public-records law (reference data)"
        case .lawCitation: "its citation (reference data)"
        case .deadlineSentence: "when the law says the agency must answer, as a phrase"
        case .requesterName: "who signs the letter (the requester, or the in-state requester named for residency states)"
        case .requesterEmail: "where the agency should reply"
        case .requesterAddress: "the requester's postal address (needed for postal filing and some residency states)"
        case .today: "the date of the letter, YYYY-MM-DD"
        case .filedOn: "when the request was filed"
        case .dueOn: "the statutory due date, or the follow-up date"
        case .trackingNumber: "the agency's tracking number(s), or \"none given\""
        case .exemptionCited: "the exemption the agency cited, as it cited it"
        case .exemptionAnswer: "our answer to that exemption (from the exemption library, or written by you)"
        case .appealRoute: "where an appeal goes under the state's law (reference data)"
        }
    }

    /// Where a person fixes a missing value.
    public var whereToFill: String {
        switch self {
        case .requesterName, .requesterEmail, .requesterAddress: "Fill it in on the request (or the campaign's requester details)."
        case .trackingNumber, .filedOn, .dueOn: "Record the filing (date and tracking number) on the request first."
        case .exemptionCited, .exemptionAnswer: "Record the denial with the exemption the agency cited first."
        case .lawName, .lawCitation, .deadlineSentence, .appealRoute, .stateName: "The agency's state has no records-law reference row; resolve the agency's state first."
        case .agencyName, .today: "This is always filled; please report the problem."
        }
    }
}
