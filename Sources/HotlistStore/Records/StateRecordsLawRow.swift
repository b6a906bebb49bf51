import HotlistCore

/// Storage shape of `state_records_laws`.
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
    /// Added by migration 0020; nil when written by 0007, which predates the column.
    var appealSource: String?
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
        case appealSource = "appeal_source"
        case source
        case confidence
    }

    init(_ law: StateRecordsLaw) {
        stateCode = law.stateCode; stateName = law.stateName; lawName = law.lawName; citation = law.citation
        deadlineDays = law.deadlineDays; deadlineKind = law.deadlineKind.rawValue; deadlineNote = law.deadlineNote
        residency = law.residency.rawValue; appealRoute = law.appealRoute; appealSource = law.appealSource; source = law.source
        confidence = law.confidence.rawValue
    }

    var law: StateRecordsLaw {
        StateRecordsLaw(stateCode: stateCode, stateName: stateName, lawName: lawName, citation: citation,
                        deadlineDays: deadlineDays, deadlineKind: DeadlineKind(rawValue: deadlineKind) ?? .none,
                        deadlineNote: deadlineNote, residency: ResidencyRequirement(rawValue: residency) ?? .unclear,
                        appealRoute: appealRoute, appealSource: appealSource ?? "", source: source, confidence: Confidence(rawValue: confidence) ?? .low)
    }
}
