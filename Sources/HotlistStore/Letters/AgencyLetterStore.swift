import Foundation
import HotlistCore
import SQLKit

/// The agency's communications log: every letter to its officials made or sent here, with the
/// audit entry in the same transaction.
public struct AgencyLetterStore: Sendable {
    let database: HotlistDatabase
    public init(_ database: HotlistDatabase) { self.database = database }

    /// What is wrong with a letter before it is logged (or sent), each problem naming its field.
    public static func problems(recipient: String, recipientEmail: String?, subject: String, body: String) -> [InputProblem] {
        var problems: [InputProblem] = []
        if recipient.isEmpty || recipient.count > AgencyLetter.maxRecipientLength || recipient.contains(where: \.isNewline) {
            problems.append(InputProblem(file: "letter", field: "recipient", problem: "the recipient must be one line of 1 to \(AgencyLetter.maxRecipientLength) characters",
                                         hint: "Name who the letter is to, such as \"the Members of the City Council\"."))
        }
        if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || body.count > AgencyLetter.maxBodyLength {
            problems.append(InputProblem(file: "letter", field: "body", problem: "the letter must have 1 to \(AgencyLetter.maxBodyLength) characters", hint: "Write the letter, or shorten it."))
        }
        if subject.trimmingCharacters(in: .whitespaces).isEmpty || subject.count > 300 || subject.contains(where: \.isNewline) {
            problems.append(InputProblem(file: "letter", field: "subject", problem: "the subject must be one line of 1 to 300 characters", hint: "Give a subject, or shorten it."))
        }
        if let recipientEmail, !EmailAddress.isPlausible(recipientEmail) {
            problems.append(InputProblem(file: "letter", field: "recipient_email", problem: "\"\(recipientEmail.prefix(80))\" is not an email address", hint: "Give an address such as clerk@city.example.gov, or leave it empty."))
        }
        return problems
    }

    /// Records a letter that was just downloaded, opened or sent. Refuses an empty or oversized
    /// recipient, subject or body, naming the field; nothing is written then.
    public func record(agencyID: Int, recipient rawRecipient: String, recipientEmail: String?, subject: String, body: String,
                       delivery: AgencyLetter.Delivery, by actor: AuditActor, now: Date) async throws -> AgencyLetter {
        let recipient = rawRecipient.trimmingCharacters(in: .whitespacesAndNewlines)
        let problems = Self.problems(recipient: recipient, recipientEmail: recipientEmail, subject: subject, body: body)
        if !problems.isEmpty { throw InputProblems(problems) }
        return try await database.sqlTransaction { sql in
            guard try await sql.select().column("id").from("agencies").where("id", .equal, agencyID).first() != nil else { throw RecordNotFound("agency \(agencyID)") }
            let id = try await sql.insert(into: "agency_communications")
                .columns("agency_id", "recipient", "recipient_email", "subject", "body", "delivery", "created_by", "created_by_label", "created_at")
                .values(SQLBind(agencyID), SQLBind(recipient), SQLBind(recipientEmail), SQLBind(subject), SQLBind(body), SQLBind(delivery.rawValue),
                        SQLBind(actor.userID), SQLBind(actor.label), SQLBind(now))
                .returning("id").first()!.decode(column: "id", as: Int.self)
            try await AuditLog.append(AuditEntry(action: "agency.letter.add", entityType: "agency", entityID: String(agencyID), before: nil,
                                                 after: ["communication_id": String(id), "recipient": recipient, "recipient_email": recipientEmail ?? "",
                                                         "delivery": delivery.rawValue, "subject": subject]),
                                      by: actor, at: now, on: sql)
            return AgencyLetter(id: id, agencyID: agencyID, recipient: recipient, recipientEmail: recipientEmail, subject: subject, body: body,
                                delivery: delivery, madeByLabel: actor.label, createdAt: now)
        }
    }

    /// The agency's letters, newest first, at most `limit`.
    public func letters(agencyID: Int, limit: Int = 100) async throws -> [AgencyLetter] {
        try await database.sql.select()
            .columns("id", "agency_id", "recipient", "recipient_email", "subject", "body", "delivery", "created_by_label", "created_at")
            .from("agency_communications").where("agency_id", .equal, agencyID).orderBy("id", .descending).limit(limit).all().map { row in
                AgencyLetter(id: try row.decode(column: "id", as: Int.self), agencyID: try row.decode(column: "agency_id", as: Int.self),
                             recipient: try row.decode(column: "recipient", as: String.self), recipientEmail: try row.decode(column: "recipient_email", as: String?.self),
                             subject: try row.decode(column: "subject", as: String.self), body: try row.decode(column: "body", as: String.self),
                             delivery: AgencyLetter.Delivery(rawValue: try row.decode(column: "delivery", as: String.self)) ?? .eml,
                             madeByLabel: try row.decode(column: "created_by_label", as: String.self), createdAt: try row.decode(column: "created_at", as: Date.self))
            }
    }
}
