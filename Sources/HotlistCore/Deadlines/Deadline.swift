/// A request's statutory due date (or why there is none), and how it was worked out.
public struct Deadline: Sendable, Equatable {
    public var stateCode: String
    public var received: CalendarDay
    /// nil where the law sets no number of days.
    public var due: CalendarDay?
    /// When to follow up if the law sets no number of days.
    public var followUp: CalendarDay?
    /// "5 business days, NRS 239.0107, confidence high"
    public var basis: String
    /// Days skipped or moved over, for people checking the count ("2026-05-25 Memorial Day").
    public var skipped: [String]

    public init(stateCode: String, received: CalendarDay, due: CalendarDay?, followUp: CalendarDay?, basis: String, skipped: [String]) {
        self.stateCode = stateCode; self.received = received; self.due = due; self.followUp = followUp; self.basis = basis; self.skipped = skipped
    }
}
