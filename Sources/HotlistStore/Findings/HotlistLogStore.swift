import FluentKit
import Foundation
import HotlistCore
import NIOPosix
import SQLKit

/// Imported hotlist action logs: the export is kept as evidence, its lines as a timeline.
public struct HotlistLogStore: Sendable {
    let database: HotlistDatabase
    let evidence: EvidenceStore

    public init(_ database: HotlistDatabase, evidence: EvidenceStore) { self.database = database; self.evidence = evidence }

    public struct Imported: Sendable {
        public var evidenceID: Int
        public var actions: Int
        public var first: Date
        public var last: Date
    }

    /// Reads the whole log first; a bad line refuses the import with nothing stored.
    public func importLog(_ data: Data, _ submission: EvidenceSubmission, by actor: AuditActor, now: Date) async throws -> Imported {
        let kind = try evidence.intake.check(name: submission.originalName, size: data.count, head: data.prefix(65_536))
        guard kind == .csv || kind == .xlsx else {
            throw InputProblems([InputProblem(file: submission.originalName, field: "file", problem: "a hotlist action log must be a CSV or XLSX export, this is a \(kind.label)",
                                              hint: "Import the log as Flock exports it (.xlsx or .csv); other files can be added as evidence.")])
        }
        // Parsing a large sheet takes seconds: on a thread of its own, not the few that run requests.
        let name = submission.originalName
        let actions: [HotlistAction] = try await NIOThreadPool.singleton.runIfActive {
            kind == .csv ? try HotlistActionLog.parse(data: data, file: name)
                : try HotlistActionLog.parse(sheet: try XLSXWorkbook.firstSheetRows(data, file: name), file: name)
        }
        // The file is stored as evidence (same checks, deduplication and cleanup), the lines in the same transaction.
        return try await evidence.add(data, submission, by: actor, now: now) { sql, file in
            if try await sql.select().column("id").from("hotlist_actions").where("evidence_id", .equal, file.id).first() != nil {
                throw InputProblems([InputProblem(file: submission.originalName, field: "file", problem: "this log was already imported (evidence #\(file.id))",
                                                  hint: "Nothing to do; import a newer export to extend the timeline.")])
            }
            for start in stride(from: 0, to: actions.count, by: 500) {
                var insert = sql.insert(into: "hotlist_actions").columns("agency_id", "evidence_id", "line", "occurred_at", "user_name", "event_type", "entity_type", "details")
                for action in actions[start..<min(start + 500, actions.count)] {
                    insert = insert.values(SQLBind(file.agencyID), SQLBind(file.id), SQLBind(action.line), SQLBind(action.occurredAt), SQLBind(action.user),
                                           SQLBind(action.eventType), SQLBind(action.entityType), SQLBind(action.details))
                }
                try await insert.run()
            }
            let imported = Imported(evidenceID: file.id, actions: actions.count, first: actions.first!.occurredAt, last: actions.last!.occurredAt)
            try await AuditLog.append(AuditEntry(action: "hotlist_log.import", entityType: "evidence", entityID: String(file.id), before: nil,
                                                 after: ["agency_id": String(file.agencyID), "actions": String(actions.count),
                                                         "first": TimestampParser.iso8601(imported.first), "last": TimestampParser.iso8601(imported.last)]),
                                      by: actor, at: now, on: sql)
            try await DirectoryRevision.bump(sql)
            return imported
        }.result
    }

    /// The agency's timeline, oldest first.
    public func timeline(agencyID: Int, limit: Int = 5_000) async throws -> [HotlistTimelineEntry] {
        try await Self.timeline(sql: database.sql, agencyID: agencyID, limit: limit)
    }

    static func timeline(sql: any SQLDatabase, agencyID: Int, limit: Int) async throws -> [HotlistTimelineEntry] {
        try await timelines(sql: sql, agencyIDs: [agencyID], limit: limit)[agencyID] ?? []
    }

    /// The timelines of `agencyIDs` in one query, each cut at `limit` entries.
    static func timelines(sql: any SQLDatabase, agencyIDs: [Int], limit: Int) async throws -> [Int: [HotlistTimelineEntry]] {
        var query = sql.select().columns("agency_id", "evidence_id", "line", "occurred_at", "user_name", "event_type", "entity_type", "details").from("hotlist_actions")
            .where("agency_id", .in, agencyIDs).orderBy("agency_id").orderBy("occurred_at").orderBy("id")
        // One agency: the database stops at the limit; several: each is cut below.
        if agencyIDs.count == 1 { query = query.limit(limit) }
        var result: [Int: [HotlistTimelineEntry]] = [:]
        for row in try await query.all() {
            let agencyID = try row.decode(column: "agency_id", as: Int.self)
            guard result[agencyID, default: []].count < limit else { continue }
            result[agencyID, default: []].append(
                HotlistTimelineEntry(evidenceID: try row.decode(column: "evidence_id", as: Int.self),
                                     action: HotlistAction(line: try row.decode(column: "line", as: Int.self), occurredAt: try row.decode(column: "occurred_at", as: Date.self),
                                                           user: try row.decode(column: "user_name", as: String.self), eventType: try row.decode(column: "event_type", as: String.self),
                                                           entityType: try row.decode(column: "entity_type", as: String.self), details: try row.decode(column: "details", as: String.self))))
        }
        return result
    }
}

/// One entry of an agency's hotlist timeline, with the log file it came from.
public struct HotlistTimelineEntry: Sendable, Equatable {
    public var evidenceID: Int
    public var action: HotlistAction
}
