import Foundation
@testable import HotlistCore
import Testing

@Suite struct ContradictionEngineTests {
    static let laws = [
        StateRestrictionLaw(stateCode: "CA", lawName: "SB 34 (2015) - ALPR privacy law", citation: "Cal. Civ. Code § 1798.90.55(b)", whatItRestricts: "share only with CA public agencies", source: "https://leginfo.example", confidence: .high),
        StateRestrictionLaw(stateCode: "IL", lawName: "HB 3326", citation: "625 ILCS 5/2-130", whatItRestricts: "no sharing for immigration enforcement without a declaration", source: "https://ilga.example", confidence: .medium),
        StateRestrictionLaw(stateCode: "WA", lawName: "SB 6002 (2026) - ALPR bill (NOT verified as enacted)", citation: "new chapter", whatItRestricts: "x", source: "s", confidence: .low),
    ]
    let engine = ContradictionEngine(restrictionLaws: laws)

    static func agency(_ id: Int, _ name: String, _ state: String?, prohibits: Bool = false, ncic: NCICAlertStatus = .unknown) -> ContradictionEngine.AgencyFacts {
        ContradictionEngine.AgencyFacts(id: id, name: name, stateCode: state, signals: AgencySignals(alertsNCIC: ncic, ncicEvidence: ncic == .yes ? "NCIC" : nil,
                                                                                                   immigrationPolicy: prohibits ? .prohibits : .unknown,
                                                                                                   immigrationEvidence: prohibits ? "Immigration enforcement" : nil))
    }

    static func reported(_ name: String, _ state: String, _ outcome: RecordedOutcome.Outcome, prohibits: Bool = false, asOf: String = "2026-06") -> RecordedOutcome {
        RecordedOutcome(agencyName: name, stateCode: state, outcome: outcome, reportedProhibitsImmigration: prohibits, asOf: asOf, reportedBy: "EFF",
                        title: "Are Your Local Police Using Flock Safety ALPRs to Scan for Immigrants?", url: "https://www.eff.org/x", confidence: .high, notes: "")
    }

    @Test func rule1FiresOnlyWhenEnabledAndForbidden() {
        let sparks = Self.agency(1, "Sparks NV PD", "NV")
        let fired = engine.ownPolicy(sparks, history: [Self.reported("Sparks NV PD", "NV", .immigrationViolatorEnabled, prohibits: true)])
        #expect(fired?.rule == .ownPolicy && fired?.citations.first?.text.contains("EFF") == true)
        #expect(fired?.explanation.contains("must not be used for immigration enforcement") == true)
        // From the portal's own words too.
        #expect(engine.ownPolicy(Self.agency(1, "X", "NV", prohibits: true), history: [Self.reported("X", "NV", .immigrationViolatorEnabled)]) != nil)
        #expect(engine.ownPolicy(sparks, history: [Self.reported("Sparks NV PD", "NV", .immigrationViolatorEnabled)]) == nil, "no prohibition known")
        #expect(engine.ownPolicy(sparks, history: [Self.reported("Sparks NV PD", "NV", .refused, prohibits: true)]) == nil)
        #expect(engine.ownPolicy(sparks, history: []) == nil)
    }

    @Test func rule1AlsoFiresOnARecordedPolicyDocument() {
        let agency = Self.agency(5, "Elm City PD", "NV")
        let enabled = Self.reported("Elm City PD", "NV", .immigrationViolatorEnabled)
        let policy = PublicStatement(agencyID: 5, text: "ALPR data shall not be used for civil immigration enforcement.", speaker: "Policy 462: License Plate Readers",
                                     date: "2025-04-01", source: "https://city.example/policy462.pdf", confidence: .high, deniesImmigrationUse: true)
        // MUT
        let fired = engine.ownPolicy(agency, history: [enabled], policies: [policy])
        // validate
        #expect(fired?.evidence.contains { $0.contains("Policy 462") && $0.contains("shall not be used") } == true)
        #expect(fired?.citations.map(\.source).contains("https://city.example/policy462.pdf") == true)
        var silent = policy; silent.deniesImmigrationUse = false
        #expect(engine.ownPolicy(agency, history: [enabled], policies: [silent]) == nil, "a policy that does not forbid it is no contradiction")
        var otherAgency = policy; otherAgency.agencyID = 6
        #expect(engine.ownPolicy(agency, history: [enabled], policies: [otherAgency]) == nil)
    }

    static func verified(_ name: String, _ state: String, _ outcome: RecordedOutcome.Outcome, asOf: String, id: Int = 9) -> RecordedOutcome {
        RecordedOutcome(agencyName: name, stateCode: state, outcome: outcome, reportedProhibitsImmigration: false, asOf: asOf, reportedBy: "Hotlist Watch",
                        title: "finding #\(id)", url: "/agencies/1#finding-\(id)", confidence: .high, notes: "", verifiedFindingID: id)
    }

    /// Issue 10, defect 1: our own verified finding supersedes the report's *setting*, but the
    /// report's account of the agency's *policy* is a separate fact and must survive it.
    @Test func rule1SurvivesOurVerifiedFindingSupersedingTheReport() {
        // setup
        let sparks = Self.agency(1, "Sparks NV PD", "NV")
        let report = Self.reported("Sparks NV PD", "NV", .immigrationViolatorEnabled, prohibits: true, asOf: "2026-06-25")
        let ours = Self.verified("Sparks NV PD", "NV", .immigrationViolatorEnabled, asOf: "2026-11-01")
        // MUT
        let fired = engine.ownPolicy(sparks, history: [report, ours])
        // validate: the setting comes from our finding, the policy from the report, each cited
        #expect(fired?.evidence.first?.contains("verified finding #9") == true)
        #expect(fired?.evidence.contains { $0.contains("prohibited uses (reported by EFF") } == true)
        #expect(fired?.citations.map(\.source) == ["/agencies/1#finding-9", "https://www.eff.org/x"])
        // Our finding showing it off ends the contradiction, whatever the report said.
        #expect(engine.ownPolicy(sparks, history: [report, Self.verified("Sparks NV PD", "NV", .immigrationViolatorDisabled, asOf: "2026-11-01")]) == nil)
    }

    /// The same fault in rules 2, 3 and 6 and in the status: a later refusal says nothing about the setting.
    @Test func aLaterRefusalDoesNotHideTheSettingOnRecord() {
        let blue = Self.agency(2, "Blue Island IL PD", "IL")
        let enabled = Self.reported("Blue Island IL PD", "IL", .immigrationViolatorEnabled, asOf: "2026-06-25")
        let refused = Self.reported("Blue Island IL PD", "IL", .refused, asOf: "2026-09-01")
        #expect(engine.stateLaw(blue, history: [enabled, refused]) != nil)
        let denial = PublicStatement(agencyID: 2, text: "not used for immigration", speaker: "Chief", date: "2026-05-01", source: "https://news.example", confidence: .high, deniesImmigrationUse: true)
        #expect(engine.publicStatement(blue, history: [enabled, refused], statements: [denial]) != nil)
        #expect(ContradictionEngine.currentSetting([enabled, refused]) == enabled)
        #expect(ContradictionEngine.currentSetting([refused]) == nil)
        let status = AgencyStatus.derive(reported: [enabled, refused], requests: [], usesFlock: true, today: CalendarDay(year: 2026, month: 11, day: 30)!)
        #expect(status.code == .immigrationViolatorEnabled)
        #expect(AgencyStatus.derive(reported: [refused], requests: [], usesFlock: true, today: CalendarDay(year: 2026, month: 11, day: 30)!).code == .refused)
    }

    @Test func rule2UsesOnlyVerifiedStateLaws() {
        let fired = engine.stateLaw(Self.agency(2, "Blue Island IL PD", "IL"), history: [Self.reported("Blue Island IL PD", "IL", .immigrationViolatorEnabled)])
        #expect(fired?.citations.contains { $0.text.contains("625 ILCS 5/2-130") && $0.confidence == .medium } == true)
        #expect(engine.stateLaw(Self.agency(3, "Spokane WA PD", "WA"), history: [Self.reported("Spokane WA PD", "WA", .immigrationViolatorEnabled)]) == nil, "only an unverified bill")
        #expect(engine.stateLaw(Self.agency(4, "Sparks NV PD", "NV"), history: [Self.reported("Sparks NV PD", "NV", .immigrationViolatorEnabled)]) == nil, "no law in the data")
        #expect(engine.stateLaw(Self.agency(2, "Blue Island IL PD", "IL"), history: [Self.reported("Blue Island IL PD", "IL", .refused)]) == nil)
    }

    @Test func rule3NeedsADenyingStatement() {
        let agency = Self.agency(1, "Sparks NV PD", "NV")
        let finding = Self.reported("Sparks NV PD", "NV", .immigrationViolatorEnabled)
        let denial = PublicStatement(agencyID: 1, text: "ALPR data is not used for immigration enforcement", speaker: "Chief", date: "2026-05-01", source: "https://news.example", confidence: .high, deniesImmigrationUse: true)
        #expect(engine.publicStatement(agency, history: [finding], statements: [denial])?.evidence.contains { $0.contains("not used for immigration") } == true)
        var other = denial; other.deniesImmigrationUse = false
        #expect(engine.publicStatement(agency, history: [finding], statements: [other]) == nil)
        var elsewhere = denial; elsewhere.agencyID = 2
        #expect(engine.publicStatement(agency, history: [finding], statements: [elsewhere]) == nil)
    }

    @Test func rule4FiresOnlyOnOnAfterOff() {
        let agency = Self.agency(1, "A", "NV")
        let off = Self.reported("A", "NV", .immigrationViolatorDisabled, asOf: "2026-01"), on = Self.reported("A", "NV", .immigrationViolatorEnabled, asOf: "2026-06")
        #expect(engine.reEnabled(agency, history: [off, on]) != nil)
        #expect(engine.reEnabled(agency, history: [on, off]) == nil)
        #expect(engine.reEnabled(agency, history: [on]) == nil)
    }

    @Test func rule5NamesOutOfStateAndFederalPartnersInCaliforniaAndAsksInIllinois() {
        let viewers = [AgencyLink(id: 10, name: "Sparks NV PD", stateCode: "NV"), AgencyLink(id: 11, name: "Fresno CA PD", stateCode: "CA"),
                       AgencyLink(id: 12, name: "HSI Los Angeles", stateCode: "CA"), AgencyLink(id: 13, name: "Flock Safety - Admins", stateCode: nil),
                       AgencyLink(id: 14, name: "Rice County MN SO", stateCode: "MN")]
        let fired = engine.sharingAgainstStateLaw(Self.agency(1, "Atherton CA PD", "CA"), viewers: viewers)
        #expect(fired?.related.map(\.id).sorted() == [10, 12, 14], "out of state or federal; not in-state, not unknown")
        #expect(fired?.citations.contains { $0.text.contains("1798.90.55") } == true)
        let illinois = engine.sharingAgainstStateLaw(Self.agency(2, "Blue Island IL PD", "IL"), viewers: viewers)
        #expect(illinois?.explanation.contains("ask for the declarations") == true)
        #expect(engine.sharingAgainstStateLaw(Self.agency(3, "Reno NV PD", "NV"), viewers: viewers) == nil, "no such law in Nevada")
        #expect(engine.sharingAgainstStateLaw(Self.agency(1, "Atherton CA PD", "CA"), viewers: [viewers[1]]) == nil)
    }

    @Test func federalNamesAreRecognisedWithoutFalseAlarms() {
        for name in ["HSI Los Angeles", "ICE ERO Chicago", "U.S. Customs and Border Protection", "FBI Sacramento", "US Marshals Service",
                     "Fort Eustis VA US Army", "Langley VA US Air Force"] { #expect(FederalAgencyName.isFederal(name), "\(name)") }
        for name in ["Rice County MN SO", "Police Dept of Nice", "Justice CA PD", "Alice TX PD", "Richmond VA PD", "Army Township PA PD"] { #expect(!FederalAgencyName.isFederal(name), "\(name)") }
    }

    @Test func rule6AndRule7() {
        let findings = [10: Self.reported("Sparks NV PD", "NV", .immigrationViolatorEnabled)]
        let exposed = engine.exposureThroughSharing(Self.agency(1, "Reno NV PD", "NV"), viewers: [AgencyLink(id: 10, name: "Sparks NV PD", stateCode: "NV")], findings: findings)
        #expect(exposed?.related.map(\.id) == [10])
        #expect(engine.exposureThroughSharing(Self.agency(1, "Reno NV PD", "NV"), viewers: [AgencyLink(id: 11, name: "Other", stateCode: "NV")], findings: findings) == nil)
        let tierOne = Self.agency(5, "Akron OH PD", "OH", prohibits: true, ncic: .yes)
        #expect(engine.askFirst(tierOne, finding: nil) != nil)
        #expect(engine.askFirst(tierOne, finding: Self.reported("Akron OH PD", "OH", .refused)) == nil, "already asked")
        #expect(engine.askFirst(Self.agency(6, "X", "OH", prohibits: true, ncic: .notListed), finding: nil) == nil)
    }
}

@Suite struct AgencyStatusTests {
    let today = CalendarDay(iso: "2026-03-20")!

    func request(_ status: RequestStatus, filed: String?, due: String?) -> RecordsRequest {
        RecordsRequest(id: 1, agencyID: 1, agencyName: "A", stateCode: "NV", campaignID: nil, status: status, requester: Requester(name: "V", email: "v@example.org"),
                       subject: "s", letter: "l", channel: .email, portalKind: nil, channelURL: nil, filedOn: filed.flatMap(CalendarDay.init(iso:)),
                       receivedOn: filed.flatMap(CalendarDay.init(iso:)), dueOn: due.flatMap(CalendarDay.init(iso:)), followUpOn: nil, dueBasis: nil, extensionDays: 0,
                       trackingNumbers: [], createdAt: .distantPast, updatedAt: .distantPast)
    }

    @Test func findingsComeFirstThenRequestsThenTheDirectory() {
        let enabled = ContradictionEngineTests.reported("A", "NV", .immigrationViolatorEnabled)
        #expect(AgencyStatus.derive(reported: [enabled], requests: [request(.filed, filed: "2026-03-02", due: "2026-03-09")], usesFlock: true, today: today).code == .immigrationViolatorEnabled)
        #expect(AgencyStatus.derive(reported: [], requests: [request(.filed, filed: "2026-03-02", due: "2026-03-09")], usesFlock: true, today: today).code == .noResponsePastDue)
        #expect(AgencyStatus.derive(reported: [], requests: [request(.acknowledged, filed: "2026-03-16", due: "2026-03-23")], usesFlock: true, today: today).code == .requestPending)
        #expect(AgencyStatus.derive(reported: [], requests: [request(.denied, filed: "2026-03-02", due: "2026-03-09")], usesFlock: true, today: today).code == .refused)
        #expect(AgencyStatus.derive(reported: [], requests: [request(.draft, filed: nil, due: nil)], usesFlock: true, today: today).code == .notAskedYet)
        #expect(AgencyStatus.derive(reported: [], requests: [], usesFlock: false, today: today).code == .notKnownToUseFlock)
        #expect(AgencyStatus.derive(reported: [ContradictionEngineTests.reported("A", "OH", .refused)], requests: [], usesFlock: true, today: today).label.contains("refused"))
    }
}

extension ContradictionEngineTests {
    static func auditLog(_ id: Int, agency: Int, kind: SearchAuditKind, immigration: [(String, Int)], verified: Bool = true) -> SearchAuditLog {
        let groups = immigration.map { AuditLogSummary.Group(organization: $0.0, month: "2025-04", category: .immigration, searches: $0.1, networksSearched: 1, devicesSearched: 0) }
        return SearchAuditLog(id: id, agencyID: agency, evidenceID: 9, kind: kind, fileName: "audit.csv", sha256: String(repeating: "ab", count: 32), receivedOn: CalendarDay(iso: "2025-07-01"),
                              rowsRead: 100, rowsSkipped: 0, firstMonth: "2025-01", lastMonth: "2025-06",
                              searchesByCategory: ["immigration": immigration.map(\.1).reduce(0, +), "ordinary": 100 - immigration.map(\.1).reduce(0, +)],
                              groups: groups, rulesVersion: "r1", scannedAt: Date(), scannedByID: 1, scannedByLabel: "v", verifiedAt: verified ? Date() : nil, verifiedByLabel: verified ? "r" : nil)
    }

    @Test func rule8NeedsAVerifiedLogWithImmigrationSearchesAndAPolicyAgainstThem() {
        let forbids = Self.agency(1, "Sparks NV PD", "NV", prohibits: true)
        let network = Self.auditLog(7, agency: 1, kind: .network, immigration: [("Reno NV PD", 3), ("Dallas TX PD", 1)])
        let fired = engine.immigrationSearches(forbids, history: [], ownLogs: [network])
        #expect(fired?.rule == .immigrationSearches && fired?.citations.first?.source == "/agencies/1#search-audit-7")
        #expect(fired?.evidence.first == "4 searches of Sparks NV PD's cameras cited immigration (of 100 searches in its network audit log, 2025-01 to 2025-06), by Reno NV PD (3), Dallas TX PD (1).")
        #expect(fired?.explanation.contains("4 searches of its cameras") == true)
        #expect(fired?.citations.contains { $0.text.contains("prohibited") || $0.text.contains("Private Eyes") } == true, "the policy is cited")
        // Not without a policy against it, not unverified, not with no immigration search.
        #expect(engine.immigrationSearches(Self.agency(1, "Sparks NV PD", "NV"), history: [], ownLogs: [network]) == nil)
        #expect(engine.immigrationSearches(forbids, history: [], ownLogs: [Self.auditLog(7, agency: 1, kind: .network, immigration: [("Reno NV PD", 3)], verified: false)]) == nil)
        #expect(engine.immigrationSearches(forbids, history: [], ownLogs: [Self.auditLog(7, agency: 1, kind: .network, immigration: [])]) == nil)
        // Another agency's log never counts as this one's own.
        #expect(engine.immigrationSearches(forbids, history: [], ownLogs: [Self.auditLog(7, agency: 2, kind: .network, immigration: [("Reno NV PD", 3)])]) == nil)
        // Its own users' searches read as such, one search in the singular.
        let own = engine.immigrationSearches(forbids, history: [], ownLogs: [Self.auditLog(8, agency: 1, kind: .organization, immigration: [("Sparks NV PD", 1)])])
        #expect(own?.explanation.contains("1 search by its own users") == true)
        #expect(own?.evidence.first?.hasPrefix("1 search by Sparks NV PD's own users cited immigration (of 100 searches in its organization audit log") == true)
    }

    @Test func organisationsDifferingOnlyInCaseAreOneAndRedactedNamesSaySo() {
        let log = Self.auditLog(7, agency: 1, kind: .network, immigration: [("Richmond VA PD", 2), ("RICHMOND VA PD", 1), ("***", 4), ("Reno NV PD", 1)])
        let organizations = log.organizations(.immigration)
        #expect(organizations.map(\.name) == ["(redacted)", "Richmond VA PD", "Reno NV PD"])
        #expect(organizations.map(\.searches) == [4, 3, 1])
    }

    @Test func rule8NeverAddsUpLogsThatMayCoverTheSameSearches() {
        let forbids = Self.agency(1, "Sparks NV PD", "NV", prohibits: true)
        let first = Self.auditLog(7, agency: 1, kind: .network, immigration: [("Reno NV PD", 176)])
        let overlapping = Self.auditLog(9, agency: 1, kind: .network, immigration: [("Reno NV PD", 4)])
        let fired = engine.immigrationSearches(forbids, history: [], ownLogs: [first, overlapping])
        #expect(fired?.explanation.contains("at least 176 searches (the most in any one of the 2 logs below") == true)
        #expect(fired?.explanation.contains("180") == false)
        #expect(fired?.evidence.count(where: { $0.contains("network audit log") }) == 2, "each log keeps its own count")
        let one = engine.immigrationSearches(forbids, history: [], ownLogs: [first])
        #expect(one?.explanation.contains("a Flock audit log shows 176 searches of its cameras") == true)
    }
}
