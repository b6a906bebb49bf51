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
    /// Optional sentences, empty where they do not apply.
    case residencyStatement = "residency_statement"
    case stateSpecificRequests = "state_specific_requests"
    case trackingReference = "tracking_reference"
    /// Letters to officials about an agency's findings.
    case recipient
    case keyFacts = "key_facts"
    case councilQuestions = "council_questions"
    case briefURL = "brief_url"
    case renewalSentence = "renewal_sentence"

    /// Variables that may be empty: a sentence that applies to some letters only. A blank line
    /// left behind by an empty one is dropped.
    /// Variables for letters to officials only; a request letter has no brief or questions to fill them.
    public var isForOfficialsOnly: Bool { [.recipient, .keyFacts, .councilQuestions, .briefURL, .renewalSentence].contains(self) }

    /// What a request letter (and a campaign's template) may use.
    public static var requestLetterCases: [LetterVariable] { allCases.filter { !$0.isForOfficialsOnly } }

    public var mayBeEmpty: Bool { [.residencyStatement, .stateSpecificRequests, .trackingReference, .renewalSentence].contains(self) }

    public var explanation: String {
        switch self {
        case .agencyName: "the agency's name as it calls itself (the directory's “Sparks NV PD” becomes “Sparks Police Department”)"
        case .stateName: "the agency's state, spelled out"
        case .lawName: "the state's public-records law (reference data)"
        case .lawCitation: "its citation (reference data)"
        case .deadlineSentence: "when the law says the agency must answer, as a phrase"
        case .requesterName: "who signs the letter (the requester, or the in-state requester named for residency states)"
        case .requesterEmail: "where the agency should reply"
        case .requesterAddress: "the requester's postal address (needed for postal filing and some residency states)"
        case .today: "the date of the letter in words (November 30, 2026)"
        case .filedOn: "when the request was filed, in words"
        case .residencyStatement: "\"I am a resident of …\" where the state answers residents only and the requester lives there; otherwise empty"
        case .stateSpecificRequests: "extra numbered items the state's law calls for (California: usage and privacy policy, sharing list); otherwise empty"
        case .trackingReference: "\" (your reference: …)\" when the agency gave a tracking number; otherwise empty"
        case .dueOn: "the statutory due date, or the follow-up date"
        case .trackingNumber: "the agency's tracking number(s), or \"none given\""
        case .exemptionCited: "the exemption the agency cited, as it cited it"
        case .exemptionAnswer: "our answer to that exemption (from the exemption library, or written by you)"
        case .appealRoute: "where an appeal goes under the state's law (reference data)"
        case .recipient: "who the letter to officials is addressed to (the governing body, or the agency's records contact)"
        case .keyFacts: "what the records show about the agency, one sourced sentence each (as in its council brief)"
        case .councilQuestions: "the numbered questions for the council, derived from those facts"
        case .briefURL: "the address of the agency's council brief"
        case .renewalSentence: "\"The contract renewal date on file is …\" when one is on file; otherwise empty"
        }
    }

    /// Where a person fixes a missing value.
    public var whereToFill: String {
        switch self {
        case .requesterName, .requesterEmail, .requesterAddress: "Fill it in on the request (or the campaign's requester details)."
        case .residencyStatement, .stateSpecificRequests, .trackingReference, .renewalSentence: "This may be empty; nothing to fill."
        case .trackingNumber, .filedOn, .dueOn: "Record the filing (date and tracking number) on the request first."
        case .exemptionCited, .exemptionAnswer: "Record the denial with the exemption the agency cited first."
        case .lawName, .lawCitation, .deadlineSentence, .appealRoute, .stateName: "The agency's state has no records-law reference row; resolve the agency's state first."
        case .agencyName, .today: "This is always filled; please report the problem."
        case .recipient, .keyFacts, .councilQuestions, .briefURL: "Only letters to officials about an agency's findings fill this; request letters cannot use it."
        }
    }
}
