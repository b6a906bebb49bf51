import HotlistCore
import Testing

@Suite struct PortalTextParsingTests {
    @Test(arguments: [
        ("NCIC, NCMEC Amber Alert", NCICAlertStatus.yes, "NCIC"),
        ("NCIC, Illinois Leads, NCMEC Amber Alert, IL SOS", .yes, "NCIC"),
        ("National Crime Information Center (NCIC) which includes vehicles wanted for crimes, missing and wanted persons, AMBER & Silver Alerts", .yes, "National Crime Information Center (NCIC) which includes vehicles wanted for crimes"),
        ("ncic,ncmec amber alert", .yes, "ncic"),
        ("NCIC; FCIC; NCMEC Amber Alert", .yes, "NCIC"),
    ])
    func ncicSpellingsAreRecognised(raw: String, status: NCICAlertStatus, evidence: String) {
        let parsed = HotlistsAlertedOn.parse(raw)
        #expect(parsed.ncic == status)
        #expect(parsed.ncicEvidence == evidence)
    }

    @Test func listsWithoutNCICAreNotCountedAsNCIC() {
        // California portals list the state's SVS; Florida's FCIC is not NCIC either.
        #expect(HotlistsAlertedOn.parse("California SVS, NCMEC Amber Alert").ncic == .notListed)
        #expect(HotlistsAlertedOn.parse("FCIC, NCMEC Amber Alert").ncic == .notListed)
        #expect(HotlistsAlertedOn.parse("Missing Persons; AMBER Alerts; Felony Warrants; Stolen Vehicles").ncic == .notListed)
        #expect(HotlistsAlertedOn.parse("California SVS, NCMEC Amber Alert").lists == ["California SVS", "NCMEC Amber Alert"])
    }

    @Test func missingHotlistDataIsUnknown() {
        for raw in [nil, "", "NA", "  ", "N/A"] as [String?] {
            let parsed = HotlistsAlertedOn.parse(raw)
            #expect(parsed.ncic == .unknown && parsed.lists.isEmpty)
        }
    }

    @Test func prohibitedUsesKeepParenthesesTogether() {
        let parsed = ProhibitedUses.parse("Immigration enforcement, traffic enforcement, harrassment or intimidation, usage based solely on a protected class (i.e. race, sex, religion), Personal use.")
        #expect(parsed.items == ["Immigration enforcement", "traffic enforcement", "harrassment or intimidation", "usage based solely on a protected class (i.e. race, sex, religion)", "Personal use"])
        #expect(parsed.immigration == .prohibits)
        #expect(parsed.immigrationEvidence == "Immigration enforcement")
    }

    @Test func prohibitedUsesWordingsSeenInTheData() {
        #expect(ProhibitedUses.parse("Civil immigration enforcement; automated traffic infraction ticketing; personal use").immigrationEvidence == "Civil immigration enforcement")
        #expect(ProhibitedUses.parse("Activities that are considered immigration enforcement, commercial, non-law enforcement").immigration == .prohibits)
        #expect(ProhibitedUses.parse("Traffic enforcement, harassment or intimidation, personal use.").immigration == .silent)
        #expect(ProhibitedUses.parse("NA").immigration == .unknown)
        #expect(ProhibitedUses.parse(nil).items.isEmpty)
    }

    @Test func bulletedPoliciesSplitByBullet() {
        let raw = "The following uses shall be prohibited:\n\n- To invade the privacy of individuals, or observe\nprivate areas.\n- To be used in a discriminatory manner.\n- For immigration enforcement."
        let parsed = ProhibitedUses.parse(raw)
        #expect(parsed.items == ["To invade the privacy of individuals, or observe private areas", "To be used in a discriminatory manner", "For immigration enforcement"])
        #expect(parsed.immigration == .prohibits)
    }
}
