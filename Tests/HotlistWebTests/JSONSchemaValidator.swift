import Foundation

/// Checks JSON against the subset of JSON Schema our OpenAPI document uses ($ref, type with null,
/// properties, required, additionalProperties, items, enum, minimum, maximum, pattern). Returns every
/// mismatch with its JSON path, so a failing test says where.
struct JSONSchemaValidator {
    let document: JSONValue

    func validate(_ value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
        if let ref = schema["$ref"]?.string { return validate(value, against: resolve(ref), at: path) }
        var errors: [String] = []
        if let type = schema["type"] {
            let types = type.array?.compactMap(\.string) ?? [type.string ?? ""]
            if !types.contains(where: { matches(value, $0) }) { return ["\(path): expected \(types.joined(separator: " or ")), got \(value)"] }
        }
        if let allowed = schema["enum"]?.array, !allowed.contains(value) { errors.append("\(path): \(value) is not one of \(allowed)") }
        let number: Double? = switch value { case .integer(let v): Double(v); case .number(let v): v; default: nil }
        if let number {
            if let minimum = schema["minimum"]?.int, number < Double(minimum) { errors.append("\(path): \(number) < \(minimum)") }
            if let maximum = schema["maximum"]?.int, number > Double(maximum) { errors.append("\(path): \(number) > \(maximum)") }
        }
        if let text = value.string, let pattern = schema["pattern"]?.string, text.range(of: pattern, options: .regularExpression) == nil {
            errors.append("\(path): \"\(text)\" does not match \(pattern)")
        }
        if let object = value.object {
            let properties = schema["properties"]?.object ?? [:]
            for name in schema["required"]?.array?.compactMap(\.string) ?? [] where object[name] == nil {
                errors.append("\(path): missing required \"\(name)\"")
            }
            for (name, child) in object {
                if let childSchema = properties[name] {
                    errors += validate(child, against: childSchema, at: "\(path).\(name)")
                } else if schema["additionalProperties"] == .bool(false) {
                    errors.append("\(path): \"\(name)\" is not in the schema")
                }
            }
        }
        if let array = value.array, let items = schema["items"] {
            for (index, item) in array.enumerated() { errors += validate(item, against: items, at: "\(path)[\(index)]") }
        }
        return errors
    }

    /// The JSON response schema of GET `operationPath` for `status`.
    func responseSchema(_ operationPath: String, method: String = "get", status: String = "200") -> JSONValue? {
        document["paths"]?[operationPath]?[method]?["responses"]?[status]?["content"]?["application/json"]?["schema"]
    }

    private func resolve(_ ref: String) -> JSONValue {
        var node = document
        for part in ref.dropFirst(2).split(separator: "/") { node = node[String(part)] ?? .null }
        return node
    }

    private func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("string", .string), ("boolean", .bool), ("integer", .integer), ("number", .integer), ("number", .number),
             ("object", .object), ("array", .array): true
        default: false
        }
    }
}
