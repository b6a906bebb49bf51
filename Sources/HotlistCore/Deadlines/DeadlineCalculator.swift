/// Works out when an agency must answer, from the state's records law: business or calendar days
/// counted from the day after receipt; weekends and holidays skipped for business days; a
/// calendar-day deadline that lands on a closed day moves to the next business day only where the
/// state's law says so. "Promptly" and no-deadline states get no due date, only a follow-up date.
public struct DeadlineCalculator: Sendable {
    public var holidays: [Holiday]
    public var rollovers: [String: DeadlineRollover]
    /// Business days after receipt to follow up where the law sets no number of days.
    public var followUpBusinessDays: Int

    public init(holidays: [Holiday], rollovers: [DeadlineRollover], followUpBusinessDays: Int = 10) {
        self.holidays = holidays
        self.rollovers = Dictionary(rollovers.map { ($0.stateCode, $0) }, uniquingKeysWith: { first, _ in first })
        self.followUpBusinessDays = followUpBusinessDays
    }

    public func deadline(law: StateRecordsLaw, received: CalendarDay, extensionDays: Int = 0) -> Deadline {
        let calendar = HolidayCalendar(stateCode: law.stateCode, holidays: holidays)
        let grade = "confidence \(law.confidence.label)"
        var skipped: [String] = []
        func note(_ day: CalendarDay) {
            // Holidays whose closing is uncertain say so, so a person can check the count.
            let names = calendar.holidays(on: day).map { $0.closesOffices == .unknown || $0.confidence == .low ? "\($0.name) (uncertain)" : $0.name }
            skipped.append("\(day.iso) \(names.isEmpty ? day.weekday.name : names.joined(separator: ", "))")
        }
        switch (law.deadlineKind, law.deadlineDays) {
        case (.business, let days?):
            let total = days + extensionDays
            var current = received, counted = 0
            while counted < total {
                current = current.adding(days: 1)
                if calendar.isBusinessDay(current) { counted += 1 } else { note(current) }
            }
            let extra = extensionDays > 0 ? " + \(extensionDays) extension" : ""
            return Deadline(stateCode: law.stateCode, received: received, due: current, followUp: nil,
                            basis: "\(days) business days\(extra), \(law.citation), \(grade); counted from the day after receipt, skipping weekends and holidays", skipped: skipped)
        case (.calendar, let days?):
            let total = days + extensionDays
            let landing = received.adding(days: total)
            let extra = extensionDays > 0 ? " + \(extensionDays) extension" : ""
            var basis = "\(days) calendar days\(extra), \(law.citation), \(grade); counted from the day after receipt"
            var due = landing
            let rollover = rollovers[law.stateCode]
            if !calendar.isBusinessDay(landing) {
                switch rollover?.rollsForward {
                case .yes:
                    due = calendar.nextBusinessDay(onOrAfter: landing)
                    var day = landing
                    while day < due { note(day); day = day.adding(days: 1) }
                    basis += "; moved from \(landing.iso) to the next business day (\(rollover!.citation), confidence \(rollover!.confidence.label))"
                case .no:
                    basis += "; it falls on a \(calendar.holidays(on: landing).first?.name ?? landing.weekday.name) and the law does not move it (\(rollover!.citation))"
                case .unknown, .none:
                    basis += "; it falls on a \(calendar.holidays(on: landing).first?.name ?? landing.weekday.name): whether the state moves it to the next business day is not known, so the earlier date is kept"
                }
            }
            return Deadline(stateCode: law.stateCode, received: received, due: due, followUp: nil, basis: basis, skipped: skipped)
        case (.prompt, _), (.none, _), (.business, nil), (.calendar, nil):
            var followUp = received, counted = 0
            while counted < followUpBusinessDays {
                followUp = followUp.adding(days: 1)
                if calendar.isBusinessDay(followUp) { counted += 1 }
            }
            let what = law.deadlineKind == .prompt ? "the law says \"promptly\" with no number of days" : "the law sets no deadline"
            return Deadline(stateCode: law.stateCode, received: received, due: nil, followUp: followUp,
                            basis: "no statutory due date: \(what) (\(law.citation), \(grade)); follow up after \(followUpBusinessDays) business days", skipped: [])
        }
    }
}
