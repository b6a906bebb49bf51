import Foundation

/// The News & Observer's "Private Eyes" scrape of Flock transparency portals (2023-24), read and checked
/// in full before anything is stored, so a bad file leaves the database untouched.
public struct PrivateEyesDataset: Sendable {
    public static let credit = "The News & Observer, \"Private Eyes\" data set (MIT licence)"
    public static let keyPrefix = "noa:"

    public var agencies: [Agency] = []
    public var snapshots: [AgencySnapshot] = []
    public var edges: [SharingEdge] = []
    public var urlChecks: [URLCheck] = []
    public var survey: [SurveyEntry] = []
    /// Rows skipped as exact duplicates, and other things worth telling the user.
    public var notices: [String] = []

    public init() {}

    /// The files of the data set, found by the name they start with (the authors date-stamp them).
    public enum File: String, CaseIterable, Sendable {
        case agencies = "agency2"
        case access = "agency_access"
        case policies = "agency_policies"
        case usage = "latest_usage"
        case survey = "nc_agency_survey"
        case urlStatus = "transparency_url_status"
    }

    public static func key(_ sourceID: Int) -> String { keyPrefix + String(sourceID) }

    public static func read(directory: String) throws(InputProblems) -> PrivateEyesDataset {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputProblems([InputProblem(file: directory, problem: "no such directory", hint: "Pass the folder that holds agency2024….csv, agency_access….csv and the other Private Eyes files (the repo ships one at data/private_eyes).")])
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var paths: [File: String] = [:]
        for file in File.allCases {
            paths[file] = names.filter { $0.hasPrefix(file.rawValue) && $0.lowercased().hasSuffix(".csv") }.sorted().last
                .map { (directory as NSString).appendingPathComponent($0) }
        }
        let missing = File.allCases.filter { paths[$0] == nil }
        if !missing.isEmpty {
            throw InputProblems(missing.map { InputProblem(file: directory, problem: "no file named \($0.rawValue)….csv", hint: "The Private Eyes folder needs all six CSV files; copy the missing one from the data set.") })
        }
        var tables: [File: CSVTable] = [:]
        var problems: [InputProblem] = []
        for file in File.allCases {
            do { tables[file] = try CSVTable.read(path: paths[file]!) } catch { problems.append(InputProblem(error)) }
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        var dataset = PrivateEyesDataset()
        do {
            try dataset.readAgencies(tables[.agencies]!)
            try dataset.readUsage(tables[.usage]!)
            try dataset.readPolicies(tables[.policies]!)
            let known = Set(dataset.agencies.map(\.externalKey))
            try dataset.readAccess(tables[.access]!, known: known)
            try dataset.readURLStatus(tables[.urlStatus]!, known: known)
            try dataset.readSurvey(tables[.survey]!, known: known)
        } catch let problem {
            throw InputProblems([problem])
        }
        dataset.applyPortalFacts()
        return dataset
    }

    private static func agencyID(_ reader: CSVFieldReader, _ record: CSVRecord, _ column: String, known: Set<String>?) throws(InputProblem) -> String {
        guard let id = try reader.int(record, column) else {
            throw reader.problem(record, column, "the agency id is empty", hint: "Every row must name an agency by its id from the agency list.")
        }
        let key = key(id)
        if let known, !known.contains(key) {
            throw reader.problem(record, column, "agency id \(id) is not in the agency list", hint: "Use the agency list from the same data set, or add the agency to it.")
        }
        return key
    }

    mutating func readAgencies(_ table: CSVTable) throws(InputProblem) {
        let reader = try CSVFieldReader(table, required: ["id", "name"])
        var seen: [String: (line: Int, name: String)] = [:]
        for record in table.rows {
            let key = try Self.agencyID(reader, record, "id", known: nil)
            let name = try reader.required(record, "name")
            if let earlier = seen[key] {
                if earlier.name == name { notices.append("\(table.file):\(record.line): duplicate of line \(earlier.line), skipped"); continue }
                throw reader.problem(record, "id", "agency id \(key.dropFirst(Self.keyPrefix.count)) is also used on line \(earlier.line) for \"\(earlier.name)\"", hint: "Each agency needs its own id.")
            }
            seen[key] = (record.line, name)
            agencies.append(Agency.fromName(name, externalKey: key, notes: reader.optional(record, "notes")))
        }
    }

    /// Portal rows name their agency, so one missing from the agency list (the real data has one) is
    /// added from the portal's own name rather than dropped, and the user is told.
    mutating func portalAgencyKey(_ reader: CSVFieldReader, _ record: CSVRecord) throws(InputProblem) -> String {
        let key = try Self.agencyID(reader, record, "id", known: nil)
        if agencies.contains(where: { $0.externalKey == key }) { return key }
        let name = try reader.required(record, "agency")
        agencies.append(Agency.fromName(name, externalKey: key, notes: "added from the portal data; not in the agency list"))
        notices.append("\(reader.table.file):\(record.line): agency id \(key.dropFirst(Self.keyPrefix.count)) (\(name)) is not in the agency list; added from the portal's name")
        return key
    }

    mutating func readUsage(_ table: CSVTable) throws(InputProblem) {
        let reader = try CSVFieldReader(table, required: ["id", "agency", "updated", "accessed", "url", "data_retention_in_days", "number_of_owned_cameras", "hotlists_alerted_on"])
        for record in table.rows {
            let key = try portalAgencyKey(reader, record)
            var snapshot = PortalSnapshot(page: .usage, source: Self.credit)
            snapshot.portalName = reader.optional(record, "agency")
            snapshot.updatedAt = try Self.timestamp(reader, record, "updated")
            snapshot.accessedAt = try Self.timestamp(reader, record, "accessed")
            snapshot.url = reader.optional(record, "url")
            snapshot.dataRetentionRaw = reader.optional(record, "data_retention_in_days")
            snapshot.dataRetentionDays = snapshot.dataRetentionRaw.flatMap(Self.retentionDays)
            snapshot.cameraCount = try reader.count(record, "number_of_owned_cameras")
            snapshot.externalOrganizationsRaw = reader.optional(record, "external_organizations_with_access")
            snapshot.hotlistsRaw = reader.optional(record, "hotlists_alerted_on")
            snapshot.vehiclesDetected30Days = try reader.count(record, "vehicles_detected_in_the_last_30_days")
            snapshot.hotlistHits30Days = try reader.count(record, "hotlist_hits_in_the_last_30_days")
            snapshot.searches30Days = try reader.count(record, "searches_in_the_last_30_days")
            snapshot.publicSearchAudit = try reader.int(record, "public_search_audit").map { $0 != 0 }
            snapshots.append(AgencySnapshot(agencyKey: key, snapshot: snapshot))
        }
    }

    mutating func readPolicies(_ table: CSVTable) throws(InputProblem) {
        let reader = try CSVFieldReader(table, required: ["id", "agency", "updated", "accessed", "url", "prohibited_uses"])
        for record in table.rows {
            let key = try portalAgencyKey(reader, record)
            var snapshot = PortalSnapshot(page: .policy, source: Self.credit)
            snapshot.portalName = reader.optional(record, "agency")
            snapshot.updatedAt = try Self.timestamp(reader, record, "updated")
            snapshot.accessedAt = try Self.timestamp(reader, record, "accessed")
            snapshot.url = reader.optional(record, "url")
            snapshot.contentHash = reader.optional(record, "hash")
            snapshot.whatsDetected = reader.optional(record, "whats_detected")
            snapshot.whatsNotDetected = reader.optional(record, "whats_not_detected")
            snapshot.acceptableUsePolicy = reader.optional(record, "acceptable_use_policy")
            snapshot.prohibitedUsesRaw = reader.optional(record, "prohibited_uses")
            snapshot.accessPolicy = reader.optional(record, "access_policy")
            snapshot.hotlistPolicy = reader.optional(record, "hotlist_policy")
            snapshots.append(AgencySnapshot(agencyKey: key, snapshot: snapshot))
        }
    }

    mutating func readAccess(_ table: CSVTable, known: Set<String>) throws(InputProblem) {
        let reader = try CSVFieldReader(table, required: ["src_agency_id", "external_agency_id"])
        var seen = Set<SharingEdge>()
        for record in table.rows {
            let edge = SharingEdge(ownerKey: try Self.agencyID(reader, record, "src_agency_id", known: known),
                                   viewerKey: try Self.agencyID(reader, record, "external_agency_id", known: known))
            if !seen.insert(edge).inserted { notices.append("\(table.file):\(record.line): duplicate sharing row, skipped"); continue }
            edges.append(edge)
        }
    }

    mutating func readURLStatus(_ table: CSVTable, known: Set<String>) throws(InputProblem) {
        let reader = try CSVFieldReader(table, required: ["agency_id", "url_attempted", "status_code"])
        for record in table.rows {
            // A URL check names no agency, so one for an unknown id cannot be placed: skip it and say so.
            let key = try Self.agencyID(reader, record, "agency_id", known: nil)
            if !known.contains(key) {
                notices.append("\(table.file):\(record.line): agency id \(key.dropFirst(Self.keyPrefix.count)) is not in the agency list; URL check skipped")
                continue
            }
            urlChecks.append(URLCheck(
                agencyKey: key,
                url: try reader.required(record, "url_attempted"),
                lastAttempt: try Self.timestamp(reader, record, "last_attempt_date"),
                statusCode: try reader.int(record, "status_code"), notes: reader.optional(record, "notes")))
        }
    }

    mutating func readSurvey(_ table: CSVTable, known: Set<String>) throws(InputProblem) {
        let reader = try CSVFieldReader(table, required: ["id", "name", "company"])
        for record in table.rows {
            var entry = SurveyEntry(agencyKey: try Self.agencyID(reader, record, "id", known: known), surveyName: try reader.required(record, "name"))
            entry.agencyType = reader.optional(record, "type")
            entry.city = reader.optional(record, "city")
            entry.county = reader.optional(record, "county")
            entry.notes = reader.optional(record, "notes")
            entry.vendor = reader.optional(record, "company")
            entry.camerasConfirmed = Int(reader.text(record, "cams_confirmed"))
            entry.camerasOnPortal = Int(reader.text(record, "cams_portal"))
            entry.flockPortalURL = reader.optional(record, "flock_portal_url")
            entry.documentURL = reader.optional(record, "document_url")
            survey.append(entry)
        }
    }

    /// Copies what the portal data and the survey say about identity onto the agencies.
    mutating func applyPortalFacts() {
        var index: [String: Int] = [:]
        for (position, agency) in agencies.enumerated() { index[agency.externalKey] = position }
        for check in urlChecks where check.statusCode == 200 {
            if let position = index[check.agencyKey] { agencies[position].flockPortalURL = check.url }
        }
        for item in snapshots {
            if let position = index[item.agencyKey], let url = item.snapshot.url { agencies[position].flockPortalURL = url }
        }
        for entry in survey {
            guard let position = index[entry.agencyKey] else { continue }
            agencies[position].vendor = entry.vendor ?? agencies[position].vendor
            agencies[position].city = entry.city ?? agencies[position].city
            agencies[position].county = entry.county ?? agencies[position].county
            if let url = entry.flockPortalURL { agencies[position].flockPortalURL = url }
        }
    }

    static func timestamp(_ reader: CSVFieldReader, _ record: CSVRecord, _ column: String) throws(InputProblem) -> Date? {
        guard let text = reader.optional(record, column) else { return nil }
        guard let date = TimestampParser.parse(text) else {
            throw reader.problem(record, column, "\"\(text.prefix(40))\" is not a date", hint: "Write dates as ISO 8601, e.g. 2024-04-26T14:11:25Z, or NA when unknown.")
        }
        return date
    }

    /// "30 days" → 30; "-Infinity days" and other odd values → nil (the raw text is kept).
    static func retentionDays(_ raw: String) -> Int? {
        let parts = raw.split(separator: " ")
        guard parts.count == 2, parts[1].lowercased().hasPrefix("day"), let days = Int(parts[0]), days >= 0 else { return nil }
        return days
    }
}
