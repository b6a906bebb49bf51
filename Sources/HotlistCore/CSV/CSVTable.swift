import Foundation

/// A CSV file read into memory: a trimmed header and the records below it.
///
/// Follows RFC 4180 (comma separator, double-quote quoting with "" escapes,
/// quoted fields may span lines) and accepts LF, CRLF or mixed line endings
/// and a leading UTF-8 byte order mark. Anything malformed is reported as a
/// `CSVError` naming the line and field, rather than silently guessed at.
public struct CSVTable: Sendable {
    /// Display name used in errors.
    public let file: String
    /// Header names, trimmed of surrounding whitespace.
    public let header: [String]
    public let rows: [CSVRecord]

    /// Normalised header name → index, so `column(_:)` is a dictionary lookup.
    private let columnIndexByKey: [String: Int]

    init(file: String, header: [String], rows: [CSVRecord]) {
        self.file = file
        self.header = header
        self.rows = rows
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() where index[Self.columnKey(name)] == nil {
            index[Self.columnKey(name)] = position
        }
        self.columnIndexByKey = index
    }

    /// Parses CSV bytes. `file` is only used to label errors.
    /// Fields longer than `maxFieldBytes` (UTF-8 bytes) are rejected so a
    /// missing closing quote or a binary file cannot produce a giant value.
    public static func parse(data: Data, file: String, maxFieldBytes: Int = 512 * 1024) throws(CSVError) -> CSVTable {
        let bytes = [UInt8](data)
        let parsed = try bytes.withUnsafeBufferPointer { (buffer) throws(CSVError) -> (header: [String], rows: [CSVRecord]) in
            var parser = CSVByteParser(bytes: buffer, file: file, maxFieldBytes: maxFieldBytes)
            return try parser.parse()
        }
        return CSVTable(file: file, header: parsed.header, rows: parsed.rows)
    }

    /// Reads and parses the file at `path`; the path is the display name in errors.
    public static func read(path: String, maxFieldBytes: Int = 512 * 1024) throws(CSVError) -> CSVTable {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CSVError(file: path, line: 0, column: 0,
                           problem: "the file does not exist",
                           hint: "Check the path and the current working directory.")
        }
        guard !isDirectory.boolValue else {
            throw CSVError(file: path, line: 0, column: 0,
                           problem: "the path is a directory, not a file",
                           hint: "Give the path of the CSV file inside it.")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CSVError(file: path, line: 0, column: 0,
                           problem: "the file could not be read (\(error.localizedDescription))",
                           hint: "Check that the file is readable by this user.")
        }
        return try parse(data: data, file: path, maxFieldBytes: maxFieldBytes)
    }

    /// Index of the header named `name`, ignoring case and treating spaces,
    /// underscores and hyphens alike, so "Records Email" finds "records_email".
    public func column(_ name: String) -> Int? {
        columnIndexByKey[Self.columnKey(name)]
    }

    /// Lowercased, with each run of spaces/underscores/hyphens collapsed to a
    /// single "_" and none at the ends.
    static func columnKey(_ name: String) -> String {
        var key = ""
        var pendingSeparator = false
        for character in name.lowercased() {
            if character == " " || character == "_" || character == "-" || character == "\t" {
                pendingSeparator = !key.isEmpty
            } else {
                if pendingSeparator { key.append("_") }
                pendingSeparator = false
                key.append(character)
            }
        }
        return key
    }
}
