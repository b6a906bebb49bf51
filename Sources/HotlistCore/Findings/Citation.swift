/// A source a contradiction rests on, with how sure the reference data is of it.
public struct Citation: Sendable, Equatable, Codable {
    public var text: String
    public var source: String
    public var confidence: Confidence

    public init(text: String, source: String, confidence: Confidence) {
        self.text = text; self.source = source; self.confidence = confidence
    }
}
