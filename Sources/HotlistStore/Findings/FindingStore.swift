import FluentKit
import Foundation
import HotlistCore
import SQLKit

/// Findings and their versions. A volunteer enters a version; a different reviewer verifies it;
/// a correction is a new version. Only verified versions are read by public pages and the API.
public struct FindingStore: Sendable {
    let database: HotlistDatabase
    public init(_ database: HotlistDatabase) { self.database = database }

    // MARK: writing

    /// A new finding with its first (unverified) version.
    public func add(_ draft: FindingDraft, by actor: AuditActor, now: Date) async throws -> FindingVersion {
        try await database.sqlTransaction { sql in try await Self.add(draft, sql: sql, by: actor, now: now) }
    }

    /// As above, inside a transaction that also stores what the finding rests on (a hit-log import).
    static func add(_ draft: FindingDraft, sql: any SQLDatabase, by actor: AuditActor, now: Date) async throws -> FindingVersion {
        try await check(draft, sql: sql, actor: actor, now: now)
        let findingID = try await sql.insert(into: "findings").columns("agency_id", "created_at").values(SQLBind(draft.agencyID), SQLBind(now))
            .returning("id").first()!.decode(column: "id", as: Int.self)
        return try await insertVersion(draft, findingID: findingID, version: 1, sql: sql, action: "finding.add", by: actor, now: now)
    }

    /// A correction: a new version of `findingID`, unverified until a reviewer checks it. Earlier versions stay.
    public func correct(findingID: Int, _ draft: FindingDraft, by actor: AuditActor, now: Date) async throws -> FindingVersion {
        let known = try await Self.versions(sql: database.sql, findingIDs: [findingID]).last?.version
        do {
            return try await HotlistDatabase.retryingWhenBusy { try await insertCorrection(findingID: findingID, draft, by: actor, now: now) }
        } catch let problems as InputProblems { throw problems } catch {
            // Two corrections at once both take the next number; the loser is told, not given a 500.
            if let latest = try await Self.versions(sql: database.sql, findingIDs: [findingID]).last?.version, let known, latest > known {
                throw InputProblems([InputProblem(file: "finding \(findingID)", field: "version", problem: "someone else saved version \(latest) of this finding a moment ago",
                                                  hint: "Open the finding again, check their version, and correct that if it is still needed.")])
            }
            throw error
        }
    }

    private func insertCorrection(findingID: Int, _ draft: FindingDraft, by actor: AuditActor, now: Date) async throws -> FindingVersion {
        try await database.sqlTransaction { sql in
            guard let latest = try await Self.versions(sql: sql, findingIDs: [findingID]).last else { throw RecordNotFound("finding \(findingID)") }
            if latest.agencyID != draft.agencyID {
                throw InputProblems([InputProblem(file: "finding \(findingID)", field: "agency", problem: "finding \(findingID) is about agency \(latest.agencyID)", hint: "Correct a finding for the same agency, or add a new one.")])
            }
            try await Self.check(draft, sql: sql, actor: actor, now: now)
            return try await Self.insertVersion(draft, findingID: findingID, version: latest.version + 1, sql: sql, action: "finding.correct", by: actor, now: now)
        }
    }

    /// The two-person rule: `reviewer` verifies the latest version of `findingID`. `version`, when
    /// given, is the version the reviewer looked at: a newer one saved since is refused, never verified unseen.
    public func verify(findingID: Int, version: Int? = nil, reviewer: UserAccount, by actor: AuditActor, now: Date) async throws -> FindingVersion {
        try await database.sqlTransaction { sql in
            guard let latest = try await Self.versions(sql: sql, findingIDs: [findingID]).last else { throw RecordNotFound("finding \(findingID)") }
            if let version, version != latest.version {
                throw InputProblems([InputProblem(file: "finding \(findingID)", field: "version", problem: "you checked version \(version), but version \(latest.version) has been saved since",
                                                  hint: "Open the finding again and check the newest version before verifying it.")])
            }
            guard reviewer.isActive else {
                throw InputProblems([InputProblem(file: "finding \(findingID)", field: "verified_by", problem: "\(reviewer.email) is disabled", hint: "Ask an active reviewer.")])
            }
            try FindingReview.check(latest, reviewerID: reviewer.id, reviewerRole: reviewer.role)
            if latest.sentBack != nil {
                throw InputProblems([InputProblem(file: "finding \(findingID)", field: "version", problem: "version \(latest.version) was sent back to its author",
                                                  hint: "It can be verified once the author has corrected it (a new version).")])
            }
            // Only if nobody verified it meanwhile: two reviewers at once must not both succeed.
            let updated = try await sql.update("finding_versions").set("verified_by_id", to: SQLBind(reviewer.id)).set("verified_by_label", to: SQLBind(reviewer.email))
                .set("verified_at", to: SQLBind(now)).where("id", .equal, latest.id).where("verified_at", .is, SQLLiteral.null).returning("id").all()
            guard !updated.isEmpty else { throw Self.verifiedMeanwhile("finding \(findingID)", what: "version \(latest.version)") }
            let verified = try await Self.versions(sql: sql, findingIDs: [findingID]).last!
            try await AuditLog.append(AuditEntry(action: "finding.verify", entityType: "finding", entityID: String(findingID), before: latest.auditValues, after: verified.auditValues),
                                      by: actor, at: now, on: sql)
            try await DirectoryRevision.bump(sql)
            return verified
        }
    }

    static func verifiedMeanwhile(_ subject: String, what: String) -> InputProblems {
        InputProblems([InputProblem(file: subject, field: "version", problem: "\(what) was verified by someone else a moment ago", hint: "Nothing more to do; reload the page to see who.")])
    }

    /// A reviewer returns the latest version of `findingID` to its author with a reason. It leaves the
    /// queue until the author corrects it; nothing public changes.
    public func sendBack(findingID: Int, version: Int, reviewer: UserAccount, reason: String, by actor: AuditActor, now: Date) async throws -> FindingVersion {
        try await database.sqlTransaction { sql in
            guard let latest = try await Self.versions(sql: sql, findingIDs: [findingID]).last else { throw RecordNotFound("finding \(findingID)") }
            if latest.version != version {
                throw InputProblems([InputProblem(file: "finding \(findingID)", field: "version", problem: "you were looking at version \(version), but version \(latest.version) has been saved since",
                                                  hint: "Open the finding again and check the newest version.")])
            }
            try FindingReview.checkSendBack(latest, reviewerID: reviewer.id, reviewerRole: reviewer.role, reason: reason)
            let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            try await sql.update("finding_versions").set("sent_back_by_id", to: SQLBind(reviewer.id)).set("sent_back_by_label", to: SQLBind(reviewer.email))
                .set("sent_back_at", to: SQLBind(now)).set("sent_back_reason", to: SQLBind(text)).where("id", .equal, latest.id).run()
            let returned = try await Self.versions(sql: sql, findingIDs: [findingID]).last!
            try await AuditLog.append(AuditEntry(action: "finding.send-back", entityType: "finding", entityID: String(findingID), before: latest.auditValues,
                                                 after: latest.auditValues.merging(["sent_back_reason": .some(text)], uniquingKeysWith: { $1 })), by: actor, at: now, on: sql)
            return returned
        }
    }

    /// Versions sent back to `authorID` and not yet corrected.
    public func sentBack(toAuthor authorID: Int) async throws -> [FindingVersion] {
        try await latest().filter { $0.sentBack != nil && $0.enteredByID == authorID }
    }

    static func check(_ draft: FindingDraft, sql: any SQLDatabase, actor: AuditActor, now: Date) async throws {
        guard actor.userID != nil else {
            throw InputProblems([InputProblem(file: "finding", field: "entered_by", problem: "a finding must be entered by a named person",
                                              hint: "On the command line, add --as EMAIL (the account that entered it); its verifier must be someone else.")])
        }
        guard try await sql.select().column("id").from("agencies").where("id", .equal, draft.agencyID).first() != nil else { throw RecordNotFound("agency \(draft.agencyID)") }
        let known = Set(try await sql.select().column("key").from("ncic_topics").all().map { try $0.decode(column: "key", as: String.self) })
        var problems = draft.problems(knownTopics: known, today: CalendarDay.today(now))
        if !draft.evidenceIDs.isEmpty {
            let rows = try await sql.select().columns("id", "agency_id").from("evidence_files").where("id", .in, draft.evidenceIDs).all()
            var agencyOf: [Int: Int] = [:]
            for row in rows { agencyOf[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "agency_id", as: Int.self) }
            for id in draft.evidenceIDs {
                if agencyOf[id] == nil {
                    problems.append(InputProblem(file: "finding", field: "evidence", problem: "there is no evidence file \(id)", hint: "Use the id that 'evidence add' or the upload page gave."))
                } else if agencyOf[id] != draft.agencyID {
                    problems.append(InputProblem(file: "finding", field: "evidence", problem: "evidence \(id) belongs to agency \(agencyOf[id]!), not \(draft.agencyID)",
                                                 hint: "A finding rests on records about the same agency."))
                }
            }
        }
        if !problems.isEmpty { throw InputProblems(problems) }
    }

    static func insertVersion(_ draft: FindingDraft, findingID: Int, version: Int, sql: any SQLDatabase, action: String, by actor: AuditActor, now: Date) async throws -> FindingVersion {
        let hotlists = draft.otherHotlists.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let versionID = try await sql.insert(into: "finding_versions")
            .columns("finding_id", "version", "as_of", "other_hotlists", "note", "entered_by_id", "entered_by_label", "entered_at")
            .values(SQLBind(findingID), SQLBind(version), SQLBind(draft.asOf!.iso), SQLBind(hotlists.joined(separator: "\n")),
                    SQLBind(draft.note.trimmingCharacters(in: .whitespacesAndNewlines)), SQLBind(actor.userID), SQLBind(actor.label), SQLBind(now))
            .returning("id").first()!.decode(column: "id", as: Int.self)
        for (key, setting) in draft.topics.sorted(by: { $0.key < $1.key }) where setting != .notShown {
            try await sql.insert(into: "finding_topics").columns("version_id", "topic_key", "setting").values(SQLBind(versionID), SQLBind(key), SQLBind(setting.rawValue)).run()
        }
        for id in Set(draft.evidenceIDs).sorted() {
            try await sql.insert(into: "finding_evidence").columns("version_id", "evidence_id").values(SQLBind(versionID), SQLBind(id)).run()
        }
        let stored = try await versions(sql: sql, findingIDs: [findingID]).last!
        try await AuditLog.append(AuditEntry(action: action, entityType: "finding", entityID: String(findingID), before: nil, after: stored.auditValues), by: actor, at: now, on: sql)
        return stored
    }

    // MARK: reading

    /// Every version of the finding, oldest first.
    public func history(findingID: Int) async throws -> [FindingVersion] {
        try await Self.versions(sql: database.sql, findingIDs: [findingID])
    }

    /// Per finding, its newest version (verified or not): what the people doing the work see.
    public func latest(agencyID: Int? = nil) async throws -> [FindingVersion] {
        try await Self.latestVersions(sql: database.sql, agencyID: agencyID, verifiedOnly: false)
    }

    /// Per finding, its newest verified version: the only thing public pages and the API read.
    public func verified(agencyID: Int? = nil) async throws -> [FindingVersion] {
        try await Self.latestVersions(sql: database.sql, agencyID: agencyID, verifiedOnly: true)
    }

    /// The public record: every agency's verified findings with the agency, newest first, optionally in one state.
    public func verifiedWithAgencies(stateCode: String? = nil) async throws -> [(agency: AgencyLink, finding: FindingVersion)] {
        var result: [(agency: AgencyLink, finding: FindingVersion)] = []
        let directory = DirectoryQueries(database)
        for version in try await verified().reversed() {
            guard let agency = try await directory.agency(id: version.agencyID), stateCode == nil || agency.stateCode == stateCode else { continue }
            result.append((agency, version))
        }
        return result
    }

    /// Findings whose newest version waits for a second person, oldest first.
    public func queue() async throws -> [FindingVersion] {
        try await latest().filter { !$0.isVerified && $0.sentBack == nil }.sorted { ($0.enteredAt, $0.id) < ($1.enteredAt, $1.id) }
    }

    static func latestVersions(sql: any SQLDatabase, agencyID: Int?, verifiedOnly: Bool) async throws -> [FindingVersion] {
        try await latestVersions(sql: sql, agencyIDs: agencyID.map { [$0] }, verifiedOnly: verifiedOnly)
    }

    /// As above, for the agencies `agencyIDs` (nil: every agency).
    static func latestVersions(sql: any SQLDatabase, agencyIDs: [Int]?, verifiedOnly: Bool) async throws -> [FindingVersion] {
        var query = sql.select().column("id").from("findings")
        if let agencyIDs { query = query.where("agency_id", .in, agencyIDs) }
        let ids = try await query.all().map { try $0.decode(column: "id", as: Int.self) }
        var result: [FindingVersion] = []
        for start in stride(from: 0, to: ids.count, by: 500) {
            let all = try await versions(sql: sql, findingIDs: Array(ids[start..<min(start + 500, ids.count)]))
            let grouped = Dictionary(grouping: all.filter { !verifiedOnly || $0.isVerified }, by: \.findingID)
            result += grouped.values.compactMap { $0.max { $0.version < $1.version } }
        }
        return result.sorted { ($0.asOf, $0.findingID) < ($1.asOf, $1.findingID) }
    }

    static func versions(sql: any SQLDatabase, findingIDs: [Int]) async throws -> [FindingVersion] {
        guard !findingIDs.isEmpty else { return [] }
        let rows = try await sql.select()
            .column(SQLColumn("id", table: "finding_versions")).column(SQLColumn("finding_id", table: "finding_versions"))
            .column(SQLColumn("agency_id", table: "findings"))
            .columns(["version", "as_of", "other_hotlists", "note", "entered_by_id", "entered_by_label", "entered_at", "verified_by_id", "verified_by_label", "verified_at",
                      "sent_back_by_label", "sent_back_at", "sent_back_reason"]
                        .map { SQLColumn($0, table: "finding_versions") })
            .from("finding_versions")
            .join("findings", on: SQLColumn("id", table: "findings"), .equal, SQLColumn("finding_id", table: "finding_versions"))
            .where(SQLColumn("finding_id", table: "finding_versions"), .in, SQLBind.group(findingIDs))
            .orderBy(SQLColumn("finding_id", table: "finding_versions")).orderBy(SQLColumn("version", table: "finding_versions")).all()
        var versions = try rows.map { row in
            FindingVersion(id: try row.decode(column: "id", as: Int.self), findingID: try row.decode(column: "finding_id", as: Int.self),
                           version: try row.decode(column: "version", as: Int.self), agencyID: try row.decode(column: "agency_id", as: Int.self),
                           asOf: CalendarDay(iso: try row.decode(column: "as_of", as: String.self)) ?? CalendarDay(ordinal: 0), topics: [:],
                           otherHotlists: try row.decode(column: "other_hotlists", as: String.self).split(separator: "\n").map(String.init),
                           note: try row.decode(column: "note", as: String.self), evidenceIDs: [],
                           enteredByID: try row.decode(column: "entered_by_id", as: Int?.self), enteredByLabel: try row.decode(column: "entered_by_label", as: String.self),
                           enteredAt: try row.decode(column: "entered_at", as: Date.self), verifiedByID: try row.decode(column: "verified_by_id", as: Int?.self),
                           verifiedByLabel: try row.decode(column: "verified_by_label", as: String?.self), verifiedAt: try row.decode(column: "verified_at", as: Date?.self),
                           sentBack: try row.decode(column: "sent_back_at", as: Date?.self).map { at in
                               FindingVersion.SendBack(byLabel: (try? row.decode(column: "sent_back_by_label", as: String?.self)) ?? nil ?? "a reviewer", at: at,
                                                       reason: (try? row.decode(column: "sent_back_reason", as: String?.self)) ?? nil ?? "")
                           })
        }
        let index = Dictionary(uniqueKeysWithValues: versions.enumerated().map { ($1.id, $0) })
        let versionIDs = versions.map(\.id)
        // "IN ()" is a syntax error on PostgreSQL: a finding read before its first version is stored has none yet.
        if versionIDs.isEmpty { return versions }
        for row in try await sql.select().columns("version_id", "topic_key", "setting").from("finding_topics").where("version_id", .in, versionIDs).all() {
            let position = index[try row.decode(column: "version_id", as: Int.self)]!
            versions[position].topics[try row.decode(column: "topic_key", as: String.self)] = TopicSetting(rawValue: try row.decode(column: "setting", as: String.self)) ?? .notShown
        }
        for row in try await sql.select().columns("version_id", "evidence_id").from("finding_evidence").where("version_id", .in, versionIDs).orderBy("evidence_id").all() {
            versions[index[try row.decode(column: "version_id", as: Int.self)]!].evidenceIDs.append(try row.decode(column: "evidence_id", as: Int.self))
        }
        return versions
    }
}
