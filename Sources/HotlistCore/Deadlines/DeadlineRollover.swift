/// Whether a state moves a deadline that lands on a weekend or holiday to the next business day
/// (usually a general statute on computing time), with its source.
public struct DeadlineRollover: Sendable, Equatable {
    public enum Answer: String, Sendable, Codable, CaseIterable { case yes, no, unknown }
    public var stateCode: String
    public var rollsForward: Answer
    public var citation: String
    public var source: String
    public var confidence: Confidence
    public var notes: String

    public init(stateCode: String, rollsForward: Answer, citation: String, source: String, confidence: Confidence, notes: String = "") {
        self.stateCode = stateCode; self.rollsForward = rollsForward; self.citation = citation
        self.source = source; self.confidence = confidence; self.notes = notes
    }
}
