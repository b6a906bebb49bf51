import Foundation

/// When a holiday falls in a given year, in the small grammar the reference data uses:
/// `07-04`, `3 mon of 01`, `last fri of 10`, `4 thu of 11 +1d`, `election-day even`, `easter -2d`,
/// `not-observed` (a federal holiday the state does not keep).
public enum HolidayRule: Sendable, Equatable, CustomStringConvertible {
    case fixed(month: Int, day: Int)
    /// `occurrence` 1…5, or -1 for the last one in the month.
    case nthWeekday(occurrence: Int, weekday: Weekday, month: Int, offsetDays: Int)
    /// First Tuesday after the first Monday of November.
    case electionDay(evenYearsOnly: Bool)
    case easter(offsetDays: Int)
    case notObserved

    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var text: String
        public var description: String {
            "\"\(text)\" is not a holiday rule; write MM-DD, \"N DAY of MM\" (N = 1-5 or last, DAY = mon…sun), optionally \"+Kd\", \"election-day even|all\", \"easter ±Kd\" or \"not-observed\""
        }
    }

    public static func parse(_ raw: String) throws(ParseError) -> HolidayRule {
        let text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        let words = text.split(separator: " ").map(String.init)
        func offset(_ word: String) -> Int? {
            guard word.hasSuffix("d"), let sign = word.first, sign == "+" || sign == "-", let value = Int(word.dropFirst().dropLast()) else { return nil }
            return sign == "-" ? -value : value
        }
        if text == "not-observed" { return .notObserved }
        if words.count == 2, words[0] == "election-day", words[1] == "even" || words[1] == "all" { return .electionDay(evenYearsOnly: words[1] == "even") }
        if words.count == 2, words[0] == "easter", let days = offset(words[1]) { return .easter(offsetDays: days) }
        if words.count == 1, let day = CalendarDay(iso: "2000-" + text) { return .fixed(month: day.month, day: day.day) }
        if words.count == 4 || words.count == 5, words[2] == "of", let weekday = Weekday.parse(words[1]), words[1].count == 3,
           let month = Int(words[3]), (1...12).contains(month) {
            let occurrence = words[0] == "last" ? -1 : Int(words[0]) ?? 0
            guard occurrence == -1 || (1...5).contains(occurrence) else { throw ParseError(text: raw) }
            var days = 0
            if words.count == 5 { guard let parsed = offset(words[4]) else { throw ParseError(text: raw) }; days = parsed }
            return .nthWeekday(occurrence: occurrence, weekday: weekday, month: month, offsetDays: days)
        }
        throw ParseError(text: raw)
    }

    /// The day it falls on in `year`, before any weekend observance; nil when it does not fall that year.
    public func date(in year: Int) -> CalendarDay? {
        switch self {
        case .fixed(let month, let day):
            return CalendarDay(year: year, month: month, day: day)
        case .nthWeekday(let occurrence, let weekday, let month, let offsetDays):
            guard let first = CalendarDay(year: year, month: month, day: 1) else { return nil }
            let toWeekday = (weekday.rawValue - first.weekday.rawValue + 7) % 7
            let day: CalendarDay
            if occurrence == -1 {
                let last = CalendarDay(year: year, month: month, day: CalendarDay.daysIn(month: month, year: year))!
                day = last.adding(days: -((last.weekday.rawValue - weekday.rawValue + 7) % 7))
            } else {
                day = first.adding(days: toWeekday + 7 * (occurrence - 1))
                guard day.month == month else { return nil }
            }
            return day.adding(days: offsetDays)
        case .electionDay(let evenYearsOnly):
            if evenYearsOnly && year % 2 != 0 { return nil }
            return HolidayRule.nthWeekday(occurrence: 1, weekday: .monday, month: 11, offsetDays: 1).date(in: year)
        case .easter(let offsetDays):
            return Self.easterSunday(year).adding(days: offsetDays)
        case .notObserved:
            return nil
        }
    }

    /// Western (Gregorian) Easter, by the anonymous Gregorian algorithm.
    static func easterSunday(_ year: Int) -> CalendarDay {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1
        return CalendarDay(year: year, month: month, day: day)!
    }

    public var description: String {
        switch self {
        case .fixed(let month, let day): return CalendarDay(year: 2000, month: month, day: day)!.iso.dropFirst(5).description
        case .nthWeekday(let occurrence, let weekday, let month, let offsetDays):
            let which = occurrence == -1 ? "last" : String(occurrence)
            let base = "\(which) \(weekday.name.prefix(3).lowercased()) of \(month < 10 ? "0" : "")\(month)"
            return offsetDays == 0 ? base : base + " \(offsetDays > 0 ? "+" : "")\(offsetDays)d"
        case .electionDay(let even): return "election-day \(even ? "even" : "all")"
        case .easter(let offset): return "easter \(offset >= 0 ? "+" : "")\(offset)d"
        case .notObserved: return "not-observed"
        }
    }
}
