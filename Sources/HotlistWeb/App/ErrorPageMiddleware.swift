import HotlistAPI
import HotlistCore
import HotlistStore
import Vapor

/// Turns every error into a clear page or JSON body. Internal errors are logged, never shown.
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let thrown {
            // The generated API layer wraps what it and the handlers throw; report the cause.
            let error = APIErrorTranslation.translate(thrown, request: request)
            let isAPI = request.url.path.hasPrefix("/api/")
            var status: HTTPResponseStatus
            var message: String
            var problems: [(field: String?, text: String)] = []
            switch error {
            case let bad as InputProblems:
                status = .badRequest
                message = "The request has \(bad.problems.count == 1 ? "a value" : "values") we cannot use."
                problems = bad.problems.map { ($0.field, "\($0.problem). \($0.hint)") }
            case let missing as RecordNotFound:
                status = .notFound
                message = "\(missing.description)."
            case let abort as any AbortError:
                status = abort.status
                // A 404 with its own reason (a page past the end) says it; a bare one names the address.
                message = abort.status == .notFound && abort.reason == HTTPResponseStatus.notFound.reasonPhrase ? "There is no page at \(request.url.path)." : abort.reason
            case let busy where HotlistDatabase.isBusy(busy):
                request.logger.warning("database busy: \(busy)")
                status = .serviceUnavailable
                message = "The database is busy with a large change (an import, probably). Nothing was changed; please try again in a minute."
            default:
                request.logger.report(error: error)
                status = .internalServerError
                message = "Something went wrong on our side. The error has been logged; please try again later."
            }
            // An address that exists, asked with a method it does not answer: 405 naming the ones it does.
            var allowed: [HTTPMethod] = []
            if status == .notFound, request.route == nil, !(error is RecordNotFound) {
                allowed = Self.methods(answering: request)
                if !allowed.isEmpty {
                    status = .methodNotAllowed
                    message = "\(request.url.path) does not answer \(request.method.rawValue); it answers \(allowed.map(\.rawValue).joined(separator: ", "))."
                }
            }
            if status == .notFound && !isAPI && !(error is RecordNotFound) && message.hasPrefix("There is no page at ") { message = "Not found: there is no page at \(request.url.path)." }
            if status == .payloadTooLarge && isAPI { message = "The body is larger than this site accepts (\(request.bodyLimit) bytes). Nothing was changed." }
            if isAPI {
                let body = Components.Schemas._Error(error: .init(status: Int(status.code), message: message, problems: problems.map { .init(field: $0.field, message: $0.text) }))
                let response = Response(status: status)
                try response.content.encode(body, using: JSONEncoder.api)
                if !allowed.isEmpty { response.headers.replaceOrAdd(name: .allow, value: allowed.map(\.rawValue).joined(separator: ", ")) }
                if let abort = error as? any AbortError { for (name, value) in abort.headers where name.lowercased() == "www-authenticate" { response.headers.replaceOrAdd(name: name, value: value) } }
                return response
            }
            let title = switch status {
            case .notFound: "Not found"
            case .badRequest: "Bad request"
            case .forbidden: "Not allowed"
            case .unauthorized: "Sign in needed"
            case .payloadTooLarge: "Too large"
            case .gone: "Withdrawn"
            case .serviceUnavailable: "Busy"
            default: "Error"
            }
            if status == .payloadTooLarge { message = BodyLimitMiddleware.message(request.bodyLimit) }
            if !allowed.isEmpty {
                let response = HTMLResponse.make(ErrorView.render(status: Int(status.code), title: "Not allowed", message: message, problems: problems, viewer: request.viewer), status: status)
                response.headers.replaceOrAdd(name: .allow, value: allowed.map(\.rawValue).joined(separator: ", "))
                return response
            }
            return HTMLResponse.make(ErrorView.render(status: Int(status.code), title: title, message: message, problems: problems, viewer: request.viewer), status: status)
        }
    }
}

extension ErrorPageMiddleware {
    /// The methods registered for the request's path (only computed for a request no route matched).
    static func methods(answering request: Request) -> [HTTPMethod] {
        let parts = request.url.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var methods: [HTTPMethod] = []
        for route in request.services.routes where route.path.count == parts.count {
            let matches = zip(route.path, parts).allSatisfy { component, part in
                switch component {
                case .constant(let text): text == part
                case .parameter: true
                default: false
                }
            }
            if matches, !methods.contains(route.method) { methods.append(route.method) }
        }
        if methods.contains(.GET), !methods.contains(.HEAD) { methods.insert(.HEAD, at: methods.firstIndex(of: .GET)! + 1) }
        return methods
    }
}

/// Where a page becomes a response: only `SafeHTML` gets here, so no raw string reaches a page.
enum HTMLResponse {
    static func make(_ page: SafeHTML, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: page.markup))
    }
}

extension JSONEncoder {
    static var api: JSONEncoder {
        // No key conversion: the API models name their keys in snake case themselves.
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
