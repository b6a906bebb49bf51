import FluentKit
import Foundation
import HotlistCore
import SQLKit

/// Corrections to where an agency takes records requests, audited, visible at once on public pages.
public struct RecordsContactEditor: Sendable {
    let database: HotlistDatabase
    public init(_ database: HotlistDatabase) { self.database = database }

    public func contact(agencyID: Int) async throws -> RecordsContact? {
        guard let row = try await database.sql.select().columns("records_email", "records_portal_url").from("agencies").where("id", .equal, agencyID).first() else { return nil }
        return RecordsContact(email: try row.decode(column: "records_email", as: String?.self), portalURL: try row.decode(column: "records_portal_url", as: String?.self))
    }

    /// Replaces the contact. Returns the values before the change. A save that changes nothing records nothing.
    @discardableResult
    public func replace(agencyID: Int, with contact: RecordsContact, by actor: AuditActor, now: Date) async throws -> RecordsContact {
        try await database.sqlTransaction { sql in
            try await Self.replace(agencyID: agencyID, with: contact, source: [:], by: actor, now: now, sql: sql)
        }
    }

    /// One agency's change inside the caller's transaction: the web form, `agencies set-contact` and
    /// `import records-contacts` all come here, so each change is audited the same way. `source`
    /// (where an import found the contact) is added to the audit entry.
    static func replace(agencyID: Int, with contact: RecordsContact, source: AuditValues, by actor: AuditActor, now: Date, sql: any SQLDatabase) async throws -> RecordsContact {
        guard let row = try await sql.select().columns("records_email", "records_portal_url").from("agencies").where("id", .equal, agencyID).first() else {
            throw RecordNotFound("agency \(agencyID)")
        }
        let before = RecordsContact(email: try row.decode(column: "records_email", as: String?.self), portalURL: try row.decode(column: "records_portal_url", as: String?.self))
        guard before != contact else { return before }
        try await sql.update("agencies").set("records_email", to: SQLBind(contact.email)).set("records_portal_url", to: SQLBind(contact.portalURL))
            .where("id", .equal, agencyID).run()
        try await AuditLog.append(AuditEntry(action: "agency.records_contact.update", entityType: "agency", entityID: String(agencyID),
                                             before: before.auditValues, after: contact.auditValues.merging(source) { current, _ in current }), by: actor, at: now, on: sql)
        try await DirectoryRevision.bump(sql)
        return before
    }

    /// A file of contacts, all or nothing: every row's agency must exist (none is ever created).
    /// Empty cells keep the stored value; a row that changes nothing is counted as unchanged.
    public func importContacts(_ file: RecordsContactFile, by actor: AuditActor, now: Date) async throws -> ImportSummary {
        try await HotlistDatabase.retryingWhenBusy { try await database.sqlTransaction { sql in
            let agencies = try await AgencyResolver(sql: sql)
            var problems: [InputProblem] = []
            var resolved: [(row: RecordsContactFile.Row, agencyID: Int)] = []
            var lines: [Int: Int] = [:]
            for row in file.rows {
                guard let agencyID = agencies.resolve(row.agency, file: file.file, line: row.line, columns: row.columns, problems: &problems) else { continue }
                // Its id on one line and its ORI on another are still one agency.
                if let earlier = lines[agencyID] {
                    problems.append(InputProblem(file: file.file, line: row.line, field: "agency", problem: "agency \(agencyID) is on line \(earlier) too", hint: "Keep one row per agency."))
                    continue
                }
                lines[agencyID] = row.line
                resolved.append((row, agencyID))
            }
            if !problems.isEmpty { throw InputProblems(problems) }
            var summary = ImportSummary()
            if !file.unknownColumns.isEmpty {
                summary.notices.append("columns not imported (not known to Hotlist Watch): \(file.unknownColumns.joined(separator: ", ")). Known columns: \(RecordsContactFile.columns.joined(separator: ", ")).")
            }
            for (row, agencyID) in resolved {
                guard let stored = try await sql.select().columns("records_email", "records_portal_url").from("agencies").where("id", .equal, agencyID).first() else { continue }
                let storedEmail = try stored.decode(column: "records_email", as: String?.self)
                let storedPortal = try stored.decode(column: "records_portal_url", as: String?.self)
                let contact = RecordsContact(email: row.email ?? storedEmail, portalURL: row.portalURL ?? storedPortal)
                let before = try await Self.replace(agencyID: agencyID, with: contact, source: ["source_url": row.sourceURL, "note": row.note], by: actor, now: now, sql: sql)
                summary.record("records contacts", before == contact ? \.unchanged : \.updated)
            }
            return summary
        } }
    }
}
