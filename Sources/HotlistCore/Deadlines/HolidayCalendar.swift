/// The days a state's offices are closed: federal holidays the state keeps, plus its own.
public struct HolidayCalendar: Sendable {
    public let jurisdiction: String
    private let holidays: [Holiday]

    /// `holidays` may hold every jurisdiction's rows; only federal ones and `stateCode`'s are used.
    /// A state row with rule `not-observed` removes the federal holiday of the same name.
    public init(stateCode: String, holidays: [Holiday]) {
        jurisdiction = stateCode
        let dropped = Set(holidays.filter { $0.jurisdiction == stateCode && $0.rule == .notObserved }.map { $0.name.lowercased() })
        self.holidays = holidays.filter {
            // Offices open (a legal holiday in name only): a business day like any other. Unknown
            // counts as closed, so a due date is never earlier than the law allows.
            guard $0.closesOffices != .no else { return false }
            return ($0.jurisdiction == Holiday.federal && !dropped.contains($0.name.lowercased())) || ($0.jurisdiction == stateCode && $0.rule != .notObserved)
        }
    }

    /// The holidays that close offices on `day` (after weekend observance), with their rows.
    public func holidays(on day: CalendarDay) -> [Holiday] {
        holidays.filter { holiday in
            // A holiday observed across a year boundary (Jan 1 on a Saturday is kept on Dec 31) is found from either year.
            [day.year, day.year + 1].contains { observedDate(holiday, year: $0) == day }
        }
    }

    public func isBusinessDay(_ day: CalendarDay) -> Bool { !day.isWeekend && holidays(on: day).isEmpty }

    public func nextBusinessDay(onOrAfter day: CalendarDay) -> CalendarDay {
        var current = day
        while !isBusinessDay(current) { current = current.adding(days: 1) }
        return current
    }

    func observedDate(_ holiday: Holiday, year: Int) -> CalendarDay? {
        guard let date = holiday.rule.date(in: year) else { return nil }
        guard case .fixed = holiday.rule else { return date }
        switch (holiday.observance, date.weekday) {
        case (.federal, .saturday): return date.adding(days: -1)
        case (.federal, .sunday), (.sundayToMonday, .sunday): return date.adding(days: 1)
        default: return date
        }
    }
}
