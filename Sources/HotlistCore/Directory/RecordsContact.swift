import Foundation

/// Where an agency takes public-records requests. Users correct it; every correction is audited.
public struct RecordsContact: Sendable, Equatable, Codable {
    public var email: String?
    public var portalURL: String?

    public init(email: String? = nil, portalURL: String? = nil) {
        self.email = email; self.portalURL = portalURL
    }

    public var auditValues: AuditValues { ["records_email": email, "records_portal_url": portalURL] }

    /// Trims and checks what a person typed; empty means "none". Field names are those of the
    /// form and the API (`email`, `portal_url`).
    public static func validated(email rawEmail: String?, portalURL rawURL: String?) throws -> RecordsContact {
        var problems: [InputProblem] = []
        var contact = RecordsContact()
        let email = EmailAddress.normalize(rawEmail ?? "")
        if !email.isEmpty {
            if EmailAddress.isPlausible(email) { contact.email = email } else {
                problems.append(InputProblem(file: "input", field: "email", problem: "\"\(email)\" is not an email address", hint: "Write it as records@city.example.gov, or leave it empty."))
            }
        }
        let url = (rawURL ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !url.isEmpty {
            if let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), scheme == "https" || scheme == "http",
               let host = parsed.host, host.contains("."), url.count <= 500 {
                contact.portalURL = url
            } else {
                problems.append(InputProblem(file: "input", field: "portal_url", problem: "\"\(url.prefix(100))\" is not a web address", hint: "Paste the portal's full address, starting with https://, or leave it empty."))
            }
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return contact
    }
}
