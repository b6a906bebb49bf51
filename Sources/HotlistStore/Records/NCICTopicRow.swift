import HotlistCore

/// Storage shape of `ncic_topics`; maps to `NCICTopic` and never leaves this module.
struct NCICTopicRow: Codable {
    var key: String
    var position: Int
    var flockLabel: String?
    var flockLabelConfidence: String?
    var ncicFile: String
    var contents: String
    var whoMayEnter: String
    var notes: String
    var source: String
    var confidence: String

    /// Column names spelled out: SQLKit's snake-case conversion costs more than the query.
    enum CodingKeys: String, CodingKey {
        case key
        case position
        case flockLabel = "flock_label"
        case flockLabelConfidence = "flock_label_confidence"
        case ncicFile = "ncic_file"
        case contents
        case whoMayEnter = "who_may_enter"
        case notes
        case source
        case confidence
    }

    init(_ topic: NCICTopic, position: Int) {
        key = topic.key; self.position = position; flockLabel = topic.flockLabel
        flockLabelConfidence = topic.flockLabelConfidence?.rawValue; ncicFile = topic.ncicFile
        contents = topic.contents; whoMayEnter = topic.whoMayEnter; notes = topic.notes
        source = topic.source; confidence = topic.confidence.rawValue
    }

    var topic: NCICTopic {
        NCICTopic(key: key, flockLabel: flockLabel, flockLabelConfidence: flockLabelConfidence.flatMap(Confidence.init(rawValue:)),
                  ncicFile: ncicFile, contents: contents, whoMayEnter: whoMayEnter, notes: notes, source: source,
                  confidence: Confidence(rawValue: confidence) ?? .low)
    }
}
