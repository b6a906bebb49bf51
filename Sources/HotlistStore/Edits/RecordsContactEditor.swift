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
            guard let row = try await sql.select().columns("records_email", "records_portal_url").from("agencies").where("id", .equal, agencyID).first() else {
                throw RecordNotFound("agency \(agencyID)")
            }
            let before = RecordsContact(email: try row.decode(column: "records_email", as: String?.self), portalURL: try row.decode(column: "records_portal_url", as: String?.self))
            guard before != contact else { return before }
            try await sql.update("agencies").set("records_email", to: SQLBind(contact.email)).set("records_portal_url", to: SQLBind(contact.portalURL))
                .where("id", .equal, agencyID).run()
            try await AuditLog.append(AuditEntry(action: "agency.records_contact.update", entityType: "agency", entityID: String(agencyID),
                                                 before: before.auditValues, after: contact.auditValues), by: actor, at: now, on: sql)
            try await DirectoryRevision.bump(sql)
            return before
        }
    }
}
