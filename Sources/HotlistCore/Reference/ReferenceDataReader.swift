import Foundation

/// Turns the researched reference CSVs into domain values, keeping each row's source and grade.
public enum ReferenceDataReader {
    public static func ncicTopics(_ table: CSVTable) throws(InputProblem) -> [NCICTopic] {
        let reader = try CSVFieldReader(table, required: ["key", "flock_label", "flock_label_confidence", "ncic_file", "contents", "who_may_enter", "notes", "source", "confidence"])
        var topics: [NCICTopic] = []
        for record in table.rows {
            let labelGrade: Confidence? = reader.optional(record, "flock_label_confidence") == nil ? nil
                : try reader.enumeration(record, "flock_label_confidence", as: Confidence.self)
            topics.append(NCICTopic(
                key: try reader.required(record, "key"),
                flockLabel: reader.optional(record, "flock_label"),
                flockLabelConfidence: labelGrade,
                ncicFile: try reader.required(record, "ncic_file"),
                contents: reader.text(record, "contents"),
                whoMayEnter: reader.text(record, "who_may_enter"),
                notes: reader.text(record, "notes"),
                source: try reader.required(record, "source"),
                confidence: try reader.enumeration(record, "confidence", as: Confidence.self)))
        }
        return topics
    }

    public static func stateRecordsLaws(_ table: CSVTable) throws(InputProblem) -> [StateRecordsLaw] {
        let reader = try CSVFieldReader(table, required: ["state_code", "state_name", "law_name", "citation", "response_deadline_days", "deadline_kind", "deadline_note", "residency_required", "appeal_route", "source", "confidence"])
        var laws: [StateRecordsLaw] = []
        for record in table.rows {
            let code = try stateCode(reader, record)
            let kind = try reader.enumeration(record, "deadline_kind", as: DeadlineKind.self)
            let days = try reader.int(record, "response_deadline_days")
            if (kind == .business || kind == .calendar) && days == nil {
                throw reader.problem(record, "response_deadline_days", "a \(kind.rawValue)-day deadline needs a number of days", hint: "Fill in the days or change deadline_kind to prompt or none.")
            }
            laws.append(StateRecordsLaw(
                stateCode: code, stateName: try reader.required(record, "state_name"),
                lawName: try reader.required(record, "law_name"), citation: try reader.required(record, "citation"),
                deadlineDays: days, deadlineKind: kind, deadlineNote: reader.text(record, "deadline_note"),
                residency: try reader.enumeration(record, "residency_required", as: ResidencyRequirement.self),
                appealRoute: reader.text(record, "appeal_route"), appealSource: reader.text(record, "appeal_source"), source: try reader.required(record, "source"),
                confidence: try reader.enumeration(record, "confidence", as: Confidence.self)))
        }
        return laws
    }

    public static func stateRestrictionLaws(_ table: CSVTable) throws(InputProblem) -> [StateRestrictionLaw] {
        let reader = try CSVFieldReader(table, required: ["state_code", "law_name", "citation", "what_it_restricts", "source", "confidence"])
        var laws: [StateRestrictionLaw] = []
        for record in table.rows {
            laws.append(StateRestrictionLaw(
                stateCode: try stateCode(reader, record), lawName: try reader.required(record, "law_name"),
                citation: try reader.required(record, "citation"), whatItRestricts: reader.text(record, "what_it_restricts"),
                source: try reader.required(record, "source"),
                confidence: try reader.enumeration(record, "confidence", as: Confidence.self)))
        }
        return laws
    }

    /// Legal holidays: federal (`US`) and each state's own, with the rule's grammar checked per row.
    public static func holidays(_ table: CSVTable) throws(InputProblem) -> [Holiday] {
        let reader = try CSVFieldReader(table, required: ["state_code", "holiday", "rule", "observed", "closes_offices", "source", "confidence", "notes"])
        var holidays: [Holiday] = []
        for record in table.rows {
            let ruleText = reader.text(record, "rule")
            // Rows the grammar cannot express are kept in the file for people, not used for counting.
            if ruleText == "unsupported" { continue }
            let raw = reader.text(record, "state_code").uppercased()
            let jurisdiction = raw == Holiday.federal ? raw : try stateCode(reader, record)
            let rule: HolidayRule
            do { rule = try HolidayRule.parse(ruleText) } catch {
                throw reader.problem(record, "rule", error.description, hint: "See the rule grammar in CREDITS.md.")
            }
            holidays.append(Holiday(jurisdiction: jurisdiction, name: try reader.required(record, "holiday"), rule: rule,
                                    observance: try reader.enumeration(record, "observed", as: WeekendObservance.self),
                                    closesOffices: try reader.enumeration(record, "closes_offices", as: ClosureAnswer.self),
                                    source: try reader.required(record, "source"),
                                    confidence: try reader.enumeration(record, "confidence", as: Confidence.self),
                                    notes: reader.text(record, "notes")))
        }
        return holidays
    }

    /// Whether each state moves a deadline off a weekend or holiday.
    public static func deadlineRollovers(_ table: CSVTable) throws(InputProblem) -> [DeadlineRollover] {
        let reader = try CSVFieldReader(table, required: ["state_code", "rolls_forward", "citation", "source", "confidence", "notes"])
        var rows: [DeadlineRollover] = []
        for record in table.rows {
            rows.append(DeadlineRollover(stateCode: try stateCode(reader, record),
                                         rollsForward: try reader.enumeration(record, "rolls_forward", as: DeadlineRollover.Answer.self),
                                         citation: reader.text(record, "citation"), source: reader.text(record, "source"),
                                         confidence: try reader.enumeration(record, "confidence", as: Confidence.self),
                                         notes: reader.text(record, "notes")))
        }
        return rows
    }

    /// Findings others reported (EFF), with their source and grade.
    public static func reportedFindings(_ table: CSVTable) throws(InputProblem) -> [RecordedOutcome] {
        let reader = try CSVFieldReader(table, required: ["agency_name", "state_code", "outcome", "reported_prohibits_immigration", "as_of", "reported_by", "title", "url", "confidence", "notes"])
        var rows: [RecordedOutcome] = []
        for record in table.rows {
            let prohibits = reader.text(record, "reported_prohibits_immigration").lowercased()
            guard prohibits == "yes" || prohibits == "no" else {
                throw reader.problem(record, "reported_prohibits_immigration", "\"\(prohibits)\" is not yes or no", hint: "Write yes or no.")
            }
            rows.append(RecordedOutcome(agencyName: try reader.required(record, "agency_name"), stateCode: try stateCode(reader, record),
                                        outcome: try reader.enumeration(record, "outcome", as: RecordedOutcome.Outcome.self), reportedProhibitsImmigration: prohibits == "yes",
                                        asOf: try reader.required(record, "as_of"), reportedBy: try reader.required(record, "reported_by"),
                                        title: try reader.required(record, "title"), url: try reader.required(record, "url"),
                                        confidence: try reader.enumeration(record, "confidence", as: Confidence.self), notes: reader.text(record, "notes")))
        }
        return rows
    }

    static func stateCode(_ reader: CSVFieldReader, _ record: CSVRecord) throws(InputProblem) -> String {
        let raw = reader.text(record, "state_code")
        guard let state = USState.byCode(raw) else {
            throw reader.problem(record, "state_code", "\"\(raw)\" is not a U.S. state code", hint: "Use a two-letter code such as NV or DC.")
        }
        return state.code
    }
}
