import HotlistCore

/// Storage shapes of the reference tables; they map to Core types and never leave this module.
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

struct StateRecordsLawRow: Codable {
    var stateCode: String
    var stateName: String
    var lawName: String
    var citation: String
    var deadlineDays: Int?
    var deadlineKind: String
    var deadlineNote: String
    var residency: String
    var appealRoute: String
    var source: String
    var confidence: String

    /// Column names spelled out: SQLKit's snake-case conversion costs more than the query.
    enum CodingKeys: String, CodingKey {
        case stateCode = "state_code"
        case stateName = "state_name"
        case lawName = "law_name"
        case citation
        case deadlineDays = "deadline_days"
        case deadlineKind = "deadline_kind"
        case deadlineNote = "deadline_note"
        case residency
        case appealRoute = "appeal_route"
        case source
        case confidence
    }

    init(_ law: StateRecordsLaw) {
        stateCode = law.stateCode; stateName = law.stateName; lawName = law.lawName; citation = law.citation
        deadlineDays = law.deadlineDays; deadlineKind = law.deadlineKind.rawValue; deadlineNote = law.deadlineNote
        residency = law.residency.rawValue; appealRoute = law.appealRoute; source = law.source
        confidence = law.confidence.rawValue
    }

    var law: StateRecordsLaw {
        StateRecordsLaw(stateCode: stateCode, stateName: stateName, lawName: lawName, citation: citation,
                        deadlineDays: deadlineDays, deadlineKind: DeadlineKind(rawValue: deadlineKind) ?? .none,
                        deadlineNote: deadlineNote, residency: ResidencyRequirement(rawValue: residency) ?? .unclear,
                        appealRoute: appealRoute, source: source, confidence: Confidence(rawValue: confidence) ?? .low)
    }
}

struct StateRestrictionLawRow: Codable {
    var stateCode: String
    var position: Int
    var lawName: String
    var citation: String
    var whatItRestricts: String
    var source: String
    var confidence: String

    /// Column names spelled out: SQLKit's snake-case conversion costs more than the query.
    enum CodingKeys: String, CodingKey {
        case stateCode = "state_code"
        case position
        case lawName = "law_name"
        case citation
        case whatItRestricts = "what_it_restricts"
        case source
        case confidence
    }

    init(_ law: StateRestrictionLaw, position: Int) {
        stateCode = law.stateCode; self.position = position; lawName = law.lawName; citation = law.citation
        whatItRestricts = law.whatItRestricts; source = law.source; confidence = law.confidence.rawValue
    }

    var law: StateRestrictionLaw {
        StateRestrictionLaw(stateCode: stateCode, lawName: lawName, citation: citation, whatItRestricts: whatItRestricts,
                            source: source, confidence: Confidence(rawValue: confidence) ?? .low)
    }
}
