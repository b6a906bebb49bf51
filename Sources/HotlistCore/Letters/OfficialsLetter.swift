/// The letter to an agency's governing body or officials about its findings, before a renewal
/// vote. Written through the same `{{variable}}` templates as the request letters; the facts and
/// questions come from `AgencyBrief`, so the letter says no more than the brief does.
public enum OfficialsLetter {
    public static let standard = LetterTemplate(
        name: "letter to officials",
        subject: "{{agency_name}}: ALPR hotlist settings and the Immigration Violator topic",
        body: """
        {{today}}

        To {{recipient}}:

        I am writing about the automated license plate reader (ALPR) system used by {{agency_name}}, and whether it checks plates against the NCIC "Immigration Violator" hotlist, a file that only U.S. Immigration and Customs Enforcement fills.

        What the records show:
        {{key_facts}}

        {{renewal_sentence}}

        I ask you to put these questions to the agency before any vote on the system or its contract:
        {{council_questions}}

        Unchecking the topic is one setting, and it can be switched back on without anyone outside the agency knowing. A contract clause, a written policy, the hotlist settings published on the agency's transparency portal and a regular review of the hotlist change log would make the answer last.

        The brief with every source and the evidence: {{brief_url}}

        Thank you,
        {{requester_name}}
        {{requester_email}}
        """)

    /// Who the letter goes to by default: the governing body (and the first official's address) when
    /// they are on file, else the agency itself at its records email.
    public static func defaultRecipient(_ brief: AgencyBrief) -> (name: String, email: String?) {
        let email = brief.contracts.officials.compactMap(\.email).first
        if let body = brief.contracts.body { return ("the members of the \(body.name)", email ?? brief.detail.agency.recordsEmail) }
        return ("the leadership of \(brief.formalName)", email ?? brief.detail.agency.recordsEmail)
    }

    /// Fills the letter for `brief`, signed by `sender`, addressed to `recipient`.
    public static func compose(_ brief: AgencyBrief, recipient: String, sender: Requester, briefURL: String, today: CalendarDay,
                               template: LetterTemplate = standard) throws(InputProblems) -> LetterComposer.Letter {
        var values: [String: String] = [
            LetterVariable.agencyName.rawValue: brief.formalName,
            LetterVariable.recipient.rawValue: recipient,
            LetterVariable.keyFacts.rawValue: brief.keyFacts.map { "- " + $0 }.joined(separator: "\n"),
            LetterVariable.councilQuestions.rawValue: brief.questions.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n"),
            LetterVariable.briefURL.rawValue: briefURL,
            LetterVariable.requesterName.rawValue: sender.name,
            LetterVariable.requesterEmail.rawValue: sender.email,
            LetterVariable.today.rawValue: today.inWords,
        ]
        if let renewal = brief.renewalSentence { values[LetterVariable.renewalSentence.rawValue] = renewal }
        let rendered = try template.render(values)
        return LetterComposer.Letter(subject: rendered.subject, body: rendered.body, warnings: [])
    }
}
