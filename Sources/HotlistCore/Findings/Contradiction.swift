/// One contradiction: which rule, about which agency, explained in plain words, with the evidence it
/// rests on and the citations (each with its confidence grade).
public struct Contradiction: Sendable, Equatable, Codable {
    public var rule: ContradictionRule
    public var agencyID: Int?
    public var agencyName: String
    public var stateCode: String?
    public var explanation: String
    public var evidence: [String]
    public var citations: [Citation]
    /// Other agencies the contradiction names (sharing partners).
    public var related: [AgencyLink]

    public init(rule: ContradictionRule, agencyID: Int?, agencyName: String, stateCode: String?, explanation: String, evidence: [String],
                citations: [Citation], related: [AgencyLink] = []) {
        self.rule = rule; self.agencyID = agencyID; self.agencyName = agencyName; self.stateCode = stateCode
        self.explanation = explanation; self.evidence = evidence; self.citations = citations; self.related = related
    }
}
