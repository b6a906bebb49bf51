import Foundation

/// Reads named fields of a CSV table and turns bad values into `InputProblem`s that point at the cell.
public struct CSVFieldReader: Sendable {
    public let table: CSVTable
    private let indexes: [String: Int]

    /// Fails, naming every missing column at once, when a required header is absent.
    public init(_ table: CSVTable, required: [String]) throws(InputProblem) {
        self.table = table
        var indexes: [String: Int] = [:]
        var missing: [String] = []
        for name in required {
            if let index = table.column(name) { indexes[name] = index } else { missing.append(name) }
        }
        if !missing.isEmpty {
            throw InputProblem(
                file: table.file, line: 1, problem: "missing column\(missing.count == 1 ? "" : "s") \(missing.map { "\"\($0)\"" }.joined(separator: ", "))",
                hint: "The header row must name these columns; it has: \(table.header.joined(separator: ", ")).")
        }
        self.indexes = indexes
    }

    /// The trimmed text of a column, or "" when the column is absent.
    public func text(_ record: CSVRecord, _ name: String) -> String {
        guard let index = indexes[name] ?? table.column(name) else { return "" }
        return record[index].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Text, with the data set's "NA" and blanks read as nil.
    public func optional(_ record: CSVRecord, _ name: String) -> String? {
        let value = text(record, name)
        return value.isEmpty || value == "NA" ? nil : value
    }

    public func problem(_ record: CSVRecord, _ name: String, _ problem: String, hint: String) -> InputProblem {
        let index = indexes[name] ?? table.column(name)
        return InputProblem(file: table.file, line: record.line, column: index.map { $0 + 1 } ?? 0,
                            field: name, problem: problem, hint: hint)
    }

    public func int(_ record: CSVRecord, _ name: String) throws(InputProblem) -> Int? {
        guard let value = optional(record, name) else { return nil }
        guard let number = Int(value) else {
            throw problem(record, name, "\"\(value.prefix(40))\" is not a whole number", hint: "Write digits only, or leave the cell empty (or NA) when unknown.")
        }
        return number
    }

    /// Like `int`, but also reads the portals' "Data Unavailable" as unknown and "1,234" as 1234.
    public func count(_ record: CSVRecord, _ name: String) throws(InputProblem) -> Int? {
        guard let value = optional(record, name) else { return nil }
        if ["data unavailable", "unknown", "n/a"].contains(value.lowercased()) { return nil }
        guard let number = Int(value.replacingOccurrences(of: ",", with: "")), number >= 0 else {
            throw problem(record, name, "\"\(value.prefix(40))\" is not a count", hint: "Write a whole number, or NA / Data Unavailable when unknown.")
        }
        return number
    }

    public func required(_ record: CSVRecord, _ name: String) throws(InputProblem) -> String {
        guard let value = optional(record, name) else {
            throw problem(record, name, "\(name) is empty", hint: "Every row needs a value in this column.")
        }
        return value
    }

    public func enumeration<T: RawRepresentable & CaseIterable>(_ record: CSVRecord, _ name: String, as: T.Type) throws(InputProblem) -> T where T.RawValue == String {
        let value = text(record, name).lowercased()
        guard let result = T(rawValue: value) else {
            throw problem(record, name, "\"\(value)\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))", hint: "Use one of the listed values.")
        }
        return result
    }
}
