import Foundation

/// Parsed JSON that keeps booleans apart from numbers (Foundation's JSONSerialization does not on Linux).
indirect enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case null, bool(Bool), integer(Int), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    static func parse(_ text: String) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }

    subscript(_ key: String) -> JSONValue? { if case .object(let object) = self { return object[key] } else { return nil } }
    subscript(_ index: Int) -> JSONValue? { if case .array(let array) = self, array.indices.contains(index) { return array[index] } else { return nil } }
    var string: String? { if case .string(let value) = self { return value } else { return nil } }
    var int: Int? { if case .integer(let value) = self { return value } else { return nil } }
    var array: [JSONValue]? { if case .array(let value) = self { return value } else { return nil } }
    var object: [String: JSONValue]? { if case .object(let value) = self { return value } else { return nil } }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .string(let value): "\"\(value)\""
        case .array(let value): "[\(value.count) items]"
        case .object: "{…}"
        }
    }
}
