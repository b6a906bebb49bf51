/// Fills a letter template for one agency from the reference data, the request and the requester.
public struct LetterComposer: Sendable {
    public struct Letter: Sendable, Equatable {
        public var subject: String
        public var body: String
        /// Things a person should know before sending (residency limits, guessed values).
        public var warnings: [String]
    }

    /// What a follow-up or an appeal needs to know about the request so far.
    public struct RequestFacts: Sendable, Equatable {
        public var filedOn: CalendarDay?
        public var trackingNumbers: [String]
        public var deadline: Deadline?
        public var exemptionCited: String?
        public var exemptionAnswer: String?
        public init(filedOn: CalendarDay? = nil, trackingNumbers: [String] = [], deadline: Deadline? = nil, exemptionCited: String? = nil, exemptionAnswer: String? = nil) {
            self.filedOn = filedOn; self.trackingNumbers = trackingNumbers; self.deadline = deadline
            self.exemptionCited = exemptionCited; self.exemptionAnswer = exemptionAnswer
        }
    }

    public init() {}

    public func compose(_ template: LetterTemplate, agencyName: String, law: StateRecordsLaw?, requester: Requester, today: CalendarDay,
                        facts: RequestFacts = RequestFacts()) throws(InputProblems) -> Letter {
        var values: [String: String] = [
            LetterVariable.agencyName.rawValue: AgencyFormalName.make(agencyName, stateCode: law?.stateCode),
            LetterVariable.requesterName.rawValue: requester.name,
            LetterVariable.requesterEmail.rawValue: requester.email,
            LetterVariable.today.rawValue: today.inWords,
        ]
        if let address = requester.postalAddress { values[LetterVariable.requesterAddress.rawValue] = address }
        var warnings: [String] = []
        if let law {
            values[LetterVariable.stateName.rawValue] = law.stateName
            values[LetterVariable.lawName.rawValue] = law.lawName
            values[LetterVariable.lawCitation.rawValue] = law.citation
            values[LetterVariable.deadlineSentence.rawValue] = Self.deadlineSentence(law)
            values[LetterVariable.appealRoute.rawValue] = law.appealRouteResearched ? Self.withoutResearchTags(law.appealRoute)
                : "the authority that the \(law.lawName) names for appeals"
            values[LetterVariable.stateSpecificRequests.rawValue] = Self.stateSpecificRequests(law.stateCode)
            if law.residency == .yes {
                if requester.stateCode == law.stateCode {
                    values[LetterVariable.residencyStatement.rawValue] = "I am a resident of \(law.stateName)."
                } else {
                    warnings.append(Self.residencyWarning(law, requesterState: requester.stateCode))
                }
            }
            if !law.appealRouteResearched { warnings.append("The appeal route for \(law.stateName) is not yet researched: check where an appeal goes before relying on it.") }
            if law.confidence != .high { warnings.append("The deadline for \(law.stateName) has confidence \(law.confidence.label): check it before relying on it.") }
        }
        if let filedOn = facts.filedOn { values[LetterVariable.filedOn.rawValue] = filedOn.inWords }
        values[LetterVariable.trackingNumber.rawValue] = facts.trackingNumbers.isEmpty ? "none given" : facts.trackingNumbers.joined(separator: ", ")
        values[LetterVariable.trackingReference.rawValue] = facts.trackingNumbers.isEmpty ? "" : " (your reference: \(facts.trackingNumbers.joined(separator: ", ")))"
        if let deadline = facts.deadline, let date = deadline.due ?? deadline.followUp { values[LetterVariable.dueOn.rawValue] = date.inWords }
        if let cited = facts.exemptionCited { values[LetterVariable.exemptionCited.rawValue] = cited }
        if let answer = facts.exemptionAnswer { values[LetterVariable.exemptionAnswer.rawValue] = answer }
        let rendered = try template.render(values)
        return Letter(subject: rendered.subject, body: rendered.body, warnings: warnings)
    }

    /// A letter someone edited after it was written for `old`: the old requester's email and name
    /// become the new one's wherever they stand, and a residency sentence follows the new state.
    public static func carryRequester(_ letter: String, from old: Requester, to new: Requester) -> String {
        var result = letter
        if !old.email.isEmpty, old.email != new.email, !new.email.isEmpty { result = result.replacingOccurrences(of: old.email, with: new.email) }
        if !old.name.isEmpty, old.name != new.name, !new.name.isEmpty { result = result.replacingOccurrences(of: old.name, with: new.name) }
        return result
    }

    /// The letter with its date line (the first line, a date in words as the composer writes it)
    /// changed to `day`; a letter that does not start with such a date is left as it is.
    public static func redated(_ letter: String, to day: CalendarDay) -> String {
        let firstLine = letter.prefix { $0 != "\n" }
        guard CalendarDay.fromWords(String(firstLine)) != nil else { return letter }
        return day.inWords + letter.dropFirst(firstLine.count)
    }

    /// An edited letter in a residents-only state: the "I am a resident of …" sentence is added when the
    /// requester lives there and taken out when they do not, so the letter matches the request page.
    public static func residencyAdjusted(_ letter: String, law: StateRecordsLaw?, requester: Requester) -> String {
        guard let law, law.residency == .yes else { return letter }
        let sentence = "I am a resident of \(law.stateName)."
        let isResident = requester.stateCode == law.stateCode
        if isResident, !letter.contains(sentence) {
            // Before the paragraph asking for the records, as the composer places it; else before the sign-off.
            for anchor in ["Please send the records", "Thank you,"] {
                if let range = letter.range(of: "\n" + anchor) { return letter.replacingCharacters(in: range, with: "\n\(sentence)\n\n\(anchor)") }
            }
            return letter + "\n\n" + sentence
        }
        if !isResident, letter.contains(sentence) {
            return letter.replacingOccurrences(of: "\n\n\(sentence)\n\n", with: "\n\n").replacingOccurrences(of: "\n\(sentence)\n", with: "\n")
                .replacingOccurrences(of: sentence, with: "")
        }
        return letter
    }

    /// What a residency-limited state means for this requester, said before anything is saved.
    public static func residencyWarning(_ law: StateRecordsLaw, requesterState: String?) -> String {
        let who = requesterState.flatMap { USState.byCode($0)?.name }.map { "The requester lives in \($0), not \(law.stateName)" }
            ?? "The requester's state is not given"
        return "\(law.stateName) answers public-records requests from its residents only (\(law.citation)). \(who): name an in-state requester, or expect the agency to refuse."
    }

    /// Items some states' laws add to the standard request.
    public static func stateSpecificRequests(_ stateCode: String) -> String {
        switch stateCode {
        case "CA":
            "8. The ALPR usage and privacy policy required by Cal. Civ. Code § 1798.90.51, and the current list of agencies and other organisations with which the agency shares ALPR information or to which it grants access, with any record of the purposes for which it was shared, under Cal. Civ. Code § 1798.90.55."
        default: ""
        }
    }

    /// The reference data marks unsourced parts "[appeal: from memory]"; that note is for us (it
    /// becomes a warning), not for the agency.
    static func withoutResearchTags(_ text: String) -> String {
        var result = text
        while let open = result.range(of: "["), let close = result[open.upperBound...].range(of: "]"),
              result[open.upperBound..<close.lowerBound].contains("memory") {
            result.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return result.replacingOccurrences(of: "  ", with: " ").trimmingCharacters(in: .whitespaces)
    }

    /// "within 5 business days of receiving it", or what the law says instead of a number.
    public static func deadlineSentence(_ law: StateRecordsLaw) -> String {
        switch (law.deadlineKind, law.deadlineDays) {
        case (.business, let days?): "within \(days) business \(days == 1 ? "day" : "days") of receiving this request"
        case (.calendar, let days?): "within \(days) calendar \(days == 1 ? "day" : "days") of receiving this request"
        case (.prompt, _): "promptly"
        default: "within a reasonable time"
        }
    }
}
