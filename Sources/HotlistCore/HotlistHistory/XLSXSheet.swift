import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the cells of one worksheet of an Excel workbook (the XML inside the .xlsx ZIP), with the
/// workbook's shared strings. Dates stay the serial numbers Excel stores; callers convert them.
public enum XLSXSheet {
    public struct Row: Sendable, Equatable {
        /// Excel's own row number, as a person sees it in Excel.
        public var number: Int
        public var cells: [String]
    }

    /// The strings of `xl/sharedStrings.xml`, in order (rich-text runs joined).
    public static func sharedStrings(_ xml: Data) throws(InputProblems) -> [String] {
        let reader = SharedStringsReader()
        try run(reader, on: xml, part: "xl/sharedStrings.xml")
        return reader.strings
    }

    /// Logs have a handful of columns. A cell addressed far to the right (`XFD8000`) would otherwise
    /// pad every row to 16,384 cells: a 40 KB file taking gigabytes.
    public static let maxColumns = 256
    /// Cells a sheet may hold, counting the empty ones before a cell in its row.
    public static let maxCells = 1_000_000

    /// The rows of a worksheet part (`xl/worksheets/sheet1.xml`), cells placed by their column letters.
    public static func rows(_ xml: Data, sharedStrings: [String], part: String = "xl/worksheets/sheet1.xml", maxCells: Int = maxCells) throws(InputProblems) -> [Row] {
        let reader = SheetReader(sharedStrings: sharedStrings, maxCells: maxCells)
        let hint = "Open the file in Excel and save it again, or export the log as CSV."
        do { try run(reader, on: xml, part: part) } catch {
            // A limit stops the parser; say which one rather than "cannot be read".
            if let problem = reader.problem { throw InputProblems([InputProblem(file: part, line: reader.problemLine ?? 0, problem: problem, hint: reader.problemHint ?? hint)]) }
            throw error
        }
        if reader.depth != 0 { reader.problem = reader.problem ?? "the worksheet ends in the middle of its data (the file is cut short)" }
        if let problem = reader.problem { throw InputProblems([InputProblem(file: part, line: reader.problemLine ?? 0, problem: problem, hint: reader.problemHint ?? hint)]) }
        return reader.rows
    }

    /// "A" → 0, "Z" → 25, "AA" → 26; from a cell reference such as "AB12".
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0, letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }   // A-Z
            letters += 1
            guard letters <= 3 else { return nil }   // "LLLL…" would overflow (found by scripts/fuzz)
            index = index * 26 + Int(scalar.value - 64)
        }
        return letters == 0 || letters > 3 ? nil : index - 1
    }

    private static func run(_ delegate: some XMLParserDelegate, on xml: Data, part: String) throws(InputProblems) {
        // Foundation's XMLParser crashes the process on a name that is not UTF-8 (found by
        // scripts/fuzz), and Excel writes UTF-8 only: anything else is refused before it parses.
        let hint = "Open the file in Excel and save it again, or export the log as CSV."
        if let bad = xml.withUnsafeBytes({ UTF8Validation.firstInvalidByte(in: $0.bindMemory(to: UInt8.self)) }) {
            let line = xml.prefix(bad).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw InputProblems([InputProblem(file: part, line: line, problem: "byte \(bad + 1) is not UTF-8, which Excel always writes", hint: hint)])
        }
        let declaration = String(decoding: xml.prefix(200), as: UTF8.self).lowercased()
        if let range = declaration.range(of: #"encoding\s*=\s*["'][^"']*["']"#, options: .regularExpression),
           !declaration[range].contains("utf-8") && !declaration[range].contains("utf8") {
            throw InputProblems([InputProblem(file: part, line: 1, problem: "the XML declares \(declaration[range]), not UTF-8", hint: hint)])
        }
        // From a stream: given the whole Data at once, libxml2 refuses parts over 10 MB ("Code=1").
        let parser = XMLParser(stream: InputStream(data: xml))
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        if !parser.parse() {
            let reason = parser.parserError.map { String(describing: $0) } ?? "unknown error"
            throw InputProblems([InputProblem(file: part, line: parser.lineNumber, problem: "the workbook's XML cannot be read (\(reason))",
                                              hint: "Open the file in Excel and save it again, or export the log as CSV.")])
        }
    }

    private final class SharedStringsReader: NSObject, XMLParserDelegate {
        var strings: [String] = []
        private var current: String?
        private var inText = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "si" { current = "" } else if name == "t" { inText = true }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current? += string } }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "t" { inText = false } else if name == "si" { strings.append(current ?? ""); current = nil }
        }
    }

    private final class SheetReader: NSObject, XMLParserDelegate {
        let sharedStrings: [String]
        var rows: [Row] = []
        var problem: String?
        var problemLine: Int?
        var problemHint: String?
        private var cells = 0
        /// Elements opened and not yet closed: not zero at the end means the XML was cut short.
        var depth = 0
        private var row: Row?
        private var column = 0
        private var type = ""
        private var value = ""
        private var collecting = false

        let maxCells: Int

        init(sharedStrings: [String], maxCells: Int) { self.sharedStrings = sharedStrings; self.maxCells = maxCells }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            depth += 1
            switch name {
            case "row":
                row = Row(number: attributes["r"].flatMap(Int.init) ?? ((rows.last?.number ?? 0) + 1), cells: [])
            case "c":
                column = attributes["r"].flatMap(XLSXSheet.columnIndex) ?? (row?.cells.count ?? 0)
                type = attributes["t"] ?? "n"
                value = ""
                if column >= XLSXSheet.maxColumns {
                    stop(parser, "cell \(attributes["r"] ?? "") is in column \(column + 1); a log has at most \(XLSXSheet.maxColumns) columns",
                         hint: "Delete the cells to the right of the log's own columns in Excel and save it again, or export the log as CSV.")
                }
            case "v", "t":
                collecting = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if collecting { value += string } }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
            switch name {
            case "v", "t": collecting = false
            case "c":
                guard var current = row, column < XLSXSheet.maxColumns, problem == nil else { return }
                var text = value
                if type == "s" {
                    guard let index = Int(value), sharedStrings.indices.contains(index) else {
                        problem = "row \(current.number) refers to shared string \(value), which the workbook does not have"
                        return
                    }
                    text = sharedStrings[index]
                } else if type == "b" {
                    text = value == "1" ? "TRUE" : "FALSE"
                }
                cells += max(1, column + 1 - current.cells.count)
                if cells > maxCells {
                    stop(parser, "the worksheet has more than \(maxCells) cells (the limit for one sheet)",
                         hint: "Export a shorter period, or export the log as CSV.")
                    return
                }
                while current.cells.count < column { current.cells.append("") }
                if current.cells.count == column { current.cells.append(text) } else { current.cells[column] = text }
                row = current
            case "row":
                if let current = row { rows.append(current) }
                row = nil
            default: break
            }
        }

        private func stop(_ parser: XMLParser, _ problem: String, hint: String) {
            guard self.problem == nil else { return }
            self.problem = problem
            problemLine = parser.lineNumber
            problemHint = hint
            parser.abortParsing()
        }
    }
}
