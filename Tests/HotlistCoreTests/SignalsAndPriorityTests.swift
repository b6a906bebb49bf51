import Foundation
import HotlistCore
import Testing

@Suite struct SignalsAndPriorityTests {
    static func snapshot(_ page: PortalPage, updated: String, hotlists: String? = nil, prohibited: String? = nil, cameras: Int? = nil) -> PortalSnapshot {
        var snapshot = PortalSnapshot(page: page, source: "test")
        snapshot.updatedAt = TimestampParser.parse(updated)
        snapshot.hotlistsRaw = hotlists
        snapshot.prohibitedUsesRaw = prohibited
        snapshot.cameraCount = cameras
        return snapshot
    }

    @Test func eachSignalComesFromTheNewestSnapshotThatReportsIt() {
        // setup: an old policy page, a newer usage page, and an older usage page that disagrees
        let snapshots = [
            Self.snapshot(.policy, updated: "2023-07-27T12:00:00Z", prohibited: "Immigration enforcement, personal use"),
            Self.snapshot(.usage, updated: "2024-04-26T14:00:00Z", hotlists: "California SVS", cameras: 9),
            Self.snapshot(.usage, updated: "2023-10-01T00:00:00Z", hotlists: "NCIC, NCMEC Amber Alert", cameras: 4),
        ]
        // MUT
        let signals = AgencySignals.compute(snapshots: snapshots, sharesWithCount: 3, receivesFromCount: 1)
        // validate
        #expect(signals.alertsNCIC == .notListed, "the newest hotlist list wins")
        #expect(signals.immigrationPolicy == .prohibits, "an older policy page still counts when no newer one exists")
        #expect(signals.cameraCount == 9)
        #expect(signals.latestSnapshotAt == TimestampParser.parse("2024-04-26T14:00:00Z"))
        #expect(signals.hasPortal)
        #expect(signals.snapshotAgeDays(now: TimestampParser.parse("2024-05-06T14:00:00Z")!) == 10)
    }

    @Test func noSnapshotsMeansUnknownAndNoPortal() {
        let signals = AgencySignals.compute(snapshots: [], sharesWithCount: 0, receivesFromCount: 2)
        #expect(signals.alertsNCIC == .unknown && signals.immigrationPolicy == .unknown && !signals.hasPortal)
        #expect(signals.snapshotAgeDays(now: Date()) == nil)
        #expect(AgencySignals.compute(snapshots: [], sharesWithCount: 0, receivesFromCount: 0, knownPortalURL: "https://x").hasPortal)
    }

    @Test(arguments: [
        (PolicyStatement.prohibits, NCICAlertStatus.yes, AskFirstRank.Tier.prohibitsYetAlertsNCIC),
        (.silent, .yes, .alertsNCICWithoutProhibition),
        (.unknown, .yes, .alertsNCICWithoutProhibition),
        (.prohibits, .notListed, .prohibitsHotlistsUnclear),
        (.prohibits, .unknown, .prohibitsHotlistsUnclear),
        (.silent, .notListed, .portalOther),
    ])
    func tiers(policy: PolicyStatement, ncic: NCICAlertStatus, tier: AskFirstRank.Tier) {
        let signals = AgencySignals(alertsNCIC: ncic, immigrationPolicy: policy, hasPortal: true)
        #expect(AskFirstRank.assess(signals, stateCode: "NV", restrictiveStates: []).tier == tier)
    }

    @Test func withinATierStateLawThenSharingReachRankFirst() {
        let base = AgencySignals(alertsNCIC: .yes, immigrationPolicy: .prohibits, sharesWithCount: 10, receivesFromCount: 5, hasPortal: true)
        let restrictive: Set<String> = ["CA", "IL"]
        let illinois = AskFirstRank.assess(base, stateCode: "IL", restrictiveStates: restrictive)
        var wider = base; wider.sharesWithCount = 900
        let nevadaWide = AskFirstRank.assess(wider, stateCode: "NV", restrictiveStates: restrictive)
        let nevada = AskFirstRank.assess(base, stateCode: "NV", restrictiveStates: restrictive)
        let tierTwo = AskFirstRank.assess(AgencySignals(alertsNCIC: .yes, immigrationPolicy: .silent, sharesWithCount: 5000, hasPortal: true), stateCode: "CA", restrictiveStates: restrictive)
        #expect([tierTwo, nevada, illinois, nevadaWide].sorted() == [illinois, nevadaWide, nevada, tierTwo])
        #expect(illinois.reasons.contains { $0.contains("IL has a state law") })
        #expect(nevada.reasons.contains { $0.contains("15 other organisations") })
        #expect(!nevada.reasons.contains { $0.contains("state law") })
    }

    @Test func noPortalDataRanksLast() {
        let none = AskFirstRank.assess(AgencySignals(), stateCode: nil, restrictiveStates: [])
        #expect(none.tier == .noPortalData)
        #expect(none.reasons.first == AskFirstRank.Tier.noPortalData.explanation)
    }
}

@Suite struct RetiredAccountMarkerTests {
    @Test(arguments: [
        ("Bristol RI PD (Do Not Use)", "Do Not Use"),
        ("DNU- Walker County AL SO", "DNU"),
        ("Greenbrier TN PD (duplicate)", "duplicate"),
        ("Shelby Twp MI PD (Duplicate-do not use)", "do not use"),
        ("Miami Dade (Duplicate don't use)", "don't use"),
        ("Forsyth County GA SO - Mobile (Not in Use)", "Not in Use"),
        ("USMS (Inactive)", "Inactive"),
        ("Flock LE Training - Old", "Old"),
        ("Delete - Don't Use", "Don't Use"),
    ])
    func markersInRealNamesAreFound(name: String, marker: String) {
        #expect(RetiredAccountMarker.find(in: name) == marker)
    }

    @Test(arguments: ["Old Fort NC PD", "Old Westbury Village NY PD", "Arnold MO PD", "Dunedin FL PD", "Whitestown IN PD", "Sparks NV PD"])
    func ordinaryNamesAreLeftAlone(name: String) {
        #expect(RetiredAccountMarker.find(in: name) == nil)
    }

    @Test func retiredAccountsRankLastWithTheReason() {
        let signals = AgencySignals(alertsNCIC: .yes, immigrationPolicy: .prohibits, hasPortal: true)
        let live = AskFirstRank.assess(signals, stateCode: "RI", restrictiveStates: [], name: "Bristol RI PD")
        let retired = AskFirstRank.assess(signals, stateCode: "RI", restrictiveStates: [], name: "Bristol RI PD (Do Not Use)")
        #expect(live.tier == .prohibitsYetAlertsNCIC)
        #expect(retired.tier == .noPortalData && live < retired)
        #expect(retired.reasons.first?.contains("“Do Not Use”") == true)
    }
}
