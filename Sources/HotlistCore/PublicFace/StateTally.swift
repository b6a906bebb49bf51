/// What the public pages count per state (and, summed, for the country): the agencies, how far the
/// questions got, and what records showed. Counts only; nothing here names a requester.
public struct StateTally: Sendable, Equatable {
    public var stateCode: String
    public var agencies = 0
    /// Agencies with a filed request of ours or a record of the setting (ours verified, or reported).
    public var researched = 0
    public var requestsFiled = 0
    /// Filed requests that reached an answer (records, none held, or a denial).
    public var requestsAnswered = 0
    public var requestsOverdue = 0
    public var requestsDenied = 0
    /// Agencies whose newest record of the setting shows Immigration Violator enabled / disabled.
    public var enabled = 0
    public var disabled = 0
    /// Agencies whose newest record is a refusal to release the settings.
    public var refused = 0
    /// Contradictions (rules 1–6; rule 7 is a to-do, counted apart).
    public var contradictions = 0
    public var askFirst = 0
    public var medianDaysToAnswer: Double?

    public init(stateCode: String) { self.stateCode = stateCode }

    /// How the map colours the state: the strongest thing records show there.
    public enum Category: String, Sendable, CaseIterable {
        case enabled, contradiction, disabled, asked, nothingYet = "nothing-yet"

        public var label: String {
            switch self {
            case .enabled: "Immigration Violator enabled at one or more agencies"
            case .contradiction: "Contradictions with policy or law, none enabled on record"
            case .disabled: "Records show it disabled, none enabled"
            case .asked: "Asked or refused, no setting on record yet"
            case .nothingYet: "No records yet"
            }
        }

        /// The word printed on the tile, so the map reads without colour.
        public var mark: String {
            switch self {
            case .enabled: "ON"
            case .contradiction: "!"
            case .disabled: "OFF"
            case .asked: "ASKED"
            case .nothingYet: ""
            }
        }
    }

    public var category: Category {
        if enabled > 0 { return .enabled }
        if contradictions > 0 { return .contradiction }
        if disabled > 0 { return .disabled }
        if requestsFiled > 0 || refused > 0 { return .asked }
        return .nothingYet
    }

    public var shareAnswered: Double? { requestsFiled == 0 ? nil : Double(requestsAnswered) / Double(requestsFiled) }
    public var shareDenied: Double? { requestsFiled == 0 ? nil : Double(requestsDenied) / Double(requestsFiled) }

    /// The country's totals (the median is not summed: it is left out).
    public static func total(_ tallies: [StateTally]) -> StateTally {
        var sum = StateTally(stateCode: "US")
        for tally in tallies {
            sum.agencies += tally.agencies; sum.researched += tally.researched
            sum.requestsFiled += tally.requestsFiled; sum.requestsAnswered += tally.requestsAnswered
            sum.requestsOverdue += tally.requestsOverdue; sum.requestsDenied += tally.requestsDenied
            sum.enabled += tally.enabled; sum.disabled += tally.disabled; sum.refused += tally.refused
            sum.contradictions += tally.contradictions; sum.askFirst += tally.askFirst
        }
        return sum
    }
}

/// Builds the tallies from what the store holds.
public enum PublicTally {
    /// - Parameters:
    ///   - agencyStates: every directory agency's id and state.
    ///   - history: per agency, the records of the setting (ours verified and reported), oldest first.
    ///   - requests: every request; drafts and withdrawn ones count nowhere.
    ///   - statusHistory: the requests' status changes, for when an answer came.
    public static func byState(agencyStates: [(id: Int, stateCode: String?)], history: [Int: [RecordedOutcome]],
                               requests: [RecordsRequest], statusHistory: [StatusChange], contradictions: [Contradiction],
                               today: CalendarDay) -> [String: StateTally] {
        var tallies: [String: StateTally] = [:]
        func bump(_ state: String?, _ change: (inout StateTally) -> Void) {
            guard let state, USState.byCode(state) != nil else { return }
            change(&tallies[state, default: StateTally(stateCode: state)])
        }
        let stateOf = Dictionary(agencyStates.map { ($0.id, $0.stateCode) }, uniquingKeysWith: { first, _ in first })
        for agency in agencyStates { bump(agency.stateCode) { $0.agencies += 1 } }

        let filed = requests.filter { $0.filedOn != nil && $0.status != .withdrawn }
        var researched = Set(history.keys)
        for request in filed { researched.insert(request.agencyID) }
        for id in researched { bump(stateOf[id] ?? nil) { $0.researched += 1 } }

        for (id, records) in history {
            guard let newest = ContradictionEngine.currentSetting(records) ?? records.last else { continue }
            bump(stateOf[id] ?? nil) { tally in
                switch newest.outcome {
                case .immigrationViolatorEnabled: tally.enabled += 1
                case .immigrationViolatorDisabled: tally.disabled += 1
                case .refused: tally.refused += 1
                }
            }
        }

        let perState = RequestStatistics.compute(filed, history: statusHistory, by: .state)
        for stats in perState {
            bump(stats.key) { tally in
                tally.requestsFiled = stats.filed; tally.requestsAnswered = stats.answered
                tally.requestsDenied = stats.denied; tally.medianDaysToAnswer = stats.medianDaysToAnswer
            }
        }
        for request in filed where request.isOverdue(today: today) { bump(request.stateCode) { $0.requestsOverdue += 1 } }
        for item in contradictions {
            bump(item.stateCode) { tally in
                if item.rule == .askFirst { tally.askFirst += 1 } else { tally.contradictions += 1 }
            }
        }
        return tallies
    }
}
