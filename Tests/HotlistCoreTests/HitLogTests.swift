import Foundation
import Testing
@testable import HotlistCore

@Suite("HitLog")
struct HitLogTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/hit_logs/synthetic-hits.csv")

    func parse(_ text: String, file: String = "hits.csv") throws(InputProblems) -> HitLogSummary { try HitLog.parse(csv: Data(text.utf8), file: file) }

    /// The one problem a bad file gives (or fails the test).
    func problem(_ data: Data, file: String = "hits.csv") -> InputProblem? {
        do { _ = try HitLog.parse(csv: data, file: file); Issue.record("accepted"); return nil } catch { return error.problems.first }
    }

    @Test func theSyntheticFixtureIsCountedPerMonthListAndTopicWithoutPlates() throws {
        let summary = try HitLog.parse(csv: try Data(contentsOf: Self.fixture), file: "synthetic-hits.csv")
        #expect(summary.rows == 8 && summary.first.iso == "2026-01-05" && summary.last.iso == "2026-03-09")
        #expect(summary.counts == [
            HitCount(month: "2026-01", list: "NCIC", topic: "Stolen Plate", hits: 1), HitCount(month: "2026-01", list: "NCIC", topic: "Stolen Vehicle", hits: 1),
            HitCount(month: "2026-01", list: "NCIC", topic: "Wanted Person", hits: 1),
            HitCount(month: "2026-02", list: "Custom: Stolen vehicles (county)", topic: "Stolen Vehicle", hits: 1),
            HitCount(month: "2026-02", list: "NCIC", topic: "Immigration Violator", hits: 1), HitCount(month: "2026-02", list: "NCIC", topic: "Stolen Vehicle", hits: 1),
            HitCount(month: "2026-03", list: "NCIC", topic: "Immigration Violator", hits: 1), HitCount(month: "2026-03", list: "NCIC", topic: "Missing Person", hits: 1),
        ])
        #expect(summary.immigrationViolator == HitSpan(hits: 2, first: CalendarDay(iso: "2026-02-02")!, last: CalendarDay(iso: "2026-03-03")!))
        #expect(summary.columnsNotKept == ["Plate", "Camera", "Acknowledged By"])
        let kept = summary.counts.map { "\($0.month) \($0.list) \($0.topic)" }.joined(separator: " ")
        #expect(!kept.contains("SYN") && !kept.contains("Officer") && !kept.contains("Main St"))
    }

    @Test("header variants are matched by name, most specific first", arguments: [
        ("Alert Time,List Name,Alert Type", "Alert Time"), ("Date,Hot List,NCIC Code", "Date"), ("Timestamp,List,Hit Reason", "Timestamp"),
        ("date,hotlist,topic", "date"), ("Date,Hit Time,Hotlist,Reason", "Hit Time"),
    ])
    func headerVariants(header: String, timeColumn: String) throws {
        let columns = try HitLogColumns(header: header.split(separator: ",").map(String.init), file: "h.csv")
        #expect(columns.header[columns.time] == timeColumn && columns.topic != nil)
    }

    @Test("Immigration Violator is recognised however it is written", arguments: [
        "Immigration Violator", "IMMIGRATION VIOLATOR", "NCIC - Immigration Violator", "Immigration Violator File", "Immigration Violator File (IVF)",
        "IVF", "ncic/ivf", "immigration-violators",
    ])
    func immigrationViolatorSpellings(label: String) { #expect(ImmigrationViolatorLabel.matches(label)) }

    @Test("other topics are not Immigration Violator", arguments: ["Stolen Vehicle", "Violent Person", "Immigration", "Violator", "IVFX", "Missing Person", ""])
    func otherTopics(label: String) { #expect(!ImmigrationViolatorLabel.matches(label)) }

    @Test func aListNamingTheTopicCountsWhenThereIsNoTopicColumn() throws {
        let summary = try parse("Alert Time,Plate,Hotlist\n2026-04-01T10:00:00Z,SYN1,NCIC Immigration Violator\n2026-04-02,SYN2,Stolen Vehicles\n")
        #expect(summary.counts.map(\.topic) == ["Immigration Violator", ""] && summary.immigrationViolator?.hits == 1)
    }

    @Test func datesAsExportsWriteThem() {
        #expect(HitLog.day("2026-03-14T23:30:00-07:00")?.iso == "2026-03-14", "the day as written, not moved to UTC")
        #expect(HitLog.day("3/14/2026 11:05 PM")?.iso == "2026-03-14")
        #expect(HitLog.day("2026/03/14")?.iso == "2026-03-14")
        #expect(HitLog.day("46095.75")?.iso == "2026-03-14", "Excel serial day")
        for bad in ["", "yesterday", "2026-02-30", "14/3/2026", "2026-03-14 noon", "3/14/26", "1899-12-31", "99999999"] { #expect(HitLog.day(bad) == nil, "\(bad)") }
    }

    @Test func anEmptyFileIsRefused() {
        let problem = problem(Data())
        #expect(problem?.problem == "the file is empty")
    }

    @Test func aHeaderWithoutHitsIsRefused() {
        #expect(problem(Data("Hit Time,Hotlist\n".utf8))?.problem == "the export has a header but no hits")
    }

    @Test("a header missing the time or the list column", arguments: [("Plate,Hotlist,Reason", "a time"), ("Hit Time,Plate,Reason", "a list"), ("Plate,Camera", "a time (")])
    func headerMissingColumns(header: String, named: String) {
        let problem = problem(Data("\(header)\nx,y,z\n".utf8))
        #expect(problem?.line == 1 && problem?.field == "header" && problem?.problem.contains(named) == true, "\(String(describing: problem))")
    }

    @Test func everyUnreadableDateIsNamedWithItsLineAndColumn() {
        do {
            _ = try parse("Plate,Hit Time,Hotlist\nSYN1,2026-01-01,NCIC\nSYN2,last tuesday,NCIC\nSYN3,,NCIC\nSYN4,2026-01-04,\n")
            Issue.record("accepted")
        } catch {
            #expect(error.problems.map(\.location) == ["hits.csv:3:2", "hits.csv:4:2", "hits.csv:5:3"])
            #expect(error.problems.map(\.field) == ["Hit Time", "Hit Time", "Hotlist"])
            #expect(error.problems[0].problem.contains("\"last tuesday\" is not a date") && error.problems[1].problem == "the time is empty")
            #expect(!error.description.contains("SYN"), "a refusal does not repeat a plate")
        }
    }

    @Test func latin1TextIsRefusedAtItsField() {
        var bytes = Array("Hit Time,Hotlist,Reason\n2026-01-01,NCIC,Stolen Vehicle\n2026-01-02,Lista de veh".utf8)
        bytes += [0xED] + Array("culos,Stolen Vehicle\n".utf8)
        let problem = problem(Data(bytes))
        #expect(problem?.line == 3 && problem?.column == 2 && problem?.field == "Hotlist" && problem?.problem.contains("not UTF-8") == true)
    }

    @Test func htmlPosingAsAnExportIsNamed() {
        let page = Data("<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Session expired</body></html>\n".utf8)
        #expect(HitLog.htmlProblem(page, file: "hits.xlsx")?.problem == "the file is a web page (HTML), not a hit-log export")
        #expect(problem(page, file: "hits.csv")?.field == "file")
        #expect(HitLog.htmlProblem(Data("Hit Time,Hotlist\n2026-01-01,<b>NCIC</b>\n".utf8), file: "x.csv") == nil)
    }

    @Test func anUnterminatedQuoteIsRefusedWithItsLine() {
        let problem = problem(Data("Hit Time,Hotlist,Reason\n2026-01-01,NCIC,Stolen Vehicle\n2026-01-02,\"NCIC,Stolen Vehicle\n2026-01-03,NCIC,Missing Person\n".utf8))
        #expect(problem?.line == 3 && problem?.column == 2 && problem?.problem.contains("never closes") == true, "\(String(describing: problem))")
    }

    @Test func aRowWithExtraFieldsIsRefused() {
        let problem = problem(Data("Hit Time,Hotlist,Reason\n2026-01-01,NCIC,Stolen Vehicle,extra\n".utf8))
        #expect(problem?.line == 2 && problem?.problem == "the row has 4 fields, the header 3")
    }

    @Test func worksheetRowsArePaddedAndNumberedAsInExcel() throws {
        let rows = [XLSXSheet.Row(number: 1, cells: ["Alert Time", "LPN", "Hotlist", "Hit Reason"]),
                    XLSXSheet.Row(number: 2, cells: ["46095.5", "SYN9", "NCIC", "IVF"]),
                    XLSXSheet.Row(number: 4, cells: ["46096", "SYN8", "NCIC"])]
        let summary = try HitLog.parse(sheet: rows, file: "hits.xlsx")
        #expect(summary.counts == [HitCount(month: "2026-03", list: "NCIC", topic: "", hits: 1), HitCount(month: "2026-03", list: "NCIC", topic: "Immigration Violator", hits: 1)])
        do {
            _ = try HitLog.parse(sheet: rows + [XLSXSheet.Row(number: 7, cells: ["soon", "SYN7", "NCIC"])], file: "hits.xlsx")
            Issue.record("accepted")
        } catch { #expect(error.problems.first?.location == "hits.xlsx:7:1") }
        #expect(throws: InputProblems.self) { try HitLog.parse(sheet: [], file: "hits.xlsx") }
    }

    @Test func tooManyGroupsMeansAWrongColumn() {
        let rows = (0...HitLog.maxGroups).map { "2026-01-01,list \($0)" }.joined(separator: "\n")
        let problem = problem(Data("Hit Time,Hotlist\n\(rows)\n".utf8))
        #expect(problem?.problem.contains("more than \(HitLog.maxGroups) different") == true)
    }
}
