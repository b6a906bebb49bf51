import Foundation
@testable import HotlistCore
import Testing

@Suite struct CalendarDayTests {
    @Test func ordinalsRoundTripAndWeekdaysAreRight() {
        for ordinal in stride(from: -719_162, through: 2_932_896, by: 997) { // years 1 to 9999
            let day = CalendarDay(ordinal: ordinal)
            #expect(CalendarDay(year: day.year, month: day.month, day: day.day)?.ordinal == ordinal)
        }
        #expect(CalendarDay(iso: "1970-01-01")?.weekday == .thursday)
        #expect(CalendarDay(iso: "1969-12-31")?.weekday == .wednesday)
        #expect(CalendarDay(iso: "2026-03-02")?.weekday == .monday)
        #expect(CalendarDay(iso: "2000-02-29")?.weekday == .tuesday)
        #expect(CalendarDay(iso: "2026-12-31")?.adding(days: 1).iso == "2027-01-01")
    }

    @Test func onlyRealISODatesParse() {
        for bad in ["2026-02-29", "2026-13-01", "2026-3-2", "02/03/2026", "2026-03-02T00:00", "", "２０２６-03-02", "1900-02-29"] {
            #expect(CalendarDay(iso: bad) == nil, "\(bad)")
        }
        #expect(CalendarDay(iso: "2024-02-29") != nil)
    }
}

@Suite struct HolidayRuleTests {
    func date(_ rule: String, _ year: Int) throws -> String? { try HolidayRule.parse(rule).date(in: year)?.iso }

    @Test func rulesFallOnTheRightDays() throws {
        #expect(try date("3 mon of 01", 2026) == "2026-01-19")      // Martin Luther King Jr. Day
        #expect(try date("last mon of 05", 2026) == "2026-05-25")   // Memorial Day
        #expect(try date("4 thu of 11", 2026) == "2026-11-26")      // Thanksgiving
        #expect(try date("4 thu of 11 +1d", 2026) == "2026-11-27")  // Nevada's Family Day
        #expect(try date("last fri of 10", 2026) == "2026-10-30")   // Nevada Day
        #expect(try date("3 mon of 04", 2026) == "2026-04-20")      // Patriots' Day
        #expect(try date("election-day even", 2026) == "2026-11-03")
        #expect(try date("election-day even", 2027) == nil)
        #expect(try date("election-day all", 2027) == "2027-11-02")
        #expect(try date("easter -2d", 2026) == "2026-04-03")       // Good Friday
        #expect(try date("easter +0d", 2025) == "2025-04-20")
        #expect(try date("5 mon of 02", 2026) == nil, "no fifth Monday in February 2026")
        #expect(try date("07-04", 2026) == "2026-07-04")
        #expect(try date("02-29", 2027) == nil)
        #expect(try HolidayRule.parse("not-observed") == .notObserved)
    }

    @Test func badRulesAreRefusedWithTheGrammar() {
        for bad in ["13-01", "third monday of january", "3 mon of 13", "6 mon of 01", "3 monday of 01", "easter", "4 thu of 11 +1", ""] {
            #expect(throws: HolidayRule.ParseError.self, "\(bad)") { try HolidayRule.parse(bad) }
        }
    }

    @Test func rulesPrintInTheirGrammar() throws {
        for text in ["07-04", "3 mon of 01", "last fri of 10", "4 thu of 11 +1d", "election-day even", "easter -2d", "not-observed"] {
            #expect(try HolidayRule.parse(text).description == text)
        }
    }
}

/// Federal holidays and a few states', written here so the tests do not depend on the shipped files.
enum DeadlineFixtures {
    static let holidaysCSV = """
    state_code,holiday,rule,observed,closes_offices,source,confidence,notes
    US,New Year's Day,01-01,federal,yes,5 U.S.C. § 6103,high,
    US,Birthday of Martin Luther King Jr.,3 mon of 01,n/a,yes,5 U.S.C. § 6103,high,
    US,Washington's Birthday,3 mon of 02,n/a,yes,5 U.S.C. § 6103,high,
    US,Memorial Day,last mon of 05,n/a,yes,5 U.S.C. § 6103,high,
    US,Juneteenth National Independence Day,06-19,federal,yes,5 U.S.C. § 6103,high,
    US,Independence Day,07-04,federal,yes,5 U.S.C. § 6103,high,
    US,Labor Day,1 mon of 09,n/a,yes,5 U.S.C. § 6103,high,
    US,Columbus Day,2 mon of 10,n/a,yes,5 U.S.C. § 6103,high,
    US,Veterans Day,11-11,federal,yes,5 U.S.C. § 6103,high,
    US,Thanksgiving Day,4 thu of 11,n/a,yes,5 U.S.C. § 6103,high,
    US,Christmas Day,12-25,federal,yes,5 U.S.C. § 6103,high,
    NV,Nevada Day,last fri of 10,n/a,yes,NRS 236.015,high,
    NV,Family Day,4 thu of 11 +1d,n/a,yes,NRS 236.015,high,
    NV,Columbus Day,not-observed,n/a,n/a,NRS 236.015,high,a day of observance only
    MA,Patriots' Day,3 mon of 04,n/a,yes,"M.G.L. c. 4, § 7",high,
    MA,Evacuation Day,03-17,none,yes,"M.G.L. c. 6, § 12K",medium,Suffolk County only
    TX,Good Friday test row,easter -2d,n/a,yes,test,low,
    FL,Susan B. Anthony Day,02-15,none,no,test,low,a legal holiday on which offices stay open
    XX,Unsupported,unsupported,n/a,yes,test,low,kept for people
    """

    static let rolloverCSV = """
    state_code,deadline_days_kind,rolls_forward,citation,source,confidence,notes
    CA,calendar,yes,Cal. Code Civ. Proc. §§ 12-12a,test,medium,
    WA,prompt,unknown,,test,low,
    """

    static func calculator() throws -> DeadlineCalculator {
        // The XX row is skipped because its rule is unsupported, before its state code is checked.
        let holidays = try ReferenceDataReader.holidays(try CSVTable.parse(data: Data(holidaysCSV.utf8), file: "holidays.csv"))
        let rollovers = try ReferenceDataReader.deadlineRollovers(try CSVTable.parse(data: Data(rolloverCSV.utf8), file: "rollover.csv"))
        return DeadlineCalculator(holidays: holidays, rollovers: rollovers)
    }

    static func law(_ code: String, _ days: Int?, _ kind: DeadlineKind, citation: String = "Test Code § 1") -> StateRecordsLaw {
        StateRecordsLaw(stateCode: code, stateName: code, lawName: "Test law", citation: citation, deadlineDays: days, deadlineKind: kind,
                        deadlineNote: "", residency: .no, appealRoute: "", source: "test", confidence: .high)
    }
}

@Suite struct DeadlineCalculatorTests {
    func due(_ law: StateRecordsLaw, _ received: String, extensionDays: Int = 0) throws -> Deadline {
        try DeadlineFixtures.calculator().deadline(law: law, received: try #require(CalendarDay(iso: received)), extensionDays: extensionDays)
    }

    @Test func businessDaysStartTheDayAfterReceipt() throws {
        let nevada = DeadlineFixtures.law("NV", 5, .business, citation: "NRS 239.0107")
        let deadline = try due(nevada, "2026-03-02")
        #expect(deadline.due?.iso == "2026-03-09")
        #expect(deadline.basis.hasPrefix("5 business days, NRS 239.0107, confidence high"))
        #expect(deadline.skipped == ["2026-03-07 Saturday", "2026-03-08 Sunday"])
        // Received on a Saturday: Monday is day one.
        #expect(try due(nevada, "2026-03-07").due?.iso == "2026-03-13")
    }

    @Test func stateHolidaysAreSkippedOnlyInTheirState() throws {
        // Thanksgiving week: Nevada also closes on Family Day, New York does not.
        let nevada = try due(DeadlineFixtures.law("NV", 5, .business), "2026-11-24")
        #expect(nevada.due?.iso == "2026-12-03")
        #expect(nevada.skipped.contains("2026-11-27 Family Day"))
        #expect(try due(DeadlineFixtures.law("NY", 5, .business), "2026-11-24").due?.iso == "2026-12-02")
        // Patriots' Day in Massachusetts only.
        #expect(try due(DeadlineFixtures.law("MA", 10, .business), "2026-04-17").due?.iso == "2026-05-04")
        #expect(try due(DeadlineFixtures.law("NY", 10, .business), "2026-04-17").due?.iso == "2026-05-01")
        // A federal holiday the state does not keep is a working day there: Columbus Day in Nevada.
        #expect(try due(DeadlineFixtures.law("NV", 1, .business), "2026-10-09").due?.iso == "2026-10-12")
        #expect(try due(DeadlineFixtures.law("NY", 1, .business), "2026-10-09").due?.iso == "2026-10-13")
        // Easter-based rules work inside a count, and an unsure holiday says so.
        let texas = try due(DeadlineFixtures.law("TX", 1, .business), "2026-04-02")
        #expect(texas.due?.iso == "2026-04-06")
        #expect(texas.skipped.first == "2026-04-03 Good Friday test row (uncertain)")
        // A legal holiday on which offices stay open is a business day.
        #expect(try due(DeadlineFixtures.law("FL", 1, .business), "2028-02-14").due?.iso == "2028-02-15")
    }

    @Test func weekendHolidaysAreObservedAndYearsAreCrossed() throws {
        // July 4 2026 is a Saturday: observed Friday July 3.
        #expect(try due(DeadlineFixtures.law("NY", 1, .business), "2026-07-02").due?.iso == "2026-07-06")
        // Across New Year: Jan 1 2027 is a Friday.
        #expect(try due(DeadlineFixtures.law("NV", 5, .business), "2026-12-28").due?.iso == "2027-01-05")
        // Jan 1 2028 is a Saturday, observed Friday Dec 31 2027: found from the next year's rule.
        let boundary = try due(DeadlineFixtures.law("NV", 5, .business), "2027-12-29")
        #expect(boundary.due?.iso == "2028-01-06")
        #expect(boundary.skipped.contains("2027-12-31 New Year's Day"))
        // A holiday observed with no weekend shift (observed = none) stays on its weekend day.
        #expect(try due(DeadlineFixtures.law("MA", 1, .business), "2030-03-15").due?.iso == "2030-03-18", "Evacuation Day 2030 is a Sunday")
    }

    @Test func calendarDaysRollForwardOnlyWhereTheLawSaysSo() throws {
        // California: 10 calendar days from 2026-06-25 lands on Sunday July 5; the Code of Civil Procedure moves it to Monday.
        let california = try due(DeadlineFixtures.law("CA", 10, .calendar), "2026-06-25")
        #expect(california.due?.iso == "2026-07-06")
        #expect(california.basis.contains("moved from 2026-07-05 to the next business day"))
        // A state with no known rule keeps the date and says why.
        let unknown = try due(DeadlineFixtures.law("WA", 10, .calendar), "2026-06-25")
        #expect(unknown.due?.iso == "2026-07-05")
        #expect(unknown.basis.contains("is not known"))
        // A weekday landing is never moved.
        #expect(try due(DeadlineFixtures.law("CA", 10, .calendar), "2026-06-22").due?.iso == "2026-07-02")
    }

    @Test func promptAndNoDeadlineStatesGetOnlyAFollowUpDate() throws {
        let arizona = try due(DeadlineFixtures.law("AZ", nil, .prompt), "2026-03-02")
        #expect(arizona.due == nil)
        #expect(arizona.followUp?.iso == "2026-03-16")
        #expect(arizona.basis.contains("promptly"))
        let alabama = try due(DeadlineFixtures.law("AL", nil, .none), "2026-03-02")
        #expect(alabama.due == nil && alabama.basis.contains("no deadline"))
    }

    @Test func extensionsAddDaysAndSaySo() throws {
        let extended = try due(DeadlineFixtures.law("NV", 5, .business), "2026-03-02", extensionDays: 10)
        #expect(extended.due?.iso == "2026-03-23")
        #expect(extended.basis.contains("+ 10 extension"))
    }

    @Test func badReferenceRowsNameTheirLineAndField() {
        let csv = "state_code,holiday,rule,observed,closes_offices,source,confidence,notes\nUS,Odd,third monday,n/a,yes,x,high,\n"
        do {
            _ = try ReferenceDataReader.holidays(try CSVTable.parse(data: Data(csv.utf8), file: "holidays.csv"))
            Issue.record("a bad rule was accepted")
        } catch let problem as InputProblem {
            #expect(problem.location == "holidays.csv:2:3")
            #expect(problem.hint.contains("grammar"))
            #expect(problem.field == "rule")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
