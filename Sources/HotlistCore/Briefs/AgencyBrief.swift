import Foundation

/// What a council brief, a press summary and a letter to officials say about one agency. Every
/// sentence is read from the records held (verified findings, reports labelled with who made them,
/// portal data, contradictions with their citations) and claims nothing more; no volunteer is named.
public struct AgencyBrief: Sendable, Equatable {
    public var detail: AgencyDetail
    /// The reference row for the Immigration Violator topic (what it is, who fills it, sources).
    public var topic: NCICTopic?
    /// Its ALPR contracts and who decides them (each fact sourced).
    public var contracts: AgencyContracts

    public init(detail: AgencyDetail, topic: NCICTopic?, contracts: AgencyContracts = AgencyContracts()) {
        self.detail = detail; self.topic = topic; self.contracts = contracts
    }

    /// The contract whose end date comes last: the one a renewal vote is about.
    public var currentContract: ALPRContract? {
        contracts.contracts.filter { $0.endDate != nil }.max { $0.endDate! < $1.endDate! }
    }

    /// "The contract with Flock Safety renews on January 15, 2027", from a sourced contract; else the
    /// date on file from the agency list; nil when neither is known.
    public var renewalSentence: String? {
        if let contract = currentContract, let end = contract.endDate {
            return "The ALPR contract with \(contract.vendor) \(contract.endKind.label) on \(end.inWords) (source: \(contract.source.title), \(contract.source.url))."
        }
        return detail.agency.contractRenewal.map { "The contract renewal date on file is \($0)." }
    }

    /// The agency as it calls itself ("Sparks Police Department").
    public var formalName: String { AgencyFormalName.make(detail.agency.name, stateCode: detail.agency.stateCode) }

    /// The newest verified finding that shows the Immigration Violator topic either way.
    public var latestVerified: FindingVersion? {
        detail.findings.filter { $0.immigrationViolator != .notShown }.max { ($0.asOf, $0.findingID) < ($1.asOf, $1.findingID) }
    }

    /// Contradictions proper; rule 7 ("ask first") is a to-do, not a finding.
    public var contradictions: [Contradiction] { detail.contradictions.filter { $0.rule != .askFirst } }

    /// Others' reports that our own verified findings have not replaced.
    public var reports: [RecordedOutcome] { detail.reportedFindings.filter { $0.verifiedFindingID == nil } }

    var stateName: String? { detail.agency.stateCode.flatMap { USState.byCode($0)?.name } }

    /// The facts, one sentence each, in the order a reader needs them.
    public var keyFacts: [String] {
        var facts: [String] = []
        if let finding = latestVerified {
            let files = finding.evidenceIDs.count
            facts.append("Records dated \(finding.asOf.inWords) show the Immigration Violator topic \(finding.immigrationViolator == .enabled ? "selected" : "not selected") in its ALPR hotlist settings (Hotlist Watch finding #\(finding.findingID), checked by two people against \(files) evidence file\(files == 1 ? "" : "s")).")
        }
        for report in reports {
            facts.append("\(report.reportedBy) reported (\(report.asOf)) that \(Self.reportedOutcome(report.outcome)); Hotlist Watch has not verified this from its own evidence.")
        }
        if detail.signals.immigrationPolicy == .prohibits {
            facts.append("Its Flock transparency portal lists immigration enforcement among prohibited uses.")
        } else if reports.contains(where: \.reportedProhibitsImmigration) {
            facts.append("Its transparency portal lists immigration enforcement among prohibited uses, as reported by \(reports.first(where: \.reportedProhibitsImmigration)!.reportedBy).")
        }
        if detail.signals.alertsNCIC == .yes { facts.append("Its transparency portal lists NCIC among the hotlists it alerts on.") }
        for log in detail.searchAudits where log.searches(.immigration) > 0 {
            facts.append("The \(log.kind.label) it released shows \(SearchAuditLog.count(log.searches(.immigration))) \(log.kind.whose("the agency")) citing immigration (\(log.period)), of \(log.searches.formatted()) searches (Hotlist Watch audit log #\(log.id), counts checked by two people).")
        }
        if latestVerified == nil && reports.isEmpty { facts.append("No record of its Immigration Violator setting is held yet (status: \(detail.status.label)).") }
        if !contradictions.isEmpty {
            facts.append("Hotlist Watch finds \(contradictions.count == 1 ? "one contradiction" : "\(contradictions.count) contradictions"): \(contradictions.map(\.rule.title).joined(separator: "; ")).")
        }
        return facts
    }

    /// What a report says the records showed, as a clause.
    public static func reportedOutcome(_ outcome: RecordedOutcome.Outcome) -> String {
        switch outcome {
        case .immigrationViolatorEnabled: "its ALPR system used the Immigration Violator hotlist"
        case .immigrationViolatorDisabled: "its ALPR system did not use the Immigration Violator hotlist"
        case .refused: "it refused to release its hotlist settings"
        }
    }

    /// Questions for the council, each following from a fact above.
    public var questions: [String] {
        let name = formalName
        var questions = ["Is the Immigration Violator topic selected in the ALPR hotlist settings of \(name) today? Since when, and who decided it?"]
        if let finding = latestVerified {
            questions.append(finding.immigrationViolator == .enabled
                ? "Records dated \(finding.asOf.inWords) show the topic selected. Has it been switched off since? On what day, by whom, and what stops it being switched back on?"
                : "Records dated \(finding.asOf.inWords) show the topic not selected. Was it ever selected before, and what stops it being switched on?")
        }
        for log in detail.searchAudits where log.searches(.immigration) > 0 {
            questions.append("Flock's audit log shows \(SearchAuditLog.count(log.searches(.immigration))) \(log.kind.whose(name)) citing immigration (\(log.period)). Who ran them, for which agency, and under what authority? What will stop such searches?")
        }
        for report in reports where report.outcome == .immigrationViolatorEnabled {
            questions.append("\(report.reportedBy) reported (\(report.asOf)) that the system used the Immigration Violator hotlist. Does the agency dispute this? If the setting was changed, when?")
        }
        if detail.status.code == .refused || reports.contains(where: { $0.outcome == .refused }) {
            questions.append("The hotlist settings were not released. On what legal basis were they withheld, and will the council ask for them to be published?")
        }
        if detail.signals.immigrationPolicy == .prohibits {
            questions.append("The agency's own transparency portal prohibits immigration enforcement. Who checks that the hotlist settings follow that policy, and how often?")
        } else if let report = reports.first(where: \.reportedProhibitsImmigration) {
            questions.append("\(report.reportedBy) reported that the agency's transparency portal prohibits immigration enforcement. Who checks that the hotlist settings follow that policy, and how often?")
        }
        for item in contradictions where item.rule == .stateLaw || item.rule == .sharingAgainstStateLaw {
            questions.append("\(item.rule.title): how does the agency square this with \(stateName ?? "state") law?")
        }
        let outOfState = detail.sharesWith.filter { $0.stateCode != nil && $0.stateCode != detail.agency.stateCode }.count
        if outOfState > 0, let stateName {
            questions.append(outOfState == 1
                ? "1 organisation outside \(stateName) can search the agency's ALPR data. Who approved it, and may it use the data for immigration enforcement?"
                : "\(outOfState) organisations outside \(stateName) can search the agency's ALPR data. Who approved each, and may any of them use it for immigration enforcement?")
        }
        if let renewal = renewalSentence {
            questions.append("\(renewal) Before renewal, will the contract forbid the Immigration Violator topic and immigration enforcement use of the data?")
        } else {
            questions.append("When does the ALPR contract come up for renewal, and will the council vote on it?")
        }
        questions.append("Will the agency publish its hotlist settings on its transparency portal and review the hotlist change log at set intervals?")
        return questions
    }

    /// Why unchecking the box is not enough, and what lasts longer than a setting.
    public static let durableAnswers: [String] = [
        "A contract clause that forbids selecting the Immigration Violator topic and any use of the data for immigration enforcement.",
        "A written policy, adopted by the governing body, that says the same and names who is responsible.",
        "The hotlist settings (the NCIC topics selected) published on the agency's transparency portal.",
        "A regular review of the hotlist change log, with its result reported to the governing body.",
    ]

    public static let whyUncheckingIsNotEnough = "Unchecking the topic in the settings is one setting: a change of personnel, a vendor update or a mistake can switch it back on, and nobody outside the agency would see it. Only commitments that can be checked outside the system make the answer last."

    /// One paragraph for the press, from the facts above, with the addresses to check them.
    public func pressSummary(agencyPageURL: String, briefURL: String, evidenceURLs: [String], dataURLs: [String]) -> String {
        let place = stateName.map { " (\($0))" } ?? ""
        var text = "\(formalName)\(place): " + keyFacts.joined(separator: " ")
        if let renewal = renewalSentence { text += " " + renewal }
        text += " Agency page with sources: \(agencyPageURL). Council brief: \(briefURL)."
        if !evidenceURLs.isEmpty { text += " Public evidence: \(evidenceURLs.joined(separator: ", "))." }
        if !dataURLs.isEmpty { text += " Data: \(dataURLs.joined(separator: ", "))." }
        return text
    }
}
