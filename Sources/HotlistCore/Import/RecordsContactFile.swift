import Foundation

/// A CSV file of where agencies take records requests, one existing agency per row. Values are
/// checked as the web form checks them; an empty cell leaves that value as it is stored.
public struct RecordsContactFile: Sendable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var agency: AgencyReference
        /// Only the values the row fills in (nil: keep what is stored).
        public var email: String?
        public var portalURL: String?
        /// Where the contact was found.
        public var sourceURL: String
        public var note: String?
        public var columns: [String: Int]
    }

    public static let columns = CSVColumnMap.agencyColumns + ["records_email", "records_portal_url", "source_url", "note"]
    static let aliases = CSVColumnMap.agencyAliases.merging([
        "name": "agency", "email": "records_email", "records_portal": "records_portal_url", "portal_url": "records_portal_url",
        "portal": "records_portal_url", "source": "source_url", "notes": "note",
    ]) { first, _ in first }

    public var file: String
    public var rows: [Row]
    public var unknownColumns: [String]

    public static func read(path: String) throws(InputProblems) -> RecordsContactFile {
        let table: CSVTable
        do { table = try CSVTable.read(path: path) } catch { throw InputProblems([InputProblem(error)]) }
        return try parse(table)
    }

    public static func parse(_ table: CSVTable) throws(InputProblems) -> RecordsContactFile {
        let map = CSVColumnMap(table, known: columns, aliases: aliases)
        if let missing = map.missing(["source_url"], hint: "A records contacts file needs source_url (where the contact was found), records_email or records_portal_url, and agency_id, ori or agency and state.") {
            throw InputProblems([missing])
        }
        if map.index["records_email"] == nil, map.index["records_portal_url"] == nil {
            throw InputProblems([InputProblem(file: table.file, line: 1, problem: "the file has neither a records_email nor a records_portal_url column",
                                              hint: "Add one of them. The header row has: \(table.header.joined(separator: ", ")).")])
        }
        var problems: [InputProblem] = []
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        for record in table.rows {
            let before = problems.count
            let agency = map.agency(record, problems: &problems)
            let email = map.value(record, "records_email"), portal = map.value(record, "records_portal_url")
            var contact = RecordsContact()
            do { contact = try RecordsContact.validated(email: email, portalURL: portal) } catch let found as InputProblems {
                // The same checks as the web form, pointed at this file's cells.
                for problem in found.problems {
                    problems.append(map.problem(record, problem.field == "email" ? "records_email" : "records_portal_url", problem.problem, problem.hint))
                }
            } catch {}
            if email == nil, portal == nil {
                problems.append(map.problem(record, map.index["records_email"] != nil ? "records_email" : "records_portal_url",
                                            "the row gives neither a records email nor a portal", "Fill in at least one, or remove the row."))
            }
            let source = map.value(record, "source_url")
            if let source, !AgencyListFile.looksLikeWebAddress(source) {
                problems.append(map.problem(record, "source_url", "\"\(source.prefix(60))\" is not a web address", "Write the full address of the page where you found the contact, starting with https://."))
            } else if source == nil {
                problems.append(map.problem(record, "source_url", "the source is empty", "Say where the contact was found: the address of the agency's page that lists it."))
            }
            guard problems.count == before, let agency, let source else { continue }
            if let earlier = seen["\(agency)"] {
                problems.append(map.problem(record, "agency", "\(agency) is on line \(earlier) too", "Keep one row per agency."))
                continue
            }
            seen["\(agency)"] = record.line
            rows.append(Row(line: record.line, agency: agency, email: contact.email, portalURL: contact.portalURL, sourceURL: source,
                            note: map.value(record, "note").map { String($0.prefix(500)) }, columns: map.index.mapValues { $0 + 1 }))
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return RecordsContactFile(file: table.file, rows: rows, unknownColumns: map.unknown)
    }
}
