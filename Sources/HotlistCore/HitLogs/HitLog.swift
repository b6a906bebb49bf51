import Foundation

/// Hits of one month on one list and topic.
public struct HitCount: Codable, Sendable, Equatable, Hashable {
    /// "2026-03".
    public var month: String
    public var list: String
    /// Empty when the export has no topic column.
    public var topic: String
    public var hits: Int

    public init(month: String, list: String, topic: String, hits: Int) {
        self.month = month; self.list = list; self.topic = topic; self.hits = hits
    }

    public var isImmigrationViolator: Bool { ImmigrationViolatorLabel.matches(topic) || ImmigrationViolatorLabel.matches(list) }
}

/// How many hits, on which days.
public struct HitSpan: Sendable, Equatable {
    public var hits: Int
    public var first: CalendarDay
    public var last: CalendarDay
}

/// What a hit-log export says, reduced to counts: plates, cameras and people are read past and never kept.
public struct HitLogSummary: Sendable, Equatable {
    public var rows: Int
    public var first: CalendarDay
    public var last: CalendarDay
    /// By month, list, topic.
    public var counts: [HitCount]
    /// The hits whose list or topic is NCIC Immigration Violator, if any.
    public var immigrationViolator: HitSpan?
    /// Header names of the columns left out.
    public var columnsNotKept: [String]
}

/// Reads a hotlist hit (alert) export, CSV or the rows of a worksheet. The layout is inferred (no
/// real export is public): columns are matched by header name (HitLogColumns). Every bad row is
/// reported at once, and nothing is returned unless the whole file is good.
public enum HitLog {
    /// Distinct (month, list, topic) groups: a log has a few lists and a dozen topics; thousands mean a wrong column.
    public static let maxGroups = 5_000
    /// Longest list or topic name kept.
    public static let maxNameLength = 200
    public static let maxProblems = 100

    public static func parse(csv data: Data, file: String) throws(InputProblems) -> HitLogSummary {
        if let problem = htmlProblem(data, file: file) { throw InputProblems([problem]) }
        let reader = AuditLogCSVReader(file: file, source: AuditLogDataSource([UInt8](data)))
        var tally: HitLogTally?
        var headerProblem: InputProblem?
        var skips: [InputProblem] = []
        do {
            try reader.forEachRecord({ (record: AuditLogRecord) throws(InputProblem) in
                guard tally != nil else {
                    do throws(InputProblem) {
                        tally = HitLogTally(columns: try HitLogColumns(header: (0..<record.fieldCount).map(record.text), file: file), file: file)
                    } catch { headerProblem = error; throw error }
                    return
                }
                let utf8 = (0..<record.fieldCount).first { !AuditLogText.isUTF8(record.bytes($0)) }
                tally!.add(line: record.line, fieldCount: record.fieldCount, padded: false, notUTF8: utf8, text: record.text)
            }, skipped: { skip in
                skips.append(InputProblem(file: file, line: skip.line, column: skip.column, field: tally.map { $0.columns.header.indices.contains(skip.column - 1) ? $0.columns.header[skip.column - 1] : nil } ?? nil,
                                          problem: skip.detail, hint: "Check the quotes in that row: a quote inside a field is written twice (\"\"), and every quoted field closes."))
            })
        } catch {
            throw InputProblems([headerProblem ?? error])
        }
        guard var tally else {
            throw InputProblems(skips.isEmpty ? [InputProblem(file: file, problem: "the file is empty", hint: "Export the hit log again; its first line must be the header (Hit Time, Hotlist, Reason, …).")] : skips)
        }
        tally.problems = skips + tally.problems
        return try tally.finish()
    }

    /// The first row of a worksheet is the header; lines are Excel's row numbers.
    public static func parse(sheet rows: [XLSXSheet.Row], file: String) throws(InputProblems) -> HitLogSummary {
        guard let header = rows.first else {
            throw InputProblems([InputProblem(file: file, problem: "the first worksheet is empty", hint: "Export the hit log again; it should be on the first sheet.")])
        }
        let columns: HitLogColumns
        do { columns = try HitLogColumns(header: header.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }, file: file) } catch { throw InputProblems([error]) }
        var tally = HitLogTally(columns: columns, file: file)
        for row in rows.dropFirst() {
            // Excel drops empty cells at the end of a row.
            tally.add(line: row.number, fieldCount: row.cells.count, padded: true, notUTF8: nil) { row.cells.indices.contains($0) ? row.cells[$0] : "" }
        }
        return try tally.finish()
    }

    /// A web page saved under an export's name (a sign-in page, an error page): said plainly,
    /// rather than "not a ZIP archive" or a header with no columns.
    public static func htmlProblem(_ data: Data, file: String) -> InputProblem? {
        let head = String(decoding: data.prefix(1_024), as: UTF8.self).lowercased()
        let start = head.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        guard start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.hasPrefix("<head") || (start.hasPrefix("<") && head.contains("<html")) else { return nil }
        return InputProblem(file: file, line: 1, field: "file", problem: "the file is a web page (HTML), not a hit-log export",
                            hint: "A download that failed or needed a sign-in saves a page like this; download the export again as .xlsx or .csv.")
    }

    /// The day a hit time names, as written (its own time zone): ISO "2026-03-14[ T]…",
    /// US "3/14/2026 …", "2026/03/14", or an Excel serial day number.
    public static func day(_ text: String) -> CalendarDay? {
        let value = text.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty, value.utf8.count <= 64, value.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        if let serial = Double(value) {
            // 1 = 1900-01-01 … 109,574 = 2199-12-31 (Excel counts from 1899-12-30).
            guard serial >= 1, serial < 109_575 else { return nil }
            return CalendarDay(ordinal: Int(serial.rounded(.down)) - 25_569)
        }
        let split = value.firstIndex { $0 == " " || $0 == "T" } ?? value.endIndex
        let time = value[split...]
        // The time of day only has to look like one; the day is what is counted.
        guard time.allSatisfy({ "0123456789:.+-TZ APMapm".contains($0) }), time.isEmpty || time.contains(where: \.isNumber) else { return nil }
        let datePart = value[..<split]
        let separator: Character = datePart.contains("/") ? "/" : "-"
        let parts = datePart.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isNumber) }) else { return nil }
        let numbers = parts.map { Int($0)! }
        if parts[0].count == 4 { return CalendarDay(year: numbers[0], month: numbers[1], day: numbers[2]).flatMap(plausible) }
        if separator == "/", parts[2].count == 4 { return CalendarDay(year: numbers[2], month: numbers[0], day: numbers[1]).flatMap(plausible) }
        return nil
    }

    private static func plausible(_ day: CalendarDay) -> CalendarDay? { day.year >= 2000 && day.year <= 2199 ? day : nil }
}

/// The counts so far, and the problems found.
struct HitLogTally {
    let columns: HitLogColumns
    let file: String
    var problems: [InputProblem] = []
    private var counts: [HitCount: Int] = [:]
    private var rows = 0
    private var first: CalendarDay?
    private var last: CalendarDay?
    private var immigration: HitSpan?
    private var problemCount = 0

    init(columns: HitLogColumns, file: String) { self.columns = columns; self.file = file }

    mutating func add(line: Int, fieldCount: Int, padded: Bool, notUTF8: Int?, text: (Int) -> String) {
        let expected = columns.header.count
        if fieldCount > expected || (!padded && fieldCount < expected) {
            if (0..<fieldCount).allSatisfy({ text($0).isEmpty }) { return }
            problem(line: line, column: min(fieldCount, expected) + 1, field: nil, "the row has \(fieldCount) fields, the header \(expected)",
                    hint: "Put double quotes around values that contain commas, or remove the extra commas.")
            return
        }
        if let notUTF8 {
            problem(line: line, column: notUTF8 + 1, field: columns.header[notUTF8], "the text is not UTF-8 (it looks like Latin-1 or Windows-1252)",
                    hint: "Save the file again as \"CSV UTF-8\" (Excel: File › Save As), or import the .xlsx export.")
            return
        }
        let rawTime = text(columns.time), list = text(columns.list).trimmingCharacters(in: .whitespaces)
        let topic = columns.topic.map { text($0).trimmingCharacters(in: .whitespaces) } ?? ""
        if rawTime.isEmpty && list.isEmpty && topic.isEmpty && (0..<max(fieldCount, 1)).allSatisfy({ text($0).isEmpty }) { return }
        guard let day = HitLog.day(rawTime) else {
            problem(line: line, column: columns.time + 1, field: columns.header[columns.time],
                    rawTime.isEmpty ? "the time is empty" : "\"\(rawTime.prefix(40))\" is not a date this import reads",
                    hint: "Use YYYY-MM-DD[ hh:mm], M/D/YYYY[ h:mm AM] or the Excel date the export gives.")
            return
        }
        if list.isEmpty {
            problem(line: line, column: columns.list + 1, field: columns.header[columns.list], "the list is empty", hint: "Every hit names the hotlist it matched.")
            return
        }
        for (value, column) in [(list, columns.list), (topic, columns.topic ?? columns.list)] where value.count > HitLog.maxNameLength {
            problem(line: line, column: column + 1, field: columns.header[column], "the value is \(value.count) characters long, more than the \(HitLog.maxNameLength) a list or topic name has",
                    hint: "Check that this is the right column, and that no quote is missing before it.")
            return
        }
        rows += 1
        first = min(first ?? day, day)
        last = max(last ?? day, day)
        var key = HitCount(month: String(day.iso.prefix(7)), list: list, topic: topic, hits: 0)
        // One row for the topic however this export spells it ("NCIC - IMMIGRATION VIOLATOR", "IVF").
        if key.isImmigrationViolator { key.topic = ImmigrationViolatorLabel.name }
        if counts[key] == nil, counts.count >= HitLog.maxGroups {
            problem(line: line, column: columns.list + 1, field: columns.header[columns.list], "more than \(HitLog.maxGroups) different months, lists and topics",
                    hint: "A hit log has a few lists and topics; check that the list and topic columns are the right ones.")
            return
        }
        counts[key, default: 0] += 1
        if key.isImmigrationViolator {
            immigration = HitSpan(hits: (immigration?.hits ?? 0) + 1, first: min(immigration?.first ?? day, day), last: max(immigration?.last ?? day, day))
        }
    }

    mutating func problem(line: Int, column: Int, field: String?, _ text: String, hint: String) {
        problemCount += 1
        if problems.count < HitLog.maxProblems { problems.append(InputProblem(file: file, line: line, column: column, field: field, problem: text, hint: hint)) }
    }

    func finish() throws(InputProblems) -> HitLogSummary {
        if !problems.isEmpty {
            let more = problemCount > problems.count
                ? [InputProblem(file: file, problem: "\(problemCount - problems.count) more rows have problems", hint: "Fix the ones above first; the rest are often the same.")] : []
            throw InputProblems(problems + more)
        }
        guard let first, let last else {
            throw InputProblems([InputProblem(file: file, line: 2, problem: "the export has a header but no hits", hint: "Check that the export covers the period you asked for.")])
        }
        let sorted = counts.map { HitCount(month: $0.key.month, list: $0.key.list, topic: $0.key.topic, hits: $0.value) }
            .sorted { ($0.month, $0.list, $0.topic) < ($1.month, $1.list, $1.topic) }
        return HitLogSummary(rows: rows, first: first, last: last, counts: sorted, immigrationViolator: immigration, columnsNotKept: columns.notKept)
    }
}
