import Foundation
@testable import HotlistCore
import Testing

@Suite struct LetterTemplateTests {
    @Test func unknownEmptyAndBrokenVariablesAreErrorsNamingTheLine() {
        let template = LetterTemplate(name: "campaign letter", subject: "About {{agency_name}}", body: "Dear {{agency_name}},\n\nSigned {{requester_nmae}}\n{{requester_email}}")
        do {
            _ = try template.render(["agency_name": "Sparks NV PD", "requester_email": "  "])
            Issue.record("rendered with problems")
        } catch {
            #expect(error.problems.map(\.field) == ["requester_nmae", "requester_email"])
            #expect(error.problems.map(\.line) == [3, 4])
            #expect(error.problems[0].hint.contains("requester_name"))
            #expect(error.problems[1].problem.contains("has no value"))
        }
        for broken in ["Dear {{agency_name", "Dear agency_name}}", "Dear {{}}", "Dear {{a {{b}}"] {
            #expect(throws: InputProblems.self, "\(broken)") { try LetterTemplate(name: "t", subject: "s", body: broken).render([:]) }
        }
    }

    @Test func variablesAreListedAndFilled() throws {
        let template = LetterTemplate(name: "t", subject: "{{law_name}}", body: "{{agency_name}} / {{law_name}}")
        #expect(try template.variables() == ["law_name", "agency_name"])
        let letter = try template.render(["law_name": "Nevada Public Records Act", "agency_name": "Sparks NV PD"])
        #expect(letter.body == "Sparks NV PD / Nevada Public Records Act")
    }

    @Test func standardLettersUseOnlyDocumentedVariables() throws {
        for template in StandardLetters.all {
            for variable in try template.variables() { #expect(LetterVariable(rawValue: variable) != nil, "\(template.name): \(variable)") }
        }
    }
}

@Suite struct StandardLetterTests {
    /// The shipped reference file, read from the repository (not from ../shared).
    static func shippedLaws() throws -> [StateRecordsLaw] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/HotlistStore/Resources/reference/state_records_laws.csv")
        return try ReferenceDataReader.stateRecordsLaws(try CSVTable.parse(data: try Data(contentsOf: file), file: file.lastPathComponent))
    }

    let requester = Requester(name: "Vera Volunteer", email: "vera@example.org", stateCode: "NV")
    let today = CalendarDay(iso: "2026-11-27")!

    @Test func theInitialLetterRendersForEveryStateWithItsOwnLaw() throws {
        let laws = try Self.shippedLaws()
        #expect(laws.count == 51)
        for law in laws {
            let letter = try LetterComposer().compose(StandardLetters.initialRequest, agencyName: "Test PD", law: law, requester: requester, today: today)
            #expect(letter.body.contains(law.citation), "\(law.stateCode)")
            #expect(letter.subject.contains(law.lawName), "\(law.stateCode)")
            #expect(!letter.body.contains("{{") && !letter.body.contains("}}"), "\(law.stateCode)")
            #expect(letter.body.contains("NCIC") && letter.body.contains("renewal") && letter.body.contains("fees be waived"))
            let sentence = LetterComposer.deadlineSentence(law)
            #expect(letter.body.contains("The law requires a response \(sentence)."), "\(law.stateCode)")
            if let days = law.deadlineDays { #expect(sentence.contains("\(days)"), "\(law.stateCode)") }
        }
    }

    @Test func residencyStatesWarnUnlessTheRequesterLivesThere() throws {
        let laws = try Self.shippedLaws()
        let limited = laws.filter { $0.residency == .yes }.map(\.stateCode)
        #expect(Set(limited).isSuperset(of: ["AL", "AR", "DE", "KY", "TN", "VA"]), "\(limited)")
        let virginia = try #require(laws.first { $0.stateCode == "VA" })
        let outsider = try LetterComposer().compose(StandardLetters.initialRequest, agencyName: "Richmond VA PD", law: virginia, requester: requester, today: today)
        #expect(outsider.warnings.contains { $0.contains("answers public-records requests from its residents only") && $0.contains("lives in Nevada") })
        #expect(!outsider.body.contains("I am a resident"))
        var local = requester
        local.stateCode = "VA"
        let insider = try LetterComposer().compose(StandardLetters.initialRequest, agencyName: "Richmond VA PD", law: virginia, requester: local, today: today)
        #expect(!insider.warnings.contains { $0.contains("residents") })
        // Issue 10, defect 3: the letter states residency where the requester is a resident.
        #expect(insider.body.contains("I am a resident of Virginia."))
        #expect(!insider.body.contains("\n\n\n"), "an empty optional sentence leaves no blank gap")
    }

    /// Issue 10: letters dated in words; every letter asks for the federal-sharing settings and
    /// search-reason restrictions; California's also cite §§ 1798.90.51 and 1798.90.55.
    @Test func lettersAskForWhatMattersNowAndAreDatedInWords() throws {
        let laws = try Self.shippedLaws()
        let nevada = try #require(laws.first { $0.stateCode == "NV" }), california = try #require(laws.first { $0.stateCode == "CA" })
        let letter = try LetterComposer().compose(StandardLetters.initialRequest, agencyName: "Sparks NV PD", law: nevada, requester: requester, today: CalendarDay(iso: "2026-11-30")!)
        #expect(letter.body.hasPrefix("November 30, 2026\n"))
        #expect(letter.body.contains("federal agencies") && letter.body.contains("reasons users may enter for a search"))
        #expect(!letter.body.contains("1798.90"))
        let ca = try LetterComposer().compose(StandardLetters.initialRequest, agencyName: "Atherton CA PD", law: california, requester: requester, today: today)
        #expect(ca.body.contains("§ 1798.90.51") && ca.body.contains("§ 1798.90.55") && ca.body.contains("8. The ALPR usage and privacy policy"))
        // A follow-up without a tracking number does not say "none given".
        let facts = LetterComposer.RequestFacts(filedOn: CalendarDay(iso: "2026-03-02"), deadline: Deadline(stateCode: "NV", received: CalendarDay(iso: "2026-03-02")!, due: CalendarDay(iso: "2026-03-09")!, followUp: nil, basis: "", skipped: []))
        let followUp = try LetterComposer().compose(StandardLetters.followUp, agencyName: "Sparks NV PD", law: nevada, requester: requester, today: today, facts: facts)
        #expect(!followUp.body.contains("none given") && !followUp.body.contains("your reference"))
        #expect(followUp.body.contains("On March 2, 2026 I requested"))
    }

    /// An edited letter follows the requester's residency: the sentence is added for a resident and taken out otherwise.
    @Test func anEditedLetterFollowsResidency() throws {
        let virginia = try #require(try Self.shippedLaws().first { $0.stateCode == "VA" })
        let letter = "November 30, 2026\n\nUnder the Virginia FOIA, I request…\n\nPlease send the records electronically.\n\nThank you,\nDana"
        let resident = Requester(name: "Dana", email: "d@example.org", stateCode: "VA"), outsider = Requester(name: "Dana", email: "d@example.org", stateCode: "NV")
        let added = LetterComposer.residencyAdjusted(letter, law: virginia, requester: resident)
        #expect(added.contains("I request…\n\nI am a resident of Virginia.\n\nPlease send the records"))
        #expect(LetterComposer.residencyAdjusted(added, law: virginia, requester: resident) == added, "added once")
        #expect(LetterComposer.residencyAdjusted(added, law: virginia, requester: outsider) == letter, "taken out again")
        let nevada = try #require(try Self.shippedLaws().first { $0.stateCode == "NV" })
        #expect(LetterComposer.residencyAdjusted(letter, law: nevada, requester: resident) == letter, "Nevada answers anyone")
    }

    @Test func lettersNameTheAgencyAsItCallsItself() {
        #expect(AgencyFormalName.make("Sparks NV PD", stateCode: "NV") == "Sparks Police Department")
        #expect(AgencyFormalName.make("Allegan Co SO MI", stateCode: "MI") == "Allegan County Sheriff's Office")
        #expect(AgencyFormalName.make("University of Akron OH PD", stateCode: "OH") == "University of Akron Police Department")
        #expect(AgencyFormalName.make("Denver CO PD", stateCode: "CO") == "Denver Police Department")
        #expect(AgencyFormalName.make("Abington PD", stateCode: "MA") == "Abington Police Department")
        #expect(AgencyFormalName.make("Flock Safety - Admins", stateCode: nil) == "Flock Safety - Admins")
        #expect(AgencyFormalName.make("Reno NV PD DNU", stateCode: "NV") == "Reno NV PD DNU", "retired accounts keep their name")
    }

    @Test func aLetterTakesItsFilingDate() {
        #expect(CalendarDay.fromWords("November 30, 2026") == CalendarDay(iso: "2026-11-30"))
        #expect(CalendarDay.fromWords("November 31, 2026") == nil && CalendarDay.fromWords("2026-11-30") == nil)
        #expect(LetterComposer.redated("November 27, 2026\n\nDear", to: CalendarDay(iso: "2026-12-01")!) == "December 1, 2026\n\nDear")
        #expect(LetterComposer.redated("Dear records officer,\nNovember 27, 2026", to: CalendarDay(iso: "2026-12-01")!) == "Dear records officer,\nNovember 27, 2026",
                "a letter without a date line keeps its words")
    }

    /// Issue 10, defect 2: a letter edited after it was written for someone else carries the new requester.
    @Test func anEditedLetterCarriesTheNewRequester() {
        let old = Requester(name: "Sam Signed-In", email: "sam@example.org"), new = Requester(name: "Vera V", email: "vera@example.org")
        let carried = LetterComposer.carryRequester("Please send them to sam@example.org.\n\nThank you,\nSam Signed-In\nsam@example.org", from: old, to: new)
        #expect(carried == "Please send them to vera@example.org.\n\nThank you,\nVera V\nvera@example.org")
    }

    @Test func followUpsAndAppealsNeedWhatTheyCite() throws {
        let nevada = try #require(try Self.shippedLaws().first { $0.stateCode == "NV" })
        // Without a filing date the follow-up is refused, naming what is missing.
        do {
            _ = try LetterComposer().compose(StandardLetters.followUp, agencyName: "Sparks NV PD", law: nevada, requester: requester, today: today)
            Issue.record("a follow-up without a filing date was written")
        } catch {
            #expect(error.problems.map(\.field).contains("filed_on"))
        }
        let deadline = Deadline(stateCode: "NV", received: CalendarDay(iso: "2026-03-02")!, due: CalendarDay(iso: "2026-03-09")!, followUp: nil, basis: "", skipped: [])
        let facts = LetterComposer.RequestFacts(filedOn: CalendarDay(iso: "2026-03-02"), trackingNumbers: ["R-2026-114"], deadline: deadline,
                                                exemptionCited: "NRS 239.010 (confidential by law)", exemptionAnswer: ExemptionLibrary.byID("criminal-justice-information")!.answer)
        let followUp = try LetterComposer().compose(StandardLetters.followUp, agencyName: "Sparks NV PD", law: nevada, requester: requester, today: today, facts: facts)
        #expect(followUp.body.contains("due by March 9, 2026") && followUp.body.contains("(your reference: R-2026-114)"))
        let appeal = try LetterComposer().compose(StandardLetters.appeal, agencyName: "Sparks NV PD", law: nevada, requester: requester, today: today, facts: facts)
        #expect(appeal.body.contains("The agency cited: NRS 239.010 (confidential by law)."))
        #expect(appeal.body.contains("names of NCIC files are themselves published"))
        #expect(!appeal.body.contains("from memory"), "reference-data tags stay out of letters")
        for law in try Self.shippedLaws() {
            let letter = try LetterComposer().compose(StandardLetters.appeal, agencyName: "Test PD", law: law, requester: requester, today: today, facts: facts)
            #expect(!letter.body.contains("memory") && !letter.body.contains("{{"), "\(law.stateCode)")
            if !law.appealRouteResearched { #expect(letter.warnings.contains { $0.contains("not yet researched") }, "\(law.stateCode)") }
            else { #expect(letter.body.contains(law.appealRoute), "\(law.stateCode)") }
        }
    }
}
