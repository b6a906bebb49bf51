/// What a new request needs before it is stored as a draft.
public struct RequestDraft: Sendable, Equatable {
    public var agencyID: Int
    public var campaignID: Int?
    public var requester: Requester
    public var subject: String
    public var letter: String
    public var channel: FilingChannel
    public var portalKind: PortalKind?
    public var channelURL: String?

    public init(agencyID: Int, campaignID: Int? = nil, requester: Requester, subject: String, letter: String, channel: FilingChannel,
                portalKind: PortalKind? = nil, channelURL: String? = nil) {
        self.agencyID = agencyID; self.campaignID = campaignID; self.requester = requester; self.subject = subject; self.letter = letter
        self.channel = channel; self.portalKind = portalKind; self.channelURL = channelURL
    }

    /// Every problem at once, each naming its field; `file` says where the fields came from.
    public func problems(file: String = "request") -> [InputProblem] {
        var problems: [InputProblem] = []
        func add(_ field: String, _ problem: String, _ hint: String) { problems.append(InputProblem(file: file, field: field, problem: problem, hint: hint)) }
        if requester.name.trimmingCharacters(in: .whitespaces).isEmpty { add("requester_name", "the request has no requester name", "Name who signs the letter.") }
        if !EmailAddress.isPlausible(EmailAddress.normalize(requester.email)) { add("requester_email", "\"\(requester.email)\" is not an email address", "Give the address the agency should reply to.") }
        if subject.trimmingCharacters(in: .whitespaces).isEmpty { add("subject", "the letter has no subject", "Write a subject line.") }
        if letter.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add("letter", "the letter is empty", "Compose the letter first.") }
        if letter.contains("{{") || subject.contains("{{") { add("letter", "the letter still has a {{placeholder}}", "Fill in or remove every {{…}} before saving.") }
        switch channel {
        case .portal:
            if channelURL.map({ !$0.lowercased().hasPrefix("http") }) ?? true { add("channel_url", "a portal filing needs the portal's address", "Paste the portal's https:// address.") }
        case .muckrock:
            if channelURL.map({ !$0.lowercased().contains("muckrock.com") }) ?? true { add("channel_url", "a MuckRock filing needs the request's muckrock.com address", "Paste the MuckRock request URL.") }
        case .email, .postal: break
        }
        if channel == .postal && (requester.postalAddress ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            add("requester_address", "postal filing needs the requester's postal address", "Fill in where the agency should write back.")
        }
        return problems
    }
}
