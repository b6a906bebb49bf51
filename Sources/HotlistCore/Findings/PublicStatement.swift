/// Something an agency or official said in public about ALPRs and immigration, with its source.
public struct PublicStatement: Sendable, Equatable {
    public var agencyID: Int
    public var text: String
    public var speaker: String
    public var date: String
    public var source: String
    public var confidence: Confidence
    /// The statement says ALPR data is not used for immigration enforcement.
    public var deniesImmigrationUse: Bool

    public init(agencyID: Int, text: String, speaker: String, date: String, source: String, confidence: Confidence, deniesImmigrationUse: Bool) {
        self.agencyID = agencyID; self.text = text; self.speaker = speaker; self.date = date; self.source = source
        self.confidence = confidence; self.deniesImmigrationUse = deniesImmigrationUse
    }
}
