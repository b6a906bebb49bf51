import Foundation

/// Reads a Flock hotlist action log export (CSV): columns matched by header name, times as ISO 8601,
/// US "M/D/YYYY h:mm[:ss] [AM|PM]" or Excel serial day numbers. Every bad line is reported at once
/// and nothing is returned unless the whole file is good.
public enum HotlistActionLog {
    public static let requiredColumns = ["Timestamp", "Event Type", "Entity Type"]
    public static let optionalColumns = ["User", "Entity Details"]

    public static func parse(data: Data, file: String) throws(InputProblems) -> [HotlistAction] {
        let table: CSVTable
        do { table = try CSVTable.parse(data: data, file: file) } catch { throw InputProblems([InputProblem(error)]) }
        return try parse(table)
    }

    /// The first row of a worksheet is the header; lines are Excel's row numbers.
    public static func parse(sheet rows: [XLSXSheet.Row], file: String) throws(InputProblems) -> [HotlistAction] {
        guard let header = rows.first else {
            throw InputProblems([InputProblem(file: file, problem: "the first worksheet is empty", hint: "Export the hotlist action log again; the log should be on the first sheet.")])
        }
        let width = header.cells.count
        let records = rows.dropFirst().map { row in CSVRecord(line: row.number, fields: row.cells + Array(repeating: "", count: max(0, width - row.cells.count))) }
        return try parse(CSVTable(file: file, header: header.cells.map { $0.trimmingCharacters(in: .whitespaces) }, rows: Array(records)))
    }

    static func parse(_ table: CSVTable) throws(InputProblems) -> [HotlistAction] {
        let file = table.file
        let missing = requiredColumns.filter { table.column($0) == nil }
        if !missing.isEmpty {
            throw InputProblems([InputProblem(file: file, line: 1, problem: "the header has no \(missing.map { "\"\($0)\"" }.joined(separator: ", ")) column\(missing.count == 1 ? "" : "s") (found: \(table.header.joined(separator: ", ")))",
                                              hint: "Export the hotlist action log from Flock with its columns Timestamp, User, Event Type, Entity Type, Entity Details.")])
        }
        let timestamp = table.column("Timestamp")!, event = table.column("Event Type")!, entity = table.column("Entity Type")!
        let user = table.column("User"), details = table.column("Entity Details")
        var actions: [HotlistAction] = []
        var problems: [InputProblem] = []
        for row in table.rows {
            if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let rawTime = row[timestamp]
            guard let time = parseTime(rawTime) else {
                problems.append(InputProblem(file: file, line: row.line, column: timestamp + 1, field: "Timestamp",
                                             problem: rawTime.isEmpty ? "the time is empty" : "\"\(rawTime)\" is not a time",
                                             hint: "Use ISO 8601 (2026-03-02T14:05:00Z), M/D/YYYY h:mm AM, or the Excel serial number the export gives."))
                continue
            }
            let eventType = row[event].trimmingCharacters(in: .whitespaces)
            if eventType.isEmpty {
                problems.append(InputProblem(file: file, line: row.line, column: event + 1, field: "Event Type", problem: "the event type is empty", hint: "Every line of the log says what happened."))
                continue
            }
            actions.append(HotlistAction(line: row.line, occurredAt: time, user: user.map { row[$0].trimmingCharacters(in: .whitespaces) } ?? "",
                                         eventType: eventType, entityType: row[entity].trimmingCharacters(in: .whitespaces),
                                         details: details.map { row[$0].trimmingCharacters(in: .whitespaces) } ?? ""))
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        if actions.isEmpty {
            throw InputProblems([InputProblem(file: file, problem: "the log has a header but no entries", hint: "Check that the export covers the period you asked for.")])
        }
        return actions.sorted { ($0.occurredAt, $0.line) < ($1.occurredAt, $1.line) }
    }

    /// Excel stores times as days since 1899-12-30 (its 1900 leap-year bug folded in).
    static let excelEpochOffsetDays = 25_569.0

    public static func parseTime(_ text: String) -> Date? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if value.isEmpty { return nil }
        // Short ASCII only: Foundation's DateFormatter traps on some other text (found by scripts/fuzz).
        guard value.utf8.count <= 64, value.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        if let serial = Double(value) {
            // 1 = 1900-01-01 … 109,574 = 2199-12-31; anything else is not a plausible log time.
            guard serial >= 1, serial < 109_575 else { return nil }
            return Date(timeIntervalSince1970: ((serial - excelEpochOffsetDays) * 86_400).rounded())
        }
        if let date = TimestampParser.parse(value) { return date }
        for format in ["M/d/yyyy H:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy h:mm:ss a", "M/d/yyyy h:mm a", "M/d/yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = format
            formatter.isLenient = false
            if let date = formatter.date(from: value) { return date }
        }
        return nil
    }
}
