import Foundation

/// One value of a public table, typed so CSV, JSON and SQLite each write it their own way.
public enum PublicValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case real(Double)
    case bool(Bool)
    case null
    /// Already JSON (a list of citations): nested in JSON, kept as JSON text in CSV and SQLite.
    case json(String)

    public static func optional(_ text: String?) -> PublicValue { text.map(PublicValue.text) ?? .null }
    public static func optional(_ number: Int?) -> PublicValue { number.map(PublicValue.integer) ?? .null }
    public static func optional(_ number: Double?) -> PublicValue { number.map(PublicValue.real) ?? .null }
    public static func optional(_ date: Date?) -> PublicValue { date.map { .text(TimestampParser.iso8601($0)) } ?? .null }

    /// As CSV and SQLite text show it: true/false, numbers in JSON's spelling, empty for null.
    public var plainText: String {
        switch self {
        case .text(let text), .json(let text): text
        case .integer(let number): String(number)
        case .real(let number): PublicJSON.numberText(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: ""
        }
    }
}

/// A column and what it means (the /data page and the SQLite file's `columns` table explain each).
public struct PublicColumn: Sendable, Equatable {
    public var name: String
    public var meaning: String
    public init(_ name: String, _ meaning: String) { self.name = name; self.meaning = meaning }
}

/// A table of the public data set: the one shape behind its CSV, its JSON and its SQLite table.
public struct PublicTable: Sendable, Equatable {
    public var name: String
    public var title: String
    public var description: String
    public var columns: [PublicColumn]
    public var rows: [[PublicValue]]

    public init(name: String, title: String, description: String, columns: [PublicColumn], rows: [[PublicValue]]) {
        self.name = name; self.title = title; self.description = description; self.columns = columns; self.rows = rows
    }

    /// RFC 4180 with a header row, so pandas and Python's csv read it as it is.
    public func csv() -> String {
        var text = AuditCSV.line(columns.map(\.name))
        for row in rows { text += AuditCSV.line(row.map(\.plainText)) }
        return text
    }

    /// `{"licence": …, "citation": …, "generated_at": …, "<name>": [{column: value}, …]}`.
    public func json(about: PublicDataAbout) -> String {
        var text = "{\n" + about.jsonFields() + ",\n  \"columns\": {"
        text += columns.map { "\(PublicJSON.string($0.name)): \(PublicJSON.string($0.meaning))" }.joined(separator: ", ")
        text += "},\n  \(PublicJSON.string(name)): ["
        text += rows.map { row in
            "\n    {" + zip(columns, row).map { "\(PublicJSON.string($0.name)): \(PublicJSON.value($1))" }.joined(separator: ", ") + "}"
        }.joined(separator: ",")
        return text + (rows.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }
}

/// A small JSON writer that keeps the columns in their documented order.
public enum PublicJSON {
    public static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 { result += String(format: "\\u%04x", scalar.value) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    public static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    public static func value(_ value: PublicValue) -> String {
        switch value {
        case .text(let text): string(text)
        case .integer(let number): String(number)
        case .real(let number): numberText(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .json(let raw): raw
        }
    }

    public static func object(_ fields: [(String, PublicValue)]) -> String {
        "{" + fields.map { "\(string($0.0)): \(value($0.1))" }.joined(separator: ", ") + "}"
    }
}
