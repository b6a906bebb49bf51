import Foundation

/// A date without a time or a zone: deadlines are counted in whole days where the agency is, so
/// clocks and time zones have no place in the arithmetic.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Days since 1970-01-01 (negative before).
    public let ordinal: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDay.daysIn(month: month, year: year), (1...9999).contains(year) else { return nil }
        self.year = year; self.month = month; self.day = day
        ordinal = CalendarDay.ordinal(year: year, month: month, day: day)
    }

    public init(ordinal: Int) {
        // Civil-from-days (proleptic Gregorian), after Howard Hinnant's public-domain algorithm.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.ordinal = ordinal
    }

    /// Reads `YYYY-MM-DD` exactly; nil for anything else (including impossible dates like 2026-02-30).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// "November 30, 2026": how a letter is dated (US style, no locale lookup).
    public var inWords: String { "\(Self.monthNames[month - 1]) \(day), \(year)" }

    /// Reads "November 30, 2026" exactly as `inWords` writes it; nil for anything else.
    public static func fromWords(_ text: String) -> CalendarDay? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ")
        guard parts.count == 3, let month = monthNames.firstIndex(of: String(parts[0])), parts[1].hasSuffix(","),
              let day = Int(parts[1].dropLast()), let year = Int(parts[2]) else { return nil }
        return CalendarDay(year: year, month: month + 1, day: day)
    }

    public var weekday: Weekday { Weekday(rawValue: ((ordinal % 7) + 7 + 3) % 7)! }

    public var isWeekend: Bool { weekday == .saturday || weekday == .sunday }

    public func adding(days: Int) -> CalendarDay { CalendarDay(ordinal: ordinal + days) }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.ordinal < rhs.ordinal }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// Monday = 0 … Sunday = 6 (ISO order).
public enum Weekday: Int, Sendable, CaseIterable, Codable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    public static func parse(_ text: String) -> Weekday? {
        switch text.lowercased().prefix(3) {
        case "mon": .monday
        case "tue": .tuesday
        case "wed": .wednesday
        case "thu": .thursday
        case "fri": .friday
        case "sat": .saturday
        case "sun": .sunday
        default: nil
        }
    }

    public var name: String { ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue] }
}

extension CalendarDay {
    /// The UTC calendar day of an instant. Requests are dated by people in their own day; UTC is
    /// the documented convention where the software has to pick the day itself.
    public static func today(_ now: Date) -> CalendarDay {
        CalendarDay(ordinal: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
