import FluentKit
import Foundation
import HotlistCore
import SQLKit

/// Evidence: checks a file, stores its bytes content-addressed, records where it came from, in one
/// transaction with its audit entry. A refused file leaves nothing behind, on disk or in the database.
public struct EvidenceStore: Sendable {
    let database: HotlistDatabase
    public let blobs: EvidenceBlobs
    public let intake: EvidenceIntake

    public init(_ database: HotlistDatabase, directory: String, intake: EvidenceIntake = EvidenceIntake()) {
        self.database = database; self.blobs = EvidenceBlobs(directory: directory); self.intake = intake
    }

    static let columns = ["id", "sha256", "agency_id", "request_id", "communication_id", "original_name", "kind", "size", "uploader_id", "uploader_label",
                          "source_url", "received_on", "is_public", "description", "created_at", "withdrawn_at", "withdrawn_reason", "withdrawn_by_label"]

    /// The result of adding: the record, and whether the same bytes were already evidence for this agency.
    public struct Added: Sendable {
        public var evidence: EvidenceFile
        public var wasAlreadyStored: Bool
    }

    public func add(_ data: Data, _ submission: EvidenceSubmission, by actor: AuditActor, now: Date) async throws -> Added {
        try await add(data, submission, by: actor, now: now) { _, _ in }.added
    }

    /// What is added: bytes in memory (uploads), or a file already copied into the blob store a
    /// megabyte at a time (a log of gigabytes, from the command line; `isNew`: this copy created it).
    enum Payload: Sendable {
        case bytes(Data)
        case stored(sha256: String, size: Int, isNew: Bool)
    }

    func add<T: Sendable>(_ data: Data, _ submission: EvidenceSubmission, by actor: AuditActor, now: Date,
                          alongside body: @escaping @Sendable (any SQLDatabase, EvidenceFile) async throws -> T) async throws -> (added: Added, result: T) {
        try await add(.bytes(data), submission, by: actor, now: now, alongside: body)
    }

    /// Checks and stores the file, then runs `body` in the same transaction as its record, so a change
    /// that rests on the file (an imported log) lands with it or not at all. The same bytes already
    /// stored for the agency are reused (`body` sees that record); on any failure, bytes this call wrote
    /// that no record points at are removed again.
    func add<T: Sendable>(_ payload: Payload, _ submission: EvidenceSubmission, by actor: AuditActor, now: Date,
                          alongside body: @escaping @Sendable (any SQLDatabase, EvidenceFile) async throws -> T) async throws -> (added: Added, result: T) {
        let kind: EvidenceKind
        switch payload {
        case .bytes(let data): kind = try intake.check(name: submission.originalName, size: data.count, head: data.prefix(65_536))
        case .stored(let sha256, let size, _):
            let head = FileHandle(forReadingAtPath: blobs.path(for: sha256)).flatMap { handle in defer { try? handle.close() }; return try? handle.read(upToCount: 65_536) } ?? Data()
            kind = try intake.check(name: submission.originalName, size: size, head: head)
        }
        var checked = submission
        checked.sourceURL = checked.sourceURL?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        checked.description = checked.description.trimmingCharacters(in: .whitespacesAndNewlines)
        let problems = checked.problems(today: CalendarDay.today(now))
        if !problems.isEmpty { throw InputProblems(problems) }
        try await checkLinks(checked)
        let hash: String, size: Int, existing: EvidenceFile?, wroteNew: Bool
        switch payload {
        case .bytes(let data):
            hash = EvidenceBlobs.sha256Hex(data)
            size = data.count
            existing = try await stored(hash, agencyID: checked.agencyID)
            wroteNew = existing == nil ? try blobs.store(data).isNew : false
        case .stored(let sha256, let storedSize, let isNew):
            (hash, size, wroteNew) = (sha256, storedSize, isNew)
            existing = try await stored(hash, agencyID: checked.agencyID)
        }
        let submission = checked
        func attempt(_ known: EvidenceFile?) async throws -> (added: Added, result: T) {
            try await database.sqlTransaction { sql in
                let file: EvidenceFile
                if let known { file = known } else { file = try await Self.insert(sql: sql, sha256: hash, kind: kind, size: size, submission, by: actor, now: now) }
                return (Added(evidence: file, wasAlreadyStored: known != nil), try await body(sql, file))
            }
        }
        do {
            return try await attempt(existing)
        } catch {
            // The same bytes for the same agency, stored by a parallel upload a moment ago: go on with that record.
            if existing == nil, !(error is InputProblems), let raced = try await stored(hash, agencyID: submission.agencyID) { return try await attempt(raced) }
            // No orphan: remove bytes that this call wrote and that no record points at.
            if wroteNew, try await !isReferenced(hash) { blobs.discard(hash) }
            throw error
        }
    }

    private func stored(_ sha256: String, agencyID: Int) async throws -> EvidenceFile? {
        try await Self.list(sql: database.sql, where: { $0.where("agency_id", .equal, agencyID).where("sha256", .equal, sha256) }).first
    }

    static func insert(sql: any SQLDatabase, sha256: String, kind: EvidenceKind, size: Int, _ submission: EvidenceSubmission, by actor: AuditActor, now: Date) async throws -> EvidenceFile {
        let id = try await sql.insert(into: "evidence_files")
            .columns("sha256", "agency_id", "request_id", "communication_id", "original_name", "kind", "size", "uploader_id", "uploader_label",
                     "source_url", "received_on", "is_public", "description", "created_at")
            .values(SQLBind(sha256), SQLBind(submission.agencyID), SQLBind(submission.requestID), SQLBind(submission.communicationID),
                    SQLBind(String(submission.originalName.prefix(255))), SQLBind(kind.rawValue), SQLBind(Int64(size)), SQLBind(actor.userID), SQLBind(actor.label),
                    SQLBind(submission.sourceURL), SQLBind(submission.receivedOn?.iso), SQLBind(submission.isPublic), SQLBind(submission.description), SQLBind(now))
            .returning("id").first()!.decode(column: "id", as: Int.self)
        let evidence = try await list(sql: sql, where: { $0.where("id", .equal, id) }).first!
        try await AuditLog.append(AuditEntry(action: "evidence.add", entityType: "evidence", entityID: String(id), before: nil, after: evidence.auditValues),
                                  by: actor, at: now, on: sql)
        return evidence
    }

    /// Publishes a file or takes it back, audited; public pages change at once.
    public func setPublic(evidenceID: Int, _ isPublic: Bool, by actor: AuditActor, now: Date) async throws -> EvidenceFile {
        try await database.sqlTransaction { sql in
            guard let before = try await Self.list(sql: sql, where: { $0.where("id", .equal, evidenceID) }).first else { throw RecordNotFound("evidence \(evidenceID)") }
            // A search audit log lists every searching officer and plate: its counts are published, never the file.
            if isPublic, try await sql.select().column("id").from("search_audit_logs").where("evidence_id", .equal, evidenceID).first() != nil {
                throw InputProblems([InputProblem(file: "evidence \(evidenceID)", field: "public", problem: "this file is a search audit log: it names officers and lists plates, so it stays private",
                                                  hint: "Its counts are what is published: on the agency's page and in the data files, once a second person has verified them.")])
            }
            // Either way it is a decision: the file leaves the review queue.
            try await sql.update("evidence_files").set("is_public", to: SQLBind(isPublic)).set("visibility_decided_at", to: SQLBind(now))
                .where("id", .equal, evidenceID).run()
            let after = try await Self.list(sql: sql, where: { $0.where("id", .equal, evidenceID) }).first!
            try await AuditLog.append(AuditEntry(action: isPublic ? "evidence.publish" : "evidence.unpublish", entityType: "evidence", entityID: String(evidenceID),
                                                 before: before.auditValues, after: after.auditValues), by: actor, at: now, on: sql)
            try await DirectoryRevision.bump(sql)
            return after
        }
    }

    /// An admin withdraws a file uploaded by mistake (the wrong agency's records, personal data that
    /// must not be kept): it becomes private, its bytes are deleted unless another record holds the
    /// same file, and the record stays with who, when and why, audited. Findings that rested only on
    /// it are flagged on their pages.
    public func withdraw(evidenceID: Int, reason: String, by actor: AuditActor, now: Date) async throws -> EvidenceFile {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...2_000).contains(why.count) else {
            throw InputProblems([InputProblem(file: "evidence \(evidenceID)", field: "reason", problem: "a file is withdrawn with a reason of 1 to 2,000 characters",
                                              hint: "Say why, e.g. \"uploaded to the wrong agency\" or \"holds officers' home addresses\".")])
        }
        let withdrawn = try await database.sqlTransaction { sql in
            guard let before = try await Self.list(sql: sql, where: { $0.where("id", .equal, evidenceID) }).first else { throw RecordNotFound("evidence \(evidenceID)") }
            if before.withdrawal != nil {
                throw InputProblems([InputProblem(file: "evidence \(evidenceID)", field: "reason", problem: "the file was withdrawn already", hint: "Nothing to do.")])
            }
            try await sql.update("evidence_files").set("withdrawn_at", to: SQLBind(now)).set("withdrawn_reason", to: SQLBind(why))
                .set("withdrawn_by_label", to: SQLBind(actor.label)).set("is_public", to: SQLBind(false)).set("visibility_decided_at", to: SQLBind(now))
                .where("id", .equal, evidenceID).run()
            let after = try await Self.list(sql: sql, where: { $0.where("id", .equal, evidenceID) }).first!
            var values = after.auditValues
            values["withdrawn_reason"] = why
            try await AuditLog.append(AuditEntry(action: "evidence.withdraw", entityType: "evidence", entityID: String(evidenceID), before: before.auditValues, after: values),
                                      by: actor, at: now, on: sql)
            try await DirectoryRevision.bump(sql)
            return after
        }
        // After the commit: the bytes go unless a record still holding them is not withdrawn.
        let holders = try await database.sql.select().column("id").from("evidence_files").where("sha256", .equal, withdrawn.sha256)
            .where("withdrawn_at", .is, SQLLiteral.null).all()
        if holders.isEmpty { blobs.discard(withdrawn.sha256) }
        return withdrawn
    }

    private func checkLinks(_ submission: EvidenceSubmission) async throws {
        let sql = database.sql
        guard try await sql.select().column("id").from("agencies").where("id", .equal, submission.agencyID).first() != nil else {
            throw RecordNotFound("agency \(submission.agencyID)")
        }
        if let requestID = submission.requestID {
            guard let row = try await sql.select().column("agency_id").from("records_requests").where("id", .equal, requestID).first() else { throw RecordNotFound("request \(requestID)") }
            let agency = try row.decode(column: "agency_id", as: Int.self)
            if agency != submission.agencyID {
                throw InputProblems([InputProblem(file: "evidence", field: "request", problem: "request \(requestID) was sent to agency \(agency), not agency \(submission.agencyID)",
                                                  hint: "Attach the file to the agency the request went to (or leave --agency out to use the request's).")])
            }
        }
        if let communicationID = submission.communicationID {
            guard let row = try await sql.select().column("request_id").from("request_communications").where("id", .equal, communicationID).first(),
                  try row.decode(column: "request_id", as: Int.self) == submission.requestID else {
                throw InputProblems([InputProblem(file: "evidence", field: "communication", problem: "communication \(communicationID) is not part of request \(submission.requestID.map(String.init) ?? "(none)")",
                                                  hint: "Attach the file from the request's own communications log.")])
            }
        }
    }

    func isReferenced(_ sha256: String) async throws -> Bool {
        try await database.sql.select().column("id").from("evidence_files").where("sha256", .equal, sha256).first() != nil
    }

    // MARK: reading

    public func evidence(id: Int) async throws -> EvidenceFile? {
        try await Self.list(sql: database.sql, where: { $0.where("id", .equal, id) }).first
    }

    public func list(ids: [Int]) async throws -> [EvidenceFile] {
        ids.isEmpty ? [] : try await Self.list(sql: database.sql) { $0.where("id", .in, ids) }
    }

    public func list(agencyID: Int? = nil, requestID: Int? = nil, publicOnly: Bool = false) async throws -> [EvidenceFile] {
        try await Self.list(sql: database.sql) { query in
            var query = query
            if let agencyID { query = query.where("agency_id", .equal, agencyID) }
            if let requestID { query = query.where("request_id", .equal, requestID) }
            if publicOnly { query = query.where("is_public", .equal, true) }
            return query
        }
    }

    /// Private files no reviewer has decided on yet (publish, or keep private), oldest first: the review queue.
    public func awaitingVisibilityDecision() async throws -> [EvidenceFile] {
        try await Self.list(sql: database.sql) { $0.where("is_public", .equal, false).where("visibility_decided_at", .is, SQLLiteral.null) }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// The bytes of a record's file, checked against the hash.
    public func contents(of evidence: EvidenceFile) throws -> Data { try blobs.read(evidence.sha256) }

    /// Re-hashes every stored file that a record points at; reports missing and altered ones, and
    /// files no record points at.
    public func verify() async throws -> EvidenceCheck {
        var byHash: [String: [Int]] = [:]
        // Withdrawn files' bytes are gone on purpose.
        for row in try await database.sql.select().columns("id", "sha256").from("evidence_files").where("withdrawn_at", .is, SQLLiteral.null).orderBy("id").all() {
            byHash[try row.decode(column: "sha256", as: String.self), default: []].append(try row.decode(column: "id", as: Int.self))
        }
        var problems: [EvidenceCheck.Problem] = []
        for hash in byHash.keys.sorted() {
            let outcome = blobs.check(hash)
            if outcome != .intact { problems.append(EvidenceCheck.Problem(sha256: hash, outcome: outcome, evidenceIDs: byHash[hash]!)) }
        }
        let unreferenced = blobs.allStored().filter { byHash[$0] == nil }
        return EvidenceCheck(checked: byHash.count, problems: problems, unreferenced: unreferenced, temporary: blobs.temporaryFiles())
    }

    static func list(sql: any SQLDatabase, where filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [EvidenceFile] {
        try await filter(sql.select().columns(columns).from("evidence_files")).orderBy("id").all().map(decode)
    }

    static func decode(_ row: any SQLRow) throws -> EvidenceFile {
        var file = EvidenceFile(id: try row.decode(column: "id", as: Int.self), sha256: try row.decode(column: "sha256", as: String.self),
                     agencyID: try row.decode(column: "agency_id", as: Int.self), requestID: try row.decode(column: "request_id", as: Int?.self),
                     communicationID: try row.decode(column: "communication_id", as: Int?.self), originalName: try row.decode(column: "original_name", as: String.self),
                     kind: EvidenceKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .pdf, size: Int(try row.decode(column: "size", as: Int64.self)),
                     uploaderID: try row.decode(column: "uploader_id", as: Int?.self), uploaderLabel: try row.decode(column: "uploader_label", as: String.self),
                     sourceURL: try row.decode(column: "source_url", as: String?.self),
                     receivedOn: try row.decode(column: "received_on", as: String?.self).flatMap { CalendarDay(iso: $0) },
                     isPublic: try row.decode(column: "is_public", as: Bool.self), description: try row.decode(column: "description", as: String.self),
                     createdAt: try row.decode(column: "created_at", as: Date.self))
        if let at = try row.decode(column: "withdrawn_at", as: Date?.self) {
            file.withdrawal = EvidenceFile.Withdrawal(at: at, reason: try row.decode(column: "withdrawn_reason", as: String?.self) ?? "",
                                                      byLabel: try row.decode(column: "withdrawn_by_label", as: String?.self) ?? "")
        }
        return file
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
