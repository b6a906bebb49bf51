import HotlistCore
import OpenAPIRuntime
import Vapor

/// Errors out of the generated layer, as the rest of the site reports them. A value the generated
/// decoders refuse (a query value, a body field of the wrong type, a missing field) becomes the
/// usual 400 naming the field and what the document says it takes; a refusal by the runtime itself
/// keeps its 4xx status; an error a handler threw comes out unchanged.
enum APIErrorTranslation {
    static func translate(_ error: any Error, request: Request, document: OpenAPIDocument = .shared) -> any Error {
        guard let server = error as? ServerError else { return error }
        let underlying = server.underlyingError
        if let decoding = underlying as? DecodingError {
            let operation = document.operation(id: server.operationID)
            // The runtime's decoder of query and path values does not say which one it was reading:
            // then the first value its documented schema does not take is the one.
            if decoding.field == nil, let operation, let culprit = culprit(in: request, operation) {
                // A path that does not decode (`/requests/abc`) names nothing there is: a 404, as before.
                if culprit.file == "path" { return Abort(.notFound) }
                let problem = culprit.file == "query" ? "\"\(culprit.value)\" is not \(expected(culprit.schema))" : "\"\(culprit.field)\" must be \(expected(culprit.schema))"
                let hint = culprit.file == "query" ? "Give \(culprit.field) such a value, or leave it out." : "See /api/v1/openapi.json for what \(culprit.field) takes."
                return InputProblems([InputProblem(file: culprit.file, field: culprit.field, problem: problem, hint: hint)])
            }
            if let field = decoding.field, operation?.pathSchemas[field] != nil { return Abort(.notFound) }
            return InputProblems([problem(decoding, operation: operation)])
        }
        if String(reflecting: type(of: underlying)).hasPrefix("OpenAPIRuntime."), (400..<500).contains(server.httpStatus.code) {
            return Abort(HTTPResponseStatus(statusCode: server.httpStatus.code), reason: server.causeDescription)
        }
        return underlying
    }

    static func problem(_ error: DecodingError, operation: OpenAPIDocument.Operation?) -> InputProblem {
        func place(_ path: [any CodingKey]) -> (file: String, field: String?) {
            let field = path.first(where: { $0.intValue == nil })?.stringValue
            let inQuery = field.map { operation?.queryParameters.contains($0) == true } ?? false
            return (inQuery ? "query" : "body", field)
        }
        func required(_ path: [any CodingKey]) -> InputProblem {
            let (file, field) = place(path)
            // An empty query value reaches the decoders as a missing one.
            if file == "query", let field { return InputProblem(file: file, field: field, problem: "\"\(field)\" must be \(expected(operation?.querySchemas[field]))", hint: "Give a value, or leave the parameter out.") }
            return InputProblem(file: file, field: field, problem: "\"\(field ?? "a field")\" is required", hint: "Send it; see /api/v1/openapi.json.")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return required(context.codingPath + [key])
        case .valueNotFound(_, let context) where !context.codingPath.isEmpty:
            return required(context.codingPath)
        case .typeMismatch(_, let context), .dataCorrupted(let context), .valueNotFound(_, let context):
            let (file, field) = place(context.codingPath)
            guard let field else {
                return InputProblem(file: file, problem: "the \(file) does not match the API document: \(context.debugDescription)", hint: "See /api/v1/openapi.json.")
            }
            let schema = file == "query" ? operation?.querySchemas[field] : operation?.bodyField(field)
            return InputProblem(file: file, field: field, problem: "\"\(field)\" must be \(expected(schema))", hint: "See /api/v1/openapi.json for what \(field) takes.")
        @unknown default:
            return InputProblem(file: "body", problem: "the request does not match the API document", hint: "See /api/v1/openapi.json.")
        }
    }

    /// The first path parameter, query parameter or top-level body field whose value its schema does not take.
    static func culprit(in request: Request, _ operation: OpenAPIDocument.Operation) -> (file: String, field: String, value: String, schema: [String: any Sendable])? {
        for (name, schema) in operation.pathSchemas.sorted(by: { $0.key < $1.key }) {
            if let value = request.parameters.get(name), !takes(schema, text: value) { return ("path", name, value, schema) }
        }
        for (name, value) in request.queryParameters().sorted(by: { $0.key < $1.key }) {
            if let schema = operation.querySchemas[name], !takes(schema, text: value) { return ("query", name, value, schema) }
        }
        if let buffer = request.body.data, let parsed = try? buffer.withUnsafeReadableBytes({ try StrictJSON.parse($0) }), case .object(let members) = parsed {
            for member in members {
                if let schema = operation.bodyField(member.key), !takes(schema, json: member.value) { return ("body", member.key, "", schema) }
            }
        }
        return nil
    }

    private static func types(_ schema: [String: any Sendable]) -> [String] {
        (schema["type"] as? [any Sendable])?.compactMap { $0 as? String } ?? [(schema["type"] as? String) ?? "string"]
    }

    /// Whether a query or path value, as text, is one the schema takes.
    static func takes(_ schema: [String: any Sendable], text: String) -> Bool {
        if let values = schema["enum"] as? [any Sendable] { return values.contains { "\($0)" == text } }
        return types(schema).contains { type in
            switch type {
            case "integer": Int(text) != nil
            case "number": Double(text) != nil
            case "boolean": text == "true" || text == "false"
            default: true
            }
        }
    }

    /// Whether a body value is of a type (and enumerated value) the schema takes.
    static func takes(_ schema: [String: any Sendable], json: StrictJSON) -> Bool {
        if case .string(let text) = json, let values = schema["enum"] as? [any Sendable], !values.contains(where: { "\($0)" == text }) { return false }
        return types(schema).contains { type in
            switch (type, json) {
            case ("integer", .number(let text)): Int(text) != nil
            case ("number", .number), ("string", .string), ("boolean", .bool), ("null", .null), ("array", .array), ("object", .object): true
            default: false
            }
        }
    }

    /// What a schema takes, in words: "a whole number", "true or false", "one of a, b, c", "a string or null".
    static func expected(_ schema: [String: any Sendable]?) -> String {
        guard let schema else { return "a documented value" }
        if let values = schema["enum"] as? [any Sendable] {
            return values.count > 12 ? "one of the \(values.count) documented values" : "one of " + values.map { "\($0)" }.joined(separator: ", ")
        }
        let types = (schema["type"] as? [any Sendable])?.compactMap { $0 as? String } ?? [(schema["type"] as? String) ?? ""]
        return types.map { type in
            switch type {
            case "integer": "a whole number"
            case "number": "a number"
            case "boolean": "true or false"
            case "string": "a string"
            case "null": "null"
            case "array": "a list"
            case "object": "an object"
            default: "a documented value"
            }
        }.joined(separator: " or ")
    }
}

extension DecodingError {
    /// The first named key of the coding path (the parameter or top-level body field).
    var field: String? {
        let path: [any CodingKey] = switch self {
        case .keyNotFound(let key, let context): context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): context.codingPath
        @unknown default: []
        }
        return path.first(where: { $0.intValue == nil })?.stringValue
    }
}
