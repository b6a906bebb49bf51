import FluentKit
import Foundation
import HotlistCore
import SQLKit

/// Agencies' public statements and policies, entered by one person and verified by another.
public struct StatementStore: Sendable {
    let database: HotlistDatabase
    public init(_ database: HotlistDatabase) { self.database = database }

    static let columns = ["id", "agency_id", "kind", "text", "speaker", "said_on", "source_url", "evidence_id", "denies_immigration_use",
                          "entered_by_id", "entered_by_label", "entered_at", "verified_by_id", "verified_by_label", "verified_at"]

    public func add(agencyID: Int, kind: AgencyStatement.Kind, text: String, speaker: String, saidOn: CalendarDay?, sourceURL: String?, evidenceID: Int?,
                    deniesImmigrationUse: Bool, by actor: AuditActor, now: Date) async throws -> AgencyStatement {
        try await database.sqlTransaction { sql in
            var problems = AgencyStatement.problems(text: text, speaker: speaker, saidOn: saidOn, sourceURL: sourceURL, evidenceID: evidenceID, today: CalendarDay.today(now))
            if actor.userID == nil {
                problems.append(InputProblem(file: "statement", field: "entered_by", problem: "a statement must be entered by a named person", hint: "On the command line, add --as EMAIL."))
            }
            guard try await sql.select().column("id").from("agencies").where("id", .equal, agencyID).first() != nil else { throw RecordNotFound("agency \(agencyID)") }
            if let evidenceID {
                let owner = try await sql.select().column("agency_id").from("evidence_files").where("id", .equal, evidenceID).first()?.decode(column: "agency_id", as: Int.self)
                if owner != agencyID {
                    problems.append(InputProblem(file: "statement", field: "evidence", problem: owner == nil ? "there is no evidence file \(evidenceID)" : "evidence \(evidenceID) belongs to another agency",
                                                 hint: "Upload the document for this agency first."))
                }
            }
            if !problems.isEmpty { throw InputProblems(problems) }
            return try await Self.insert(sql: sql, agencyID: agencyID, kind: kind, text: text, speaker: speaker, saidOn: saidOn!, sourceURL: sourceURL, evidenceID: evidenceID,
                                         deniesImmigrationUse: deniesImmigrationUse, by: actor, now: now)
        }
    }

    /// Stores a checked statement, unverified, with its audit entry, on `sql` (the caller's transaction).
    @discardableResult
    static func insert(sql: any SQLDatabase, agencyID: Int, kind: AgencyStatement.Kind, text: String, speaker: String, saidOn: CalendarDay, sourceURL: String?, evidenceID: Int?,
                       deniesImmigrationUse: Bool, by actor: AuditActor, now: Date) async throws -> AgencyStatement {
        let url = sourceURL?.trimmingCharacters(in: .whitespaces)
        let id = try await sql.insert(into: "agency_statements")
            .columns("agency_id", "kind", "text", "speaker", "said_on", "source_url", "evidence_id", "denies_immigration_use", "entered_by_id", "entered_by_label", "entered_at")
            .values(SQLBind(agencyID), SQLBind(kind.rawValue), SQLBind(text.trimmingCharacters(in: .whitespacesAndNewlines)), SQLBind(speaker.trimmingCharacters(in: .whitespaces)),
                    SQLBind(saidOn.iso), SQLBind(url?.isEmpty == false ? url : nil), SQLBind(evidenceID), SQLBind(deniesImmigrationUse),
                    SQLBind(actor.userID), SQLBind(actor.label), SQLBind(now))
            .returning("id").first()!.decode(column: "id", as: Int.self)
        let stored = try await list(sql: sql) { $0.where("id", .equal, id) }.first!
        try await AuditLog.append(AuditEntry(action: "statement.add", entityType: "statement", entityID: String(id), before: nil, after: stored.auditValues), by: actor, at: now, on: sql)
        return stored
    }

    /// Two-person rule, as for findings.
    public func verify(statementID: Int, reviewer: UserAccount, by actor: AuditActor, now: Date) async throws -> AgencyStatement {
        try await database.sqlTransaction { sql in
            guard let statement = try await Self.list(sql: sql, { $0.where("id", .equal, statementID) }).first else { throw RecordNotFound("statement \(statementID)") }
            let file = "statement \(statementID)"
            guard reviewer.isActive else { throw InputProblems([InputProblem(file: file, field: "verified_by", problem: "\(reviewer.email) is disabled", hint: "Ask an active reviewer.")]) }
            try FindingReview.check(statement, reviewerID: reviewer.id, reviewerRole: reviewer.role)
            // Published words need a source the public can open.
            if statement.sourceURL == nil, let evidenceID = statement.evidenceID,
               try await sql.select().column("is_public").from("evidence_files").where("id", .equal, evidenceID).first()?.decode(column: "is_public", as: Bool.self) != true {
                throw InputProblems([InputProblem(file: file, field: "source", problem: "its only source, evidence #\(evidenceID), is private",
                                                  hint: "Publish the document first (if it holds no personal data), or record the web address where it was published.")])
            }
            let updated = try await sql.update("agency_statements").set("verified_by_id", to: SQLBind(reviewer.id)).set("verified_by_label", to: SQLBind(reviewer.email))
                .set("verified_at", to: SQLBind(now)).where("id", .equal, statementID).where("verified_at", .is, SQLLiteral.null).returning("id").all()
            guard !updated.isEmpty else { throw FindingStore.verifiedMeanwhile(file, what: "this statement") }
            let verified = try await Self.list(sql: sql) { $0.where("id", .equal, statementID) }.first!
            try await AuditLog.append(AuditEntry(action: "statement.verify", entityType: "statement", entityID: String(statementID), before: statement.auditValues, after: verified.auditValues),
                                      by: actor, at: now, on: sql)
            try await DirectoryRevision.bump(sql)
            return verified
        }
    }

    public func list(agencyID: Int? = nil, verifiedOnly: Bool) async throws -> [AgencyStatement] {
        try await Self.list(sql: database.sql) { query in
            var query = query
            if let agencyID { query = query.where("agency_id", .equal, agencyID) }
            if verifiedOnly { query = query.where("verified_at", .isNot, SQLLiteral.null) }
            return query
        }
    }

    static func list(sql: any SQLDatabase, _ filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [AgencyStatement] {
        try await filter(sql.select().columns(columns).from("agency_statements")).orderBy("said_on").orderBy("id").all().map { row in
            AgencyStatement(id: try row.decode(column: "id", as: Int.self), agencyID: try row.decode(column: "agency_id", as: Int.self),
                            kind: AgencyStatement.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .publicStatement,
                            text: try row.decode(column: "text", as: String.self), speaker: try row.decode(column: "speaker", as: String.self),
                            saidOn: CalendarDay(iso: try row.decode(column: "said_on", as: String.self)) ?? CalendarDay(ordinal: 0),
                            sourceURL: try row.decode(column: "source_url", as: String?.self), evidenceID: try row.decode(column: "evidence_id", as: Int?.self),
                            deniesImmigrationUse: try row.decode(column: "denies_immigration_use", as: Bool.self),
                            enteredByID: try row.decode(column: "entered_by_id", as: Int?.self), enteredByLabel: try row.decode(column: "entered_by_label", as: String.self),
                            enteredAt: try row.decode(column: "entered_at", as: Date.self), verifiedByID: try row.decode(column: "verified_by_id", as: Int?.self),
                            verifiedByLabel: try row.decode(column: "verified_by_label", as: String?.self), verifiedAt: try row.decode(column: "verified_at", as: Date?.self))
        }
    }
}
