import Foundation
@testable import HotlistCore
import Testing

/// Evidence intake, type sniffing and JPEG metadata removal: pure functions over bytes.
@Suite struct EvidenceRulesTests {
    static let pdf = Array("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 24)
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26) + Array("notes.txt".utf8)
    static let xlsx: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26) + Array("[Content_Types].xml".utf8) + [0x50, 0x4B, 0x03, 0x04] + Array("xl/workbook.xml".utf8)
    static let csv = Array("Timestamp,User,Event Type\n2026-01-02T03:04:05Z,a,Created\n".utf8)
    static let eml = Array("From: Records <records@city.example>\r\nTo: me@example.org\r\nSubject: Your request\r\nDate: Mon, 2 Mar 2026 10:00:00 -0800\r\n\r\nAttached.\r\n".utf8)

    /// A small JPEG: APP0 (JFIF), APP1 (Exif with a GPS tag marker), a comment, a table, then the scan.
    static func jpegWithExif() -> [UInt8] {
        func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
            let length = payload.count + 2
            return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
        }
        let exif = Array("Exif\0\0".utf8) + Array("MM\0*GPSLatitude 37.5".utf8)
        return [0xFF, 0xD8] + segment(0xE0, Array("JFIF\0\u{1}\u{1}".utf8)) + segment(0xE1, exif) + segment(0xFE, Array("taken at 12 Elm St".utf8))
            + segment(0xDB, Array(repeating: 1, count: 65)) + segment(0xDA, [1, 1, 0, 0, 63, 0]) + [0x12, 0x34, 0xFF, 0x00, 0x56] + [0xFF, 0xD9]
    }

    @Test func typesAreReadFromTheBytes() {
        #expect(EvidenceKind.sniff(Self.pdf) == .pdf)
        #expect(EvidenceKind.sniff(Self.png) == .png)
        #expect(EvidenceKind.sniff(Self.jpegWithExif()) == .jpeg)
        #expect(EvidenceKind.sniff(Self.zip) == .zip)
        #expect(EvidenceKind.sniff(Self.xlsx) == .xlsx)
        #expect(EvidenceKind.sniff(Self.csv) == .csv)
        #expect(EvidenceKind.sniff(Self.eml) == .eml)
        #expect(EvidenceKind.sniff([0x00, 0x01, 0x02, 0x7F, 0x00]) == nil, "binary of no accepted kind")
        #expect(EvidenceKind.sniff(Array("just a sentence without separators\n".utf8)) == nil)
        #expect(EvidenceKind.sniff([UInt8]()) == nil)
    }

    @Test func intakeRefusesEmptyOversizedAndMislabelledFiles() throws {
        let intake = EvidenceIntake(maxBytes: 1_000)
        #expect(try intake.check(name: "settings.pdf", size: Self.pdf.count, head: Self.pdf) == .pdf)
        #expect(try intake.check(name: "IMG_0001.JPG", size: 40, head: Self.jpegWithExif()) == .jpeg)
        #expect(try intake.check(name: "export", size: Self.csv.count, head: Self.csv) == .csv, "no extension: the bytes decide")
        func refusal(_ name: String, _ size: Int, _ bytes: [UInt8]) -> String {
            do { _ = try intake.check(name: name, size: size, head: bytes); return "accepted" } catch { return error.problems.map(\.description).joined() }
        }
        #expect(refusal("empty.pdf", 0, []).contains("the file is empty"))
        #expect(refusal("big.pdf", 1_001, Self.pdf).contains("over the limit of 1000 bytes"))
        #expect(refusal("settings.pdf", Self.png.count, Self.png).contains("the name says PDF document but the bytes are a PNG image"))
        #expect(refusal("settings.docx", Self.pdf.count, Self.pdf).contains(".docx does not match"))
        #expect(refusal("blob.bin", 5, [0, 1, 2, 3, 4]).contains("not a file type the evidence store accepts"))
    }

    @Test func publicJPEGsLoseTheirLocationMetadataButKeepTheImage() throws {
        let original = Self.jpegWithExif()
        #expect(JPEGMetadata.hasLocationCapableMetadata(original))
        // MUT
        let cleaned = try #require(JPEGMetadata.stripped(original))
        // validate
        #expect(!JPEGMetadata.hasLocationCapableMetadata(cleaned))
        let text = String(decoding: cleaned, as: UTF8.self)
        #expect(!text.contains("Exif") && !text.contains("GPSLatitude") && !text.contains("Elm St"))
        #expect(text.contains("JFIF"), "the JFIF header stays")
        #expect(Array(cleaned.prefix(2)) == [0xFF, 0xD8] && Array(cleaned.suffix(2)) == [0xFF, 0xD9])
        // The scan data is untouched, byte for byte.
        let scan = [UInt8](original[original.firstIndex(of: 0xDA)! - 1 ..< original.count])
        #expect(Array(cleaned.suffix(scan.count)) == scan)
        #expect(JPEGMetadata.stripped([0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF]) == nil, "a segment longer than the file is refused, not guessed")
        #expect(JPEGMetadata.stripped(Self.png) == nil)
        // Found by scripts/fuzz: a file cut short before any image data has no picture to publish.
        #expect(JPEGMetadata.stripped([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x07, 0x4A, 0x46, 0x49, 0xFF, 0x46]) == nil)
        // Found by scripts/fuzz: fill bytes before 0x00 after a scan read one way, then another once stripped.
        #expect(JPEGMetadata.stripped([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 63, 0, 0x12, 0xFF, 0xFF, 0x00, 0x00, 0x3F, 0xFF, 0xD9]) == nil)
    }

    /// Issue 11, attack 5: metadata between the scans of a progressive JPEG, in a thumbnail or in a
    /// second image appended after the first (as phones write multi-picture and gain-map files).
    @Test func metadataAnywhereInTheFileIsRemoved() throws {
        func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
            let length = payload.count + 2
            return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
        }
        let scanData: [UInt8] = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD3, 0x56]   // a stuffed byte and a restart marker
        let second = [0xFF, 0xD8] + segment(0xE1, Array("Exif\0\0MM GPSLongitude -119.7".utf8)) + segment(0xDA, [1, 1, 0, 0, 63, 0]) + scanData + [0xFF, 0xD9]
        let progressive = [0xFF, 0xD8]
            + segment(0xE0, Array("JFIF\0\u{1}\u{1}".utf8)) + segment(0xE0, Array("JFXX\0 thumbnail of the uncropped photo".utf8))
            + segment(0xE2, Array("ICC_PROFILE\0\u{1}\u{1}colour".utf8)) + segment(0xE2, Array("MPF\0 index of the appended image".utf8))
            + segment(0xDB, Array(repeating: 1, count: 65))
            + segment(0xDA, [1, 1, 0, 0, 63, 0]) + scanData
            + segment(0xE1, Array("http://ns.adobe.com/xap/1.0/ GPS between scans".utf8)) + segment(0xFE, Array("comment between scans".utf8))
            + [0xFF, 0xFF] + segment(0xC4, [0, 1, 2]) + segment(0xDA, [1, 1, 0, 1, 63, 0]) + scanData
            + [0xFF, 0xD9] + second
        #expect(JPEGMetadata.hasLocationCapableMetadata(progressive))
        let cleaned = try #require(JPEGMetadata.stripped(progressive))
        let text = String(decoding: cleaned, as: UTF8.self)
        for leak in ["GPS", "Exif", "xap", "comment", "JFXX", "thumbnail", "MPF"] { #expect(!text.contains(leak), "\(leak) is still in the published file") }
        #expect(text.contains("JFIF") && text.contains("ICC_PROFILE"), "what changes how the picture looks stays")
        #expect(!JPEGMetadata.hasLocationCapableMetadata(cleaned))
        // Both scans and the tables between them are there, byte for byte; the file ends with the first image.
        let expected = [0xFF, 0xD8] + segment(0xE0, Array("JFIF\0\u{1}\u{1}".utf8)) + segment(0xE2, Array("ICC_PROFILE\0\u{1}\u{1}colour".utf8))
            + segment(0xDB, Array(repeating: 1, count: 65)) + segment(0xDA, [1, 1, 0, 0, 63, 0]) + scanData
            + segment(0xC4, [0, 1, 2]) + segment(0xDA, [1, 1, 0, 1, 63, 0]) + scanData + [0xFF, 0xD9]
        #expect(cleaned == expected, "fill bytes before a marker are dropped, nothing else")
        // The appended image alone is found too.
        #expect(JPEGMetadata.hasLocationCapableMetadata(Array(progressive.prefix(progressive.count - second.count)) + [0, 0] + second))
    }

    @Test func sizesReadAndPrintAsPeopleWriteThem() {
        #expect(ByteSize.parse("50m") == 50 << 20)
        #expect(ByteSize.parse("512k") == 512 << 10)
        #expect(ByteSize.parse("1g") == 1 << 30)
        #expect(ByteSize.parse("2048") == 2048)
        #expect(ByteSize.parse("0") == nil && ByteSize.parse("ten") == nil && ByteSize.parse("-1m") == nil)
        #expect(ByteSize.describe(50 << 20) == "50 MiB" && ByteSize.describe(1536) == "1 KiB" && ByteSize.describe(12) == "12 bytes")
    }
}

@Suite struct HotlistActionLogTests {
    @Test func columnsAreMatchedByNameAndTimesInEveryFormatRead() throws {
        let text = """
        Entity Details,Event Type,Timestamp,User,Entity Type
        "List: NCIC Immigration Violator",Hotlist Enabled,45658.5,officer.a,Hotlist
        "Plate ABC123 added",Entry Created,2025-01-02T08:30:00Z,officer.b,Hotlist Entry
        "Plate ABC123",Entry Deleted,1/3/2025 4:15 PM,officer.b,Hotlist Entry

        """
        // MUT
        let actions = try HotlistActionLog.parse(data: Data(text.utf8), file: "log.csv")
        // validate
        #expect(actions.count == 3)
        #expect(TimestampParser.iso8601(actions[0].occurredAt) == "2025-01-01T12:00:00Z", "Excel serial 45658.5 is noon on 1 January 2025")
        #expect(TimestampParser.iso8601(actions[2].occurredAt) == "2025-01-03T16:15:00Z")
        #expect(actions.map(\.change) == [.changed, .created, .deleted])
        #expect(actions[1].user == "officer.b" && actions[1].details == "Plate ABC123 added" && actions[1].entityType == "Hotlist Entry")
    }

    @Test func aMalformedLogIsRefusedWithEveryBadLineNamed() {
        func problems(_ text: String) -> [InputProblem] {
            do { _ = try HotlistActionLog.parse(data: Data(text.utf8), file: "log.csv"); return [] } catch { return error.problems }
        }
        let bad = problems("Timestamp,User,Event Type,Entity Type,Entity Details\nyesterday,a,Created,Hotlist,x\n2025-01-02,b,,Hotlist,y\n2025-01-02,c,Created,Hotlist,z\n")
        #expect(bad.count == 2)
        #expect(bad[0].line == 2 && bad[0].field == "Timestamp" && bad[0].problem.contains("\"yesterday\" is not a time"))
        #expect(bad[1].line == 3 && bad[1].field == "Event Type")
        #expect(problems("Time,Who,What\n1,2,3\n").first?.problem.contains("\"Timestamp\", \"Event Type\", \"Entity Type\"") == true)
        #expect(problems("Timestamp,Event Type,Entity Type\n").first?.problem.contains("no entries") == true)
        #expect(problems("Timestamp,Event Type,Entity Type\n\"2025-01-01,Created,Hotlist\n").first?.line == 2, "an unclosed quote is located")
        #expect(problems("Timestamp,Event Type,Entity Type\n999999999,Created,Hotlist\n").first?.field == "Timestamp", "a serial far outside any plausible date")
    }
}

@Suite struct FindingRulesTests {
    static func version(enteredBy: Int, verified: Bool = false, topics: [String: TopicSetting] = ["immigration_violator": .enabled], asOf: String = "2026-10-01") -> FindingVersion {
        FindingVersion(id: 1, findingID: 7, version: 1, agencyID: 3, asOf: CalendarDay(iso: asOf)!, topics: topics, otherHotlists: [], note: "", evidenceIDs: [2],
                       enteredByID: enteredBy, enteredByLabel: "v@example.org", enteredAt: Date(timeIntervalSince1970: 0),
                       verifiedByID: verified ? 99 : nil, verifiedByLabel: verified ? "r@example.org" : nil, verifiedAt: verified ? Date(timeIntervalSince1970: 60) : nil)
    }

    @Test func theTwoPersonRule() throws {
        let entered = Self.version(enteredBy: 1)
        #expect(throws: InputProblems.self) { try FindingReview.check(entered, reviewerID: 1, reviewerRole: .admin) }
        #expect(throws: InputProblems.self) { try FindingReview.check(entered, reviewerID: 2, reviewerRole: .volunteer) }
        #expect(throws: InputProblems.self) { try FindingReview.check(Self.version(enteredBy: 1, verified: true), reviewerID: 2, reviewerRole: .reviewer) }
        try FindingReview.check(entered, reviewerID: 2, reviewerRole: .reviewer)
        do { try FindingReview.check(entered, reviewerID: 1, reviewerRole: .reviewer) } catch { #expect(error.problems[0].problem.contains("you entered version 1")) }
    }

    @Test func aDraftNeedsEvidenceADateKnownTopicsAndSomethingShown() {
        let known: Set = ["immigration_violator", "stolen_vehicle"]
        let today = CalendarDay(iso: "2026-11-27")!
        let good = FindingDraft(agencyID: 1, asOf: CalendarDay(iso: "2026-10-01"), topics: ["immigration_violator": .disabled], evidenceIDs: [4])
        #expect(good.problems(knownTopics: known, today: today).isEmpty)
        let bad = FindingDraft(agencyID: 1, asOf: CalendarDay(iso: "2027-01-01"), topics: ["immigration": .enabled], evidenceIDs: [])
        let fields = bad.problems(knownTopics: known, today: today).map(\.field)
        #expect(fields == ["evidence", "as_of", "topic"])
        let empty = FindingDraft(agencyID: 1, asOf: nil, topics: ["stolen_vehicle": .notShown], evidenceIDs: [4])
        #expect(empty.problems(knownTopics: known, today: today).map(\.field) == ["as_of", "topic"])
    }

    @Test func onlyTheImmigrationViolatorSettingBecomesAnOutcome() {
        #expect(Self.version(enteredBy: 1).outcome?.outcome == .immigrationViolatorEnabled)
        #expect(Self.version(enteredBy: 1, topics: ["immigration_violator": .disabled]).outcome?.outcome == .immigrationViolatorDisabled)
        #expect(Self.version(enteredBy: 1, topics: ["stolen_vehicle": .enabled]).outcome == nil)
        let outcome = Self.version(enteredBy: 1).outcome!
        #expect(outcome.label == "Immigration Violator enabled (records as of 2026-10-01, verified finding #7)")
        #expect(outcome.citation.source == "/agencies/3#finding-7")
    }
}

@Suite struct XLSXSheetTests {
    static let shared = Data("""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">
    <si><t>Timestamp</t></si><si><t>User</t></si><si><t>Event Type</t></si><si><t>Entity Type</t></si>
    <si><r><t>Entity </t></r><r><t>Details</t></r></si><si><t>Hotlist Created</t></si>
    </sst>
    """.utf8)

    static let sheet = Data("""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>
    <row r="3"><c r="A3" s="1"><v>45658.5</v></c><c r="B3" t="inlineStr"><is><t>Ofc. A &amp; B</t></is></c><c r="C3" t="s"><v>5</v></c><c r="E3" t="str"><v>NCIC</v></c></row>
    </sheetData></worksheet>
    """.utf8)

    @Test func aWorksheetReadsIntoRowsWithExcelsRowNumbers() throws {
        let strings = try XLSXSheet.sharedStrings(Self.shared)
        #expect(strings == ["Timestamp", "User", "Event Type", "Entity Type", "Entity Details", "Hotlist Created"])
        let rows = try XLSXSheet.rows(Self.sheet, sharedStrings: strings)
        #expect(rows.map(\.number) == [1, 3])
        #expect(rows[1].cells == ["45658.5", "Ofc. A & B", "Hotlist Created", "", "NCIC"], "the missing D3 cell is an empty column, not a shift")
        // MUT: the same rows as an action log.
        let actions = try HotlistActionLog.parse(sheet: rows, file: "log.xlsx")
        #expect(actions.count == 1 && actions[0].line == 3 && actions[0].entityType == "")
        #expect(TimestampParser.iso8601(actions[0].occurredAt) == "2025-01-01T12:00:00Z")
        #expect(XLSXSheet.columnIndex("AB12") == 27 && XLSXSheet.columnIndex("12") == nil)
        #expect(XLSXSheet.columnIndex(String(repeating: "L", count: 40) + "A1") == nil, "found by scripts/fuzz: this overflowed")
        // Found by scripts/fuzz: this text crashed the process inside Foundation's DateFormatter.
        #expect(HotlistActionLog.parseTime("20\u{0616}ty Type") == nil && TimestampParser.parse("20\u{0616}ty Type") == nil)
    }

    @Test func brokenWorkbookXMLIsRefusedNotGuessed() {
        #expect(throws: InputProblems.self) { try XLSXSheet.rows(Data("<worksheet><sheetData><row>".utf8), sharedStrings: []) }
        let missingString = Data("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>9</v></c></row></sheetData></worksheet>".utf8)
        do { _ = try XLSXSheet.rows(missingString, sharedStrings: ["only one"]); Issue.record("accepted") } catch {
            #expect(error.problems.first?.problem.contains("shared string 9") == true)
        }
    }
}

@Suite struct XLSXLimitTests {
    static func sheet(_ rows: some Sequence<String>) -> Data {
        Data(("<worksheet><sheetData>" + rows.joined() + "</sheetData></worksheet>").utf8)
    }

    /// Issue 11, attack 3: 8,000 rows with one cell at XFD took 4 GB; now the first such cell stops the read.
    @Test func aCellFarToTheRightIsRefusedNamingTheLimit() throws {
        let far = Self.sheet((1...8_000).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"XFD\($0)\"><v>1</v></c></row>" })
        do { _ = try XLSXSheet.rows(far, sharedStrings: []); Issue.record("accepted") } catch {
            let problem = error.problems.first
            #expect(problem?.problem == "cell XFD1 is in column 16384; a log has at most 256 columns")
            #expect(problem?.line == 1)
            #expect(problem?.hint.contains("CSV") == true)
        }
        // Column 256 (IV) is still read.
        #expect(try XLSXSheet.rows(Self.sheet(["<row r=\"1\"><c r=\"IV1\"><v>7</v></c></row>"]), sharedStrings: []).first?.cells.count == 256)
    }

    @Test func aSheetWithMoreCellsThanTheLimitIsRefused() throws {
        let rows = (1...100).map { "<row r=\"\($0)\"><c r=\"J\($0)\"><v>1</v></c></row>" }
        #expect(try XLSXSheet.rows(Self.sheet(rows), sharedStrings: [], maxCells: 1_000).count == 100)
        do { _ = try XLSXSheet.rows(Self.sheet(rows), sharedStrings: [], maxCells: 999); Issue.record("accepted") } catch {
            #expect(error.problems.first?.problem == "the worksheet has more than 999 cells (the limit for one sheet)")
        }
    }

    /// Found by scripts/fuzz: an element name that is not UTF-8 crashed the process inside Foundation's
    /// XMLParser (a whole server, for one uploaded workbook). Such bytes are refused before parsing.
    @Test func bytesThatAreNotUTF8AreRefusedBeforeTheParserSeesThem() {
        var sheet = Data("<worksheet><sheetData>\n<row r=\"1\"><c r=\"A1\"><v4565".utf8)
        sheet.append(0xD9)
        sheet.append(contentsOf: Data(".5>1</v></c></row></sheetData></worksheet>".utf8))
        do { _ = try XLSXSheet.rows(sheet, sharedStrings: []); Issue.record("accepted") } catch {
            #expect(error.problems.first?.problem == "byte 51 is not UTF-8, which Excel always writes")
            #expect(error.problems.first?.line == 2)
        }
        let latin1 = Data(#"<?xml version="1.0" encoding="ISO-8859-1"?><worksheet/>"#.utf8)
        #expect(throws: InputProblems.self) { try XLSXSheet.rows(latin1, sharedStrings: []) }
    }

    /// Given whole, libxml2 refused sheets over 10 MB as "Code=1"; read from a stream they parse.
    @Test func aSheetOverTenMegabytesIsRead() throws {
        let sheet = Self.sheet((1...120_000).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"inlineStr\"><is><t>hotlist entry \($0)</t></is></c></row>" })
        #expect(sheet.count > 10_500_000)
        let rows = try XLSXSheet.rows(sheet, sharedStrings: [])
        #expect(rows.count == 120_000 && rows.last?.cells == ["hotlist entry 120000"])
    }
}

@Suite struct PNGMetadataTests {
    /// A PNG built chunk by chunk (CRCs are copied, not checked, so zeros do).
    static func png(_ chunks: [(String, [UInt8])]) -> [UInt8] {
        var bytes = PNGMetadata.signature
        for (type, data) in chunks {
            let length = UInt32(data.count)
            bytes += [UInt8(length >> 24), UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)]
            bytes += Array(type.utf8)
            bytes += data
            bytes += [0, 0, 0, 0]
        }
        return bytes
    }

    @Test func publicScreenshotsLoseExifAndTextChunks() throws {
        let original = Self.png([("IHDR", Array(repeating: 1, count: 13)), ("eXIf", Array("MM\0*GPS 39.5".utf8)), ("tEXt", Array("Author\0Ofc. Smith".utf8)),
                                 ("IDAT", [9, 8, 7, 6]), ("IEND", [])])
        #expect(PNGMetadata.hasMetadata(original))
        // MUT
        let cleaned = try #require(PNGMetadata.stripped(original))
        // validate
        #expect(cleaned == Self.png([("IHDR", Array(repeating: 1, count: 13)), ("IDAT", [9, 8, 7, 6]), ("IEND", [])]))
        #expect(!PNGMetadata.hasMetadata(cleaned))
        #expect(PNGMetadata.stripped(Array(original.dropLast(6))) == nil, "a cut-short file is refused, not guessed")
        #expect(PNGMetadata.stripped(EvidenceRulesTests.pdf) == nil)
    }
}
