/// A state law that restricts ALPR data use or sharing, or local help with immigration enforcement.
public struct StateRestrictionLaw: Codable, Sendable, Equatable {
    public var stateCode: String
    public var lawName: String
    public var citation: String
    public var whatItRestricts: String
    public var source: String
    public var confidence: Confidence

    public init(stateCode: String, lawName: String, citation: String, whatItRestricts: String,
                source: String, confidence: Confidence) {
        self.stateCode = stateCode; self.lawName = lawName; self.citation = citation
        self.whatItRestricts = whatItRestricts; self.source = source; self.confidence = confidence
    }

    /// Bills whose enactment was not verified are marked so in their name by the researchers.
    public var isUnverifiedBill: Bool {
        let name = lawName.lowercased()
        return name.contains("not verified") || name.contains("pending")
    }
}
