/// One topic of the NCIC hotlist that an agency can tick in its ALPR vendor's drop-down,
/// with the NCIC file behind it.
public struct NCICTopic: Codable, Sendable, Equatable {
    public var key: String
    /// The label agencies see in Flock's drop-down, when known.
    public var flockLabel: String?
    public var flockLabelConfidence: Confidence?
    public var ncicFile: String
    public var contents: String
    public var whoMayEnter: String
    public var notes: String
    public var source: String
    public var confidence: Confidence

    public init(key: String, flockLabel: String?, flockLabelConfidence: Confidence?, ncicFile: String,
                contents: String, whoMayEnter: String, notes: String, source: String, confidence: Confidence) {
        self.key = key; self.flockLabel = flockLabel; self.flockLabelConfidence = flockLabelConfidence
        self.ncicFile = ncicFile; self.contents = contents; self.whoMayEnter = whoMayEnter
        self.notes = notes; self.source = source; self.confidence = confidence
    }

    public static let immigrationViolatorKey = "immigration_violator"

    /// "Immigration Violator", "Stolen Plate": the key as words, for places that have no topic row at hand.
    public static func displayName(_ key: String) -> String {
        key.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
