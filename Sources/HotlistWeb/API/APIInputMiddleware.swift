import Foundation
import HotlistCore
import Vapor

/// In front of every generated API route: what the generated layer does not check by itself.
/// - a streamed body is collected here, up to the request's body limit (413 beyond it, nothing read further);
/// - a query parameter the operation does not document is refused by name;
/// - a JSON body must say so (415), parse strictly (duplicate keys refused), be an object, and hold
///   only the fields its schema documents, each unknown one named.
/// Then the handlers find the Vapor request through `APIRequestContext`.
struct APIInputMiddleware: AsyncMiddleware {
    let document: OpenAPIDocument

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        _ = try await request.body.collect(max: request.bodyLimit).get()
        if let operation = request.route?.operationID.flatMap(document.operation(id:)) {
            try Self.checkQuery(request, operation)
            if operation.bodySchema != nil { try Self.checkBody(request, operation) }
        }
        // The API answers JSON whatever Accept says, as it always has (and as cached answers do);
        // the generated layer would refuse an Accept without JSON with a 406.
        request.headers.remove(name: .accept)
        return try await APIRequestContext.$request.withValue(request) { try await next.respond(to: request) }
    }

    static func checkQuery(_ request: Request, _ operation: OpenAPIDocument.Operation) throws {
        let known = operation.queryParameters
        let unknown = request.queryParameters().keys.filter { !known.contains($0) }.sorted()
        guard !unknown.isEmpty else { return }
        let hint = known.isEmpty ? "This address takes no parameters." : "Known parameters: \(known.joined(separator: ", "))."
        throw InputProblems(unknown.map { InputProblem(file: "query", field: $0, problem: "unknown parameter \"\($0)\"", hint: hint) })
    }

    static func checkBody(_ request: Request, _ operation: OpenAPIDocument.Operation) throws {
        let fields = operation.bodyFields
        guard request.headers.contentType == .json else {
            throw Abort(.unsupportedMediaType, reason: "Send the body as JSON with Content-Type: application/json.")
        }
        guard let buffer = request.body.data, buffer.readableBytes > 0 else {
            throw InputProblems([InputProblem(file: "body", problem: "the request has no body", hint: "Send a JSON object with \(fields.joined(separator: ", ")).")])
        }
        let parsed: StrictJSON
        do { parsed = try buffer.withUnsafeReadableBytes { try StrictJSON.parse($0) } } catch let error as StrictJSON.SyntaxError {
            throw InputProblems([InputProblem(file: "body", column: error.offset + 1, problem: "the body is not valid JSON: \(error.problem) (at byte \(error.offset + 1))",
                                              hint: "Check quotes, commas and braces; each key once; no byte-order mark.")])
        }
        guard case .object(let object) = parsed else {
            throw InputProblems([InputProblem(file: "body", problem: "the body is JSON but not an object", hint: "Send {\"\(fields.first ?? "field")\": …}.")])
        }
        let unknown = object.map(\.key).filter { !fields.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw InputProblems(unknown.map { InputProblem(file: "body", field: $0, problem: "unknown field \"\($0)\"", hint: "Known fields: \(fields.joined(separator: ", ")).") })
        }
    }
}

/// The Vapor request an API handler serves (the generated protocol passes only the decoded input).
enum APIRequestContext {
    @TaskLocal static var request: Request?

    static func current() throws -> Request {
        guard let request else { throw Abort(.internalServerError, reason: "An API handler ran outside a request.") }
        return request
    }
}
