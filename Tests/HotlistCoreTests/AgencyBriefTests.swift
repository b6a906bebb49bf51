import Foundation
@testable import HotlistCore
import Testing

/// What briefs, press summaries and letters to officials say is read from the records, no more.
@Suite struct AgencyBriefTests {
    static func detail(findings: [FindingVersion] = [], reports: [RecordedOutcome] = [], renewal: String? = nil, policy: PolicyStatement = .unknown) -> AgencyDetail {
        var detail = AgencyDetail(agency: Agency(id: 4, externalKey: "k", name: "Sparks NV PD", stateCode: "NV", kind: .policeDepartment, contractRenewal: renewal),
                                  signals: AgencySignals(immigrationPolicy: policy), priority: AskFirstRank(tier: .noPortalData, score: 0, reasons: []), snapshots: [],
                                  sharesWith: [AgencyLink(id: 9, name: "Far PD", stateCode: "TX")], receivesFrom: [], urlChecks: [], survey: nil, recordsLaw: nil, restrictionLaws: [])
        detail.findings = findings
        detail.reportedFindings = reports
        return detail
    }

    static let effReport = RecordedOutcome(agencyName: "Sparks NV PD", stateCode: "NV", outcome: .immigrationViolatorEnabled, reportedProhibitsImmigration: true,
                                           asOf: "2026-06-25", reportedBy: "EFF", title: "T", url: "https://eff.org/t", confidence: .high, notes: "")

    static func finding(_ setting: TopicSetting, asOf: String) -> FindingVersion {
        FindingVersion(id: 1, findingID: 7, version: 2, agencyID: 4, asOf: CalendarDay(iso: asOf)!, topics: [NCICTopic.immigrationViolatorKey: setting], otherHotlists: [],
                       note: "", evidenceIDs: [3, 4], enteredByID: 1, enteredByLabel: "a", enteredAt: Date(timeIntervalSince1970: 0), verifiedByID: 2,
                       verifiedByLabel: "b", verifiedAt: Date(timeIntervalSince1970: 1))
    }

    @Test func aReportIsLabelledAndTheQuestionsFollowFromIt() {
        let brief = AgencyBrief(detail: Self.detail(reports: [Self.effReport], renewal: "2027-01-15"), topic: nil)
        #expect(brief.keyFacts.contains("EFF reported (2026-06-25) that its ALPR system used the Immigration Violator hotlist; Hotlist Watch has not verified this from its own evidence."))
        #expect(brief.keyFacts.contains { $0.contains("prohibited uses, as reported by EFF") })
        let questions = brief.questions
        #expect(questions.first == "Is the Immigration Violator topic selected in the ALPR hotlist settings of Sparks Police Department today? Since when, and who decided it?")
        #expect(questions.contains { $0.hasPrefix("EFF reported (2026-06-25)") })
        #expect(questions.contains { $0.hasPrefix("EFF reported that the agency's transparency portal prohibits immigration enforcement") })
        #expect(questions.contains { $0.hasPrefix("1 organisation outside Nevada") })
        #expect(questions.contains { $0.contains("renewal date on file is 2027-01-15") })
    }

    @Test func theNewestVerifiedFindingLeadsAndNothingIsClaimedWithoutRecords() {
        let brief = AgencyBrief(detail: Self.detail(findings: [Self.finding(.enabled, asOf: "2026-01-10"), Self.finding(.disabled, asOf: "2026-09-01")]), topic: nil)
        #expect(brief.latestVerified?.asOf.iso == "2026-09-01")
        #expect(brief.keyFacts.first == "Records dated September 1, 2026 show the Immigration Violator topic not selected in its ALPR hotlist settings (Hotlist Watch finding #7, checked by two people against 2 evidence files).")
        #expect(brief.questions.contains { $0.contains("show the topic not selected. Was it ever selected before") })
        let empty = AgencyBrief(detail: Self.detail(), topic: nil)
        #expect(empty.keyFacts == ["No record of its Immigration Violator setting is held yet (status: Not asked yet)."])
        #expect(empty.questions.contains("When does the ALPR contract come up for renewal, and will the council vote on it?"))
        #expect(!empty.pressSummary(agencyPageURL: "https://h.example/agencies/4", briefURL: "https://h.example/agencies/4/brief", evidenceURLs: [], dataURLs: []).contains("reported"))
    }

    @Test func theLetterToOfficialsIsFilledThroughTheTemplateEngine() throws {
        let brief = AgencyBrief(detail: Self.detail(reports: [Self.effReport], renewal: "2027-01-15"), topic: nil)
        let letter = try OfficialsLetter.compose(brief, recipient: "the Sparks City Council", sender: Requester(name: "Pat", email: "pat@example.org"),
                                                 briefURL: "https://h.example/agencies/4/brief", today: CalendarDay(iso: "2026-11-30")!)
        #expect(letter.subject == "Sparks Police Department: ALPR hotlist settings and the Immigration Violator topic")
        #expect(letter.body.hasPrefix("November 30, 2026\n\nTo the Sparks City Council:"))
        #expect(letter.body.contains("- EFF reported (2026-06-25)") && letter.body.contains("\n1. Is the Immigration Violator topic selected"))
        #expect(letter.body.contains("The contract renewal date on file is 2027-01-15.") && letter.body.hasSuffix("Pat\npat@example.org"))
        // Without a renewal date the optional sentence and its blank line go.
        let without = try OfficialsLetter.compose(AgencyBrief(detail: Self.detail(), topic: nil), recipient: "r", sender: Requester(name: "Pat", email: "pat@example.org"),
                                                  briefURL: "u", today: CalendarDay(iso: "2026-11-30")!)
        #expect(!without.body.contains("renewal date on file") && !without.body.contains("\n\n\n"))
        // An empty recipient is refused, naming the variable.
        #expect(throws: InputProblems.self) {
            try OfficialsLetter.compose(brief, recipient: " ", sender: Requester(name: "Pat", email: "pat@example.org"), briefURL: "u", today: CalendarDay(iso: "2026-11-30")!)
        }
        // Request letters (and campaign templates) cannot use the officials' variables.
        #expect(!LetterVariable.requestLetterCases.contains(.keyFacts) && LetterVariable.requestLetterCases.contains(.agencyName))
    }
}
