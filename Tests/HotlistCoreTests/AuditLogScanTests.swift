import Foundation
import Testing
@testable import HotlistCore

@Suite("AuditLogScan")
struct AuditLogScanTests {
    static let header = "ID,Name,Org Name,Total Networks Searched,Time Frame,License Plate,Reason,Case #,Filters,Search Time,Search Type,Text Prompt,Moderation"

    /// A row of the 13-column Flock audit, with the two-line Time Frame cell.
    static func row(_ id: Int, org: String = "Dallas TX PD", networks: String = "10", reason: String = "ICE+ERO",
                    time: String = "2025-03-06 10:11:12", newline: String = "\r\n") -> String {
        "\(id),Officer \(id),\(org),\(networks),\"03/01/2025 12:00 AM -\(newline)03/06/2025 11:59 PM\",PLATE\(id),\(reason),25-\(id),\"{\"\"make\"\":\"\"Ford\"\"}\",\(time),Lookup,,"
    }

    /// Scans `bytes`, read `chunk` bytes at a time so every quirk also lands on a chunk boundary.
    func scan(_ bytes: [UInt8], chunk: Int = 7, maxRecord: Int = 4096, maxField: Int = 1024) throws(InputProblem) -> AuditLogSummary {
        let scan = AuditLogScan()
        try scan.scanCSV(file: "audit.csv", source: AuditLogDataSource(bytes), fileBytes: bytes.count,
                         chunkBytes: chunk, maxRecordBytes: maxRecord, maxFieldBytes: maxField)
        return scan.summary
    }

    func scan(_ text: String, chunk: Int = 7) throws(InputProblem) -> AuditLogSummary { try scan(Array(text.utf8), chunk: chunk) }

    func group(_ summary: AuditLogSummary, _ org: String, _ category: ReasonCategory) -> AuditLogSummary.Group? {
        summary.groups.first { $0.organization == org && $0.category == category }
    }

    @Test("a Flock audit with CRLF, a BOM, two-line cells and doubled quotes, at every chunk size", arguments: [1, 2, 3, 7, 64, 1 << 20])
    func flockAudit(chunk: Int) throws {
        let text = "\u{FEFF}" + Self.header + "\r\n" + Self.row(1) + "\r\n" + Self.row(2, reason: "stolen vehicle") + "\r\n"
            + Self.row(3, org: "\"Fort Worth, TX PD\"", networks: "\"1,204\"", reason: "\"assist \"\"ICE\"\"\"", time: "3/9/2025 1:00 PM") + "\r\n"
        let summary = try scan(text, chunk: chunk)
        #expect(summary.rowsRead == 3 && summary.rowsSkipped == 0)
        #expect(group(summary, "Dallas TX PD", .immigration)?.searches == 1)
        #expect(group(summary, "Dallas TX PD", .immigration)?.networksSearched == 10)
        #expect(group(summary, "Dallas TX PD", .ordinary)?.month == "2025-03")
        #expect(group(summary, "Fort Worth, TX PD", .immigration)?.networksSearched == 1204)
        #expect(summary.searchesByCategory == ["immigration": 2, "ordinary": 1])
        #expect(summary.warnings.isEmpty)
    }

    @Test("LF line ends, no final line break, and blank lines")
    func lineFeeds() throws {
        let text = Self.header + "\n\n" + Self.row(1, newline: "\n") + "\n" + Self.row(2, newline: "\n")
        let summary = try scan(text)
        #expect(summary.rowsRead == 2)
        #expect(group(summary, "Dallas TX PD", .immigration)?.searches == 2)
    }

    @Test("*** redactions: reason counted as redacted, organisation kept as ***, networks as 0")
    func redactions() throws {
        let summary = try scan(Self.header + "\n" + Self.row(1, org: "***", networks: "***", reason: "***") + "\n")
        #expect(summary.reasonsRedactedOrEmpty == 1)
        #expect(group(summary, "***", .ordinary)?.networksSearched == 0)
        #expect(summary.warnings.isEmpty)
    }

    @Test("the variants: Total Devices Searched and Offense Type, and the portal's search audit")
    func variants() throws {
        let devices = "ID,Name,Org Name,Total Networks Searched,Total Devices Searched,Reason,Offense Type,Search Time\n"
            + "1,A,Mesa AZ PD,3,120,investigation,Immigration,2025-05-01\n"
        let summary = try scan(devices)
        #expect(group(summary, "Mesa AZ PD", .immigration)?.devicesSearched == 120)
        let portal = "searchDate,networkCount,reason,offenseType,caseNumber\n2025-06-02T10:00:00Z,4,No Kings,Other,25-9\n"
        let portalSummary = try scan(portal)
        #expect(group(portalSummary, "", .protest)?.networksSearched == 4)
        #expect(group(portalSummary, "", .protest)?.month == "2025-06")
    }

    @Test("a truncated last row is skipped with its line and column, the rest kept")
    func truncatedLastRow() throws {
        let summary = try scan(Self.header + "\n" + Self.row(1) + "\n2,Officer 2,Short PD,5\n")
        #expect(summary.rowsRead == 1 && summary.rowsSkipped == 1)
        #expect(summary.skippedBy == [AuditLogSkip.Kind.fewerFields.rawValue: 1])
        #expect(summary.warnings.first == .init(file: "audit.csv", line: 4, column: 5, message: "row skipped: the row has 4 fields, the header 13"))
    }

    @Test("an unterminated quote skips the rest of the file, naming where the quote opens")
    func unterminatedQuote() throws {
        let summary = try scan(Self.header + "\n" + Self.row(1) + "\n2,Officer 2,Short PD,5,\"never closed,x\n3,y\n")
        #expect(summary.rowsRead == 1 && summary.rowsSkipped == 1)
        #expect(summary.skippedBy == [AuditLogSkip.Kind.unterminatedQuote.rawValue: 1])
        let warning = try #require(summary.warnings.first)
        #expect(warning.line == 4 && warning.column == 5 && warning.message.contains("never closes"))
    }

    @Test("a 10 MB field skips its row and keeps memory bounded; the rows after it are read")
    func hugeField() throws {
        var bytes = Array((Self.header + "\n" + Self.row(1) + "\n3,A,Big PD,1,x,P,\"").utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 10 << 20)
        bytes += Array(("\",1,,2025-01-01,Lookup,,\n" + Self.row(4) + "\n").utf8)
        let summary = try scan(bytes, chunk: 1 << 16, maxRecord: 1 << 20, maxField: 64 << 10)
        #expect(summary.rowsRead == 2 && summary.rowsSkipped == 1)
        #expect(summary.skippedBy == [AuditLogSkip.Kind.fieldTooLong.rawValue: 1])
        #expect(summary.warnings.first?.line == 4)
        #expect(group(summary, "Dallas TX PD", .immigration)?.searches == 2)
    }

    @Test("a field over the field limit but within a record skips the row, naming the column")
    func longField() throws {
        let long = String(repeating: "x", count: 2000)
        let summary = try scan(Self.header + "\n" + Self.row(1, reason: long) + "\n" + Self.row(2) + "\n")
        #expect(summary.rowsRead == 1 && summary.rowsSkipped == 1)
        #expect(summary.warnings.first?.column == 7)
    }

    @Test("Latin-1 bytes are read as Latin-1 with a warning at the cell")
    func latin1() throws {
        var bytes = Array((Self.header + "\n").utf8)
        bytes += Array(Self.row(1, org: "Caf\u{1}").utf8).map { $0 == 1 ? 0xE9 : $0 }
        bytes += Array("\n".utf8)
        let summary = try scan(bytes)
        #expect(group(summary, "Café", .immigration)?.searches == 1)
        #expect(summary.warningsBy == ["Latin-1 text": 1])
        #expect(summary.warnings.first?.line == 2 && summary.warnings.first?.column == 3)
    }

    @Test("a header without Reason or Search Time names what it has and what it needs")
    func missingColumns() {
        do {
            _ = try scan("ID,Name,Org Name,Plate\n1,a,b,c\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 1)
            #expect(error.problem.contains("Reason") && error.problem.contains("Search Time"))
            #expect(error.hint.contains("\"Org Name\"") && error.hint.contains("searchDate"))
        }
    }

    @Test("a header with two Reason columns, or too many columns, is refused at line 1 with the column")
    func duplicateAndTooManyColumns() {
        let twice = refusal { try scan("ID,Org Name,Reason,Search Time,Reason\n1,Reno NV PD,burglary,2025-04-01,ICE assist\n") }
        #expect(twice?.line == 1 && twice?.column == 5 && twice?.problem.contains("2 columns for the reason") == true)
        let wide = "ID,Reason,Search Time," + (0..<300).map { "C\($0)" }.joined(separator: ",") + "\n1,ICE,2025-04-01\n"
        let tooMany = refusal { try scan(Array(wide.utf8), chunk: 1 << 16, maxRecord: 1 << 16) }
        #expect(tooMany?.line == 1 && tooMany?.problem.contains("256 or more columns") == true)
    }

    /// The problem a scan refused with, or nil (then the test fails on what it expects of it).
    func refusal(_ body: () throws -> AuditLogSummary) -> InputProblem? {
        do { _ = try body(); return nil } catch { return error as? InputProblem }
    }

    @Test("an empty file, or one of only a BOM, is an error")
    func emptyFile() {
        for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF], Array("\n\n".utf8)] {
            #expect(throws: InputProblem.self) { try scan(bytes) }
        }
    }

    @Test("an unreadable date or count is a warning at its cell; the row still counts")
    func unreadableCells() throws {
        let summary = try scan(Self.header + "\n" + Self.row(1, networks: "many", time: "yesterday") + "\n")
        #expect(summary.rowsRead == 1)
        #expect(group(summary, "Dallas TX PD", .immigration)?.month == "unknown")
        #expect(summary.warningsBy == ["unreadable count": 1, "unreadable search time": 1])
        #expect(Set(summary.warnings.map(\.column)) == [4, 10])
    }

    @Test("an HTML page saved as .xlsx or .csv is refused at line 1, column 1; a real ZIP is XLSX")
    func htmlAsWorkbook() throws {
        for name in ["audit.xlsx", "audit.csv"] {
            do {
                _ = try AuditLogFormat.detect(name: name, head: Array("\n<!DOCTYPE html><html>".utf8))
                Issue.record("expected an error")
            } catch {
                #expect(error.line == 1 && error.column == 1 && error.problem.contains("web page"))
            }
        }
        #expect(throws: InputProblem.self) { try AuditLogFormat.detect(name: "a.xlsx", head: Array("ID,Reason\n".utf8)) }
        #expect(try AuditLogFormat.detect(name: "a.xlsx", head: [0x50, 0x4B, 0x03, 0x04, 0]) == .xlsx)
        #expect(try AuditLogFormat.detect(name: "a.csv", head: Array("ID,Reason".utf8)) == .csv)
        // UTF-16 text (with or without its byte-order mark) and NUL bytes are refused, not read as garbage.
        for head in [[0xFF, 0xFE] + Array("I\0D\0".utf8), Array("I\0D\0,\0".utf8), Array("ID,Reason\n1,\0\0\0".utf8)] {
            #expect(throws: InputProblem.self) { try AuditLogFormat.detect(name: "a.csv", head: head) }
        }
    }

    @Test("worksheet rows: header by name, short rows padded, flagged rows without names or plates")
    func worksheetRowsAndFlaggedExport() throws {
        let scan = AuditLogScan()
        var flagged: [[String]] = []
        var header: [String] = []
        scan.onFlagged = { record, columns, categories, rules in
            header = AuditLogFlaggedRows.header(columns)
            flagged.append(AuditLogFlaggedRows.row(record, columns, file: "a.xlsx", categories: categories, rules: rules))
        }
        let cells = Self.header.split(separator: ",").map(String.init)
        try scan.scanRows(file: "a.xlsx", rows: [(1, cells), (2, ["1", "Jane Roe", "Mesa PD", "3", "x", "ABC123", "deportation", "", "", "2025-02-03"]),
                                                  (3, ["2", "John Doe", "Mesa PD", "3", "x", "XYZ789", "theft", "", "", "2025-02-03"])], fileBytes: 0)
        #expect(scan.summary.rowsRead == 2)
        #expect(header.contains("Reason") && !header.contains("Name") && !header.contains("License Plate") && !header.contains("Text Prompt"))
        #expect(flagged.count == 1)
        let row = flagged.joined().joined(separator: ",")
        #expect(!row.contains("Jane") && !row.contains("ABC123") && row.contains("deportation") && row.contains("imm.deport"))
    }

    // MARK: - Two cores

    /// A log where line feeds inside quoted cells are as common as those ending rows: a two-line
    /// Time Frame in every row, reasons that span lines, doubled quotes, Latin-1 names, bad cells.
    static func quirkyLog(rows: Int) -> [UInt8] {
        var bytes = Array(("\u{FEFF}" + header + "\r\n").utf8)
        let reasons = ["ICE+ERO", "stolen vehicle", "\"No Kings\nprotest\"", "\"assist \"\"ICE\"\"\"", "\"\"\"\"\"\n\"\"\"", "***", "\"ice cream\r\ntruck\""]
        for id in 1...rows {
            var line = Array(row(id, org: id % 11 == 0 ? "Caf\u{1} PD" : "Org \(id % 7)", networks: id % 13 == 0 ? "many" : "\(id)",
                                 reason: reasons[id % reasons.count], time: id % 17 == 0 ? "later" : "2025-0\(1 + id % 9)-02",
                                 newline: id % 2 == 0 ? "\r\n" : "\n").utf8).map { $0 == 1 ? UInt8(0xE9) : $0 }
            if id % 19 == 0 { line = Array("\(id),short,row".utf8) }
            bytes += line + Array((id % 3 == 0 ? "\n" : "\r\n").utf8)
        }
        return bytes
    }

    func scanInHalves(_ bytes: [UInt8], splitAt: Int?, window: Int, chunk: Int = 64) throws(InputProblem) -> AuditLogScan {
        let scan = AuditLogScan()
        try scan.scanCSV(file: "audit.csv", fileBytes: bytes.count, open: { offset in AuditLogDataSource(bytes, offset: offset) },
                         split: splitAt.map { AuditLogSplit(minimumBytes: 0, offset: $0, syncWindowBytes: window) },
                         limits: AuditLogReaderLimits(chunkBytes: chunk, maxRecordBytes: 4096, maxFieldBytes: 1024))
        return scan
    }

    @Test("split across two readers at every byte, the summary is the one reader's, warnings and lines included")
    func twoReadersAgreeWithOne() throws {
        let bytes = Self.quirkyLog(rows: 60)
        let single = try scanInHalves(bytes, splitAt: nil, window: 0).summary
        #expect(single.rowsRead > 40 && single.rowsSkipped >= 3 && single.warningsBy["Latin-1 text"] == 1)
        var kept = 0
        for splitAt in stride(from: 1, to: bytes.count, by: 3) {
            for window in [0, 90] {
                let halves = try scanInHalves(bytes, splitAt: splitAt, window: window)
                #expect(halves.summary == single, "split at \(splitAt), window \(window)")
                kept += halves.secondHalvesKept
            }
        }
        // Most splits land in a place where the second half is kept; the others fall back to one reader.
        #expect(kept > bytes.count / 3)
    }

    @Test("a record over the record limit is skipped the same wherever the reads fall")
    func longRecordWhateverTheChunks() throws {
        var bytes = Array((Self.header + "\n" + Self.row(1) + "\n").utf8)
        bytes += Array("2,A,Big PD,1,\"x\ny\",P,\"".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 300) + Array("\",1,,2025-01-01,Lookup,,\r\n".utf8)
        bytes += Array((Self.row(3) + "\n").utf8)
        var summaries: [AuditLogSummary] = []
        for chunk in [1, 5, 64, 200, 333, 1000] {
            summaries.append(try scan(bytes, chunk: chunk, maxRecord: 256, maxField: 1024))
        }
        #expect(summaries.allSatisfy { $0 == summaries[0] })
        #expect(summaries[0].rowsRead == 2 && summaries[0].skippedBy == [AuditLogSkip.Kind.fieldTooLong.rawValue: 1])
        #expect(summaries[0].warnings.first?.line == 4)
    }

    @Test("the first separator found eight bytes at a time is the first one there is")
    func separatorSearch() {
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 40)
        for target in [",", "\n", "\r"].map({ UInt8(ascii: $0) }) {
            for position in 0..<40 {
                var copy = bytes
                copy[position] = target
                if position + 3 < 40 { copy[position + 3] = UInt8(ascii: ",") }
                copy.withUnsafeMutableBufferPointer { buffer in
                    #expect(AuditLogCSVReader.firstSeparator(buffer.baseAddress!, from: 0, to: 40) == position)
                    #expect(AuditLogCSVReader.firstSeparator(buffer.baseAddress!, from: position + 1, to: position + 1) == position + 1)
                }
            }
        }
        bytes[5] = 0x2B  // "+" and other bytes near "," are not separators
        bytes[6] = 0x2D
        bytes[7] = 0x0B
        bytes.withUnsafeMutableBufferPointer { #expect(AuditLogCSVReader.firstSeparator($0.baseAddress!, from: 0, to: 40) == 40) }
    }
}
