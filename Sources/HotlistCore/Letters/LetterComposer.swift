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
            LetterVariable.agencyName.rawValue: agencyName,
            LetterVariable.requesterName.rawValue: requester.name,
            LetterVariable.requesterEmail.rawValue: requester.email,
            LetterVariable.today.rawValue: today.iso,
        ]
        if let address = requester.postalAddress { values[LetterVariable.requesterAddress.rawValue] = address }
        var warnings: [String] = []
        if let law {
            values[LetterVariable.stateName.rawValue] = law.stateName
            values[LetterVariable.lawName.rawValue] = law.lawName
            values[LetterVariable.lawCitation.rawValue] = law.citation
            values[LetterVariable.deadlineSentence.rawValue] = Self.deadlineSentence(law)
            values[LetterVariable.appealRoute.rawValue] = Self.withoutResearchTags(law.appealRoute)
            if law.residency == .yes && requester.stateCode != law.stateCode {
                warnings.append("\(law.stateName) limits public-records requests to its residents (\(law.citation)). Name an in-state requester, or expect the agency to refuse.")
            }
            if law.appealRouteFromMemory { warnings.append("The appeal route for \(law.stateName) was written from memory, not from a source: check it before sending.") }
            if law.confidence != .high { warnings.append("The deadline for \(law.stateName) has confidence \(law.confidence.label): check it before relying on it.") }
        }
        if let filedOn = facts.filedOn { values[LetterVariable.filedOn.rawValue] = filedOn.iso }
        values[LetterVariable.trackingNumber.rawValue] = facts.trackingNumbers.isEmpty ? "none given" : facts.trackingNumbers.joined(separator: ", ")
        if let deadline = facts.deadline, let date = deadline.due ?? deadline.followUp { values[LetterVariable.dueOn.rawValue] = date.iso }
        if let cited = facts.exemptionCited { values[LetterVariable.exemptionCited.rawValue] = cited }
        if let answer = facts.exemptionAnswer { values[LetterVariable.exemptionAnswer.rawValue] = answer }
        let rendered = try template.render(values)
        return Letter(subject: rendered.subject, body: rendered.body, warnings: warnings)
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
