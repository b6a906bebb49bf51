import Foundation
import HotlistCore
import Vapor

/// The email for a request, shared by the .eml download and the mailto link.
enum RequestEmail {
    static func message(_ request: RecordsRequest, to: String, now: Date) -> EmailMessage {
        EmailMessage(from: request.requester.email, fromName: request.requester.name, to: to, subject: request.subject, body: request.letter,
                     date: now, messageID: "request-\(request.id).\(Int(now.timeIntervalSince1970))@hotlistwatch.invalid")
    }
}

extension EmailMessage {
    /// The message as an .eml download, never cached (it carries the sender's address).
    func emlResponse(fileName: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "message", subType: "rfc822")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(string: rfc5322))
    }
}
