/// One row of the directory.
public struct AgencySummary: Codable, Sendable, Equatable {
    public var id: Int
    public var name: String
    public var stateCode: String?
    public var kind: AgencyKind
    public var signals: AgencySignals
    public var priority: AskFirstRank
    public init(id: Int, name: String, stateCode: String?, kind: AgencyKind, signals: AgencySignals, priority: AskFirstRank) {
        self.id = id; self.name = name; self.stateCode = stateCode; self.kind = kind; self.signals = signals; self.priority = priority
    }
}
