import Foundation

/// Which column of an audit export holds what a scan needs, found by header name, so the same scan
/// reads every layout seen: Flock's organisation and network audits (ID, Name, Org Name, Total
/// Networks Searched, Time Frame, License Plate, Reason, Case #, Filters, Search Time, Search Type,
/// Text Prompt, Moderation), their variants with Total Devices Searched or Offense Type, and the
/// transparency portal's public search audit (searchDate, networkCount, reason, offenseType, caseNumber).
public struct AuditLogColumns: Sendable, Equatable {
    public let header: [String]
    public let reason: Int
    public let searchTime: Int
    public let organization: Int?
    public let networks: Int?
    public let devices: Int?
    public let offenseType: Int?
    /// Columns naming people or vehicles; never written out by default.
    public let identities: Set<Int>

    /// Header names by what they mean, compared lowercase with only letters and digits kept.
    static let reasonNames: Set<String> = ["reason", "searchreason"]
    static let searchTimeNames: Set<String> = ["searchtime", "searchdate", "date", "datetime", "timestamp"]
    static let organizationNames: Set<String> = ["orgname", "organization", "organisation", "organizationname", "agency", "agencyname"]
    static let networkNames: Set<String> = ["totalnetworkssearched", "networkcount", "networkssearched", "networks"]
    static let deviceNames: Set<String> = ["totaldevicessearched", "devicecount", "devicessearched", "devices"]
    static let offenseNames: Set<String> = ["offensetype", "offense"]
    static let identityNames: Set<String> = ["name", "username", "user", "userid", "email", "licenseplate", "plate", "platenumber", "textprompt", "officer", "searcher"]

    public static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII }.map(Character.init))
    }

    public init(header: [String], file: String) throws(InputProblem) {
        self.header = header
        // The reader keeps at most maxFields fields a row, so a header that long was cut short.
        if header.count >= AuditLogCSVReader.maxFields {
            throw InputProblem(file: file, line: 1, column: AuditLogCSVReader.maxFields, problem: "the header has \(AuditLogCSVReader.maxFields) or more columns; an audit export has about 13",
                               hint: "This is not an audit export as Flock writes it; export the audit log again as CSV or XLSX.")
        }
        let keys = header.map(Self.key)
        // Two columns for the reason (or the organisation) would leave one of them uncounted.
        for (names, what) in [(Self.reasonNames, "reason"), (Self.organizationNames, "searching organisation")] {
            let matching = keys.indices.filter { names.contains(keys[$0]) }
            if matching.count > 1 {
                throw InputProblem(file: file, line: 1, column: matching[1] + 1,
                                   problem: "the header has \(matching.count) columns for the \(what): \(matching.map { "\"\(header[$0].prefix(40))\" (column \($0 + 1))" }.joined(separator: ", "))",
                                   hint: "Export the audit log again, or keep one of these columns; counting only the first would leave the others' searches uncounted.")
            }
        }
        func find(_ names: Set<String>) -> Int? { keys.firstIndex(where: names.contains) }
        var missing: [String] = []
        let reason = find(Self.reasonNames)
        let searchTime = find(Self.searchTimeNames)
        if reason == nil { missing.append("Reason (or reason)") }
        if searchTime == nil { missing.append("Search Time (or searchDate)") }
        guard let reason, let searchTime else {
            throw InputProblem(
                file: file, line: 1, problem: "the header has no \(missing.joined(separator: " and ")) column",
                hint: "An audit export's header names its columns; this one has: \(header.map { "\"\($0.prefix(40))\"" }.joined(separator: ", ")). "
                    + "Expected a Flock audit (ID, Name, Org Name, Total Networks Searched, Time Frame, License Plate, Reason, Case #, Filters, Search Time, …) "
                    + "or a portal search audit (searchDate, networkCount, reason, offenseType, caseNumber).")
        }
        self.reason = reason
        self.searchTime = searchTime
        organization = find(Self.organizationNames)
        networks = find(Self.networkNames)
        devices = find(Self.deviceNames)
        offenseType = find(Self.offenseNames)
        identities = Set(keys.indices.filter { Self.identityNames.contains(keys[$0]) })
    }
}
