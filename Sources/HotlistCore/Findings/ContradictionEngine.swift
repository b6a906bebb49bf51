/// The contradiction rules, each a pure function of the facts it needs. The store gathers the
/// facts; the rules decide, explain and cite.
public struct ContradictionEngine: Sendable {
    /// State restriction laws from the reference data.
    public let restrictionLaws: [StateRestrictionLaw]

    public init(restrictionLaws: [StateRestrictionLaw]) { self.restrictionLaws = restrictionLaws }

    /// An agency as the rules see it.
    public struct AgencyFacts: Sendable, Equatable {
        public var id: Int
        public var name: String
        public var stateCode: String?
        public var signals: AgencySignals
        public init(id: Int, name: String, stateCode: String?, signals: AgencySignals) {
            self.id = id; self.name = name; self.stateCode = stateCode; self.signals = signals
        }
        var link: AgencyLink { AgencyLink(id: id, name: name, stateCode: stateCode) }
    }

    static func enabled(_ finding: RecordedOutcome?) -> Bool { finding?.outcome == .immigrationViolatorEnabled }

    /// What the records show now: the newest outcome that is a setting. A refusal says nothing about
    /// the setting, so it never hides an earlier record of it. `history` is oldest first.
    public static func currentSetting(_ history: [RecordedOutcome]) -> RecordedOutcome? {
        history.last { $0.outcome != .refused }
    }

    static let portalCitation = Citation(text: "The agency's Flock transparency portal (The News & Observer, Private Eyes data)",
                                         source: "https://github.com/mcclatchy-southeast/private_eyes", confidence: .high)

    /// Every sourced fact that the agency forbids immigration enforcement: its portal's prohibited
    /// uses, each report's account of its policy (whatever that report found about the setting), and
    /// its recorded, verified policy documents.
    public func policyFacts(_ agency: AgencyFacts, history: [RecordedOutcome], policies: [PublicStatement] = []) -> [PolicyFact] {
        var facts: [PolicyFact] = []
        if agency.signals.immigrationPolicy == .prohibits, let quote = agency.signals.immigrationEvidence {
            facts.append(PolicyFact(text: "The agency's Flock transparency portal lists as a prohibited use: “\(quote)”", citation: Self.portalCitation))
        }
        var seenReports = Set<String>()
        for report in history where report.verifiedFindingID == nil && report.reportedProhibitsImmigration && seenReports.insert(report.url).inserted {
            facts.append(PolicyFact(text: "Its transparency portal lists immigration enforcement among prohibited uses (reported by \(report.reportedBy), \(report.asOf)).",
                                    citation: report.citation))
        }
        for policy in policies where policy.agencyID == agency.id && policy.deniesImmigrationUse {
            facts.append(PolicyFact(text: "Its policy “\(policy.speaker)” (\(policy.date)) says: “\(policy.text)”",
                                    citation: Citation(text: "\(policy.speaker) (\(policy.date))", source: policy.source, confidence: policy.confidence)))
        }
        return facts
    }

    /// Rule 1: the newest record shows Immigration Violator enabled while any sourced fact says the
    /// agency's own rules forbid immigration enforcement. `history` is oldest first.
    public func ownPolicy(_ agency: AgencyFacts, history: [RecordedOutcome], policies: [PublicStatement] = []) -> Contradiction? {
        guard let setting = Self.currentSetting(history), Self.enabled(setting) else { return nil }
        let facts = policyFacts(agency, history: history, policies: policies)
        guard !facts.isEmpty else { return nil }
        var citations = [setting.citation]
        for fact in facts where !citations.contains(fact.citation) { citations.append(fact.citation) }
        return Contradiction(rule: .ownPolicy, agencyID: agency.id, agencyName: agency.name, stateCode: agency.stateCode,
                             explanation: "\(agency.name) says its license-plate readers must not be used for immigration enforcement, yet its system checks plates against ICE's Immigration Violator list. Scanning for that list is immigration enforcement.",
                             evidence: [setting.label] + facts.map(\.text), citations: citations)
    }

    /// Rule 2: enabled in a state whose law restricts ALPR use or sharing for immigration enforcement,
    /// or local help with civil immigration enforcement. Unverified bills do not count.
    public func stateLaw(_ agency: AgencyFacts, history: [RecordedOutcome]) -> Contradiction? {
        guard let finding = Self.currentSetting(history), Self.enabled(finding), let state = agency.stateCode else { return nil }
        let laws = restrictionLaws.filter { $0.stateCode == state && !$0.isUnverifiedBill }
        guard !laws.isEmpty else { return nil }
        return Contradiction(rule: .stateLaw, agencyID: agency.id, agencyName: agency.name, stateCode: state,
                             explanation: "\(agency.name) checks plates against ICE's Immigration Violator list in a state whose law restricts using ALPR data or local resources for immigration enforcement: \(laws.map(\.lawName).joined(separator: "; ")).",
                             evidence: [finding.label] + laws.map { "\($0.citation): \($0.whatItRestricts)" },
                             citations: [finding.citation] + laws.map { Citation(text: "\($0.lawName), \($0.citation)", source: $0.source, confidence: $0.confidence) })
    }

    /// Rule 3: enabled while a recorded public statement says ALPRs are not used for it.
    public func publicStatement(_ agency: AgencyFacts, history: [RecordedOutcome], statements: [PublicStatement]) -> Contradiction? {
        guard let finding = Self.currentSetting(history), Self.enabled(finding) else { return nil }
        let denials = statements.filter { $0.agencyID == agency.id && $0.deniesImmigrationUse }
        guard !denials.isEmpty else { return nil }
        return Contradiction(rule: .publicStatement, agencyID: agency.id, agencyName: agency.name, stateCode: agency.stateCode,
                             explanation: "\(agency.name) said in public that its ALPR data is not used for immigration enforcement, but its system checks plates against ICE's Immigration Violator list.",
                             evidence: [finding.label] + denials.map { "“\($0.text)” (\($0.speaker), \($0.date))" },
                             citations: [finding.citation] + denials.map { Citation(text: "\($0.speaker), \($0.date)", source: $0.source, confidence: $0.confidence) })
    }

    /// Rule 4: enabled again after a record showed it disabled. `history` is the agency's findings, oldest first.
    /// A refusal in between changes nothing: it says nothing about the setting.
    public func reEnabled(_ agency: AgencyFacts, history: [RecordedOutcome]) -> Contradiction? {
        guard let offIndex = history.firstIndex(where: { $0.outcome == .immigrationViolatorDisabled }),
              let on = history[(offIndex + 1)...].first(where: { $0.outcome == .immigrationViolatorEnabled }) else { return nil }
        let off = history[offIndex]
        return Contradiction(rule: .reEnabled, agencyID: agency.id, agencyName: agency.name, stateCode: agency.stateCode,
                             explanation: "A record showed \(agency.name) had Immigration Violator switched off (\(off.asOf)); a later one shows it on again (\(on.asOf)). Unchecking the box is not enough while the system can be switched back.",
                             evidence: [off.label, on.label], citations: [off.citation, on.citation])
    }

    /// The states whose law limits who may receive ALPR data.
    public enum SharingLaw: Sendable {
        /// Only to public agencies of the state (California, Civ. Code § 1798.90.55(b)).
        case inStatePublicAgenciesOnly(citationContains: String)
        /// Sharing allowed only against a written declaration of no immigration use (Illinois, 625 ILCS 5/2-130).
        case declarationRequired(citationContains: String)
    }

    public static let sharingLaws: [String: SharingLaw] = [
        "CA": .inStatePublicAgenciesOnly(citationContains: "1798.90.55"),
        "IL": .declarationRequired(citationContains: "2-130"),
    ]

    /// Rule 5: an agency in a state that forbids sharing ALPR data out of state or with federal
    /// agencies lets such organisations search its data; in a declaration state, a prompt to ask for them.
    public func sharingAgainstStateLaw(_ owner: AgencyFacts, viewers: [AgencyLink]) -> Contradiction? {
        guard let state = owner.stateCode, let law = Self.sharingLaws[state] else { return nil }
        let outside = viewers.filter { viewer in
            FederalAgencyName.isFederal(viewer.name) || (viewer.stateCode != nil && viewer.stateCode != state)
        }.sorted { ($0.stateCode ?? "", $0.name) < ($1.stateCode ?? "", $1.name) }
        guard !outside.isEmpty else { return nil }
        let federal = outside.filter { FederalAgencyName.isFederal($0.name) }
        let names = outside.prefix(12).map { "\($0.name)\($0.stateCode.map { " (\($0))" } ?? "")" }.joined(separator: ", ") + (outside.count > 12 ? ", and \(outside.count - 12) more" : "")
        switch law {
        case .inStatePublicAgenciesOnly(let marker):
            let rows = restrictionLaws.filter { $0.stateCode == state && $0.citation.contains(marker) }
            return Contradiction(rule: .sharingAgainstStateLaw, agencyID: owner.id, agencyName: owner.name, stateCode: state,
                                 explanation: "\(owner.name) lets \(outside.count) organisation\(outside.count == 1 ? "" : "s") outside the state\(federal.isEmpty ? "" : " or in the federal government") search its ALPR data, although state law allows sharing only with the state's own public agencies: \(names).",
                                 evidence: ["Sharing list on its Flock transparency portal (The News & Observer, Private Eyes data)"] + outside.map { "\($0.name) – \($0.stateCode ?? "state not known")\(FederalAgencyName.isFederal($0.name) ? " (federal)" : "")" },
                                 citations: rows.map { Citation(text: "\($0.lawName), \($0.citation)", source: $0.source, confidence: $0.confidence) }
                                    + [Citation(text: "The News & Observer, Private Eyes (Flock portal sharing lists, 2023–24)", source: "https://github.com/mcclatchy-southeast/private_eyes", confidence: .high)],
                                 related: outside)
        case .declarationRequired(let marker):
            let rows = restrictionLaws.filter { $0.stateCode == state && $0.citation.contains(marker) }
            return Contradiction(rule: .sharingAgainstStateLaw, agencyID: owner.id, agencyName: owner.name, stateCode: state,
                                 explanation: "\(owner.name) shares its ALPR data with \(outside.count) organisation\(outside.count == 1 ? "" : "s") outside the state\(federal.isEmpty ? "" : " or in the federal government"). State law requires a written declaration from each that the data will not be used for immigration enforcement: ask for the declarations. Partners: \(names).",
                                 evidence: outside.map { "\($0.name) – \($0.stateCode ?? "state not known")" },
                                 citations: rows.map { Citation(text: "\($0.lawName), \($0.citation)", source: $0.source, confidence: $0.confidence) }
                                    + [Citation(text: "The News & Observer, Private Eyes (Flock portal sharing lists, 2023–24)", source: "https://github.com/mcclatchy-southeast/private_eyes", confidence: .high)],
                                 related: outside)
        }
    }

    /// Rule 6: the agency lets an agency with Immigration Violator enabled search its data.
    /// `findings` holds each agency's current setting (`currentSetting`), not merely its newest record.
    public func exposureThroughSharing(_ owner: AgencyFacts, viewers: [AgencyLink], findings: [Int: RecordedOutcome]) -> Contradiction? {
        let scanning = viewers.filter { Self.enabled(findings[$0.id]) }
        guard !scanning.isEmpty else { return nil }
        return Contradiction(rule: .exposureThroughSharing, agencyID: owner.id, agencyName: owner.name, stateCode: owner.stateCode,
                             explanation: "\(owner.name) lets \(scanning.map(\.name).joined(separator: ", ")) search its ALPR data, and \(scanning.count == 1 ? "that agency checks" : "those agencies check") plates against ICE's Immigration Violator list.",
                             evidence: scanning.map { "\($0.name): \(findings[$0.id]!.label)" },
                             citations: scanning.map { findings[$0.id]!.citation }, related: scanning)
    }

    /// Rule 7: forbids immigration enforcement and alerts on NCIC, with no finding yet: ask first.
    public func askFirst(_ agency: AgencyFacts, finding: RecordedOutcome?) -> Contradiction? {
        guard finding == nil, agency.signals.immigrationPolicy == .prohibits, agency.signals.alertsNCIC == .yes else { return nil }
        return Contradiction(rule: .askFirst, agencyID: agency.id, agencyName: agency.name, stateCode: agency.stateCode,
                             explanation: "\(agency.name)'s portal forbids immigration enforcement and says its cameras alert on NCIC hotlists, which include ICE's Immigration Violator list. Nobody has yet shown whether that list is switched on: ask for the settings.",
                             evidence: [agency.signals.immigrationEvidence.map { "Prohibited use: “\($0)”" }, agency.signals.ncicEvidence.map { "Hotlists alerted on: “\($0)”" }].compactMap { $0 },
                             citations: [Self.portalCitation])
    }

    /// Searches citing immigration in another agency's verified network audit log, run by this agency's users.
    public struct SearchesElsewhere: Sendable, Equatable {
        public var log: SearchAuditLog
        public var ownerName: String
        public var organization: String
        public var searches: Int
        public init(log: SearchAuditLog, ownerName: String, organization: String, searches: Int) {
            self.log = log; self.ownerName = ownerName; self.organization = organization; self.searches = searches
        }
    }

    /// Rule 8: a verified audit log shows searches citing immigration of the agency's cameras, or by its
    /// users (its own organisation or portal audit, or the network audit of an agency it searched), while
    /// a sourced fact says it forbids immigration enforcement. Unverified logs never count.
    public func immigrationSearches(_ agency: AgencyFacts, history: [RecordedOutcome], policies: [PublicStatement] = [],
                                    ownLogs: [SearchAuditLog], elsewhere: [SearchesElsewhere] = []) -> Contradiction? {
        let own = ownLogs.filter { $0.agencyID == agency.id && $0.isVerified && $0.searches(.immigration) > 0 }
        let others = elsewhere.filter { $0.log.isVerified && $0.searches > 0 }
        guard !own.isEmpty || !others.isEmpty else { return nil }
        let facts = policyFacts(agency, history: history, policies: policies)
        guard !facts.isEmpty else { return nil }
        var evidence: [String] = []
        var citations: [Citation] = []
        for log in own {
            let organizations = log.organizations(.immigration).prefix(5).map { "\($0.name.isEmpty ? "(organisation not in the log)" : $0.name) (\($0.searches.formatted()))" }
            let by = log.kind == .network && !organizations.isEmpty ? ", by \(organizations.joined(separator: ", "))\(log.organizations(.immigration).count > 5 ? " and others" : "")" : ""
            evidence.append("\(log.headline(agencyName: agency.name))\(by).")
            citations.append(Self.citation(log, agencyID: agency.id))
        }
        for item in others {
            evidence.append("\(SearchAuditLog.count(item.searches)) by \(item.organization) through \(item.ownerName)'s cameras cited immigration (\(item.ownerName)'s network audit log, \(item.log.period)).")
            citations.append(Self.citation(item.log, agencyID: item.log.agencyID))
        }
        for fact in facts where !citations.contains(fact.citation) { citations.append(fact.citation) }
        // Never added up across logs: two logs may cover the same days, or one search seen from both
        // sides (an organisation audit and another agency's network audit), and a sum would count it twice.
        let counts = own.map { $0.searches(.immigration) } + others.map(\.searches)
        let largest = counts.max() ?? 0
        let shown = counts.count == 1 ? SearchAuditLog.count(largest)
            : "at least \(SearchAuditLog.count(largest)) (the most in any one of the \(counts.count) logs below, which are not added up as they may cover the same searches)"
        let kinds = Set(own.map(\.kind))
        let whose = others.isEmpty && kinds == [.network] ? "of its cameras" : own.isEmpty || !kinds.contains(.network) ? "by its own users" : "of its cameras or by its users"
        let logs = counts.count == 1 ? "a Flock audit log shows" : "Flock's audit logs show"
        return Contradiction(rule: .immigrationSearches, agencyID: agency.id, agencyName: agency.name, stateCode: agency.stateCode,
                             explanation: "\(agency.name) says its license-plate readers must not be used for immigration enforcement, yet \(logs) \(shown) \(whose) whose stated reason cites immigration. The reason is what the searching officer typed or picked, as Flock's own log records it.",
                             evidence: evidence + facts.map(\.text), citations: citations)
    }

    static func citation(_ log: SearchAuditLog, agencyID: Int) -> Citation {
        Citation(text: "Hotlist Watch, audit log #\(log.id): \(log.citationText)", source: "/agencies/\(agencyID)#search-audit-\(log.id)", confidence: .high)
    }
}
