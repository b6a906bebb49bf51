import Foundation

/// Which column of a hotlist hit (alert) export holds what, found by header name.
///
/// No Flock hit-log export has been published in a known layout: these names are inferred from
/// Flock's interface words ("Hotlist", "Reason", "Alert"), from audit exports and from NCIC terms.
/// They are kept here, as data, so a real export's header can be added in one place.
public struct HitLogColumns: Sendable, Equatable {
    /// Header names by meaning, most specific first (a file with both "Hit Time" and "Date" uses "Hit Time").
    public static let timeNames = ["Hit Time", "Alert Time", "Hit Date", "Alert Date", "Detection Time", "Event Time", "Timestamp",
                                   "Date Time", "Date/Time", "Date", "Time", "Created At"]
    public static let listNames = ["Hotlist", "Hot List", "Hotlist Name", "Hot List Name", "List Name", "Alert List", "List"]
    public static let topicNames = ["NCIC Topic", "Topic", "NCIC Code", "Hit Reason", "Alert Reason", "Reason", "Alert Type", "Hit Type", "Category"]
    /// Columns that name people, vehicles or places: read past, never kept or shown.
    public static let notKeptNames = ["Plate", "License Plate", "Plate Number", "LPN", "State", "Plate State", "Camera", "Camera Name", "Device", "Device Name",
                                      "Location", "Address", "Latitude", "Longitude", "Officer", "User", "User Name", "Acknowledged By", "Name", "Case Number",
                                      "Case #", "Notes", "Comments", "Vehicle", "Make", "Model", "Color", "Image", "Image URL"]

    public let header: [String]
    public let time: Int
    public let list: Int
    public let topic: Int?

    /// Header names that are none of the three columns kept: the CLI says they were left out.
    public var notKept: [String] {
        header.indices.filter { $0 != time && $0 != list && $0 != topic }.map { header[$0] }
    }

    public init(header: [String], file: String) throws(InputProblem) {
        self.header = header
        let keys = header.map(AuditLogColumns.key)
        func find(_ names: [String]) -> Int? {
            for name in names { if let index = keys.firstIndex(of: AuditLogColumns.key(name)) { return index } }
            return nil
        }
        let time = find(Self.timeNames), list = find(Self.listNames)
        guard let time, let list else {
            let missing = [time == nil ? "a time (\(Self.timeNames.prefix(4).joined(separator: ", ")), …)" : nil,
                           list == nil ? "a list (\(Self.listNames.prefix(4).joined(separator: ", ")), …)" : nil].compactMap { $0 }
            throw InputProblem(file: file, line: 1, field: "header", problem: "the header has no column for \(missing.joined(separator: " or "))",
                               hint: "A hit-log export names its columns in the first row; this one has: \(header.map { "\"\($0.prefix(40))\"" }.joined(separator: ", ")). "
                                   + "If the export calls them something else, rename the header or add the name to HitLogColumns.")
        }
        self.time = time
        self.list = list
        topic = find(Self.topicNames)
    }
}

/// Recognises the NCIC Immigration Violator topic however an export writes it: Flock's label
/// "Immigration Violator", the NCIC file's name "Immigration Violator File" and its code "IVF"
/// (both from ncic_topics.csv, FBI NCIC manual), with any case, prefix or punctuation around it.
public enum ImmigrationViolatorLabel {
    /// Flock's label, under which every spelling is counted.
    public static let name = "Immigration Violator"

    public static func matches(_ text: String) -> Bool {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }
        if words.contains("ivf") { return true }
        for index in words.indices.dropLast() where words[index] == "immigration" && (words[index + 1] == "violator" || words[index + 1] == "violators") {
            return true
        }
        return false
    }
}
