import Foundation
import HotlistCore
import SQLKit

/// Imports a records package from another site. Everything is checked first (every hash, every
/// name, every size, the JSON, the agency, each file's type); a problem anywhere refuses the whole
/// package and stores nothing. Then, in one audited transaction: the files become private evidence
/// (reviewers here decide what to publish), the findings become reports by the sending site (never
/// verified here), the statements become unverified statements for a second person to check.
/// What is already held is left alone, so importing the same package twice changes nothing.
public struct RecordsPackageImporter: Sendable {
    let database: HotlistDatabase
    let store: EvidenceStore
    let limits: RecordsPackage.Limits

    public init(_ database: HotlistDatabase, evidence: EvidenceStore, limits: RecordsPackage.Limits = RecordsPackage.Limits()) {
        self.database = database; self.store = evidence; self.limits = limits
    }

    public struct Outcome: Sendable, Equatable {
        public var site: RecordsPackage.Manifest.Site
        public var agencyID: Int
        public var agencyName: String
        public var evidenceAdded = 0, evidenceAlreadyHeld = 0
        public var reportsAdded = 0, reportsAlreadyHeld = 0
        /// Findings that do not show the Immigration Violator setting: a report here records only that.
        public var findingsWithoutImmigrationViolator = 0
        public var statementsAdded = 0, statementsAlreadyHeld = 0
        public var changedAnything: Bool { evidenceAdded + reportsAdded + statementsAdded > 0 }
    }

    /// `agencyID` names the local agency when the package's agency is not found by ORI or by exact name and state.
    public func importPackage(_ path: String, agencyID override: Int? = nil, by actor: AuditActor, now: Date) async throws -> Outcome {
        let package = (path as NSString).lastPathComponent
        let entries = try RecordsPackageArchive.unpack(path, limits: limits)
        let (manifest, records) = try RecordsPackage.verify(entries: entries, package: package, sha256Hex: { EvidenceBlobs.sha256Hex($0) })
        var problems: [InputProblem] = []
        func bad(_ entry: String, _ text: String, _ hint: String) { problems.append(InputProblem(file: "\(package) (\(entry))", problem: text, hint: hint)) }
        let site = manifest.site
        if site.name.trimmingCharacters(in: .whitespaces).isEmpty || site.name.count > 120 { bad(RecordsPackage.manifestName, "the site's name is empty or over 120 characters", "Ask the sender to export with --site-name.") }
        if !Self.isWebAddress(site.url) { bad(RecordsPackage.manifestName, "the site's address \"\(site.url.prefix(80))\" is not a web address", "Ask the sender to export with --site-url https://….") }
        let (localID, localName, localState) = try await localAgency(records.agency, override: override, package: package)
        let today = CalendarDay.today(now)
        var kinds: [String: EvidenceKind] = [:]
        for item in records.evidence {
            let data = entries[item.path]!
            do { kinds[item.path] = try store.intake.check(name: item.originalName, size: data.count, head: data.prefix(65_536)) } catch {
                for problem in error.problems { bad(item.path, problem.problem, problem.hint) }
            }
            for problem in submission(item, agencyID: localID, site: site).problems(today: today) { bad("\(RecordsPackage.recordsName), \(item.path)", problem.problem, problem.hint) }
            if let day = item.receivedOn, CalendarDay(iso: day) == nil { bad("\(RecordsPackage.recordsName), \(item.path)", "received_on \"\(day)\" is not YYYY-MM-DD", "Ask the sender for a new export.") }
        }
        for finding in records.findings {
            let entry = "\(RecordsPackage.recordsName), finding \(finding.finding)"
            if CalendarDay(iso: finding.asOf) == nil { bad(entry, "as_of \"\(finding.asOf)\" is not YYYY-MM-DD", "Ask the sender for a new export.") }
            for (key, value) in finding.topics.sorted(by: { $0.key < $1.key }) where TopicSetting(rawValue: value) == nil {
                bad(entry, "topic \(key) is \"\(value)\", not enabled, disabled or not_shown", "Ask the sender for a new export.")
            }
            if !Self.isWebAddress(finding.url) { bad(entry, "its address \"\(finding.url.prefix(80))\" is not a web address", "Ask the sender for a new export.") }
        }
        for (position, statement) in records.statements.enumerated() {
            let entry = "\(RecordsPackage.recordsName), statement \(position + 1)"
            if AgencyStatement.Kind(rawValue: statement.kind) == nil { bad(entry, "kind \"\(statement.kind)\" is not statement or policy", "Ask the sender for a new export.") }
            for problem in AgencyStatement.problems(text: statement.text, speaker: statement.speaker, saidOn: CalendarDay(iso: statement.saidOn), sourceURL: statement.sourceURL,
                                                    evidenceID: statement.evidence == nil ? nil : 0, today: today) {
                bad(entry, problem.problem, problem.hint)
            }
        }
        if !problems.isEmpty { throw InputProblems(problems) }

        // Every check passed: the files go into the store (tmp, then renamed), then the records in one transaction.
        var written: [String] = []
        do {
            for item in records.evidence where try store.blobs.store(entries[item.path]!).isNew { written.append(item.sha256.lowercased()) }
            let manifestHash = EvidenceBlobs.sha256Hex(entries[RecordsPackage.manifestName]!), checkedKinds = kinds
            return try await database.sqlTransaction { sql in
                var outcome = Outcome(site: site, agencyID: localID, agencyName: localName)
                var localEvidence: [String: Int] = [:]
                for item in records.evidence {
                    let hash = item.sha256.lowercased()
                    if let held = try await EvidenceStore.list(sql: sql, where: { $0.where("agency_id", .equal, localID).where("sha256", .equal, hash) }).first {
                        localEvidence[item.path] = held.id; outcome.evidenceAlreadyHeld += 1; continue
                    }
                    let file = try await EvidenceStore.insert(sql: sql, sha256: hash, kind: checkedKinds[item.path]!, size: item.size, submission(item, agencyID: localID, site: site), by: actor, now: now)
                    localEvidence[item.path] = file.id; outcome.evidenceAdded += 1
                }
                for finding in records.findings {
                    let setting = finding.topics[NCICTopic.immigrationViolatorKey].flatMap(TopicSetting.init(rawValue:)) ?? .notShown
                    let result: RecordedOutcome.Outcome
                    switch setting {
                    case .enabled: result = .immigrationViolatorEnabled
                    case .disabled: result = .immigrationViolatorDisabled
                    case .notShown: outcome.findingsWithoutImmigrationViolator += 1; continue
                    }
                    let key = "\(site.url)|finding \(finding.finding)|version \(finding.version)"
                    if try await sql.select().column("id").from("package_reports").where("source_key", .equal, key).first() != nil { outcome.reportsAlreadyHeld += 1; continue }
                    let title = "Finding #\(finding.finding), version \(finding.version), verified from records there"
                    let files = finding.evidence.compactMap { localEvidence[$0] }.map { "#\($0)" }
                    let notes = "From \(site.name)'s records package exported \(manifest.exportedAt); "
                        + (files.isEmpty ? "no public evidence came with it." : "its evidence is held here as evidence \(files.joined(separator: ", ")).")
                    let id = try await sql.insert(into: "package_reports")
                        .columns("agency_id", "outcome", "as_of", "reported_by", "reporter_url", "title", "url", "confidence", "notes", "source_key", "imported_at")
                        .values(SQLBind(localID), SQLBind(result.rawValue), SQLBind(finding.asOf), SQLBind(site.name), SQLBind(site.url), SQLBind(title), SQLBind(finding.url),
                                SQLBind(Confidence.medium.rawValue), SQLBind(notes), SQLBind(key), SQLBind(now))
                        .returning("id").first()!.decode(column: "id", as: Int.self)
                    try await AuditLog.append(AuditEntry(action: "package_report.add", entityType: "package_report", entityID: String(id), before: nil,
                                                         after: ["agency_id": String(localID), "outcome": result.rawValue, "as_of": finding.asOf, "reported_by": site.name,
                                                                 "reporter_url": site.url, "url": finding.url]), by: actor, at: now, on: sql)
                    outcome.reportsAdded += 1
                }
                for statement in records.statements {
                    let held = try await sql.select().column("id").from("agency_statements").where("agency_id", .equal, localID).where("kind", .equal, statement.kind)
                        .where("said_on", .equal, statement.saidOn).where("text", .equal, statement.text.trimmingCharacters(in: .whitespacesAndNewlines)).first()
                    if held != nil { outcome.statementsAlreadyHeld += 1; continue }
                    try await StatementStore.insert(sql: sql, agencyID: localID, kind: AgencyStatement.Kind(rawValue: statement.kind)!, text: statement.text, speaker: statement.speaker,
                                                    saidOn: CalendarDay(iso: statement.saidOn)!, sourceURL: statement.sourceURL, evidenceID: statement.evidence.flatMap { localEvidence[$0] },
                                                    deniesImmigrationUse: statement.deniesImmigrationUse, by: actor, now: now)
                    outcome.statementsAdded += 1
                }
                if outcome.changedAnything {
                    try await AuditLog.append(AuditEntry(action: "package.import", entityType: "agency", entityID: String(localID), before: nil, after: [
                        "site": site.name, "site_url": site.url, "exported_at": manifest.exportedAt, "package_manifest_sha256": manifestHash, "state": localState,
                        "evidence": "\(outcome.evidenceAdded) added, \(outcome.evidenceAlreadyHeld) already held",
                        "reports": "\(outcome.reportsAdded) added, \(outcome.reportsAlreadyHeld) already held",
                        "statements": "\(outcome.statementsAdded) added, \(outcome.statementsAlreadyHeld) already held"]), by: actor, at: now, on: sql)
                    try await DirectoryRevision.bump(sql)
                }
                return outcome
            }
        } catch {
            // Nothing half-stored: bytes this import wrote that no record points at go again.
            for hash in written where try await database.sql.select().column("id").from("evidence_files").where("sha256", .equal, hash).first() == nil { store.blobs.discard(hash) }
            throw error
        }
    }

    private func submission(_ item: RecordsPackage.Evidence, agencyID: Int, site: RecordsPackage.Manifest.Site) -> EvidenceSubmission {
        let note = "From \(site.name)'s records package (\(site.url))."
        let description = item.description.isEmpty ? note : "\(note) \(item.description)"
        return EvidenceSubmission(agencyID: agencyID, originalName: item.originalName, sourceURL: item.sourceURL, receivedOn: item.receivedOn.flatMap { CalendarDay(iso: $0) },
                                  isPublic: false, description: String(description.prefix(2_000)))
    }

    /// The directory's agency for the package's: by ORI, then by exact name and state; never a
    /// similar name. Not found is refused (a new entry from someone else's directory could double
    /// one of ours under another spelling): the operator names the agency with --agency, or adds it first.
    private func localAgency(_ agency: RecordsPackage.AgencyRef, override: Int?, package: String) async throws -> (Int, String, String?) {
        let sql = database.sql
        func read(_ row: any SQLRow) throws -> (Int, String, String?) {
            (try row.decode(column: "id", as: Int.self), try row.decode(column: "name", as: String.self), try row.decode(column: "state_code", as: String?.self))
        }
        let columns = ["id", "name", "state_code"]
        if let override {
            guard let row = try await sql.select().columns(columns).from("agencies").where("id", .equal, override).first() else { throw RecordNotFound("agency \(override)") }
            let found = try read(row)
            if let state = agency.stateCode, let local = found.2, state != local {
                throw InputProblems([InputProblem(file: package, field: "agency", problem: "the package is about \(agency.name) in \(state), but agency \(override) is in \(local)",
                                                  hint: "Name an agency in \(state); different places are never merged.")])
            }
            return found
        }
        if let ori = agency.ori?.trimmingCharacters(in: .whitespaces), !ori.isEmpty {
            let rows = try await sql.select().columns(columns).from("agencies").where("ori", .equal, ori).orderBy("id").all()
            if rows.count == 1 { return try read(rows[0]) }
        }
        var query = sql.select().columns(columns).from("agencies").where("name_search", .equal, AgencyRow.searchText(agency.name))
        query = agency.stateCode.map { query.where("state_code", .equal, $0) } ?? query.where("state_code", .is, SQLLiteral.null)
        let rows = try await query.orderBy("id").all()
        if rows.count == 1 { return try read(rows[0]) }
        let place = "\(agency.name)\(agency.stateCode.map { " (\($0))" } ?? "")\(agency.ori.map { ", ORI \($0)" } ?? "")"
        throw InputProblems([InputProblem(file: package, field: "agency", problem: rows.isEmpty ? "no agency in the directory has the ORI or the exact name and state of \(place)"
                                                                                                  : "\(rows.count) agencies in the directory have the name and state of \(place)",
                                          hint: "Find it with `hotlistwatch agencies list --search …` and run the import again with --agency ID, or add it first with `hotlistwatch import agencies`.")])
    }

    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && URL(string: text)?.host?.isEmpty == false
            && !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 })
    }
}
