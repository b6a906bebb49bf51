import Foundation
import HotlistCore
import Vapor

/// Strict reading of a JSON request body: an object, known keys only, each of the expected type.
/// Every problem names its field, so a script's author knows what to fix.
struct JSONBody {
    private let members: [String: StrictJSON]

    init(_ request: Request, allowedKeys: [String]) throws {
        guard request.headers.contentType == .json else {
            throw Abort(.unsupportedMediaType, reason: "Send the body as JSON with Content-Type: application/json.")
        }
        guard let buffer = request.body.data, buffer.readableBytes > 0 else {
            throw InputProblems([InputProblem(file: "body", problem: "the request has no body", hint: "Send a JSON object with \(allowedKeys.joined(separator: ", ")).")])
        }
        let parsed: StrictJSON
        do { parsed = try buffer.withUnsafeReadableBytes { try StrictJSON.parse($0) } } catch let error as StrictJSON.SyntaxError {
            throw InputProblems([InputProblem(file: "body", column: error.offset + 1, problem: "the body is not valid JSON: \(error.problem) (at byte \(error.offset + 1))",
                                              hint: "Check quotes, commas and braces; each key once; no byte-order mark.")])
        }
        guard case .object(let object) = parsed else {
            throw InputProblems([InputProblem(file: "body", problem: "the body is JSON but not an object", hint: "Send {\"\(allowedKeys.first ?? "field")\": …}.")])
        }
        let unknown = object.map(\.key).filter { !allowedKeys.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw InputProblems(unknown.map { InputProblem(file: "body", field: $0, problem: "unknown field \"\($0)\"", hint: "Known fields: \(allowedKeys.joined(separator: ", ")).") })
        }
        members = Dictionary(object.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// A string, or nil when the key is missing or null.
    func optionalString(_ key: String) throws -> String? {
        switch members[key] {
        case .none, .null: return nil
        case .string(let text): return text
        default: throw InputProblems([InputProblem(file: "body", field: key, problem: "\"\(key)\" must be a string or null", hint: "Quote the value, or send null to clear it.")])
        }
    }

    /// A whole number, or nil when missing or null.
    func optionalInt(_ key: String) throws -> Int? {
        switch members[key] {
        case .none, .null: return nil
        case .number(let text) where Int(text) != nil: return Int(text)
        default: throw InputProblems([InputProblem(file: "body", field: key, problem: "\"\(key)\" must be a whole number", hint: "Send a number without quotes.")])
        }
    }

    /// true or false, or nil when missing or null.
    func optionalBool(_ key: String) throws -> Bool? {
        switch members[key] {
        case .none, .null: return nil
        case .bool(let value): return value
        default: throw InputProblems([InputProblem(file: "body", field: key, problem: "\"\(key)\" must be true or false", hint: "Send true or false without quotes.")])
        }
    }

    func requiredString(_ key: String) throws -> String {
        guard let value = try optionalString(key), !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputProblems([InputProblem(file: "body", field: key, problem: "\"\(key)\" is required", hint: "Send it as a non-empty string.")])
        }
        return value
    }
}
