/// "An agency whose contract renews within 120 days and that has an open question or a
/// contradiction rises in the request priority": the renewal is when the council or city manager
/// decides, so a question asked before then can still change the decision.
extension AskFirstRank {
    /// How far ahead a renewal raises the priority.
    public static let renewalWindowDays = 120
    /// Added to the score: above the state-law and sharing points, so within its tier the agency comes
    /// first, while the tier (what its portal says) still dominates.
    static let renewalBoost = 200_000

    /// The rank raised by the soonest renewal or expiry ahead within the window, when the agency
    /// still has an open question or a contradiction. Unchanged otherwise.
    public func boosted(by renewal: RenewalAhead?, today: CalendarDay) -> AskFirstRank {
        guard let renewal, renewal.hasOpenQuestion || renewal.hasContradiction else { return self }
        let days = renewal.date.ordinal - today.ordinal
        guard (0...Self.renewalWindowDays).contains(days) else { return self }
        let why = [renewal.hasOpenQuestion ? "its hotlist settings are still an open question" : nil,
                   renewal.hasContradiction ? "records contradict its policy or the law" : nil].compactMap { $0 }.joined(separator: " and ")
        let when = days == 0 ? "today" : "in \(days) day\(days == 1 ? "" : "s")"
        var raised = self
        raised.score = min(score + Self.renewalBoost, 999_999)
        raised.reasons.append("Its contract \(renewal.kind == .renewal ? "renews" : "expires") \(renewal.date.iso), \(when), and \(why): ask before the decision.")
        return raised
    }
}
