import Foundation
import HotlistCore

/// The email for a request, shared by the .eml download and the mailto link.
enum RequestEmail {
    static func message(_ request: RecordsRequest, to: String, now: Date) -> EmailMessage {
        EmailMessage(from: request.requester.email, fromName: request.requester.name, to: to, subject: request.subject, body: request.letter,
                     date: now, messageID: "request-\(request.id).\(Int(now.timeIntervalSince1970))@hotlistwatch.invalid")
    }
}
