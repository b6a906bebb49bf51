import Foundation

/// One version of a finding: what the records show about an agency's hotlist settings as of a day,
/// from one or more evidence files. A correction is a new version; earlier ones stay. A version is
/// public only once a different person with the reviewer role has verified it.
public struct FindingVersion: Sendable, Equatable, Codable {
    public var id: Int
    public var findingID: Int
    public var version: Int
    public var agencyID: Int
    public var asOf: CalendarDay
    /// NCIC topic key → setting; topics not listed were not shown.
    public var topics: [String: TopicSetting]
    /// Other hotlists the record names (state lists, custom lists), as written there.
    public var otherHotlists: [String]
    public var note: String
    public var evidenceIDs: [Int]
    public var enteredByID: Int?
    public var enteredByLabel: String
    public var enteredAt: Date
    public var verifiedByID: Int?
    public var verifiedByLabel: String?
    public var verifiedAt: Date?
    /// A reviewer sent this version back to its author with a reason; a correction (a new version) answers it.
    public var sentBack: SendBack?

    public struct SendBack: Sendable, Equatable, Codable {
        public var byLabel: String
        public var at: Date
        public var reason: String
        public init(byLabel: String, at: Date, reason: String) { self.byLabel = byLabel; self.at = at; self.reason = reason }
    }

    public init(id: Int, findingID: Int, version: Int, agencyID: Int, asOf: CalendarDay, topics: [String: TopicSetting], otherHotlists: [String], note: String,
                evidenceIDs: [Int], enteredByID: Int?, enteredByLabel: String, enteredAt: Date, verifiedByID: Int? = nil, verifiedByLabel: String? = nil, verifiedAt: Date? = nil,
                sentBack: SendBack? = nil) {
        self.sentBack = sentBack
        self.id = id; self.findingID = findingID; self.version = version; self.agencyID = agencyID; self.asOf = asOf; self.topics = topics
        self.otherHotlists = otherHotlists; self.note = note; self.evidenceIDs = evidenceIDs; self.enteredByID = enteredByID; self.enteredByLabel = enteredByLabel
        self.enteredAt = enteredAt; self.verifiedByID = verifiedByID; self.verifiedByLabel = verifiedByLabel; self.verifiedAt = verifiedAt
    }

    public var isVerified: Bool { verifiedAt != nil }

    public func setting(_ topicKey: String) -> TopicSetting { topics[topicKey] ?? .notShown }

    public var immigrationViolator: TopicSetting { setting(NCICTopic.immigrationViolatorKey) }

    /// The finding as the contradiction rules read it; nil when the record does not show Immigration Violator.
    public var outcome: RecordedOutcome? {
        let outcome: RecordedOutcome.Outcome
        switch immigrationViolator {
        case .enabled: outcome = .immigrationViolatorEnabled
        case .disabled: outcome = .immigrationViolatorDisabled
        case .notShown: return nil
        }
        return RecordedOutcome(agencyName: "", stateCode: "", outcome: outcome, reportedProhibitsImmigration: false, asOf: asOf.iso,
                               reportedBy: "Hotlist Watch", title: "Finding #\(findingID), version \(version), verified from records",
                               url: "/agencies/\(agencyID)#finding-\(findingID)", confidence: .high,
                               notes: "Entered from \(evidenceIDs.count) evidence file\(evidenceIDs.count == 1 ? "" : "s") and verified by a second person.",
                               verifiedFindingID: findingID)
    }

    public var auditValues: AuditValues {
        ["finding_id": String(findingID), "version": String(version), "agency_id": String(agencyID), "as_of": asOf.iso,
         "topics": topics.keys.sorted().map { "\($0)=\(topics[$0]!.rawValue)" }.joined(separator: ", "),
         "other_hotlists": otherHotlists.joined(separator: "; "), "note": note, "evidence_ids": evidenceIDs.map(String.init).joined(separator: ", "),
         "verified": isVerified ? "yes" : "no"]
    }
}

/// A finding as entered, before it is stored: checked for evidence, date and topic names.
public struct FindingDraft: Sendable, Equatable {
    public var agencyID: Int
    public var asOf: CalendarDay?
    public var topics: [String: TopicSetting]
    public var otherHotlists: [String]
    public var note: String
    public var evidenceIDs: [Int]

    public init(agencyID: Int, asOf: CalendarDay?, topics: [String: TopicSetting], otherHotlists: [String] = [], note: String = "", evidenceIDs: [Int]) {
        self.agencyID = agencyID; self.asOf = asOf; self.topics = topics; self.otherHotlists = otherHotlists; self.note = note; self.evidenceIDs = evidenceIDs
    }

    /// Every problem at once: no evidence, no or future date, unknown topics, nothing shown at all.
    public func problems(knownTopics: Set<String>, today: CalendarDay) -> [InputProblem] {
        var problems: [InputProblem] = []
        if evidenceIDs.isEmpty {
            problems.append(InputProblem(file: "finding", field: "evidence", problem: "a finding needs at least one evidence file",
                                         hint: "Upload the record first (evidence add, or the agency page), then name its id."))
        }
        if let asOf {
            if asOf > today.adding(days: 1) { problems.append(InputProblem(file: "finding", field: "as_of", problem: "\(asOf.iso) is in the future", hint: "Give the day the record shows the settings as they were.")) }
        } else {
            problems.append(InputProblem(file: "finding", field: "as_of", problem: "the day the record shows is missing", hint: "Give it as YYYY-MM-DD (the date on the screenshot or export)."))
        }
        for key in topics.keys.sorted() where !knownTopics.contains(key) {
            problems.append(InputProblem(file: "finding", field: "topic", problem: "\"\(key)\" is not an NCIC topic", hint: "Use one of: \(knownTopics.sorted().joined(separator: ", "))."))
        }
        if topics.values.allSatisfy({ $0 == .notShown }) && otherHotlists.isEmpty {
            problems.append(InputProblem(file: "finding", field: "topic", problem: "the finding marks no topic enabled or disabled and names no other hotlist",
                                         hint: "Record what the evidence shows; a record that shows nothing is a note on the request, not a finding."))
        }
        if note.count > 4_000 { problems.append(InputProblem(file: "finding", field: "note", problem: "the note is \(note.count) characters long", hint: "Keep it under 4,000 characters.")) }
        return problems
    }
}

/// The two-person rule, for findings and statements alike: verified by someone other than whoever
/// entered it, with the reviewer role or above.
public enum FindingReview {
    public static func check(_ version: FindingVersion, reviewerID: Int, reviewerRole: Role) throws(InputProblems) {
        try check(subject: "finding \(version.findingID)", what: "version \(version.version)", isVerified: version.isVerified, enteredByID: version.enteredByID,
                  reviewerID: reviewerID, reviewerRole: reviewerRole)
    }

    public static func check(_ statement: AgencyStatement, reviewerID: Int, reviewerRole: Role) throws(InputProblems) {
        try check(subject: "statement \(statement.id)", what: "this statement", isVerified: statement.isVerified, enteredByID: statement.enteredByID,
                  reviewerID: reviewerID, reviewerRole: reviewerRole)
    }

    public static func check(_ log: SearchAuditLog, reviewerID: Int, reviewerRole: Role) throws(InputProblems) {
        try check(subject: "audit log \(log.id)", what: "this audit log", isVerified: log.isVerified, enteredByID: log.scannedByID,
                  reviewerID: reviewerID, reviewerRole: reviewerRole)
        // Two people means two named people: a log stored by nobody in particular has no first one.
        if log.scannedByID == nil {
            throw InputProblems([InputProblem(file: "audit log \(log.id)", field: "scanned_by", problem: "this audit log was stored without naming a person (\(log.scannedByLabel))",
                                              hint: "Store it again as a named person (audit-log scan FILE --agency ID --kind KIND --as EMAIL); then another person verifies it.")])
        }
    }

    /// Sending back needs the same second person as verifying, and a reason the author can act on.
    public static func checkSendBack(_ version: FindingVersion, reviewerID: Int, reviewerRole: Role, reason: String) throws(InputProblems) {
        try check(subject: "finding \(version.findingID)", what: "version \(version.version)", isVerified: version.isVerified, enteredByID: version.enteredByID,
                  reviewerID: reviewerID, reviewerRole: reviewerRole, verb: "send back")
        if version.sentBack != nil {
            throw InputProblems([InputProblem(file: "finding \(version.findingID)", field: "version", problem: "version \(version.version) was already sent back", hint: "Wait for the author's correction.")])
        }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.count > 2_000 {
            throw InputProblems([InputProblem(file: "finding \(version.findingID)", field: "reason", problem: "a finding is sent back with a reason of 1 to 2,000 characters",
                                              hint: "Say what does not match the evidence, e.g. \"page 3 shows Immigration Violator unticked\".")])
        }
    }

    static func check(subject: String, what: String, isVerified: Bool, enteredByID: Int?, reviewerID: Int, reviewerRole: Role, verb: String = "verify") throws(InputProblems) {
        if isVerified {
            throw InputProblems([InputProblem(file: subject, field: "version", problem: "\(what) is already verified", hint: "Nothing to do.")])
        }
        if enteredByID == reviewerID {
            throw InputProblems([InputProblem(file: subject, field: "verified_by", problem: "you entered \(what), so you cannot \(verb) it",
                                              hint: "Ask another reviewer: it goes public only after a second person has checked it against its evidence.")])
        }
        if reviewerRole < .reviewer {
            throw InputProblems([InputProblem(file: subject, field: "verified_by", problem: "only reviewers and admins verify what others entered",
                                              hint: "Ask an admin for the reviewer role, or ask a reviewer to check it.")])
        }
    }
}
