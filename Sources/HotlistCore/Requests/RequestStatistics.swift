/// How agencies answer, per agency or per state: median days to an answer, the share answered and
/// the share denied, over filed requests.
public struct RequestStatistics: Sendable, Equatable {
    public var key: String
    public var label: String
    public var filed: Int
    public var answered: Int
    public var denied: Int
    /// Days from filing to the first answer, median over answered requests.
    public var medianDaysToAnswer: Double?

    public var shareAnswered: Double? { filed == 0 ? nil : Double(answered) / Double(filed) }
    public var shareDenied: Double? { filed == 0 ? nil : Double(denied) / Double(filed) }

    /// Statuses that are an answer from the agency.
    public static let answers: Set<RequestStatus> = [.partiallyFulfilled, .fulfilled, .noResponsiveRecords, .denied]

    public enum Grouping: String, Sendable, CaseIterable { case agency, state }

    public static func compute(_ requests: [RecordsRequest], history: [StatusChange], by grouping: Grouping) -> [RequestStatistics] {
        let changes = Dictionary(grouping: history, by: \.requestID)
        var groups: [String: (label: String, filed: Int, answered: Int, denied: Int, days: [Int])] = [:]
        for request in requests {
            guard let filed = request.filedOn else { continue }
            let key = grouping == .agency ? String(request.agencyID) : (request.stateCode ?? "–")
            let label = grouping == .agency ? request.agencyName : (request.stateCode.flatMap { USState.byCode($0)?.name } ?? "state unknown")
            var group = groups[key] ?? (label, 0, 0, 0, [])
            group.filed += 1
            let own = (changes[request.id] ?? []).sorted { ($0.occurredOn, $0.id) < ($1.occurredOn, $1.id) }
            if let first = own.first(where: { answers.contains($0.to) }) {
                group.answered += 1
                group.days.append(max(0, first.occurredOn.ordinal - filed.ordinal))
            }
            if own.contains(where: { $0.to == .denied }) { group.denied += 1 }
            groups[key] = group
        }
        return groups.map { key, group in
            RequestStatistics(key: key, label: group.label, filed: group.filed, answered: group.answered, denied: group.denied, medianDaysToAnswer: median(group.days))
        }.sorted { ($0.label, $0.key) < ($1.label, $1.key) }
    }

    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}
