import Foundation

/// The Atlas of Surveillance download (EFF and the University of Nevada, Reno Reynolds School of
/// Journalism): one row per agency and technology. Only rows about Flock Safety's automated license
/// plate readers are kept; the others are counted by reason. Every problem in a kept row is found in
/// one pass; nothing is stored unless the whole file is clean.
public struct AtlasFile: Sendable {
    public static let source = "Atlas of Surveillance"
    public static let credit = "Atlas of Surveillance, by the Electronic Frontier Foundation and the University of Nevada, Reno Reynolds School of Journalism"
    public static let siteURL = "https://atlasofsurveillance.org"

    public struct Row: Sendable, Equatable {
        public var line: Int
        public var entry: AtlasEntry
        /// Set when the file has an ORI column and this row fills it.
        public var ori: String?
        /// Parsed from the agency's name, with the Atlas' "Type of LEA" when the name says nothing.
        public var kind: AgencyKind
        public var place: String?
        public var city: String?
        public var county: String?
    }

    public enum SkipReason: String, Sendable, CaseIterable, Codable {
        case notLicensePlateReaders = "not automated license plate readers"
        case notFlockSafety = "vendor is not Flock Safety"
    }

    public static let columns = ["aosnumber", "city", "county", "state", "agency", "type_of_lea", "summary", "type_of_juris",
                                 "technology", "vendor", "link_1", "link_2", "link_3", "ori"]
    static let aliases = ["aos_number": "aosnumber", "aos": "aosnumber", "link1": "link_1", "link2": "link_2", "link3": "link_3",
                          "agency_name": "agency", "type_of_jurisdiction": "type_of_juris"]
    /// The whole Atlas has about 14,000 rows; far more means the wrong file.
    static let maximumRows = 200_000

    public var file: String
    public var rows: [Row]
    public var skipped: [SkipReason: Int]
    public var unknownColumns: [String]

    public static func read(path: String) throws(InputProblems) -> AtlasFile {
        let table: CSVTable
        do { table = try CSVTable.read(path: path) } catch { throw InputProblems([InputProblem(error)]) }
        return try parse(table)
    }

    public static func parse(_ table: CSVTable) throws(InputProblems) -> AtlasFile {
        let map = CSVColumnMap(table, known: columns, aliases: aliases)
        if let missing = map.missing(["aosnumber", "state", "agency", "technology", "vendor"],
                                     hint: "This does not look like the Atlas of Surveillance download (\(siteURL)/data-library).") {
            throw InputProblems([missing])
        }
        guard table.rows.count <= maximumRows else {
            throw InputProblems([InputProblem(file: table.file, problem: "the file has \(table.rows.count) rows, more than \(maximumRows)", hint: "Import the Atlas download itself, or split the file.")])
        }
        var problems: [InputProblem] = []
        var rows: [Row] = []
        var skipped: [SkipReason: Int] = [:]
        var seen: [String: Int] = [:]
        for record in table.rows {
            if let reason = skipReason(technology: map.value(record, "technology"), vendor: map.value(record, "vendor")) {
                skipped[reason, default: 0] += 1
                continue
            }
            guard let row = row(record, map: map, problems: &problems) else { continue }
            if let earlier = seen[row.entry.aosNumber] {
                problems.append(map.problem(record, "aosnumber", "\(row.entry.aosNumber) is on line \(earlier) too", "Each Atlas entry has its own AOS number: keep one row per number."))
                continue
            }
            seen[row.entry.aosNumber] = record.line
            rows.append(row)
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return AtlasFile(file: table.file, rows: rows, skipped: skipped, unknownColumns: map.unknown)
    }

    /// Nil when the row is about Flock Safety's license plate readers.
    static func skipReason(technology: String?, vendor: String?) -> SkipReason? {
        let technology = (technology ?? "").lowercased()
        guard technology.contains("automated license plate reader") || technology.split(whereSeparator: { !$0.isLetter }).contains("alpr") else {
            return .notLicensePlateReaders
        }
        // "Flock Safety, Vigilant" or "Vigilant and Flock": one vendor among several is enough.
        let words = (vendor ?? "").lowercased().split(whereSeparator: { !$0.isLetter })
        guard words.contains("flock") else { return .notFlockSafety }
        return nil
    }

    static func row(_ record: CSVRecord, map: CSVColumnMap, problems: inout [InputProblem]) -> Row? {
        let before = problems.count
        let aosNumber = map.value(record, "aosnumber")
        if aosNumber == nil { problems.append(map.problem(record, "aosnumber", "the AOS number is empty", "Every Atlas row has one, e.g. AOS12345; use the download as it is.")) }
        let name = map.value(record, "agency")
        if name == nil { problems.append(map.problem(record, "agency", "the agency name is empty", "Every Atlas row names its agency.")) }
        var state: USState?
        if let text = map.value(record, "state") {
            state = USState.byCode(text) ?? USState.byName(text)
            if state == nil { problems.append(map.problem(record, "state", "\"\(text.prefix(30))\" is not a U.S. state", "Use a two-letter code such as NV, or a state name.")) }
        } else {
            problems.append(map.problem(record, "state", "the state is empty", "Agency names repeat across states: the state tells them apart."))
        }
        var ori: String?
        if let text = map.value(record, "ori") {
            let upper = text.uppercased()
            if upper.count == 9, upper.allSatisfy({ $0.isLetter || $0.isNumber }) { ori = upper } else {
                problems.append(map.problem(record, "ori", "\"\(text.prefix(20))\" is not a 9-character ORI", "An ORI is 9 letters and digits, e.g. NV0160200, or leave it empty."))
            }
        }
        var links: [String] = []
        for column in ["link_1", "link_2", "link_3"] {
            guard let link = map.value(record, column) else { continue }
            if AgencyListFile.looksLikeWebAddress(link), link.count <= 2000 { links.append(link) } else {
                problems.append(map.problem(record, column, "\"\(link.prefix(60))\" is not a web address", "Write a full address starting with https://, or leave the cell empty."))
            }
        }
        guard problems.count == before, let aosNumber, let name, let state else { return nil }
        let parsed = AgencyNameParser.parse(name)
        var kind = parsed.kind
        if kind == .other, let lea = map.value(record, "type_of_lea"), let fromType = AgencyListFile.kind(lea) { kind = fromType }
        let entry = AtlasEntry(agencyID: 0, aosNumber: aosNumber, agencyName: name, stateCode: state.code,
                               technology: map.value(record, "technology") ?? "", vendor: map.value(record, "vendor") ?? "",
                               summary: map.value(record, "summary"), links: links)
        return Row(line: record.line, entry: entry, ori: ori, kind: kind, place: parsed.place,
                   city: map.value(record, "city"), county: map.value(record, "county"))
    }
}

/// One Atlas of Surveillance entry about an agency's Flock license plate readers, with the links
/// the Atlas gives as its sources.
public struct AtlasEntry: Codable, Sendable, Equatable {
    public var id: Int?
    public var agencyID: Int
    /// The Atlas' own id ("AOSNUMBER").
    public var aosNumber: String
    /// The agency's name as the Atlas writes it.
    public var agencyName: String
    public var stateCode: String
    public var technology: String
    public var vendor: String
    public var summary: String?
    /// Link 1–3, in order, empty cells left out.
    public var links: [String]

    public init(id: Int? = nil, agencyID: Int, aosNumber: String, agencyName: String, stateCode: String, technology: String,
                vendor: String, summary: String?, links: [String]) {
        self.id = id; self.agencyID = agencyID; self.aosNumber = aosNumber; self.agencyName = agencyName; self.stateCode = stateCode
        self.technology = technology; self.vendor = vendor; self.summary = summary; self.links = links
    }

    public var auditValues: AuditValues {
        var values: AuditValues = ["agency_id": String(agencyID), "aos_number": aosNumber, "agency_name": agencyName, "state": stateCode,
                                   "technology": technology, "vendor": vendor, "summary": summary]
        for (index, link) in links.enumerated() { values["link_\(index + 1)"] = link }
        return values
    }
}
