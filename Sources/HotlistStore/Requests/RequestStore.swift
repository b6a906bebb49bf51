import FluentKit
import Foundation
import HotlistCore
import SQLKit

/// Public-records requests: drafts, filing, status changes, and what is logged on them. Every change
/// is checked in HotlistCore (transitions, dates), written in one transaction with its audit entry.
public struct RequestStore: Sendable {
    let database: HotlistDatabase
    public init(_ database: HotlistDatabase) { self.database = database }

    static let columns = ["id", "agency_id", "campaign_id", "status", "requester_name", "requester_email", "requester_address", "requester_state",
                          "subject", "letter", "channel", "portal_kind", "channel_url", "filed_on", "received_on", "due_on", "follow_up_on",
                          "due_basis", "extension_days", "created_at", "updated_at"]

    // MARK: reading

    public func request(id: Int) async throws -> RecordsRequest? {
        try await Self.request(id: id, sql: database.sql)
    }

    public func detail(id: Int) async throws -> RequestDetail? {
        let sql = database.sql
        guard let request = try await Self.request(id: id, sql: sql) else { return nil }
        let communications = try await sql.select().columns("id", "request_id", "direction", "channel", "occurred_on", "subject", "text", "created_at")
            .from("request_communications").where("request_id", .equal, id).orderBy("occurred_on").orderBy("id").all().map { row in
                Communication(id: try row.decode(column: "id", as: Int.self), requestID: id,
                              direction: Communication.Direction(rawValue: try row.decode(column: "direction", as: String.self)) ?? .incoming,
                              channel: FilingChannel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .email,
                              occurredOn: try Self.day(row, "occurred_on")!, subject: try row.decode(column: "subject", as: String.self),
                              text: try row.decode(column: "text", as: String.self), createdAt: try row.decode(column: "created_at", as: Date.self))
            }
        let fees = try await sql.select().columns("id", "kind", "amount_cents", "occurred_on", "note").from("request_fees")
            .where("request_id", .equal, id).orderBy("occurred_on").orderBy("id").all().map { row in
                FeeEntry(id: try row.decode(column: "id", as: Int.self), requestID: id, kind: FeeEntry.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .estimate,
                         amountCents: try row.decode(column: "amount_cents", as: Int.self), occurredOn: try Self.day(row, "occurred_on")!,
                         note: try row.decode(column: "note", as: String.self))
            }
        let exemptions = try await sql.select().columns("id", "exemption_id", "cited_text").from("request_exemptions")
            .where("request_id", .equal, id).orderBy("id").all().map { row in
                CitedExemption(id: try row.decode(column: "id", as: Int.self), requestID: id, exemptionID: try row.decode(column: "exemption_id", as: String?.self),
                               citedText: try row.decode(column: "cited_text", as: String.self))
            }
        let history = try await Self.history(sql, requestIDs: [id])
        let email = try await sql.select().column("records_email").from("agencies").where("id", .equal, request.agencyID).first()?
            .decode(column: "records_email", as: String?.self)
        return RequestDetail(request: request, communications: communications, fees: fees, exemptions: exemptions, history: history, agencyRecordsEmail: email)
    }

    /// Requests matching the filter, newest first.
    public func list(_ filter: RequestFilter) async throws -> [RecordsRequest] {
        try await Self.list(sql: database.sql, filter)
    }

    static func list(sql: any SQLDatabase, _ filter: RequestFilter) async throws -> [RecordsRequest] {
        var query = Self.baseSelect(sql)
        if let status = filter.status { query = query.where(SQLColumn("status", table: "records_requests"), .equal, SQLBind(status.rawValue)) }
        if let state = filter.stateCode { query = query.where(SQLColumn("state_code", table: "agencies"), .equal, SQLBind(state)) }
        if let campaign = filter.campaignID { query = query.where(SQLColumn("campaign_id", table: "records_requests"), .equal, SQLBind(campaign)) }
        if let agency = filter.agencyID { query = query.where(SQLColumn("agency_id", table: "records_requests"), .equal, SQLBind(agency)) }
        if let person = filter.createdBy { query = query.where(SQLColumn("created_by", table: "records_requests"), .equal, SQLBind(person)) }
        let rows = try await query.orderBy(SQLOrderBy(expression: SQLColumn("id", table: "records_requests"), direction: SQLDirection.descending)).limit(filter.limit).all()
        return try await Self.withTrackingNumbers(rows.map(Self.decode), sql: sql)
    }

    /// The requests of `agencyIDs`, newest first.
    static func list(sql: any SQLDatabase, agencyIDs: [Int]) async throws -> [RecordsRequest] {
        let rows = try await Self.baseSelect(sql).where(SQLColumn("agency_id", table: "records_requests"), .in, SQLBind.group(agencyIDs))
            .orderBy(SQLOrderBy(expression: SQLColumn("id", table: "records_requests"), direction: SQLDirection.descending)).all()
        return try await Self.withTrackingNumbers(rows.map(Self.decode), sql: sql)
    }

    /// Requests still with the agency whose date has passed or comes within `days`, soonest first.
    public func due(today: CalendarDay, withinDays days: Int, createdBy: Int? = nil, campaignID: Int? = nil) async throws -> [RecordsRequest] {
        let limit = today.adding(days: days)
        var filter = RequestFilter(limit: 10_000)
        filter.createdBy = createdBy
        filter.campaignID = campaignID
        return try await list(filter).filter { request in
            guard request.status.awaitsAgency, let date = request.actionDate else { return false }
            return date <= limit
        }.sorted { ($0.actionDate!, $0.id) < ($1.actionDate!, $1.id) }
    }

    /// Median time to answer, share answered and share denied, per agency or state.
    public func statistics(by grouping: RequestStatistics.Grouping, filter: RequestFilter = RequestFilter(limit: 100_000)) async throws -> [RequestStatistics] {
        let requests = try await list(filter)
        var history: [StatusChange] = []
        let ids = requests.map(\.id)
        for start in stride(from: 0, to: ids.count, by: 500) {
            history += try await Self.history(database.sql, requestIDs: Array(ids[start..<min(start + 500, ids.count)]))
        }
        return RequestStatistics.compute(requests, history: history, by: grouping)
    }

    // MARK: writing

    public func createDraft(_ draft: RequestDraft, by actor: AuditActor, now: Date) async throws -> RecordsRequest {
        try await database.sqlTransaction { sql in
            try await Self.insertDraft(draft, sql: sql, by: actor, now: now)
        }
    }

    /// Agency id → its requests still in play (`RequestStatus.isOpen`), for the agencies given.
    public func openRequestIDs(agencyIDs: [Int]) async throws -> [Int: [Int]] {
        let open = RequestStatus.allCases.filter(\.isOpen).map(\.rawValue)
        var result: [Int: [Int]] = [:]
        for start in stride(from: 0, to: agencyIDs.count, by: 500) {
            let chunk = Array(agencyIDs[start..<min(start + 500, agencyIDs.count)])
            for row in try await database.sql.select().columns("id", "agency_id").from("records_requests").where("agency_id", .in, chunk).where("status", .in, open).orderBy("id").all() {
                result[try row.decode(column: "agency_id", as: Int.self), default: []].append(try row.decode(column: "id", as: Int.self))
            }
        }
        return result
    }

    /// Stores a checked draft with its first history entry and audit entry, on `sql` (a transaction).
    static func insertDraft(_ draft: RequestDraft, sql: any SQLDatabase, by actor: AuditActor, now: Date) async throws -> RecordsRequest {
        let problems = draft.problems()
        if !problems.isEmpty { throw InputProblems(problems) }
        guard try await sql.select().column("id").from("agencies").where("id", .equal, draft.agencyID).first() != nil else { throw RecordNotFound("agency \(draft.agencyID)") }
        let id = try await sql.insert(into: "records_requests")
            .columns("agency_id", "campaign_id", "status", "requester_name", "requester_email", "requester_address", "requester_state", "subject", "letter",
                     "channel", "portal_kind", "channel_url", "extension_days", "created_by", "created_at", "updated_at")
            .values(SQLBind(draft.agencyID), SQLBind(draft.campaignID), SQLBind(RequestStatus.draft.rawValue), SQLBind(draft.requester.name.trimmingCharacters(in: .whitespaces)),
                    SQLBind(EmailAddress.normalize(draft.requester.email)), SQLBind(draft.requester.postalAddress), SQLBind(draft.requester.stateCode),
                    SQLBind(draft.subject), SQLBind(draft.letter), SQLBind(draft.channel.rawValue), SQLBind(draft.portalKind?.rawValue), SQLBind(draft.channelURL),
                    SQLBind(0), SQLBind(actor.userID), SQLBind(now), SQLBind(now))
            .returning("id").first()!.decode(column: "id", as: Int.self)
        let created = try await request(id: id, sql: sql)!
        try await recordStatus(sql, requestID: id, from: nil, to: .draft, on: CalendarDay.today(now), note: "", actor: actor, now: now)
        try await AuditLog.append(AuditEntry(action: "request.create", entityType: "request", entityID: String(id), before: nil, after: created.auditValues),
                                  by: actor, at: now, on: sql)
        return created
    }

    /// Changes a draft before it is filed: requester, channel, subject and letter. A filed request keeps
    /// the letter that went out; it is refused, naming its status.
    public func updateDraft(requestID: Int, _ draft: RequestDraft, by actor: AuditActor, now: Date) async throws -> RecordsRequest {
        try await database.sqlTransaction { sql in
            guard let before = try await Self.request(id: requestID, sql: sql) else { throw RecordNotFound("request \(requestID)") }
            guard before.status == .draft else {
                throw InputProblems([InputProblem(file: "request \(requestID)", field: "status", problem: "a \(before.status.label) request can no longer be edited",
                                                  hint: "The letter as sent stays on record; log further letters in the communications log.")])
            }
            // The letter speaks for its requester: another volunteer must not redirect its replies.
            try RequestOwnership.checkEdit(requestID: requestID, createdBy: try await Self.createdBy(requestID: requestID, sql: sql),
                                            actorID: actor.userID, actorRole: try await Self.role(of: actor, sql: sql))
            let problems = draft.problems()
            if !problems.isEmpty { throw InputProblems(problems) }
            try await sql.update("records_requests")
                .set("requester_name", to: SQLBind(draft.requester.name.trimmingCharacters(in: .whitespaces)))
                .set("requester_email", to: SQLBind(EmailAddress.normalize(draft.requester.email)))
                .set("requester_address", to: SQLBind(draft.requester.postalAddress)).set("requester_state", to: SQLBind(draft.requester.stateCode))
                .set("subject", to: SQLBind(draft.subject)).set("letter", to: SQLBind(draft.letter)).set("channel", to: SQLBind(draft.channel.rawValue))
                .set("portal_kind", to: SQLBind(draft.portalKind?.rawValue)).set("channel_url", to: SQLBind(draft.channelURL)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, requestID).run()
            let after = try await Self.request(id: requestID, sql: sql)!
            // The trail (admins only) also keeps who was to sign and the letter's length, so a changed requester shows.
            func values(_ request: RecordsRequest) -> AuditValues {
                let extra: AuditValues = ["requester_name": request.requester.name, "requester_email": request.requester.email,
                                          "requester_state": request.requester.stateCode, "letter_characters": String(request.letter.count)]
                return request.auditValues.merging(extra, uniquingKeysWith: { $1 })
            }
            try await AuditLog.append(AuditEntry(action: "request.draft.update", entityType: "request", entityID: String(requestID), before: values(before), after: values(after)),
                                      by: actor, at: now, on: sql)
            return after
        }
    }

    /// Marks a draft filed on `filedOn` (received the same day unless `receivedOn` says otherwise),
    /// logs the letter as sent, and computes the due date from the state's law.
    public func file(requestID: Int, filedOn: CalendarDay, receivedOn: CalendarDay? = nil, trackingNumber: String? = nil,
                     calculator: DeadlineCalculator, by actor: AuditActor, now: Date) async throws -> RecordsRequest {
        let received = receivedOn ?? filedOn
        var problems: [InputProblem] = []
        if received < filedOn { problems.append(InputProblem(file: "request", field: "received_on", problem: "the agency cannot receive it (\(received.iso)) before it was filed (\(filedOn.iso))", hint: "Check the two dates.")) }
        if filedOn > CalendarDay.today(now).adding(days: 1) { problems.append(InputProblem(file: "request", field: "filed_on", problem: "\(filedOn.iso) is in the future", hint: "Record the filing on the day it happened.")) }
        if received > CalendarDay.today(now).adding(days: 1) && received != filedOn {
            problems.append(InputProblem(file: "request", field: "received_on", problem: "\(received.iso) is in the future", hint: "Record when the agency received it once it has."))
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return try await change(requestID: requestID, action: "request.file", by: actor, now: now) { sql, request in
            try RequestTransitions.check(from: request.status, to: .filed)
            var updated = request
            updated.status = .filed
            updated.filedOn = filedOn
            updated.receivedOn = received
            try await Self.applyDeadline(&updated, sql: sql, calculator: calculator)
            if let trackingNumber = trackingNumber?.trimmingCharacters(in: .whitespaces), !trackingNumber.isEmpty, !updated.trackingNumbers.contains(trackingNumber) {
                updated.trackingNumbers.append(trackingNumber)
            }
            try await Self.recordStatus(sql, requestID: requestID, from: request.status, to: .filed, on: filedOn, note: "filed by \(request.channel.label)", actor: actor, now: now)
            // A letter dated the day its draft was written carries the filing date once filed.
            let letter = LetterComposer.redated(request.letter, to: filedOn)
            if letter != request.letter {
                try await sql.update("records_requests").set("letter", to: SQLBind(letter)).where("id", .equal, requestID).run()
                updated.letter = letter
            }
            try await Self.insertCommunication(sql, requestID: requestID, direction: .outgoing, channel: request.channel, on: filedOn,
                                               subject: request.subject, text: letter, actor: actor, now: now)
            return updated
        }
    }

    public func changeStatus(requestID: Int, to status: RequestStatus, on day: CalendarDay, note: String = "", by actor: AuditActor, now: Date) async throws -> RecordsRequest {
        try await change(requestID: requestID, action: "request.status", by: actor, now: now) { sql, request in
            guard status != .filed else {
                throw InputProblems([InputProblem(file: "request", field: "status", problem: "filing is recorded with its date and channel", hint: "Use “file” (requests file / the File button) instead.")])
            }
            try RequestTransitions.check(from: request.status, to: status)
            if status == .withdrawn {
                let owner = try await Self.createdBy(requestID: requestID, sql: sql)
                try RequestOwnership.checkWithdraw(requestID: requestID, createdBy: owner, actorID: actor.userID, actorRole: try await Self.role(of: actor, sql: sql))
            }
            if let filed = request.filedOn, day < filed {
                throw InputProblems([InputProblem(file: "request", field: "date", problem: "\(day.iso) is before the request was filed (\(filed.iso))", hint: "Check the date.")])
            }
            var updated = request
            updated.status = status
            try await Self.recordStatus(sql, requestID: requestID, from: request.status, to: status, on: day, note: note, actor: actor, now: now)
            return updated
        }
    }

    /// An admin takes a withdrawal back: the request returns to the status it had before, recorded
    /// as a status change and in the audit trail with the reason.
    public func reopen(requestID: Int, note: String, on day: CalendarDay, by actor: AuditActor, now: Date) async throws -> RecordsRequest {
        let reason = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...2_000).contains(reason.count) else {
            throw InputProblems([InputProblem(file: "request \(requestID)", field: "note", problem: "a request is reopened with a reason of 1 to 2,000 characters", hint: "Say why, e.g. \"withdrawn by mistake\".")])
        }
        return try await change(requestID: requestID, action: "request.reopen", by: actor, now: now) { sql, request in
            try RequestOwnership.checkReopen(requestID: requestID, status: request.status, actorID: actor.userID, actorRole: try await Self.role(of: actor, sql: sql))
            let previous = try await sql.select().column("from_status").from("request_status_changes")
                .where("request_id", .equal, requestID).where("to_status", .equal, RequestStatus.withdrawn.rawValue)
                .orderBy("id", .descending).limit(1).first()?.decode(column: "from_status", as: String?.self)
            var updated = request
            updated.status = previous.flatMap(RequestStatus.init(rawValue:)) ?? (request.filedOn == nil ? .draft : .filed)
            try await Self.recordStatus(sql, requestID: requestID, from: .withdrawn, to: updated.status, on: day, note: "reopened: " + reason, actor: actor, now: now)
            return updated
        }
    }

    /// Who wrote the request (nil for requests made at the command line without `--as`).
    public func createdBy(requestID: Int) async throws -> Int? {
        try await Self.createdBy(requestID: requestID, sql: database.sql)
    }

    static func createdBy(requestID: Int, sql: any SQLDatabase) async throws -> Int? {
        try await sql.select().column("created_by").from("records_requests").where("id", .equal, requestID).first()?.decode(column: "created_by", as: Int?.self)
    }

    static func role(of actor: AuditActor, sql: any SQLDatabase) async throws -> Role? {
        guard let id = actor.userID else { return nil }
        return try await sql.select().column("role").from("users").where("id", .equal, id).first()
            .flatMap { Role(rawValue: try $0.decode(column: "role", as: String.self)) }
    }

    public func addTrackingNumber(requestID: Int, _ number: String, by actor: AuditActor, now: Date) async throws -> RecordsRequest {
        let trimmed = number.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100 else {
            throw InputProblems([InputProblem(file: "request", field: "tracking_number", problem: "the tracking number is empty or longer than 100 characters", hint: "Copy it from the agency's acknowledgement.")])
        }
        return try await change(requestID: requestID, action: "request.tracking_number.add", by: actor, now: now) { _, request in
            var updated = request
            if !updated.trackingNumbers.contains(trimmed) { updated.trackingNumbers.append(trimmed) }
            return updated
        }
    }

    /// An extension the agency claimed: the due date moves and the basis says so.
    public func extend(requestID: Int, byDays days: Int, note: String, calculator: DeadlineCalculator, by actor: AuditActor, now: Date) async throws -> RecordsRequest {
        guard (1...365).contains(days) else {
            throw InputProblems([InputProblem(file: "request", field: "extension_days", problem: "\(days) is not a number of extension days", hint: "Use a whole number from 1 to 365.")])
        }
        return try await change(requestID: requestID, action: "request.extend", by: actor, now: now) { sql, request in
            guard request.filedOn != nil, request.status.awaitsAgency || request.status == .feeRequested || request.status == .needsClarification else {
                throw InputProblems([InputProblem(file: "request", field: "extension_days", problem: "a \(request.status.label) request has no running deadline to extend", hint: "Record extensions on filed requests.")])
            }
            var updated = request
            updated.extensionDays += days
            try await Self.applyDeadline(&updated, sql: sql, calculator: calculator)
            if !note.isEmpty { updated.dueBasis = (updated.dueBasis ?? "") + "; extension: \(note)" }
            return updated
        }
    }

    public func log(requestID: Int, direction: Communication.Direction, channel: FilingChannel, on day: CalendarDay, subject: String, text: String,
                    by actor: AuditActor, now: Date) async throws -> Communication {
        var problems: [InputProblem] = []
        if subject.trimmingCharacters(in: .whitespaces).isEmpty && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(InputProblem(file: "request", field: "text", problem: "the entry has neither a subject nor text", hint: "Paste the message or summarise the call."))
        }
        if day > CalendarDay.today(now).adding(days: 1) { problems.append(InputProblem(file: "request", field: "date", problem: "\(day.iso) is in the future", hint: "Use the day it happened.")) }
        if !problems.isEmpty { throw InputProblems(problems) }
        return try await database.sqlTransaction { sql in
            guard let request = try await Self.request(id: requestID, sql: sql) else { throw RecordNotFound("request \(requestID)") }
            if let filed = request.filedOn, day < filed {
                throw InputProblems([InputProblem(file: "request", field: "date", problem: "\(day.iso) is before the request was filed (\(filed.iso))", hint: "Check the date.")])
            }
            let id = try await Self.insertCommunication(sql, requestID: requestID, direction: direction, channel: channel, on: day, subject: subject, text: text, actor: actor, now: now)
            try await AuditLog.append(AuditEntry(action: "request.communication.add", entityType: "request", entityID: String(requestID), before: nil,
                                                 after: ["communication_id": String(id), "direction": direction.rawValue, "channel": channel.rawValue, "date": day.iso, "subject": subject]),
                                      by: actor, at: now, on: sql)
            try await sql.update("records_requests").set("updated_at", to: SQLBind(now)).where("id", .equal, requestID).run()
            return Communication(id: id, requestID: requestID, direction: direction, channel: channel, occurredOn: day, subject: subject, text: text, createdAt: now)
        }
    }

    public func addFee(requestID: Int, kind: FeeEntry.Kind, amountCents: Int, on day: CalendarDay, note: String, by actor: AuditActor, now: Date) async throws -> FeeEntry {
        guard (0...100_000_000).contains(amountCents) else {
            throw InputProblems([InputProblem(file: "request", field: "amount", problem: "the amount is negative or implausibly large", hint: "Write the amount in dollars, such as 25.00.")])
        }
        return try await database.sqlTransaction { sql in
            guard try await Self.request(id: requestID, sql: sql) != nil else { throw RecordNotFound("request \(requestID)") }
            let id = try await sql.insert(into: "request_fees").columns("request_id", "kind", "amount_cents", "occurred_on", "note")
                .values(SQLBind(requestID), SQLBind(kind.rawValue), SQLBind(amountCents), SQLBind(day.iso), SQLBind(note)).returning("id").first()!.decode(column: "id", as: Int.self)
            try await AuditLog.append(AuditEntry(action: "request.fee.add", entityType: "request", entityID: String(requestID), before: nil,
                                                 after: ["fee_id": String(id), "kind": kind.rawValue, "amount": FeeEntry.dollars(amountCents), "date": day.iso, "note": note]),
                                      by: actor, at: now, on: sql)
            return FeeEntry(id: id, requestID: requestID, kind: kind, amountCents: amountCents, occurredOn: day, note: note)
        }
    }

    public func citeExemption(requestID: Int, exemptionID: String?, citedText: String, by actor: AuditActor, now: Date) async throws -> CitedExemption {
        let text = citedText.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [InputProblem] = []
        if text.isEmpty { problems.append(InputProblem(file: "request", field: "cited_text", problem: "the exemption as the agency cited it is empty", hint: "Copy the agency's words (statute and reason).")) }
        if let exemptionID, ExemptionLibrary.byID(exemptionID) == nil {
            problems.append(InputProblem(file: "request", field: "exemption", problem: "\"\(exemptionID)\" is not in the exemption library", hint: "Use one of: \(ExemptionLibrary.all.map(\.id).joined(separator: ", ")), or leave it empty."))
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return try await database.sqlTransaction { sql in
            guard try await Self.request(id: requestID, sql: sql) != nil else { throw RecordNotFound("request \(requestID)") }
            let id = try await sql.insert(into: "request_exemptions").columns("request_id", "exemption_id", "cited_text")
                .values(SQLBind(requestID), SQLBind(exemptionID), SQLBind(text)).returning("id").first()!.decode(column: "id", as: Int.self)
            try await AuditLog.append(AuditEntry(action: "request.exemption.add", entityType: "request", entityID: String(requestID), before: nil,
                                                 after: ["exemption": exemptionID, "cited_text": text]), by: actor, at: now, on: sql)
            return CitedExemption(id: id, requestID: requestID, exemptionID: exemptionID, citedText: text)
        }
    }

    // MARK: helpers

    /// Loads the request, applies `body`, stores what changed and records before and after, in one transaction.
    private func change(requestID: Int, action: String, by actor: AuditActor, now: Date,
                        _ body: @escaping @Sendable (any SQLDatabase, RecordsRequest) async throws -> RecordsRequest) async throws -> RecordsRequest {
        try await database.sqlTransaction { sql in
            guard let before = try await Self.request(id: requestID, sql: sql) else { throw RecordNotFound("request \(requestID)") }
            var after = try await body(sql, before)
            after.updatedAt = now
            try await sql.update("records_requests")
                .set("status", to: SQLBind(after.status.rawValue)).set("filed_on", to: SQLBind(after.filedOn?.iso)).set("received_on", to: SQLBind(after.receivedOn?.iso))
                .set("due_on", to: SQLBind(after.dueOn?.iso)).set("follow_up_on", to: SQLBind(after.followUpOn?.iso)).set("due_basis", to: SQLBind(after.dueBasis))
                .set("extension_days", to: SQLBind(after.extensionDays)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, requestID).run()
            for (position, number) in after.trackingNumbers.enumerated() where !before.trackingNumbers.contains(number) {
                try await sql.insert(into: "request_tracking_numbers").columns("request_id", "number", "position")
                    .values(SQLBind(requestID), SQLBind(number), SQLBind(position)).run()
            }
            try await AuditLog.append(AuditEntry(action: action, entityType: "request", entityID: String(requestID), before: before.auditValues, after: after.auditValues),
                                      by: actor, at: now, on: sql)
            // Agency pages show a status derived from requests; cached copies must go.
            try await DirectoryRevision.bump(sql)
            return after
        }
    }

    static func applyDeadline(_ request: inout RecordsRequest, sql: any SQLDatabase, calculator: DeadlineCalculator) async throws {
        guard let received = request.receivedOn else { return }
        guard let state = request.stateCode, let law = try await ReferenceQueries(sql: sql).stateRecordsLaw(state) else {
            request.dueOn = nil
            request.followUpOn = received.adding(days: 14)
            request.dueBasis = "the agency's state is not known, so no statutory deadline applies; follow up after 14 days"
            return
        }
        let deadline = calculator.deadline(law: law, received: received, extensionDays: request.extensionDays)
        request.dueOn = deadline.due
        request.followUpOn = deadline.followUp
        request.dueBasis = deadline.basis
    }

    static func recordStatus(_ sql: any SQLDatabase, requestID: Int, from: RequestStatus?, to: RequestStatus, on day: CalendarDay, note: String, actor: AuditActor, now: Date) async throws {
        try await sql.insert(into: "request_status_changes").columns("request_id", "from_status", "to_status", "occurred_on", "note", "actor_user_id", "recorded_at")
            .values(SQLBind(requestID), SQLBind(from?.rawValue), SQLBind(to.rawValue), SQLBind(day.iso), SQLBind(note), SQLBind(actor.userID), SQLBind(now)).run()
    }

    @discardableResult
    static func insertCommunication(_ sql: any SQLDatabase, requestID: Int, direction: Communication.Direction, channel: FilingChannel, on day: CalendarDay,
                                    subject: String, text: String, actor: AuditActor, now: Date) async throws -> Int {
        try await sql.insert(into: "request_communications").columns("request_id", "direction", "channel", "occurred_on", "subject", "text", "created_by", "created_at")
            .values(SQLBind(requestID), SQLBind(direction.rawValue), SQLBind(channel.rawValue), SQLBind(day.iso), SQLBind(subject), SQLBind(text), SQLBind(actor.userID), SQLBind(now))
            .returning("id").first()!.decode(column: "id", as: Int.self)
    }

    static func history(_ sql: any SQLDatabase, requestIDs: [Int]) async throws -> [StatusChange] {
        guard !requestIDs.isEmpty else { return [] }
        return try await sql.select().columns("id", "request_id", "from_status", "to_status", "occurred_on", "note", "recorded_at").from("request_status_changes")
            .where("request_id", .in, requestIDs).orderBy("id").all().map { row in
                StatusChange(id: try row.decode(column: "id", as: Int.self), requestID: try row.decode(column: "request_id", as: Int.self),
                             from: try row.decode(column: "from_status", as: String?.self).flatMap(RequestStatus.init(rawValue:)),
                             to: RequestStatus(rawValue: try row.decode(column: "to_status", as: String.self)) ?? .draft,
                             occurredOn: try day(row, "occurred_on")!, note: try row.decode(column: "note", as: String.self),
                             recordedAt: try row.decode(column: "recorded_at", as: Date.self))
            }
    }

    static func baseSelect(_ sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().columns(columns.map { SQLColumn($0, table: "records_requests") })
            .column(SQLColumn("name", table: "agencies"), as: "agency_name").column(SQLColumn("state_code", table: "agencies"), as: "agency_state")
            .from("records_requests").join("agencies", on: SQLColumn("agency_id", table: "records_requests"), .equal, SQLColumn("id", table: "agencies"))
    }

    static func request(id: Int, sql: any SQLDatabase) async throws -> RecordsRequest? {
        guard let row = try await baseSelect(sql).where(SQLColumn("id", table: "records_requests"), .equal, SQLBind(id)).first() else { return nil }
        return try await withTrackingNumbers([try decode(row)], sql: sql).first
    }

    static func withTrackingNumbers(_ requests: [RecordsRequest], sql: any SQLDatabase) async throws -> [RecordsRequest] {
        guard !requests.isEmpty else { return [] }
        var numbers: [Int: [String]] = [:]
        for row in try await sql.select().columns("request_id", "number").from("request_tracking_numbers").where("request_id", .in, requests.map(\.id))
            .orderBy("position").all() {
            numbers[try row.decode(column: "request_id", as: Int.self), default: []].append(try row.decode(column: "number", as: String.self))
        }
        return requests.map { var request = $0; request.trackingNumbers = numbers[$0.id] ?? []; return request }
    }

    static func day(_ row: any SQLRow, _ column: String) throws -> CalendarDay? {
        try row.decode(column: column, as: String?.self).flatMap(CalendarDay.init(iso:))
    }

    static func decode(_ row: any SQLRow) throws -> RecordsRequest {
        RecordsRequest(
            id: try row.decode(column: "id", as: Int.self), agencyID: try row.decode(column: "agency_id", as: Int.self),
            agencyName: try row.decode(column: "agency_name", as: String.self), stateCode: try row.decode(column: "agency_state", as: String?.self),
            campaignID: try row.decode(column: "campaign_id", as: Int?.self),
            status: RequestStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            requester: Requester(name: try row.decode(column: "requester_name", as: String.self), email: try row.decode(column: "requester_email", as: String.self),
                                 postalAddress: try row.decode(column: "requester_address", as: String?.self), stateCode: try row.decode(column: "requester_state", as: String?.self)),
            subject: try row.decode(column: "subject", as: String.self), letter: try row.decode(column: "letter", as: String.self),
            channel: FilingChannel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .email,
            portalKind: try row.decode(column: "portal_kind", as: String?.self).flatMap(PortalKind.init(rawValue:)),
            channelURL: try row.decode(column: "channel_url", as: String?.self),
            filedOn: try day(row, "filed_on"), receivedOn: try day(row, "received_on"), dueOn: try day(row, "due_on"), followUpOn: try day(row, "follow_up_on"),
            dueBasis: try row.decode(column: "due_basis", as: String?.self), extensionDays: try row.decode(column: "extension_days", as: Int.self),
            trackingNumbers: [], createdAt: try row.decode(column: "created_at", as: Date.self), updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }
}
