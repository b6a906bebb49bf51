import Foundation

/// One data record of a CSV file.
public struct CSVRecord: Sendable, Equatable {
    /// 1-based physical line where the record starts (quoted newlines make
    /// records span several lines, so this is not the record number).
    public let line: Int
    public let fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// The field at `index`, or "" when the record is shorter: short records
    /// are allowed and their missing trailing fields read as empty.
    public subscript(_ index: Int) -> String {
        fields.indices.contains(index) ? fields[index] : ""
    }
}
