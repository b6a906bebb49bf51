import Foundation
import HotlistCore
import ZIPFoundation

/// Opens an .xlsx file (a ZIP of XML parts) and reads its first worksheet. The parts are size-capped
/// while they are inflated, so a small file cannot unpack into gigabytes.
public enum XLSXWorkbook {
    public static let maxPartBytes = 256 * 1_048_576

    public static func firstSheetRows(_ data: Data, file: String) throws(InputProblems) -> [XLSXSheet.Row] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw InputProblems([InputProblem(file: file, problem: "the workbook cannot be opened as a ZIP archive", hint: "Check that the file is a complete .xlsx export.")])
        }
        let sheets = archive.map(\.path).filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") && !$0.contains("_rels") }
        // sheet1.xml is the first sheet in every export seen; otherwise the first by name.
        guard let sheetPath = sheets.first(where: { $0 == "xl/worksheets/sheet1.xml" }) ?? sheets.sorted().first else {
            throw InputProblems([InputProblem(file: file, problem: "the workbook has no worksheet", hint: "Export the hotlist action log again.")])
        }
        let shared = try archive["xl/sharedStrings.xml"].map { entry throws(InputProblems) in try XLSXSheet.sharedStrings(try read(entry, from: archive, file: file)) } ?? []
        return try XLSXSheet.rows(try read(archive[sheetPath]!, from: archive, file: file), sharedStrings: shared, part: "\(file) (\(sheetPath))")
    }

    private static func read(_ entry: Entry, from archive: Archive, file: String) throws(InputProblems) -> Data {
        guard entry.uncompressedSize <= UInt64(maxPartBytes) else {
            throw InputProblems([InputProblem(file: file, problem: "\(entry.path) unpacks to more than \(ByteSize.describe(maxPartBytes))", hint: "Export a shorter period, or as CSV.")])
        }
        var data = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                if data.count > maxPartBytes { throw CocoaError(.fileReadTooLarge) }
            }
        } catch {
            throw InputProblems([InputProblem(file: file, problem: "\(entry.path) cannot be unpacked (\(error.localizedDescription))", hint: "Check that the file is a complete .xlsx export.")])
        }
        return data
    }
}
