import Crypto
import FluentKit
import Foundation
import HotlistCore
import SQLKit

/// Search audit logs stored against the agency that released them. The file goes into the evidence
/// store first and the scan reads that stored copy, so the counts are the counts of the very bytes
/// kept (a file edited meanwhile cannot slip in). Counts reach public pages only once a second
/// person has verified them.
public struct SearchAuditStore: Sendable {
    let database: HotlistDatabase
    /// Needed only to import: reading, listing and verifying never touch files.
    let evidenceStore: EvidenceStore?

    public init(_ database: HotlistDatabase, evidence: EvidenceStore? = nil) { self.database = database; self.evidenceStore = evidence }

    /// Most organisation × month × category rows one log may store; a national network's year is far below.
    public static let maxGroups = 500_000

    /// The classifier's rules fingerprint: counts made under other rules say so on the page.
    public static func rulesVersion(_ classifier: ReasonClassifier = .standard) -> String {
        let text = classifier.rules.map { "\($0.id)|\($0.category.rawValue)|\($0.patterns.joined(separator: ","))|\($0.exceptions.joined(separator: ","))" }.joined(separator: "\n")
        return String(EvidenceBlobs.sha256Hex(Data(text.utf8)).prefix(12))
    }

    /// Copies the log into the evidence store (never public), scans the stored copy with `scan`, and
    /// stores its counts, all or nothing. `scan` is the caller's (the command line shows progress).
    public func importLog(fileAt path: String, kind: SearchAuditKind, _ submission: EvidenceSubmission, by actor: AuditActor, now: Date,
                          scan: (String) throws -> AuditLogSummary) async throws -> SearchAuditLog {
        guard let evidence = evidenceStore else { throw EvidenceStorageError(message: "importing an audit log needs the evidence store") }
        var submission = submission
        submission.isPublic = false
        if submission.description.isEmpty { submission.description = "Flock \(kind.label), stored for its search counts. Not public: it names officers and plates." }
        let copy: (sha256: String, size: Int, isNew: Bool)
        do { copy = try evidence.blobs.store(fileAt: path) } catch let error as EvidenceStorageError {
            throw InputProblems([InputProblem(file: path, problem: error.message, hint: error.message.hasPrefix("cannot read") ? "Nothing was stored." : "Check that the evidence folder (--evidence-dir) is writable; nothing was stored.")])
        }
        do {
            let summary = try scan(evidence.blobs.path(for: copy.sha256))
            try Self.check(summary, file: submission.originalName)
            let rules = Self.rulesVersion()
            let name = submission.originalName
            let (_, log) = try await evidence.add(.stored(sha256: copy.sha256, size: copy.size, isNew: copy.isNew), submission, by: actor, now: now) { sql, file in
                // The same bytes may already be published as evidence (here or for another agency):
                // a log names officers and plates, so it must not stay downloadable.
                if let published = try await sql.select().column("id").from("evidence_files").where("sha256", .equal, file.sha256)
                    .where("is_public", .equal, SQLBind(true)).where("withdrawn_at", .is, SQLLiteral.null).first() {
                    let id = try published.decode(column: "id", as: Int.self)
                    throw InputProblems([InputProblem(file: name, field: "file", problem: "these bytes are already published as evidence #\(id), and an audit log names officers and lists plates",
                                                      hint: "Make it private first (hotlistwatch evidence publish \(id) --private), then store the log.")])
                }
                if let earlier = try await sql.select().column("id").from("search_audit_logs").where("evidence_id", .equal, file.id).first() {
                    let id = try earlier.decode(column: "id", as: Int.self)
                    throw InputProblems([InputProblem(file: name, field: "file", problem: "this log was already scanned for this agency (audit log #\(id), evidence #\(file.id))",
                                                      hint: "Nothing to do; see it with: hotlistwatch audit-log show \(id)")])
                }
                let id = try await Self.insert(sql: sql, agencyID: file.agencyID, evidenceID: file.id, kind: kind, summary: summary, rules: rules, by: actor, now: now)
                // Private by rule, so it never waits in the queue for a publish decision.
                try await sql.update("evidence_files").set("visibility_decided_at", to: SQLBind(now)).where("id", .equal, file.id).run()
                guard let log = try await Self.logs(sql: sql, { $0.where(SQLColumn("id", table: "l"), .equal, SQLBind(id)) }).first else { throw RecordNotFound("audit log \(id)") }
                try await AuditLog.append(AuditEntry(action: "search_audit.import", entityType: "search_audit_log", entityID: String(id), before: nil, after: log.auditValues),
                                          by: actor, at: now, on: sql)
                try await DirectoryRevision.bump(sql)
                return log
            }
            return log
        } catch {
            // No orphan: the copy this call made goes again unless a record points at it.
            if copy.isNew, try await !evidence.isReferenced(copy.sha256) { evidence.blobs.discard(copy.sha256) }
            throw error
        }
    }

    /// A scan that read nothing is not a log worth storing; say why rather than store zeros.
    static func check(_ summary: AuditLogSummary, file: String) throws(InputProblems) {
        if summary.rowsRead == 0 {
            throw InputProblems([InputProblem(file: file, problem: "no search could be read from the log (\(summary.rowsSkipped.formatted()) rows skipped)",
                                              hint: "Run `hotlistwatch audit-log scan FILE` without --agency to see why rows are skipped.")])
        }
        if summary.groups.count > maxGroups {
            throw InputProblems([InputProblem(file: file, problem: "the log has \(summary.groups.count.formatted()) organisation-month-category combinations, more than the \(maxGroups.formatted()) one log may store",
                                              hint: "Split the export by period and import each part.")])
        }
    }

    private static func insert(sql: any SQLDatabase, agencyID: Int, evidenceID: Int, kind: SearchAuditKind, summary: AuditLogSummary, rules: String,
                               by actor: AuditActor, now: Date) async throws -> Int {
        let months = summary.groups.map(\.month).filter { $0 != "unknown" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let categories = try String(decoding: encoder.encode(summary.searchesByCategory), as: UTF8.self)
        let id = try await sql.insert(into: "search_audit_logs")
            .columns("agency_id", "evidence_id", "kind", "rows_read", "rows_skipped", "first_month", "last_month", "searches_by_category", "rules_version",
                     "scanned_at", "scanned_by_id", "scanned_by_label")
            .values(SQLBind(agencyID), SQLBind(evidenceID), SQLBind(kind.rawValue), SQLBind(Int64(summary.rowsRead)), SQLBind(Int64(summary.rowsSkipped)),
                    SQLBind(months.min()), SQLBind(months.max()), SQLBind(categories), SQLBind(rules), SQLBind(now), SQLBind(actor.userID), SQLBind(actor.label))
            .returning("id").first()!.decode(column: "id", as: Int.self)
        for chunk in summary.groups.chunked(500) {
            var insert = sql.insert(into: "search_audit_counts").columns("log_id", "organization", "month", "category", "searches", "networks_searched", "devices_searched")
            for group in chunk {
                insert = insert.values(SQLBind(id), SQLBind(String(group.organization.prefix(300))), SQLBind(group.month), SQLBind(group.category.rawValue),
                                       SQLBind(Int64(group.searches)), SQLBind(Int64(group.networksSearched)), SQLBind(Int64(group.devicesSearched)))
            }
            try await insert.run()
        }
        return id
    }

    /// A second person checks the counts against the log (`audit-log show`, the evidence file) and makes them public.
    public func verify(logID: Int, reviewer: UserAccount, by actor: AuditActor, now: Date) async throws -> SearchAuditLog {
        try await database.sqlTransaction { sql in
            guard let log = try await Self.logs(sql: sql, { $0.where(SQLColumn("id", table: "l"), .equal, SQLBind(logID)) }).first else { throw RecordNotFound("audit log \(logID)") }
            guard reviewer.isActive else {
                throw InputProblems([InputProblem(file: "audit log \(logID)", field: "verified_by", problem: "\(reviewer.email) is disabled", hint: "Ask an active reviewer.")])
            }
            try FindingReview.check(log, reviewerID: reviewer.id, reviewerRole: reviewer.role)
            if let withdrawn = log.fileWithdrawnAt {
                throw InputProblems([InputProblem(file: "audit log \(logID)", field: "evidence", problem: "its log file (evidence #\(log.evidenceID)) was withdrawn on \(CalendarDay.today(withdrawn).iso), so nobody can check the counts against it",
                                                  hint: "Store the log again if it is to be published (hotlistwatch audit-log scan FILE --agency ID --kind KIND --as EMAIL).")])
            }
            // Only if nobody verified it meanwhile: two reviewers at once must not both succeed.
            let updated = try await sql.update("search_audit_logs").set("verified_at", to: SQLBind(now)).set("verified_by_id", to: SQLBind(reviewer.id))
                .set("verified_by_label", to: SQLBind(reviewer.email)).where("id", .equal, logID).where("verified_at", .is, SQLLiteral.null).returning("id").all()
            guard !updated.isEmpty else {
                throw InputProblems([InputProblem(file: "audit log \(logID)", field: "version", problem: "someone verified it a moment ago", hint: "Nothing to do.")])
            }
            let verified = try await Self.logs(sql: sql, { $0.where(SQLColumn("id", table: "l"), .equal, SQLBind(logID)) }).first!
            try await AuditLog.append(AuditEntry(action: "search_audit.verify", entityType: "search_audit_log", entityID: String(logID), before: log.auditValues, after: verified.auditValues),
                                      by: actor, at: now, on: sql)
            try await DirectoryRevision.bump(sql)
            return verified
        }
    }

    public func log(id: Int) async throws -> SearchAuditLog? {
        try await Self.logs(sql: database.sql, { $0.where(SQLColumn("id", table: "l"), .equal, SQLBind(id)) }).first
    }

    /// The log whose file is this evidence record, if the record is one.
    public func log(evidenceID: Int) async throws -> SearchAuditLog? {
        try await Self.logs(sql: database.sql, { $0.where(SQLColumn("evidence_id", table: "l"), .equal, SQLBind(evidenceID)) }).first
    }

    /// Logs, oldest first; `verifiedOnly` for anything the public sees, `waitingOnly` for the
    /// reviewers' queue (not yet verified).
    public func list(agencyID: Int? = nil, verifiedOnly: Bool = false, waitingOnly: Bool = false) async throws -> [SearchAuditLog] {
        try await Self.logs(sql: database.sql) { query in
            var query = query
            if let agencyID { query = query.where(SQLColumn("agency_id", table: "l"), .equal, SQLBind(agencyID)) }
            if verifiedOnly { query = query.where(SQLColumn("verified_at", table: "l"), .isNot, SQLLiteral.null) }
            if waitingOnly { query = query.where(SQLColumn("verified_at", table: "l"), .is, SQLLiteral.null) }
            return query
        }
    }

    /// Who stored each log still waiting for a second person (nil: nobody named), without reading
    /// the logs' counts: the home page only counts them.
    public func waitingStoredBy() async throws -> [Int?] {
        try await database.sql.select().column("scanned_by_id").from("search_audit_logs").where("verified_at", .is, SQLLiteral.null).all()
            .map { try $0.decode(column: "scanned_by_id", as: Int?.self) }
    }

    /// Every verified log with its agency, newest first; `stateCode` keeps one state's agencies.
    public func verifiedWithAgencies(stateCode: String? = nil) async throws -> [(agency: AgencyLink, log: SearchAuditLog)] {
        var result: [(agency: AgencyLink, log: SearchAuditLog)] = []
        let directory = DirectoryQueries(database)
        for log in try await list(verifiedOnly: true).reversed() {
            guard let agency = try await directory.agency(id: log.agencyID), stateCode == nil || agency.stateCode == stateCode else { continue }
            result.append((agency, log))
        }
        return result
    }

    /// Verified logs of these agencies, for pages read many at a time.
    static func verified(sql: any SQLDatabase, agencyIDs: [Int]) async throws -> [Int: [SearchAuditLog]] {
        guard !agencyIDs.isEmpty else { return [:] }
        let logs = try await logs(sql: sql) {
            $0.where(SQLColumn("agency_id", table: "l"), .in, SQLBind.group(agencyIDs)).where(SQLColumn("verified_at", table: "l"), .isNot, SQLLiteral.null)
        }
        return Dictionary(grouping: logs, by: \.agencyID)
    }

    /// Every verified log, for the contradiction rules and exports.
    static func allVerified(sql: any SQLDatabase) async throws -> [SearchAuditLog] {
        try await logs(sql: sql) { $0.where(SQLColumn("verified_at", table: "l"), .isNot, SQLLiteral.null) }
    }

    static func logs(sql: any SQLDatabase, _ filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [SearchAuditLog] {
        let query = sql.select()
            .columns(["id", "agency_id", "evidence_id", "kind", "rows_read", "rows_skipped", "first_month", "last_month", "searches_by_category", "rules_version",
                      "scanned_at", "scanned_by_id", "scanned_by_label", "verified_at", "verified_by_label"].map { SQLColumn($0, table: "l") })
            .column(SQLColumn("original_name", table: "e")).column(SQLColumn("sha256", table: "e")).column(SQLColumn("received_on", table: "e"))
            .column(SQLColumn("withdrawn_at", table: "e"))
            .from(SQLAlias(SQLIdentifier("search_audit_logs"), as: SQLIdentifier("l")))
            .join(SQLAlias(SQLIdentifier("evidence_files"), as: SQLIdentifier("e")), on: SQLColumn("id", table: "e"), .equal, SQLColumn("evidence_id", table: "l"))
        var logs = try await filter(query).orderBy(SQLColumn("id", table: "l")).all().map { row in
            var log = SearchAuditLog(
                id: try row.decode(column: "id", as: Int.self), agencyID: try row.decode(column: "agency_id", as: Int.self),
                evidenceID: try row.decode(column: "evidence_id", as: Int.self),
                kind: SearchAuditKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .network,
                fileName: try row.decode(column: "original_name", as: String.self), sha256: try row.decode(column: "sha256", as: String.self),
                receivedOn: try row.decode(column: "received_on", as: String?.self).flatMap(CalendarDay.init(iso:)),
                rowsRead: Int(try row.decode(column: "rows_read", as: Int64.self)), rowsSkipped: Int(try row.decode(column: "rows_skipped", as: Int64.self)),
                firstMonth: try row.decode(column: "first_month", as: String?.self), lastMonth: try row.decode(column: "last_month", as: String?.self),
                searchesByCategory: (try? JSONDecoder().decode([String: Int].self, from: Data(try row.decode(column: "searches_by_category", as: String.self).utf8))) ?? [:],
                groups: [], rulesVersion: try row.decode(column: "rules_version", as: String.self),
                scannedAt: try row.decode(column: "scanned_at", as: Date.self), scannedByID: try row.decode(column: "scanned_by_id", as: Int?.self),
                scannedByLabel: try row.decode(column: "scanned_by_label", as: String.self),
                verifiedAt: try row.decode(column: "verified_at", as: Date?.self), verifiedByLabel: try row.decode(column: "verified_by_label", as: String?.self))
            log.fileWithdrawnAt = try row.decode(column: "withdrawn_at", as: Date?.self)
            return log
        }
        guard !logs.isEmpty else { return [] }
        var groups: [Int: [AuditLogSummary.Group]] = [:]
        for chunk in logs.map(\.id).chunked(500) {
            for row in try await sql.select().columns("log_id", "organization", "month", "category", "searches", "networks_searched", "devices_searched")
                .from("search_audit_counts").where("log_id", .in, chunk)
                .where("category", .notEqual, ReasonCategory.ordinary.rawValue).orderBy("id").all() {
                let group = AuditLogSummary.Group(
                    organization: try row.decode(column: "organization", as: String.self), month: try row.decode(column: "month", as: String.self),
                    category: ReasonCategory(rawValue: try row.decode(column: "category", as: String.self)) ?? .ordinary,
                    searches: Int(try row.decode(column: "searches", as: Int64.self)), networksSearched: Int(try row.decode(column: "networks_searched", as: Int64.self)),
                    devicesSearched: Int(try row.decode(column: "devices_searched", as: Int64.self)))
                groups[try row.decode(column: "log_id", as: Int.self), default: []].append(group)
            }
        }
        for index in logs.indices { logs[index].groups = groups[logs[index].id] ?? [] }
        return logs
    }
}

extension SearchAuditLog {
    /// What the audit trail keeps of a log: counts and who, never the file's contents.
    var auditValues: [String: String] {
        ["agency_id": String(agencyID), "evidence_id": String(evidenceID), "kind": kind.rawValue, "rows_read": String(rowsRead), "rows_skipped": String(rowsSkipped),
         "period": period, "immigration_searches": String(searches(.immigration)), "searches": String(searches), "rules_version": rulesVersion,
         "verified_by": verifiedByLabel ?? ""]
    }
}
