import FluentKit
import Foundation
import HotlistCore
import NIOPosix
import SQLKit

/// Imported hotlist hit (alert) logs: the export is kept as evidence, its hits as counts per month,
/// list and topic. Hits labelled Immigration Violator become a draft finding for a second person.
public struct HitLogStore: Sendable {
    let database: HotlistDatabase
    let evidence: EvidenceStore

    public init(_ database: HotlistDatabase, evidence: EvidenceStore) { self.database = database; self.evidence = evidence }

    public struct Imported: Sendable {
        public var evidenceID: Int
        public var summary: HitLogSummary
        /// The draft finding the Immigration Violator hits wait in, if any.
        public var draftFindingID: Int?
        /// True when an identical draft was already waiting, so none was added.
        public var draftWasPending: Bool
        /// Earlier imports of the agency whose days overlap this one's: their counts add up, so the
        /// same hit in both exports would be counted twice.
        public var overlapping: [ImportRecord] = []
    }

    /// Reads the whole log first; a bad row refuses the import with nothing stored.
    public func importLog(_ data: Data, _ submission: EvidenceSubmission, by actor: AuditActor, now: Date) async throws -> Imported {
        let name = submission.originalName
        if let problem = HitLog.htmlProblem(data, file: name) { throw InputProblems([problem]) }
        let kind: EvidenceKind
        do { kind = try evidence.intake.check(name: name, size: data.count, head: data.prefix(65_536)) } catch {
            // Latin-1 text or a broken quote is "not an accepted type" to the intake; the parser says which line.
            if EvidenceKind.claimed(byName: name) == .csv, !data.isEmpty, data.count <= evidence.intake.maxBytes { _ = try HitLog.parse(csv: data, file: name) }
            throw error
        }
        guard kind == .csv || kind == .xlsx else {
            throw InputProblems([InputProblem(file: name, field: "file", problem: "a hit log must be a CSV or XLSX export, this is a \(kind.label)",
                                              hint: "Import the hit log as exported (.xlsx or .csv); other files can be added as evidence.")])
        }
        // Parsing a large sheet takes seconds: on a thread of its own, not the few that run requests.
        let summary: HitLogSummary = try await NIOThreadPool.singleton.runIfActive {
            kind == .csv ? try HitLog.parse(csv: data, file: name) : try HitLog.parse(sheet: try XLSXWorkbook.firstSheetRows(data, file: name), file: name)
        }
        if summary.immigrationViolator != nil, actor.userID == nil {
            throw InputProblems([InputProblem(file: name, field: "entered_by", problem: "hits labelled Immigration Violator make a draft finding, which a named person must enter",
                                              hint: "On the command line, add --as EMAIL (your account); a second person then verifies the finding.")])
        }
        return try await evidence.add(data, submission, by: actor, now: now) { sql, file in
            if let earlier = try await sql.select().column("id").from("hotlist_hit_imports").where("evidence_id", .equal, file.id).first() {
                throw InputProblems([InputProblem(file: name, field: "file", problem: "this hit log was already imported (evidence #\(file.id), import #\(try earlier.decode(column: "id", as: Int.self)))",
                                                  hint: "Nothing to do; import a newer export to add its hits.")])
            }
            let overlapping = try await Self.imports(sql: sql, agencyID: file.agencyID).filter { $0.first <= summary.last.iso && $0.last >= summary.first.iso }
            let importID = try await sql.insert(into: "hotlist_hit_imports").columns("agency_id", "evidence_id", "hit_rows", "first_day", "last_day", "imported_at")
                .values(SQLBind(file.agencyID), SQLBind(file.id), SQLBind(summary.rows), SQLBind(summary.first.iso), SQLBind(summary.last.iso), SQLBind(now))
                .returning("id").first()!.decode(column: "id", as: Int.self)
            for start in stride(from: 0, to: summary.counts.count, by: 500) {
                var insert = sql.insert(into: "hotlist_hit_counts").columns("import_id", "agency_id", "month", "list_name", "topic", "immigration_violator", "hits")
                for count in summary.counts[start..<min(start + 500, summary.counts.count)] {
                    insert = insert.values(SQLBind(importID), SQLBind(file.agencyID), SQLBind(count.month), SQLBind(count.list), SQLBind(count.topic),
                                           SQLBind(count.isImmigrationViolator), SQLBind(count.hits))
                }
                try await insert.run()
            }
            var draft: (id: Int, wasPending: Bool)?
            if let span = summary.immigrationViolator {
                draft = try await Self.draftFinding(span, file: file, sql: sql, by: actor, now: now)
                try await sql.update("hotlist_hit_imports").set("finding_id", to: SQLBind(draft!.id)).where("id", .equal, importID).run()
            }
            var after: [String: String?] = ["agency_id": String(file.agencyID), "import_id": String(importID), "hits": String(summary.rows), "groups": String(summary.counts.count),
                                            "first": summary.first.iso, "last": summary.last.iso]
            if let span = summary.immigrationViolator, let draft {
                after["immigration_violator_hits"] = String(span.hits)
                after["finding_id"] = String(draft.id)
            }
            try await AuditLog.append(AuditEntry(action: "hit_log.import", entityType: "evidence", entityID: String(file.id), before: nil, after: after), by: actor, at: now, on: sql)
            try await DirectoryRevision.bump(sql)
            return Imported(evidenceID: file.id, summary: summary, draftFindingID: draft?.id, draftWasPending: draft?.wasPending ?? false, overlapping: overlapping)
        }.result
    }

    /// "Immigration Violator enabled as of the latest such hit", unverified, citing the log; an
    /// identical draft already waiting for a second person is used instead of a second one.
    static func draftFinding(_ span: HitSpan, file: EvidenceFile, sql: any SQLDatabase, by actor: AuditActor, now: Date) async throws -> (id: Int, wasPending: Bool) {
        let topics: [String: TopicSetting] = [NCICTopic.immigrationViolatorKey: .enabled]
        let pending = try await FindingStore.latestVersions(sql: sql, agencyIDs: [file.agencyID], verifiedOnly: false).first {
            !$0.isVerified && $0.sentBack == nil && $0.asOf == span.last && $0.topics == topics && $0.otherHotlists.isEmpty
        }
        if let pending { return (pending.findingID, true) }
        let note = "\(span.hits) hit\(span.hits == 1 ? "" : "s") labelled Immigration Violator in the hotlist hit log \(file.originalName) (evidence #\(file.id)), "
            + "first on \(span.first.iso), last on \(span.last.iso). Drafted by the hit-log import: check the file before verifying."
        let draft = FindingDraft(agencyID: file.agencyID, asOf: span.last, topics: topics, note: note, evidenceIDs: [file.id])
        return (try await FindingStore.add(draft, sql: sql, by: actor, now: now).findingID, false)
    }

    // MARK: reading

    /// One import of an agency, for the people doing the work.
    public struct ImportRecord: Sendable, Equatable {
        public var id: Int
        public var evidenceID: Int
        public var rows: Int
        public var first: String
        public var last: String
        public var findingID: Int?
        public var importedAt: Date
    }

    public static func imports(_ database: HotlistDatabase, agencyID: Int) async throws -> [ImportRecord] {
        try await imports(sql: database.sql, agencyID: agencyID)
    }

    static func imports(sql: any SQLDatabase, agencyID: Int) async throws -> [ImportRecord] {
        try await sql.select().columns("id", "evidence_id", "hit_rows", "first_day", "last_day", "finding_id", "imported_at").from("hotlist_hit_imports")
            .where("agency_id", .equal, agencyID).orderBy("id").all().map { row in
                ImportRecord(id: try row.decode(column: "id", as: Int.self), evidenceID: try row.decode(column: "evidence_id", as: Int.self),
                             rows: try row.decode(column: "hit_rows", as: Int.self), first: try row.decode(column: "first_day", as: String.self),
                             last: try row.decode(column: "last_day", as: String.self), findingID: try row.decode(column: "finding_id", as: Int?.self),
                             importedAt: try row.decode(column: "imported_at", as: Date.self))
            }
    }

    /// Every count of the agency, Immigration Violator rows included, summed over its imports.
    public static func counts(_ database: HotlistDatabase, agencyID: Int) async throws -> [HitCount] {
        try await Self.counts(sql: database.sql, agencyIDs: [agencyID]) { _, _ in true }.counts[agencyID] ?? []
    }

    /// Per agency, the counts summed over its imports whose evidence is not withdrawn, keeping a row of
    /// an import only if `shown(agencyID, evidenceID)` allows it (or it is not about Immigration
    /// Violator); `withheld` lists the agencies with such a row left out.
    static func counts(sql: any SQLDatabase, agencyIDs: [Int], immigrationViolatorShown shown: (Int, Int) -> Bool) async throws -> (counts: [Int: [HitCount]], withheld: Set<Int>) {
        guard !agencyIDs.isEmpty else { return ([:], []) }
        let rows = try await sql.select()
            .columns(["agency_id", "month", "list_name", "topic", "immigration_violator", "hits"].map { SQLColumn($0, table: "hotlist_hit_counts") })
            .column(SQLColumn("evidence_id", table: "hotlist_hit_imports"))
            .from("hotlist_hit_counts")
            .join("hotlist_hit_imports", on: SQLColumn("id", table: "hotlist_hit_imports"), .equal, SQLColumn("import_id", table: "hotlist_hit_counts"))
            .join("evidence_files", on: SQLColumn("id", table: "evidence_files"), .equal, SQLColumn("evidence_id", table: "hotlist_hit_imports"))
            .where(SQLColumn("agency_id", table: "hotlist_hit_counts"), .in, SQLBind.group(agencyIDs))
            .where(SQLColumn("withdrawn_at", table: "evidence_files"), .is, SQLLiteral.null)
            .all()
        var sums: [Int: [HitCount: Int]] = [:]
        var withheld: Set<Int> = []
        for row in rows {
            let agencyID = try row.decode(column: "agency_id", as: Int.self)
            if try row.decode(column: "immigration_violator", as: Bool.self), !shown(agencyID, try row.decode(column: "evidence_id", as: Int.self)) {
                withheld.insert(agencyID)
                continue
            }
            let key = HitCount(month: try row.decode(column: "month", as: String.self), list: try row.decode(column: "list_name", as: String.self),
                               topic: try row.decode(column: "topic", as: String.self), hits: 0)
            sums[agencyID, default: [:]][key, default: 0] += try row.decode(column: "hits", as: Int.self)
        }
        let counts = sums.mapValues { groups in
            groups.map { HitCount(month: $0.key.month, list: $0.key.list, topic: $0.key.topic, hits: $0.value) }.sorted { ($0.month, $0.list, $0.topic) < ($1.month, $1.list, $1.topic) }
        }
        return (counts, withheld)
    }
}
