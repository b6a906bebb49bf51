import HotlistCore

/// Storage shape of `state_restriction_laws`.
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
