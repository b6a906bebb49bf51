import Foundation

/// The state machine behind `CSVTable.parse`. It walks the raw UTF-8 bytes:
/// every byte with structural meaning (comma, quote, CR, LF) is ASCII and
/// never occurs inside a multi-byte UTF-8 sequence, so there is no need to
/// decode Characters, which would be far slower on large files.
struct CSVByteParser {
    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    private let maxFieldBytes: Int
    /// Next byte to read.
    private var position = 0
    /// Physical line of `position`, 1-based.
    private var line = 1

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, maxFieldBytes: Int) {
        self.bytes = bytes
        self.file = file
        self.maxFieldBytes = maxFieldBytes
    }

    mutating func parse() throws(CSVError) -> (header: [String], rows: [CSVRecord]) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position = 3
        }
        var header: [String]?
        var rows: [CSVRecord] = []
        while let record = try nextRecord() {
            guard let header else {
                header = try validatedHeader(record)
                continue
            }
            if record.fields.count > header.count {
                throw CSVError(
                    file: file, line: record.line, column: header.count + 1,
                    problem: "this record has \(record.fields.count) fields but the header has \(header.count)",
                    hint: "Put double quotes around values that contain commas, or remove the extra commas.")
            }
            rows.append(record)
        }
        guard let header else {
            throw CSVError(file: file, line: 1, column: 0,
                           problem: "the file is empty",
                           hint: "Export the data again; the first line must be a header row of column names.")
        }
        return (header, rows)
    }

    // MARK: - Records

    /// The next non-blank record, or nil at end of input.
    private mutating func nextRecord() throws(CSVError) -> CSVRecord? {
        while position < bytes.count {
            let recordLine = line
            var fields: [String] = []
            var onlyFieldIsBlankUnquoted = false
            while true {
                let (field, wasQuoted) = try nextField(fieldNumber: fields.count + 1)
                fields.append(field)
                onlyFieldIsBlankUnquoted = fields.count == 1 && !wasQuoted && field.allSatisfy { $0 == " " || $0 == "\t" }
                if position < bytes.count, bytes[position] == Self.comma {
                    position += 1
                    continue
                }
                consumeLineBreak()
                break
            }
            // Empty or whitespace-only lines carry no data; spreadsheets and
            // editors leave them behind, so they are skipped, not reported.
            if onlyFieldIsBlankUnquoted { continue }
            return CSVRecord(line: recordLine, fields: fields)
        }
        return nil
    }

    /// Steps over one LF, CRLF or lone CR at `position`, if there is one.
    private mutating func consumeLineBreak() {
        guard position < bytes.count else { return }
        if bytes[position] == Self.carriageReturn {
            position += 1
            if position < bytes.count, bytes[position] == Self.lineFeed { position += 1 }
            line += 1
        } else if bytes[position] == Self.lineFeed {
            position += 1
            line += 1
        }
    }

    // MARK: - Fields

    /// Reads one field and leaves `position` on the byte after it (a comma,
    /// a line break or the end of input).
    private mutating func nextField(fieldNumber: Int) throws(CSVError) -> (String, Bool) {
        // Whitespace before an opening quote (`a, "b"`) is a common hand-edit;
        // it is dropped rather than reported.
        var afterPadding = position
        while afterPadding < bytes.count, bytes[afterPadding] == Self.space || bytes[afterPadding] == Self.tab {
            afterPadding += 1
        }
        if afterPadding < bytes.count, bytes[afterPadding] == Self.quote {
            position = afterPadding
            return (try quotedField(fieldNumber: fieldNumber), true)
        }
        return (try unquotedField(fieldNumber: fieldNumber), false)
    }

    private mutating func unquotedField(fieldNumber: Int) throws(CSVError) -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn { break }
            if byte == Self.quote {
                throw CSVError(
                    file: file, line: line, column: fieldNumber,
                    problem: "a double quote appears inside a field that does not start with one",
                    hint: "Wrap the whole field in double quotes and write each quote inside it twice (\"\"), or remove the quote.")
            }
            position += 1
        }
        return try makeString(start..<position, hasEscapedQuotes: false, startLine: line, fieldNumber: fieldNumber)
    }

    /// `position` is on the opening quote.
    private mutating func quotedField(fieldNumber: Int) throws(CSVError) -> String {
        let openingLine = line
        position += 1
        let contentStart = position
        var hasEscapedQuotes = false
        while true {
            guard position < bytes.count else {
                throw CSVError(
                    file: file, line: openingLine, column: fieldNumber,
                    problem: "a quoted field starts here but its closing double quote is missing",
                    hint: "Add the closing double quote; a quote inside a quoted field must be written twice (\"\").")
            }
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                    hasEscapedQuotes = true
                    position += 2
                    continue
                }
                break
            }
            // Newlines inside quotes are data, but still count as physical lines.
            if byte == Self.lineFeed {
                line += 1
            } else if byte == Self.carriageReturn, position + 1 >= bytes.count || bytes[position + 1] != Self.lineFeed {
                line += 1
            }
            position += 1
        }
        let contentEnd = position
        position += 1  // closing quote
        while position < bytes.count, bytes[position] == Self.space || bytes[position] == Self.tab {
            position += 1
        }
        if position < bytes.count {
            let byte = bytes[position]
            if byte != Self.comma && byte != Self.lineFeed && byte != Self.carriageReturn {
                throw CSVError(
                    file: file, line: line, column: fieldNumber,
                    problem: "unexpected characters after the closing double quote of a field",
                    hint: "Put the whole value inside the quotes and write each quote inside it twice (\"\"), or add the missing comma.")
            }
        }
        return try makeString(contentStart..<contentEnd, hasEscapedQuotes: hasEscapedQuotes,
                              startLine: openingLine, fieldNumber: fieldNumber)
    }

    /// Checks size and encoding, then builds the field's String.
    private func makeString(_ range: Range<Int>, hasEscapedQuotes: Bool, startLine: Int, fieldNumber: Int) throws(CSVError) -> String {
        if range.count > maxFieldBytes {
            throw CSVError(
                file: file, line: startLine, column: fieldNumber,
                problem: "this field is \(range.count) bytes long, more than the limit of \(maxFieldBytes) bytes",
                hint: "Check for a missing or extra double quote, or shorten the value.")
        }
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        if let badOffset = UTF8Validation.firstInvalidByte(in: slice) {
            throw CSVError(
                file: file, line: startLine + lineBreaks(in: range.lowerBound..<(range.lowerBound + badOffset)),
                column: fieldNumber,
                problem: "the text is not valid UTF-8 (byte 0x\(String(slice[badOffset], radix: 16, uppercase: true)))",
                hint: "Re-save the file as UTF-8 (in a spreadsheet: Save As → CSV UTF-8).")
        }
        guard hasEscapedQuotes else {
            return String(decoding: slice, as: UTF8.self)
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(slice.count)
        var index = 0
        while index < slice.count {
            unescaped.append(slice[index])
            // Inside a closed quoted field every quote is part of a "" pair.
            index += slice[index] == Self.quote ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// Physical line breaks (LF, CRLF, lone CR) within `range`.
    private func lineBreaks(in range: Range<Int>) -> Int {
        var count = 0
        for index in range {
            if bytes[index] == Self.lineFeed {
                count += 1
            } else if bytes[index] == Self.carriageReturn, index + 1 >= bytes.count || bytes[index + 1] != Self.lineFeed {
                count += 1
            }
        }
        return count
    }

    // MARK: - Header

    private func validatedHeader(_ record: CSVRecord) throws(CSVError) -> [String] {
        let names = record.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var firstColumnByKey: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                throw CSVError(
                    file: file, line: record.line, column: index + 1,
                    problem: "column \(index + 1) of the header has no name",
                    hint: "Give every column a name in the first row, and remove any trailing comma.")
            }
            // Compared the way `CSVTable.column(_:)` looks names up, so that
            // lookups can never be ambiguous.
            let key = CSVTable.columnKey(name)
            if let first = firstColumnByKey[key] {
                throw CSVError(
                    file: file, line: record.line, column: index + 1,
                    problem: "header \"\(name)\" in column \(index + 1) repeats \"\(names[first])\" from column \(first + 1)",
                    hint: "Rename or remove one of the two columns.")
            }
            firstColumnByKey[key] = index
        }
        return names
    }
}
