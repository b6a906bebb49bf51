import Foundation

/// Something an agency said or adopted about ALPRs and immigration, as recorded by a volunteer:
/// a public statement (with its speaker) or a policy document's prohibited uses. Like findings, it
/// is public and used by the contradiction rules only after a second person has verified it.
public struct AgencyStatement: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// "ALPR data is not used for immigration enforcement" at a council meeting, in a press release…
        case publicStatement = "statement"
        /// A written policy listing prohibited uses.
        case policy

        public var label: String { self == .policy ? "policy" : "public statement" }
    }

    public var id: Int
    public var agencyID: Int
    public var kind: Kind
    /// The words, quoted.
    public var text: String
    /// Who said it (a named official or "the department"); for a policy, the document's title.
    public var speaker: String
    public var saidOn: CalendarDay
    public var sourceURL: String?
    public var evidenceID: Int?
    /// It says ALPR data is not used (or must not be used) for immigration enforcement.
    public var deniesImmigrationUse: Bool
    public var enteredByID: Int?
    public var enteredByLabel: String
    public var enteredAt: Date
    public var verifiedByID: Int?
    public var verifiedByLabel: String?
    public var verifiedAt: Date?

    public init(id: Int, agencyID: Int, kind: Kind, text: String, speaker: String, saidOn: CalendarDay, sourceURL: String?, evidenceID: Int?, deniesImmigrationUse: Bool,
                enteredByID: Int?, enteredByLabel: String, enteredAt: Date, verifiedByID: Int? = nil, verifiedByLabel: String? = nil, verifiedAt: Date? = nil) {
        self.id = id; self.agencyID = agencyID; self.kind = kind; self.text = text; self.speaker = speaker; self.saidOn = saidOn; self.sourceURL = sourceURL
        self.evidenceID = evidenceID; self.deniesImmigrationUse = deniesImmigrationUse; self.enteredByID = enteredByID; self.enteredByLabel = enteredByLabel
        self.enteredAt = enteredAt; self.verifiedByID = verifiedByID; self.verifiedByLabel = verifiedByLabel; self.verifiedAt = verifiedAt
    }

    public var isVerified: Bool { verifiedAt != nil }

    /// As the contradiction rules read it.
    public var asPublicStatement: PublicStatement {
        PublicStatement(agencyID: agencyID, text: text, speaker: speaker, date: saidOn.iso,
                        source: sourceURL ?? "/evidence/\(evidenceID ?? 0)", confidence: .high, deniesImmigrationUse: deniesImmigrationUse)
    }

    public var auditValues: AuditValues {
        ["agency_id": String(agencyID), "kind": kind.rawValue, "text": text, "speaker": speaker, "said_on": saidOn.iso, "source_url": sourceURL,
         "evidence_id": evidenceID.map(String.init), "denies_immigration_use": deniesImmigrationUse ? "yes" : "no", "verified": isVerified ? "yes" : "no"]
    }

    /// Problems with a statement as entered: it needs words, a speaker, a day not in the future, and a source (address or evidence file).
    public static func problems(text: String, speaker: String, saidOn: CalendarDay?, sourceURL: String?, evidenceID: Int?, today: CalendarDay) -> [InputProblem] {
        var problems: [InputProblem] = []
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append(InputProblem(file: "statement", field: "text", problem: "the words are missing", hint: "Quote what was said or written.")) }
        if text.count > 4_000 { problems.append(InputProblem(file: "statement", field: "text", problem: "the quote is \(text.count) characters long", hint: "Quote the relevant passage (under 4,000 characters).")) }
        if speaker.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(InputProblem(file: "statement", field: "speaker", problem: "who said it is missing", hint: "Name the speaker (e.g. \"Chief of Police\") or the policy's title.")) }
        if let saidOn {
            if saidOn > today.adding(days: 1) { problems.append(InputProblem(file: "statement", field: "date", problem: "\(saidOn.iso) is in the future", hint: "Give the day it was said or adopted.")) }
        } else { problems.append(InputProblem(file: "statement", field: "date", problem: "the date is missing or not YYYY-MM-DD", hint: "Give the day it was said or adopted.")) }
        let url = sourceURL?.trimmingCharacters(in: .whitespaces) ?? ""
        if url.isEmpty && evidenceID == nil {
            problems.append(InputProblem(file: "statement", field: "source", problem: "a statement needs a source", hint: "Give the web address where it was published, or upload the document and name its evidence id."))
        } else if !url.isEmpty, !(url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://")) || URL(string: url)?.host == nil
                    || url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }) {
            problems.append(InputProblem(file: "statement", field: "source_url", problem: "\"\(url)\" is not a web address", hint: "Give the full address, starting with https://."))
        }
        return problems
    }
}
