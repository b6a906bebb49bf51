import Foundation

/// A user's own agency list (CSV), matched by header name. Every problem in the file is found in one
/// pass and reported together; nothing is stored unless the whole file is clean.
public struct AgencyListFile: Sendable {
    public static let columns = ["name", "state", "ori", "kind", "city", "county", "website", "records_email",
                                 "records_portal_url", "flock_portal_url", "contract_renewal_date"]

    public var rows: [AgencyListRow]
    /// Header names that are not ours; reported to the user, never silently dropped.
    public var unknownColumns: [String]
    public var duplicatesSkipped: [String]

    public static func read(path: String) throws(InputProblems) -> AgencyListFile {
        let table: CSVTable
        do { table = try CSVTable.read(path: path) } catch { throw InputProblems([InputProblem(error)]) }
        return try parse(table)
    }

    public static func parse(_ table: CSVTable) throws(InputProblems) -> AgencyListFile {
        // Only the name column is required; the reader's check says so with the headers it found.
        do { _ = try CSVFieldReader(table, required: ["name"]) } catch { throw InputProblems([error]) }
        let known = Set(columns.map(normalise))
        // "contract renewal" and "contract renewal date" both mean the same column.
        let aliases = ["contract_renewal": "contract_renewal_date", "records_portal": "records_portal_url",
                       "flock_portal": "flock_portal_url", "email": "records_email"]
        var columnIndex: [String: Int] = [:]
        var unknown: [String] = []
        for (index, header) in table.header.enumerated() {
            let name = aliases[normalise(header)] ?? normalise(header)
            if known.contains(name) { columnIndex[name] = index } else { unknown.append(header) }
        }
        var problems: [InputProblem] = []
        var rows: [AgencyListRow] = []
        var seen: [String: AgencyListRow] = [:]
        var duplicates: [String] = []
        for record in table.rows {
            func value(_ column: String) -> String? {
                guard let index = columnIndex[column] else { return nil }
                let text = record[index].trimmingCharacters(in: .whitespacesAndNewlines)
                return text.isEmpty ? nil : text
            }
            func problem(_ column: String, _ what: String, _ hint: String) {
                problems.append(InputProblem(file: table.file, line: record.line, column: (columnIndex[column] ?? -1) + 1, field: column, problem: what, hint: hint))
            }
            guard let name = value("name") else { problem("name", "the agency name is empty", "Every row needs a name."); continue }
            var agency = Agency.fromName(name, externalKey: "")
            var provided: Set<String> = ["name"]
            if let state = value("state") {
                if let resolved = USState.byCode(state) ?? USState.byName(state) {
                    agency.stateCode = resolved.code; agency.unresolvedReason = nil; provided.insert("state")
                } else {
                    problem("state", "\"\(state)\" is not a U.S. state", "Use a two-letter code such as NV, or a state name.")
                }
            }
            if let kind = value("kind") {
                if let parsed = Self.kind(kind) { agency.kind = parsed; provided.insert("kind") } else {
                    problem("kind", "\"\(kind)\" is not a known kind", "Use one of: \(AgencyKind.allCases.map(\.rawValue).joined(separator: ", ")) (PD and SO also work).")
                }
            }
            if let ori = value("ori") {
                let upper = ori.uppercased()
                if upper.count == 9, upper.allSatisfy({ $0.isLetter || $0.isNumber }) { agency.ori = upper; provided.insert("ori") } else {
                    problem("ori", "\"\(ori)\" is not a 9-character ORI", "An ORI is 9 letters and digits, e.g. NV0160200.")
                }
            }
            for (column, keyPath) in [("city", \Agency.city), ("county", \Agency.county)] as [(String, WritableKeyPath<Agency, String?>)] {
                if let text = value(column) { agency[keyPath: keyPath] = text; provided.insert(column) }
            }
            if let email = value("records_email") {
                if Self.looksLikeEmail(email) { agency.recordsEmail = email; provided.insert("records_email") } else {
                    problem("records_email", "\"\(email)\" is not an email address", "Write it as name@example.gov.")
                }
            }
            for (column, keyPath) in [("website", \Agency.website), ("records_portal_url", \Agency.recordsPortalURL), ("flock_portal_url", \Agency.flockPortalURL)] as [(String, WritableKeyPath<Agency, String?>)] {
                guard let url = value(column) else { continue }
                if Self.looksLikeWebAddress(url) { agency[keyPath: keyPath] = url; provided.insert(column) } else {
                    problem(column, "\"\(url.prefix(60))\" is not a web address", "Write a full address starting with https://.")
                }
            }
            if let date = value("contract_renewal_date") {
                if let day = TimestampParser.isoDay(date) { agency.contractRenewal = day; provided.insert("contract_renewal_date") } else {
                    problem("contract_renewal_date", "\"\(date)\" is not a date", "Write dates as YYYY-MM-DD, e.g. 2027-06-30.")
                }
            }
            let identity = (agency.ori ?? "") + "|" + name.lowercased() + "|" + (agency.stateCode ?? "")
            let row = AgencyListRow(line: record.line, agency: agency, providedFields: provided)
            if let earlier = seen[identity] {
                if earlier.agency == agency { duplicates.append("\(table.file):\(record.line): same as line \(earlier.line), skipped"); continue }
                problems.append(InputProblem(file: table.file, line: record.line, field: "name", problem: "\"\(name)\" appears again with different values (first on line \(earlier.line))", hint: "Keep one row per agency."))
                continue
            }
            seen[identity] = row
            rows.append(row)
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return AgencyListFile(rows: rows, unknownColumns: unknown, duplicatesSkipped: duplicates)
    }

    static func normalise(_ header: String) -> String {
        header.lowercased().trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
    }

    static func kind(_ text: String) -> AgencyKind? {
        let value = normalise(text)
        if let kind = AgencyKind(rawValue: value) { return kind }
        switch value {
        case "pd", "police", "police_dept": return .policeDepartment
        case "so", "sheriff", "sheriff's_office", "sheriffs": return .sheriffsOffice
        case "task_force", "taskforce": return .taskForce
        case "state_police", "highway_patrol", "state_patrol": return .statePolice
        default: return AgencyKind.allCases.first { normalise($0.label) == value }
        }
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }

    static func looksLikeWebAddress(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http" else { return false }
        return url.host?.isEmpty == false
    }
}
