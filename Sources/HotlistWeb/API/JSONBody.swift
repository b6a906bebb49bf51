import Foundation
import HotlistCore
import Vapor

/// Strict reading of a JSON request body: an object, known keys only, each of the expected type.
/// Every problem names its field, so a script's author knows what to fix.
struct JSONBody {
    private let object: [String: Any]

    init(_ request: Request, allowedKeys: [String]) throws {
        guard let buffer = request.body.data, buffer.readableBytes > 0 else {
            throw InputProblems([InputProblem(file: "body", problem: "the request has no body", hint: "Send a JSON object with \(allowedKeys.joined(separator: ", ")).")])
        }
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: Data(buffer: buffer), options: [.fragmentsAllowed]) } catch {
            throw InputProblems([InputProblem(file: "body", problem: "the body is not valid JSON", hint: "Check quotes, commas and braces; send Content-Type: application/json.")])
        }
        guard let object = parsed as? [String: Any] else {
            throw InputProblems([InputProblem(file: "body", problem: "the body is JSON but not an object", hint: "Send {\"\(allowedKeys.first ?? "field")\": …}.")])
        }
        let unknown = object.keys.filter { !allowedKeys.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw InputProblems(unknown.map { InputProblem(file: "body", field: $0, problem: "unknown field \"\($0)\"", hint: "Known fields: \(allowedKeys.joined(separator: ", ")).") })
        }
        self.object = object
    }

    /// A string, or nil when the key is missing or null.
    func optionalString(_ key: String) throws -> String? {
        switch object[key] {
        case .none, is NSNull: return nil
        case let text as String: return text
        default: throw InputProblems([InputProblem(file: "body", field: key, problem: "\"\(key)\" must be a string or null", hint: "Quote the value, or send null to clear it.")])
        }
    }

    /// A whole number, or nil when missing or null.
    func optionalInt(_ key: String) throws -> Int? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        // Numbers arrive as NSNumber (booleans too, on some platforms): go by how they print.
        let text = "\(value)"
        guard !(value is String), text != "true", text != "false", let number = Int(text) else {
            throw InputProblems([InputProblem(file: "body", field: key, problem: "\"\(key)\" must be a whole number", hint: "Send a number without quotes.")])
        }
        return number
    }

    /// true or false, or nil when missing or null.
    func optionalBool(_ key: String) throws -> Bool? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        let text = "\(value)"
        if value is String || !(text == "true" || text == "false" || text == "1" || text == "0") || !(value is NSNumber) {
            throw InputProblems([InputProblem(file: "body", field: key, problem: "\"\(key)\" must be true or false", hint: "Send true or false without quotes.")])
        }
        return text == "true" || text == "1"
    }

    func requiredString(_ key: String) throws -> String {
        guard let value = try optionalString(key), !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputProblems([InputProblem(file: "body", field: key, problem: "\"\(key)\" is required", hint: "Send it as a non-empty string.")])
        }
        return value
    }
}
