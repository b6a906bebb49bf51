import Foundation
import HotlistCore
import SQLKit

/// CSV imports of contracts and officials: every row's agency is resolved first, and any problem
/// stops the whole file before anything is written. Rows match stored ones by agency, vendor and
/// start date (contracts) or agency, name and office (officials), so running a file twice changes nothing.
extension ContractStore {
    public func importContracts(_ file: ContractFile, by actor: AuditActor, now: Date) async throws -> ImportSummary {
        try await HotlistDatabase.retryingWhenBusy { try await database.sqlTransaction { sql in
            let agencies = try await AgencyResolver(sql: sql)
            var problems: [InputProblem] = []
            var resolved: [(row: ContractFile.Row, contract: ALPRContract)] = []
            for row in file.rows {
                guard let agencyID = agencies.resolve(row.agency, file: file.file, line: row.line, columns: row.columns, problems: &problems) else { continue }
                var contract = row.contract
                contract.agencyID = agencyID
                if let problem = try await Self.documentProblem(contract, sql: sql) {
                    problems.append(InputProblem(file: file.file, line: row.line, column: row.columns["evidence_id"] ?? 0, field: "evidence_id", problem: problem.problem, hint: problem.hint))
                }
                resolved.append((row, contract))
            }
            if !problems.isEmpty { throw InputProblems(problems) }
            var summary = ImportSummary()
            Self.noteUnknown(file.unknownColumns, known: ContractFile.columns, summary: &summary)
            try await StoredFacts.importAll(resolved.map(\.contract), kind: "contracts", sql: sql, actor: actor, now: now, summary: &summary)
            try await Self.finish(sql: sql, summary: &summary, now: now)
            return summary
        } }
    }

    public func importOfficials(_ file: OfficialFile, by actor: AuditActor, now: Date) async throws -> ImportSummary {
        try await HotlistDatabase.retryingWhenBusy { try await database.sqlTransaction { sql in
            let agencies = try await AgencyResolver(sql: sql)
            var problems: [InputProblem] = []
            var resolved: [(body: GoverningBody, official: PublicOfficial)] = []
            var bodyLines: [Int: (line: Int, body: GoverningBody)] = [:]
            for row in file.rows {
                guard let agencyID = agencies.resolve(row.agency, file: file.file, line: row.line, columns: row.columns, problems: &problems) else { continue }
                var body = row.body, official = row.official
                body.agencyID = agencyID; official.agencyID = agencyID
                // Two ways of naming the same agency (its id and its ORI) must not give it two bodies.
                if let earlier = bodyLines[agencyID], earlier.body.kind != body.kind || earlier.body.name != body.name {
                    problems.append(InputProblem(file: file.file, line: row.line, column: row.columns["body_name"] ?? 0, field: "body_name",
                                                 problem: "the agency has a different governing body on line \(earlier.line)", hint: "Write the same kind and name on every row of one agency."))
                    continue
                }
                if bodyLines[agencyID] == nil { bodyLines[agencyID] = (row.line, body) }
                resolved.append((bodyLines[agencyID]!.body, official))
            }
            if !problems.isEmpty { throw InputProblems(problems) }
            var summary = ImportSummary()
            Self.noteUnknown(file.unknownColumns, known: OfficialFile.columns, summary: &summary)
            for (_, entry) in bodyLines.sorted(by: { $0.value.line < $1.value.line }) {
                switch try await Self.upsert(entry.body, sql: sql, actor: actor, now: now) {
                case true?: summary.record("governing bodies", \.added)
                case false?: summary.record("governing bodies", \.updated)
                case nil: summary.record("governing bodies", \.unchanged)
                }
            }
            try await StoredFacts.importAll(resolved.map(\.official), kind: "officials", sql: sql, actor: actor, now: now, summary: &summary)
            try await Self.finish(sql: sql, summary: &summary, now: now)
            return summary
        } }
    }

    private static func noteUnknown(_ unknown: [String], known: [String], summary: inout ImportSummary) {
        guard !unknown.isEmpty else { return }
        summary.notices.append("columns not imported (not known to Hotlist Watch): \(unknown.joined(separator: ", ")). Known columns: \(known.joined(separator: ", ")).")
    }

    /// After a change: tell running servers, and recompute the priority the renewals affect.
    private static func finish(sql: any SQLDatabase, summary: inout ImportSummary, now: Date) async throws {
        guard summary.changedAnything else { return }
        try await DirectoryRevision.bump(sql)
        try await SignalsRefresher.refresh(sql: sql, summary: &summary, today: CalendarDay.today(now))
    }
}

/// Finds the agency a CSV row names; unknown and ambiguous names are problems on that row.
struct AgencyResolver {
    var ids = Set<Int>()
    var byORI: [String: [Int]] = [:]
    var byName: [String: [Int]] = [:]

    init(sql: any SQLDatabase) async throws {
        for row in try await sql.select().columns("id", "ori", "name_search", "state_code").from("agencies").all() {
            let id = try row.decode(column: "id", as: Int.self)
            ids.insert(id)
            if let ori = try row.decode(column: "ori", as: String?.self) { byORI[ori.uppercased(), default: []].append(id) }
            if let state = try row.decode(column: "state_code", as: String?.self) {
                byName[try row.decode(column: "name_search", as: String.self) + "|" + state, default: []].append(id)
            }
        }
    }

    func resolve(_ reference: AgencyReference, file: String, line: Int, columns: [String: Int], problems: inout [InputProblem]) -> Int? {
        let matches: [Int], field: String
        switch reference {
        case .id(let id): matches = ids.contains(id) ? [id] : []; field = "agency_id"
        case .ori(let ori): matches = byORI[ori] ?? []; field = "ori"
        case .nameAndState(let name, let state): matches = byName[AgencyRow.searchText(name) + "|" + state] ?? []; field = "agency"
        }
        if matches.count == 1 { return matches[0] }
        let problem = matches.isEmpty ? "no agency in the directory matches \(reference)" : "\(matches.count) agencies match \(reference) (ids \(matches.sorted().map(String.init).joined(separator: ", ")))"
        let hint = matches.isEmpty ? "Check the spelling against the agency's page on the site, or use its agency_id (the number in /agencies/123)."
                                   : "Use the agency_id of the one you mean (the number in its address on the site)."
        problems.append(InputProblem(file: file, line: line, column: columns[field] ?? 0, field: field, problem: problem, hint: hint))
        return nil
    }
}
