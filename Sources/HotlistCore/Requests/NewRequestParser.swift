import Foundation

/// A request's fields as sent by the web form, an API body or the command line, before any checking.
public struct RequestFields: Sendable, Equatable {
    public var requesterName: String?
    public var requesterEmail: String?
    public var requesterAddress: String?
    public var requesterState: String?
    public var channel: String?
    public var portalKind: String?
    public var channelURL: String?
    /// Nil: write the standard letter (the API and the command line may leave it to us).
    public var subject: String?
    public var letter: String?
    /// Filing in a residents-only state without an in-state requester, having been warned.
    public var residencyAcknowledged: Bool

    public init(requesterName: String? = nil, requesterEmail: String? = nil, requesterAddress: String? = nil, requesterState: String? = nil,
                channel: String? = nil, portalKind: String? = nil, channelURL: String? = nil, subject: String? = nil, letter: String? = nil,
                residencyAcknowledged: Bool = false) {
        self.requesterName = requesterName; self.requesterEmail = requesterEmail; self.requesterAddress = requesterAddress; self.requesterState = requesterState
        self.channel = channel; self.portalKind = portalKind; self.channelURL = channelURL; self.subject = subject; self.letter = letter
        self.residencyAcknowledged = residencyAcknowledged
    }
}

/// Where request fields came from: each problem names that place and a fix in its terms.
public enum RequestInputSource: Sendable {
    case form, api, commandLine

    public var file: String {
        switch self {
        case .form: "form"
        case .api: "body"
        case .commandLine: "options"
        }
    }

    var acknowledgeResidency: String {
        switch self {
        case .form: "tick “File it anyway” below"
        case .api: "send \"residency_acknowledged\": true"
        case .commandLine: "file it from the web form, which asks you to confirm"
        }
    }
}

/// The one reading of a new or edited request, shared by the web form, the API and the command
/// line, so all three accept the same requests and name every problem at once in the same words.
public enum NewRequestParser {
    /// The requester as given: trimmed, an empty address as none; an unknown state is a problem.
    public static func requester(_ fields: RequestFields, source: RequestInputSource) -> (requester: Requester, problems: [InputProblem]) {
        var problems: [InputProblem] = []
        let stateText = (fields.requesterState ?? "").trimmingCharacters(in: .whitespaces)
        let state = stateText.isEmpty ? nil : USState.byCode(stateText)
        if !stateText.isEmpty && state == nil {
            problems.append(InputProblem(file: source.file, field: "requester_state", problem: "\"\(stateText.prefix(40))\" is not a U.S. state code",
                                         hint: "Use two letters such as VA, or leave it empty."))
        }
        let address = fields.requesterAddress.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let requester = Requester(name: (fields.requesterName ?? "").trimmingCharacters(in: .whitespaces),
                                  email: (fields.requesterEmail ?? "").trimmingCharacters(in: .whitespaces),
                                  postalAddress: address, stateCode: state?.code)
        return (requester, problems)
    }

    /// How it will be filed; `fallback` when no channel is given (a draft keeps its own).
    public static func filing(_ fields: RequestFields, fallback: FilingChannel, source: RequestInputSource)
        -> (channel: FilingChannel, portalKind: PortalKind?, channelURL: String?, problems: [InputProblem]) {
        var problems: [InputProblem] = []
        let channelText = (fields.channel ?? "").trimmingCharacters(in: .whitespaces)
        let channel = channelText.isEmpty ? fallback : FilingChannel(rawValue: channelText)
        if channel == nil {
            problems.append(InputProblem(file: source.file, field: "channel", problem: "\"\(channelText.prefix(40))\" is not a filing channel",
                                         hint: "Use \(FilingChannel.allCases.map(\.rawValue).joined(separator: ", "))."))
        }
        let portalText = (fields.portalKind ?? "").trimmingCharacters(in: .whitespaces)
        let portalKind = portalText.isEmpty ? nil : PortalKind(rawValue: portalText)
        if !portalText.isEmpty && portalKind == nil {
            problems.append(InputProblem(file: source.file, field: "portal_kind", problem: "\"\(portalText.prefix(40))\" is not a portal kind",
                                         hint: "Use \(PortalKind.allCases.map(\.rawValue).joined(separator: ", "))."))
        }
        let url = (fields.channelURL ?? "").trimmingCharacters(in: .whitespaces)
        return (channel ?? fallback, portalKind, url.isEmpty ? nil : url, problems)
    }

    /// A new request to `agency`: the draft as far as it could be read (a form shows it again), every
    /// problem, and the letter's warnings when we wrote the letter.
    public static func parse(_ fields: RequestFields, agency: AgencyLink, law: StateRecordsLaw?, today: CalendarDay,
                             source: RequestInputSource) -> (draft: RequestDraft, problems: [InputProblem], warnings: [String]) {
        let (requester, requesterProblems) = requester(fields, source: source)
        let filing = filing(fields, fallback: .email, source: source)
        var problems = requesterProblems + filing.problems
        // A residents-only state with a requester from elsewhere is refused unless acknowledged.
        if let law, law.residency == .yes, requester.stateCode != law.stateCode, !fields.residencyAcknowledged {
            problems.append(InputProblem(file: source.file, field: "requester_state",
                                         problem: String(LetterComposer.residencyWarning(law, requesterState: requester.stateCode).dropLast()),
                                         hint: "Give the requester's state, name an in-state requester, or \(source.acknowledgeResidency)."))
        }
        var subject = fields.subject, letter = fields.letter.map { $0.replacingOccurrences(of: "\r\n", with: "\n") }
        var warnings: [String] = []
        // We write the letter when none is given; it speaks for the requester, so it waits until the
        // requester's fields are right (and saying "the letter is empty" then would mislead).
        let weWriteTheLetter = subject == nil || letter == nil
        var named = Set(problems.compactMap(\.field))
        let draftWithoutLetter = RequestDraft(agencyID: agency.id, requester: requester, subject: "-", letter: "-", channel: filing.channel,
                                              portalKind: filing.portalKind, channelURL: filing.channelURL)
        let requesterIsRight = draftWithoutLetter.problems().allSatisfy { !($0.field ?? "").hasPrefix("requester_") } && !named.contains("requester_state")
        if weWriteTheLetter && requesterIsRight {
            do {
                let composed = try LetterComposer().compose(StandardLetters.initialRequest, agencyName: agency.name, law: law, requester: requester, today: today)
                subject = subject ?? composed.subject
                letter = letter ?? composed.body
                warnings = composed.warnings
            } catch {
                problems += error.problems.map { var problem = $0; problem.file = source.file; return problem }
            }
        }
        if weWriteTheLetter && !requesterIsRight { named.formUnion(["subject", "letter"]) }
        let draft = RequestDraft(agencyID: agency.id, requester: requester, subject: subject ?? "", letter: letter ?? "", channel: filing.channel,
                                 portalKind: filing.portalKind, channelURL: filing.channelURL)
        // The draft's own checks last, skipping what was already said about a field.
        problems += draft.problems(file: source.file).filter { $0.field == nil || !named.contains($0.field!) }
        return (draft, problems, warnings)
    }

    /// The problem when no agency is named at all; nothing else can be checked without one.
    public static func missingAgency(field: String, source: RequestInputSource) -> InputProblem {
        InputProblem(file: source.file, field: field, problem: "no agency was given", hint: "Start from an agency's page, or give the agency's id (see the directory).")
    }
}
