import Foundation
@testable import HotlistCore
@testable import HotlistStore
@testable import HotlistWeb

/// Hand-built models for the view snapshots: fixed instants, no database.
enum Fixture {
    /// Every name-like field of the hostile fixtures: markup, both quotes and an ampersand, so each
    /// escape shows in the snapshot.
    static let hostile = "<script>alert(1)</script> \"Quoted\" & 'Sons'"

    static let clock = FixedClock(Date(timeIntervalSince1970: 1_780_000_000)) // 2026-05-28T20:26:40Z
    static var now: Date { clock.now() }
    static func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }
    static let today = CalendarDay.today(clock.now())
    static func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    static func account(_ role: Role, id: Int = 7, name: String = "Vera Volunteer", email: String = "vera@example.org") -> UserAccount {
        UserAccount(id: id, email: email, displayName: name, role: role, createdAt: daysAgo(90), lastSignInAt: daysAgo(1))
    }

    static func viewer(_ role: Role, id: Int = 7, name: String = "Vera Volunteer") -> Viewer {
        Viewer(account: account(role, id: id, name: name), proof: .session(tokenHash: "hash", csrfToken: "csrf-token-1234567890"))
    }

    static let counts = DirectoryCounts(agencies: 12_345, withPortal: 2_100, alertsNCIC: 1_500, prohibitsImmigration: 400,
                                        prohibitsYetAlertsNCIC: 120, sharingEdges: 98_765, unresolved: 42)

    static func summary(id: Int, name: String, state: String? = "NV", tier: AskFirstRank.Tier = .prohibitsYetAlertsNCIC) -> AgencySummary {
        AgencySummary(id: id, name: name, stateCode: state, kind: .policeDepartment,
                      signals: AgencySignals(alertsNCIC: .yes, immigrationPolicy: .prohibits, sharesWithCount: 12, receivesFromCount: 3,
                                             latestSnapshotAt: daysAgo(700), hasPortal: true, cameraCount: 40),
                      priority: AskFirstRank(tier: tier, score: 10, reasons: [tier.explanation]))
    }

    static let agencies = [summary(id: 1, name: "Sparks NV PD"), summary(id: 2, name: hostile, state: "NC", tier: .alertsNCICWithoutProhibition),
                           summary(id: 3, name: "Washoe County SO", state: nil, tier: .noPortalData)]

    static let lawNV = StateRecordsLaw(stateCode: "NV", stateName: "Nevada", lawName: "Nevada Public Records Act", citation: "NRS 239.0107",
                                       deadlineDays: 5, deadlineKind: .business, deadlineNote: "Answer or say when, within 5 business days.",
                                       residency: .no, appealRoute: "District court", appealSource: "https://www.leg.state.nv.us/nrs/nrs-239.html",
                                       source: "https://www.leg.state.nv.us/nrs/nrs-239.html ; /evidence/4", confidence: .high)
    static let lawHostile = StateRecordsLaw(stateCode: "VA", stateName: "Virginia", lawName: hostile, citation: "Va. Code § 2.2-3704 & <b>",
                                            deadlineDays: 5, deadlineKind: .business, deadlineNote: hostile, residency: .yes,
                                            appealRoute: "", source: "See https://law.lis.virginia.gov/vacode/2.2-3704/ (accessed) ; " + hostile, confidence: .medium)
    static let restriction = StateRestrictionLaw(stateCode: "NV", lawName: "AB 123 & friends", citation: "NRS 480.<x>", whatItRestricts: hostile,
                                                 source: "https://example.org/a?b=1&c=2 ; /agencies/1#finding-3", confidence: .low)

    static let topics = [
        NCICTopic(key: NCICTopic.immigrationViolatorKey, flockLabel: "Immigration Violator", flockLabelConfidence: .high, ncicFile: "Immigration Violator File",
                  contents: "ICE records", whoMayEnter: "ICE only", notes: "Mostly administrative warrants", source: "https://le.fbi.gov/ncic", confidence: .high),
        NCICTopic(key: "gang", flockLabel: nil, flockLabelConfidence: nil, ncicFile: "Gang File", contents: hostile, whoMayEnter: "Any agency",
                  notes: "", source: "https://example.org/ncic ; not a link & <i>", confidence: .medium),
    ]

    static func file(_ id: Int, name: String = "records & <answer>.pdf", isPublic: Bool = true, agencyID: Int = 1, requestID: Int? = nil, communicationID: Int? = nil) -> EvidenceFile {
        EvidenceFile(id: id, sha256: String(repeating: "ab", count: 32), agencyID: agencyID, requestID: requestID, communicationID: communicationID,
                     originalName: name, kind: .pdf, size: 123_456, uploaderID: 7, uploaderLabel: "Vera Volunteer", sourceURL: "https://example.org/doc?x=1&y=2",
                     receivedOn: day("2026-04-02"), isPublic: isPublic, description: "Settings screenshot \"page 2\"", createdAt: daysAgo(30))
    }

    static func finding(id: Int = 3, version: Int = 1, verified: Bool = true, enteredBy: Int = 9, sentBack: FindingVersion.SendBack? = nil) -> FindingVersion {
        FindingVersion(id: id * 10 + version, findingID: id, version: version, agencyID: 1, asOf: day("2026-03-01"),
                       topics: [NCICTopic.immigrationViolatorKey: .enabled, "gang": .disabled], otherHotlists: ["NV DMV & <list>"], note: "Page 2 \"top\"",
                       evidenceIDs: [5], enteredByID: enteredBy, enteredByLabel: "Rita Reviewer", enteredAt: daysAgo(20),
                       verifiedByID: verified ? 11 : nil, verifiedByLabel: verified ? "Adam Admin" : nil, verifiedAt: verified ? daysAgo(10) : nil, sentBack: sentBack)
    }

    static func statement(id: Int = 4, verified: Bool = true, enteredBy: Int = 9) -> AgencyStatement {
        AgencyStatement(id: id, agencyID: 1, kind: .publicStatement, text: "We never share with ICE & never will <b>", speaker: "Chief \"Ace\" O'Neil",
                        saidOn: day("2026-02-01"), sourceURL: "https://news.example/story?id=1&p=2", evidenceID: nil, deniesImmigrationUse: true,
                        enteredByID: enteredBy, enteredByLabel: "Rita Reviewer", enteredAt: daysAgo(15),
                        verifiedByID: verified ? 11 : nil, verifiedByLabel: verified ? "Adam Admin" : nil, verifiedAt: verified ? daysAgo(5) : nil)
    }

    static func action(_ line: Int, event: String, details: String) -> HotlistAction {
        HotlistAction(line: line, occurredAt: daysAgo(Double(100 - line)), user: "officer <b>&</b>", eventType: event, entityType: "Hotlist", details: details)
    }

    static func snapshot(_ page: PortalPage) -> PortalSnapshot {
        var snapshot = PortalSnapshot(page: page, source: "Private Eyes (The News & Observer)")
        snapshot.updatedAt = daysAgo(700)
        snapshot.accessedAt = daysAgo(650)
        snapshot.url = "https://transparency.flocksafety.com/sparks-nv-pd"
        if page == .usage {
            snapshot.hotlistsRaw = "NCIC, NV DMV, <Custom & list>"
            snapshot.cameraCount = 40
            snapshot.dataRetentionRaw = "30 days & <more>"
            snapshot.hotlistHits30Days = 1_234
            snapshot.searches30Days = 5_678
            snapshot.vehiclesDetected30Days = 1_234_567
        } else {
            snapshot.prohibitedUsesRaw = "Immigration enforcement\nHarassment & <intimidation>"
            snapshot.acceptableUsePolicy = "Line one\r\nLine \"two\""
        }
        return snapshot
    }

    static var agencyDetail: AgencyDetail {
        let agency = Agency(id: 1, externalKey: "reported:sparks", name: hostile, stateCode: "NV", kind: .policeDepartment, place: "Sparks & <Reno>",
                            ori: "NV0160300", city: "Sparks", county: "Washoe", website: "javascript:alert(1)", recordsEmail: "records@sparks.example",
                            recordsPortalURL: "https://sparks.govqa.us/?a=1&b=2", flockPortalURL: "https://transparency.flocksafety.com/sparks-nv-pd",
                            contractRenewal: "2027-01 <tbd>", vendor: "Flock Safety", notes: "Added from a report \"EFF\" & others")
        var detail = AgencyDetail(agency: agency,
                                  signals: AgencySignals(alertsNCIC: .yes, ncicEvidence: "NCIC <list>", immigrationPolicy: .silent, immigrationEvidence: nil,
                                                         sharesWithCount: 2, receivesFromCount: 1, latestSnapshotAt: daysAgo(700), hasPortal: true, cameraCount: 40),
                                  priority: AskFirstRank(tier: .alertsNCICWithoutProhibition, score: 5, reasons: ["Reason & <one>", "Reason two"]),
                                  snapshots: [snapshot(.usage), snapshot(.policy)],
                                  sharesWith: [AgencyLink(id: 2, name: "Reno PD", stateCode: "NV"), AgencyLink(id: 3, name: "Elsewhere & Co", stateCode: "CA")],
                                  receivesFrom: [AgencyLink(id: 4, name: "Carson <City>", stateCode: nil)],
                                  urlChecks: [URLCheck(agencyKey: "sparks", url: "https://transparency.flocksafety.com/sparks-nv-pd", lastAttempt: daysAgo(3), statusCode: 404, notes: "gone & <moved>")],
                                  survey: nil, recordsLaw: lawNV, restrictionLaws: [restriction])
        var survey = SurveyEntry(agencyKey: "sparks", surveyName: "Sparks")
        survey.vendor = "Flock & <Co>"
        survey.camerasConfirmed = 12
        survey.documentURL = "https://example.org/survey.pdf"
        survey.notes = "Said \"yes\""
        detail.survey = survey
        detail.reportedFindings = [RecordedOutcome(agencyName: hostile, stateCode: "NV", outcome: .immigrationViolatorEnabled, reportedProhibitsImmigration: true,
                                                   asOf: "2025-06", reportedBy: "EFF & friends", title: "Report <title>", url: "https://eff.org/x?y=1&z=2",
                                                   confidence: .medium, notes: "")]
        detail.findings = [finding()]
        detail.findingEvidence = [file(5), file(6, isPublic: false)]
        detail.statements = [statement()]
        detail.contradictions = [
            Contradiction(rule: .publicStatement, agencyID: 1, agencyName: hostile, stateCode: "NV", explanation: "Said no & did <yes>",
                          evidence: (1...14).map { "Evidence line \($0) <&>" }, citations: [Citation(text: "Statute \"A\"", source: "https://law.example/a ; /evidence/5", confidence: .high)]),
            Contradiction(rule: .askFirst, agencyID: 1, agencyName: hostile, stateCode: "NV", explanation: "Ask for the settings & <screenshots>", evidence: [], citations: []),
        ]
        detail.status = AgencyStatus(code: .immigrationViolatorEnabled, label: "Immigration Violator enabled & <on>", asOf: "2026-03-01")
        detail.hotlistTimeline = [action(1, event: "Hotlist Created", details: "Plate ABC123"), action(2, event: "Hotlist Entry Deleted", details: "Name <b>")]
        return detail
    }

    static var emptyAgencyDetail: AgencyDetail {
        AgencyDetail(agency: Agency(id: 9, externalKey: "x", name: "Nowhere County SO", stateCode: nil, kind: .sheriffsOffice, unresolvedReason: "two states & <none>"),
                     signals: AgencySignals(), priority: AskFirstRank(tier: .noPortalData, score: 0, reasons: []), snapshots: [],
                     sharesWith: [], receivesFrom: [], urlChecks: [], survey: nil, recordsLaw: nil, restrictionLaws: [])
    }

    static let requester = Requester(name: "Pat \"Requester\" <O'Brien>", email: "pat@example.org", postalAddress: "1 Main St & <Apt 2>", stateCode: "NV")

    static func request(_ id: Int, status: RequestStatus, agencyName: String = hostile, channel: FilingChannel = .email, filed: Bool = true, overdue: Bool = false) -> RecordsRequest {
        RecordsRequest(id: id, agencyID: 1, agencyName: agencyName, stateCode: "NV", campaignID: nil, status: status, requester: requester,
                       subject: "Records of ALPR hotlist settings & <topics>", letter: "Dear records officer,\n\nPlease send \"all\" settings & <screens>.\n\nI am a resident of Nevada.",
                       channel: channel, portalKind: channel == .portal ? .govqa : nil, channelURL: channel == .portal ? "https://sparks.govqa.us/?a=1&b=2" : nil,
                       filedOn: filed ? day("2026-05-01") : nil, receivedOn: filed ? day("2026-05-01") : nil,
                       dueOn: filed ? (overdue ? day("2026-05-08") : day("2026-06-02")) : nil, followUpOn: nil,
                       dueBasis: filed ? "5 business days & <NRS>" : nil, extensionDays: 0, trackingNumbers: filed ? ["R-1 & <2>"] : [],
                       createdAt: daysAgo(40), updatedAt: daysAgo(2))
    }

    static var requestDetail: RequestDetail {
        RequestDetail(request: request(21, status: .denied, channel: .portal),
                      communications: [Communication(id: 31, requestID: 21, direction: .incoming, channel: .email, occurredOn: day("2026-05-10"),
                                                     subject: "Re: records <denied> & more", text: "We deny \"all\" of it.\n<signed>", createdAt: daysAgo(10))],
                      fees: [FeeEntry(id: 41, requestID: 21, kind: .estimate, amountCents: 12_345, occurredOn: day("2026-05-11"), note: "copies & <postage>")],
                      exemptions: [CitedExemption(id: 51, requestID: 21, exemptionID: nil, citedText: "NRS 239.010 & <security>")],
                      history: [StatusChange(id: 61, requestID: 21, from: .filed, to: .denied, occurredOn: day("2026-05-10"), note: "by email & <phone>", recordedAt: daysAgo(10))],
                      agencyRecordsEmail: "records@sparks.example")
    }

    static var draftDetail: RequestDetail {
        RequestDetail(request: request(22, status: .draft, filed: false), communications: [], fees: [], exemptions: [], history: [], agencyRecordsEmail: nil)
    }
}
