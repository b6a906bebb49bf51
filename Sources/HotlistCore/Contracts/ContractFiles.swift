import Foundation

/// How a CSV row names its agency: by our id, by ORI, or by name and state.
public enum AgencyReference: Sendable, Equatable, CustomStringConvertible {
    case id(Int)
    case ori(String)
    case nameAndState(String, String)

    public var description: String {
        switch self {
        case .id(let id): "agency_id \(id)"
        case .ori(let ori): "ORI \(ori)"
        case .nameAndState(let name, let state): "\"\(name)\" in \(state)"
        }
    }
}

/// The columns of a CSV file matched by header name, in any order and case, with aliases.
struct CSVColumnMap {
    let table: CSVTable
    var index: [String: Int] = [:]
    var unknown: [String] = []

    init(_ table: CSVTable, known: [String], aliases: [String: String]) {
        self.table = table
        let knownSet = Set(known)
        for (position, header) in table.header.enumerated() {
            let name = aliases[AgencyListFile.normalise(header)] ?? AgencyListFile.normalise(header)
            if knownSet.contains(name), index[name] == nil { index[name] = position } else { unknown.append(header) }
        }
    }

    func value(_ record: CSVRecord, _ column: String) -> String? {
        guard let position = index[column] else { return nil }
        let text = record[position].trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    func problem(_ record: CSVRecord, _ column: String, _ what: String, _ hint: String) -> InputProblem {
        InputProblem(file: table.file, line: record.line, column: index[column].map { $0 + 1 } ?? 0, field: column, problem: what, hint: hint)
    }

    func problems(_ record: CSVRecord, _ found: [ContractInput.FieldProblem]) -> [InputProblem] {
        found.map { problem(record, $0.field, $0.problem, $0.hint) }
    }

    /// The problem when a column the file needs is absent from its header.
    func missing(_ columns: [String], hint: String) -> InputProblem? {
        let absent = columns.filter { index[$0] == nil }
        guard !absent.isEmpty else { return nil }
        return InputProblem(file: table.file, line: 1, problem: "missing column\(absent.count == 1 ? "" : "s") \(absent.map { "\"\($0)\"" }.joined(separator: ", "))",
                            hint: "\(hint) The header row has: \(table.header.joined(separator: ", ")).")
    }

    static let agencyColumns = ["agency_id", "ori", "agency", "state"]
    static let agencyAliases = ["agency_name": "agency", "state_code": "state", "id": "agency_id"]

    /// The agency a row names, preferring agency_id, then ORI, then name and state.
    func agency(_ record: CSVRecord, problems: inout [InputProblem]) -> AgencyReference? {
        if let text = value(record, "agency_id") {
            guard let id = Int(text), id > 0 else {
                problems.append(problem(record, "agency_id", "\"\(text.prefix(20))\" is not an agency number", "Use the number in the agency's address on the site (/agencies/123), or leave it empty and give ori or agency and state."))
                return nil
            }
            return .id(id)
        }
        if let text = value(record, "ori") {
            let ori = text.uppercased()
            guard ori.count == 9, ori.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                problems.append(problem(record, "ori", "\"\(text.prefix(20))\" is not a 9-character ORI", "An ORI is 9 letters and digits, e.g. NV0160200."))
                return nil
            }
            return .ori(ori)
        }
        guard let name = value(record, "agency") else {
            problems.append(problem(record, "agency", "the row names no agency", "Fill in agency_id, or ori, or agency and state."))
            return nil
        }
        guard let stateText = value(record, "state") else {
            problems.append(problem(record, "state", "the state of \"\(name)\" is empty", "Agency names repeat across states: write the two-letter state code, e.g. NV."))
            return nil
        }
        guard let state = USState.byCode(stateText) ?? USState.byName(stateText) else {
            problems.append(problem(record, "state", "\"\(stateText.prefix(30))\" is not a U.S. state", "Use a two-letter code such as NV, or a state name."))
            return nil
        }
        return .nameAndState(name, state.code)
    }
}

/// A CSV file of ALPR contracts, one per row. Read whole and checked before anything is stored.
public struct ContractFile: Sendable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var agency: AgencyReference
        /// `agencyID` is 0 until the store resolves the agency.
        public var contract: ALPRContract
        /// 1-based column numbers, so later checks (the agency, the evidence) can point at the cell.
        public var columns: [String: Int]
    }

    public static let columns = CSVColumnMap.agencyColumns + ContractInput.contractFields
    static let aliases = CSVColumnMap.agencyAliases.merging([
        "renewal_date": "end_date", "expiry_date": "end_date", "expiration_date": "end_date", "end": "end_date",
        "date_kind": "end_kind", "renewal_or_expiry": "end_kind", "amount": "amount_usd", "value": "amount_usd", "amount_(usd)": "amount_usd",
        "camera_count": "cameras", "number_of_cameras": "cameras", "term": "term_months", "start": "start_date",
        "source": "source_url", "url": "source_url", "title": "source_title", "document": "evidence_id", "signed_document": "evidence_id",
        "company": "vendor", "grade": "confidence",
    ]) { first, _ in first }

    public var file: String
    public var rows: [Row]
    public var unknownColumns: [String]

    public static func read(path: String) throws(InputProblems) -> ContractFile {
        let table: CSVTable
        do { table = try CSVTable.read(path: path) } catch { throw InputProblems([InputProblem(error)]) }
        return try parse(table)
    }

    public static func parse(_ table: CSVTable) throws(InputProblems) -> ContractFile {
        let map = CSVColumnMap(table, known: columns, aliases: aliases)
        if let missing = map.missing(["vendor", "source_url", "source_title"], hint: "A contracts file needs at least vendor, source_url and source_title, and agency_id, ori or agency and state.") {
            throw InputProblems([missing])
        }
        var problems: [InputProblem] = []
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        for record in table.rows {
            let agency = map.agency(record, problems: &problems)
            let (contract, found) = ContractInput.contract(agencyID: 0) { map.value(record, $0) }
            problems += map.problems(record, found)
            guard let agency, let contract else { continue }
            let identity = "\(agency)|\(contract.vendor.lowercased())|\(contract.startDate?.iso ?? "")"
            if let earlier = seen[identity] {
                problems.append(map.problem(record, "vendor", "the same contract (agency, vendor, start date) is on line \(earlier) too", "Keep one row per contract; an agency's later contract has a different start date."))
                continue
            }
            seen[identity] = record.line
            rows.append(Row(line: record.line, agency: agency, contract: contract, columns: map.index.mapValues { $0 + 1 }))
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return ContractFile(file: table.file, rows: rows, unknownColumns: map.unknown)
    }
}

/// A CSV file of public officials, one per row, each row also naming the governing body they sit on.
public struct OfficialFile: Sendable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var agency: AgencyReference
        public var body: GoverningBody
        public var official: PublicOfficial
        public var columns: [String: Int]
    }

    public static let columns = CSVColumnMap.agencyColumns + ContractInput.bodyFields + ContractInput.officialFields
    static let aliases = CSVColumnMap.agencyAliases.merging([
        "governing_body_kind": "body_kind", "governing_body": "body_name", "body": "body_name", "governing_body_name": "body_name",
        "body_url": "body_web_page", "official": "name", "official_name": "name", "title": "office", "position": "office",
        "public_email": "email", "telephone": "phone", "url": "web_page", "page": "web_page", "source": "source_url",
        "term_begins": "term_start", "term_ends": "term_end",
    ]) { first, _ in first }

    public var file: String
    public var rows: [Row]
    public var unknownColumns: [String]

    public static func read(path: String) throws(InputProblems) -> OfficialFile {
        let table: CSVTable
        do { table = try CSVTable.read(path: path) } catch { throw InputProblems([InputProblem(error)]) }
        return try parse(table)
    }

    public static func parse(_ table: CSVTable) throws(InputProblems) -> OfficialFile {
        let map = CSVColumnMap(table, known: columns, aliases: aliases)
        if let missing = map.missing(["body_kind", "body_name", "name", "office", "source_url", "source_title"],
                                     hint: "An officials file needs body_kind, body_name, name, office, source_url and source_title, and agency_id, ori or agency and state.") {
            throw InputProblems([missing])
        }
        var problems: [InputProblem] = []
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        var bodies: [String: (line: Int, body: GoverningBody)] = [:]
        for record in table.rows {
            let agency = map.agency(record, problems: &problems)
            let (body, bodyProblems) = ContractInput.body(agencyID: 0) { map.value(record, $0) }
            let (official, found) = ContractInput.official(agencyID: 0) { map.value(record, $0) }
            // The source is checked once per row, not once for the body and again for the official.
            problems += map.problems(record, bodyProblems.filter { !$0.field.hasPrefix("source") } + found)
            guard let agency, let body, let official else { continue }
            let agencyKey = "\(agency)"
            if let earlier = bodies[agencyKey], earlier.body.kind != body.kind || earlier.body.name != body.name {
                problems.append(map.problem(record, "body_name", "\(agency) has a different governing body on line \(earlier.line) (\(earlier.body.kind.rawValue), \(earlier.body.name))",
                                            "An agency has one governing body for its contract: write the same kind and name on every row of that agency."))
                continue
            }
            if bodies[agencyKey] == nil { bodies[agencyKey] = (record.line, body) }
            let identity = "\(agencyKey)|\(official.name.lowercased())|\(official.office.lowercased())"
            if let earlier = seen[identity] {
                problems.append(map.problem(record, "name", "\(official.name) (\(official.office)) is on line \(earlier) too", "Keep one row per official and office."))
                continue
            }
            seen[identity] = record.line
            rows.append(Row(line: record.line, agency: agency, body: bodies[agencyKey]!.body, official: official, columns: map.index.mapValues { $0 + 1 }))
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return OfficialFile(file: table.file, rows: rows, unknownColumns: map.unknown)
    }
}
