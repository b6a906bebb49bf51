import Foundation

/// The rows of an export of flagged searches: every column of the log except those naming people or
/// vehicles (Name, License Plate, Text Prompt and the like), then where the row was and why it was
/// flagged. With `identities`, those columns are kept but each value replaced by what it returns
/// (a keyed hash: the raw values never leave the scan).
public struct AuditLogFlaggedRows {
    public let identities: (@Sendable (String) -> String)?

    public init(identities: (@Sendable (String) -> String)? = nil) { self.identities = identities }

    public func header(_ columns: AuditLogColumns) -> [String] {
        ["File", "Line"] + keptColumns(columns).map { columns.header[$0] } + ["Categories", "Rules"]
    }

    public func row(_ record: AuditLogRecord, _ columns: AuditLogColumns, file: String,
                    categories: [ReasonCategory], rules: [String]) -> [String] {
        [file, String(record.line)] + keptColumns(columns).map { column in
            let text = record.text(column)
            guard columns.identities.contains(column) else { return text }
            return identities?(text) ?? ""
        } + [categories.map(\.rawValue).joined(separator: " "), rules.joined(separator: " ")]
    }

    private func keptColumns(_ columns: AuditLogColumns) -> [Int] {
        identities != nil ? Array(columns.header.indices) : columns.header.indices.filter { !columns.identities.contains($0) }
    }

    public static func header(_ columns: AuditLogColumns) -> [String] { AuditLogFlaggedRows().header(columns) }

    public static func row(_ record: AuditLogRecord, _ columns: AuditLogColumns, file: String,
                           categories: [ReasonCategory], rules: [String]) -> [String] {
        AuditLogFlaggedRows().row(record, columns, file: file, categories: categories, rules: rules)
    }
}

/// What kind of file an audit export is, from its name and first bytes.
public enum AuditLogFormat: String, Sendable {
    case csv, xlsx

    public static func detect(name: String, head: [UInt8]) throws(InputProblem) -> AuditLogFormat {
        let isZip = head.starts(with: [0x50, 0x4B, 0x03, 0x04])
        var text = head.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
        text = text.prefix(16)
        let original = String(decoding: text, as: UTF8.self)
        let start = original.lowercased()
        if start.hasPrefix("<") {
            throw InputProblem(file: name, line: 1, column: 1,
                               problem: "the file is a web page or XML document (it starts with \"\(original.prefix(9))\"), not an audit export",
                               hint: "The download probably saved an error or sign-in page; export the audit log again as CSV or XLSX.")
        }
        if name.lowercased().hasSuffix(".xlsx") && !isZip {
            throw InputProblem(file: name, line: 1, column: 1, problem: "the file is named .xlsx but is not an Excel workbook (no ZIP signature)",
                               hint: "Export the audit log again; if it is really CSV text, rename it to .csv.")
        }
        if isZip { return .xlsx }
        // UTF-16 text (what some spreadsheet programs save as "Unicode text") puts a NUL beside every
        // ASCII letter; read as UTF-8 it would count garbage, so say what it is instead.
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.contains(0) {
            let utf16 = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.enumerated().contains { $0.element == 0 && $0.offset < 8 }
            throw InputProblem(file: name, line: 1, column: 1,
                               problem: utf16 ? "the file is UTF-16 text, not the UTF-8 CSV an audit export is" : "the file holds NUL bytes: it is not CSV text",
                               hint: utf16 ? "Save it again as \"CSV UTF-8\" (or export the audit log again)." : "Export the audit log again as CSV or XLSX.")
        }
        return .csv
    }
}
