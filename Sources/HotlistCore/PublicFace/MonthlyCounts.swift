import Foundation

/// Requests filed and answered per calendar month, for the chart of progress over time.
public struct MonthlyCount: Sendable, Equatable {
    /// "2026-03".
    public var month: String
    public var filed: Int
    public var answered: Int

    public init(month: String, filed: Int, answered: Int) { self.month = month; self.filed = filed; self.answered = answered }

    /// Every month from the first filing to the last event, empty months included, so the time axis
    /// is even. A request counts as answered in the month of its first answer.
    public static func compute(_ requests: [RecordsRequest], history: [StatusChange]) -> [MonthlyCount] {
        let filed = requests.filter { $0.filedOn != nil && $0.status != .withdrawn }
        let ids = Set(filed.map(\.id))
        var filedPerMonth: [String: Int] = [:], answeredPerMonth: [String: Int] = [:]
        for request in filed { filedPerMonth[String(request.filedOn!.iso.prefix(7)), default: 0] += 1 }
        let changes = Dictionary(grouping: history.filter { ids.contains($0.requestID) }, by: \.requestID)
        for (_, own) in changes {
            if let first = own.sorted(by: { ($0.occurredOn, $0.id) < ($1.occurredOn, $1.id) }).first(where: { RequestStatistics.answers.contains($0.to) }) {
                answeredPerMonth[String(first.occurredOn.iso.prefix(7)), default: 0] += 1
            }
        }
        let months = Set(filedPerMonth.keys).union(answeredPerMonth.keys).sorted()
        guard let first = months.first, let last = months.last else { return [] }
        return monthRange(from: first, to: last).map { MonthlyCount(month: $0, filed: filedPerMonth[$0] ?? 0, answered: answeredPerMonth[$0] ?? 0) }
    }

    /// "2026-11"..."2027-02" → every month between, inclusive (at most ten years, so a stray date
    /// cannot make a chart of thousands of bars).
    static func monthRange(from first: String, to last: String) -> [String] {
        func parts(_ month: String) -> (Int, Int)? {
            let pieces = month.split(separator: "-")
            guard pieces.count == 2, let year = Int(pieces[0]), let number = Int(pieces[1]) else { return nil }
            return (year, number)
        }
        guard var (year, month) = parts(first), let end = parts(last) else { return [] }
        var result: [String] = []
        while (year, month) <= end && result.count < 120 {
            result.append(String(format: "%04d-%02d", year, month))
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return result
    }
}
