import Foundation
import Testing
@testable import HotlistCore

@Suite("CSVTable")
struct CSVTableTests {
    // MARK: - Helpers

    private func parse(_ text: String, maxFieldBytes: Int = 512 * 1024) throws(CSVError) -> CSVTable {
        try CSVTable.parse(data: Data(text.utf8), file: "test.csv", maxFieldBytes: maxFieldBytes)
    }

    /// The error parsing `bytes` produces; records an issue when it parses.
    private func parseError(_ bytes: [UInt8], maxFieldBytes: Int = 512 * 1024,
                            sourceLocation: SourceLocation = #_sourceLocation) -> CSVError? {
        do {
            _ = try CSVTable.parse(data: Data(bytes), file: "test.csv", maxFieldBytes: maxFieldBytes)
            Issue.record("expected a CSVError", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    private func parseError(_ text: String, maxFieldBytes: Int = 512 * 1024,
                            sourceLocation: SourceLocation = #_sourceLocation) -> CSVError? {
        parseError(Array(text.utf8), maxFieldBytes: maxFieldBytes, sourceLocation: sourceLocation)
    }

    // MARK: - Well-formed input

    @Test func readsHeaderAndRowsWithLineNumbers() throws {
        let table = try parse("id,name,notes\n1,Adrian MI PD,NA\n2,Allen Park PD MI,\n")
        #expect(table.file == "test.csv")
        #expect(table.header == ["id", "name", "notes"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0] == CSVRecord(line: 2, fields: ["1", "Adrian MI PD", "NA"]))
        #expect(table.rows[1] == CSVRecord(line: 3, fields: ["2", "Allen Park PD MI", ""]))
    }

    @Test func trimsHeaderNamesButNotValues() throws {
        let table = try parse(" id , name \n 1 , x \n")
        #expect(table.header == ["id", "name"])
        #expect(table.rows[0].fields == [" 1 ", " x "])
    }

    @Test func quotedFieldsKeepCommasAndEscapedQuotes() throws {
        let table = try parse("id,name,notes\n1178,Hermitage PA PD,\"Also referred to as \"\"Hermitage PA PD 2\"\", listed separately\"\n")
        #expect(table.rows[0].fields == ["1178", "Hermitage PA PD", "Also referred to as \"Hermitage PA PD 2\", listed separately"])
        #expect(table.rows[0].line == 2)
    }

    @Test func quotedNewlinesKeepCountingPhysicalLines() throws {
        let table = try parse("id,notes\n1,\"first\nsecond\nthird\"\n2,plain\n3,\"a\r\nb\"\n4,after\n")
        #expect(table.rows.map(\.line) == [2, 5, 6, 8])
        #expect(table.rows[0][1] == "first\nsecond\nthird")
        #expect(table.rows[2][1] == "a\r\nb")
        #expect(table.rows[3][1] == "after")
    }

    @Test func skipsByteOrderMarkAndHandlesCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,name\r\n1,Crestview Fl PD\r\n2,Ozark AL PD\r\n".utf8)
        let table = try CSVTable.parse(data: Data(bytes), file: "bom.csv")
        #expect(table.header == ["id", "name"])
        #expect(table.rows.map(\.fields) == [["1", "Crestview Fl PD"], ["2", "Ozark AL PD"]])
        #expect(table.rows.map(\.line) == [2, 3])
        #expect(table.column("id") == 0)
    }

    @Test func acceptsMixedAndOldMacLineEndings() throws {
        let table = try parse("a,b\r\n1,2\n3,4\r5,6")
        #expect(table.rows.map(\.fields) == [["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(table.rows.map(\.line) == [2, 3, 4])
    }

    @Test func trailingNewlineAndBlankLinesMakeNoRecords() throws {
        let table = try parse("a,b\n\n1,2\n\r\n   \n3,4\n\n")
        #expect(table.rows.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(table.rows.map(\.line) == [3, 6])
    }

    @Test func lastRecordWithoutNewlineIsRead() throws {
        let table = try parse("a,b\n1,2")
        #expect(table.rows.map(\.fields) == [["1", "2"]])
    }

    @Test func shortRecordsReadMissingFieldsAsEmpty() throws {
        let table = try parse("a,b,c\n1\n")
        #expect(table.rows[0].fields == ["1"])
        #expect(table.rows[0][0] == "1")
        #expect(table.rows[0][2] == "")
        #expect(table.rows[0][99] == "")
        #expect(table.rows[0][-1] == "")
    }

    @Test func emptyQuotedAndTrailingEmptyFields() throws {
        let table = try parse("a,b,c\n\"\",x,\n")
        #expect(table.rows[0].fields == ["", "x", ""])
    }

    @Test func toleratesSpacesAroundQuotedFields() throws {
        let table = try parse("a,b,c\n1, \"x, y\" ,3\n")
        #expect(table.rows[0].fields == ["1", "x, y", "3"])
    }

    @Test func keepsMultibyteText() throws {
        let table = try parse("name\nSheriff’s Office – Añasco\n")
        #expect(table.rows[0][0] == "Sheriff’s Office – Añasco")
    }

    @Test func headerOnlyFileHasNoRows() throws {
        let table = try parse("id,name\n")
        #expect(table.header == ["id", "name"])
        #expect(table.rows.isEmpty)
    }

    @Test func columnLookupIgnoresCaseSpacesUnderscoresAndHyphens() throws {
        let table = try parse("id,records_email,Agency Name,data-retention\n")
        #expect(table.column("Records Email") == 1)
        #expect(table.column("RECORDS_EMAIL") == 1)
        #expect(table.column("records-email") == 1)
        #expect(table.column("  records   email ") == 1)
        #expect(table.column("agency_name") == 2)
        #expect(table.column("Data Retention") == 3)
        #expect(table.column("recordsemail") == nil)
        #expect(table.column("email") == nil)
    }

    @Test func parsesALargeFile() throws {
        var text = "src_agency,external_agency,src_agency_id,external_agency_id\n"
        for index in 0..<37_000 {
            text += "Sylvania OH PD,\"Adrian MI PD, \"\"duplicate\"\"\",\(index),\(index % 5_152)\n"
        }
        let table = try parse(text)
        #expect(table.rows.count == 37_000)
        #expect(table.rows[36_999].line == 37_001)
        #expect(table.rows[36_999][1] == "Adrian MI PD, \"duplicate\"")
    }

    // MARK: - Errors

    @Test func emptyFileIsAnError() throws {
        for bytes in [[], Array(" \n\r\n\t ".utf8), [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0x0A, 0x0A]] as [[UInt8]] {
            let error = try #require(parseError(bytes))
            #expect(error.problem == "the file is empty")
            #expect(error.line == 1)
            #expect(error.column == 0)
        }
    }

    @Test func invalidUTF8ReportsLineOfFirstBadByte() throws {
        // "Añasco" saved as Latin-1: 0xF1 is not valid UTF-8.
        let bytes = Array("id,name\n1,ok\n2,A".utf8) + [0xF1] + Array("asco PR PD\n".utf8)
        let error = try #require(parseError(bytes))
        #expect(error.line == 3)
        #expect(error.column == 2)
        #expect(error.problem.contains("not valid UTF-8"))
        #expect(error.hint.contains("UTF-8"))
    }

    @Test func invalidUTF8InsideMultilineFieldReportsItsOwnLine() throws {
        let bytes = Array("id,notes\n1,\"line one\nline two ".utf8) + [0xC3, 0x28] + Array("\"\n".utf8)
        let error = try #require(parseError(bytes))
        #expect(error.line == 3)
        #expect(error.column == 2)
    }

    @Test func unbalancedQuoteReportsWhereTheFieldBegan() throws {
        let error = try #require(parseError("id,name,notes\n1,x,ok\n2,y,\"never closed\n3,z,more\n"))
        #expect(error.line == 3)
        #expect(error.column == 3)
        #expect(error.problem.contains("closing double quote is missing"))
    }

    @Test func strayQuoteInUnquotedField() throws {
        let error = try #require(parseError("id,name\n1,Bob\"s PD\n"))
        #expect(error.line == 2)
        #expect(error.column == 2)
        #expect(error.problem.contains("does not start with one"))
    }

    @Test func charactersAfterClosingQuote() throws {
        let error = try #require(parseError("a,b,c\n1,2,3\n4,\"abc\"x,6\n"))
        #expect(error.line == 3)
        #expect(error.column == 2)
        #expect(error.problem.contains("after the closing double quote"))
    }

    @Test func charactersAfterClosingQuoteOfMultilineFieldUseTheCurrentLine() throws {
        let error = try #require(parseError("a,b\n1,\"two\nlines\"x\n"))
        #expect(error.line == 3)
        #expect(error.column == 2)
    }

    @Test func fieldLongerThanTheLimit() throws {
        let error = try #require(parseError("a,b\n1,abcdefghijk\n", maxFieldBytes: 10))
        #expect(error.line == 2)
        #expect(error.column == 2)
        #expect(error.problem.contains("11 bytes"))
        #expect(error.problem.contains("limit of 10 bytes"))
    }

    @Test func fieldAtTheLimitIsFine() throws {
        let table = try parse("a\nabcdefghij\n", maxFieldBytes: 10)
        #expect(table.rows[0][0] == "abcdefghij")
    }

    @Test func recordWithMoreFieldsThanTheHeader() throws {
        let error = try #require(parseError("id,name,notes\n1,a,b\n2,Springfield, IL PD,NA\n"))
        #expect(error.line == 3)
        #expect(error.column == 4)
        #expect(error.problem == "this record has 4 fields but the header has 3")
    }

    @Test func headerWithAnEmptyName() throws {
        let error = try #require(parseError("id,,notes\n1,2,3\n"))
        #expect(error.line == 1)
        #expect(error.column == 2)
        #expect(error.problem.contains("no name"))
    }

    @Test func headerWithADuplicateName() throws {
        let error = try #require(parseError("id,name,Name \n"))
        #expect(error.line == 1)
        #expect(error.column == 3)
        #expect(error.problem.contains("repeats"))
    }

    @Test func headerNamesThatOnlyDifferInSeparatorsAreDuplicates() throws {
        let error = try #require(parseError("\n\nRecords Email,records_email\n"))
        #expect(error.line == 3)
        #expect(error.column == 2)
    }

    @Test func descriptionNamesFileLineAndColumn() throws {
        let error = try #require(parseError("a\n\"open\n"))
        #expect(error.description == "test.csv:2:1: \(error.problem). \(error.hint)")
    }

    // MARK: - Reading files

    @Test func readsAFileFromDisk() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("csvtable-\(UUID().uuidString).csv").path
        try Data("id,name\n1,Adrian MI PD\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let table = try CSVTable.read(path: path)
        #expect(table.file == path)
        #expect(table.rows[0][1] == "Adrian MI PD")
    }

    @Test func missingFileIsACSVError() throws {
        let path = "/nonexistent/\(UUID().uuidString).csv"
        do {
            _ = try CSVTable.read(path: path)
            Issue.record("expected a CSVError")
        } catch {
            #expect(error.file == path)
            #expect(error.problem == "the file does not exist")
            #expect(error.line == 0)
        }
    }
}
