import Foundation

/// Where to send request emails: `smtp://user:password@host:25` (plain, for a relay on the same
/// machine or network) or `smtps://…:465` (TLS from the first byte). STARTTLS is not supported.
public struct SMTPConfiguration: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var useTLS: Bool
    public var username: String?
    public var password: String?
    /// Sent as HELO/EHLO.
    public var clientName = "hotlistwatch.localhost"
    public var timeout: TimeInterval = 20

    public init(host: String, port: Int, useTLS: Bool, username: String? = nil, password: String? = nil) {
        self.host = host; self.port = port; self.useTLS = useTLS; self.username = username; self.password = password
    }

    /// Reads an smtp:// or smtps:// URL, explaining what is wrong with a bad one.
    public static func parse(_ text: String) throws -> SMTPConfiguration {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "smtp" || scheme == "smtps", let host = url.host, !host.isEmpty else {
            throw SMTPError.configuration("\"\(text.prefix(80))\" is not an SMTP address; write smtp://user:password@host:25 or smtps://user:password@host:465")
        }
        return SMTPConfiguration(host: host, port: url.port ?? (scheme == "smtps" ? 465 : 25), useTLS: scheme == "smtps",
                                 username: url.user?.removingPercentEncoding, password: url.password?.removingPercentEncoding)
    }

    /// Without the password.
    public var description: String { "\(useTLS ? "smtps" : "smtp")://\(username.map { $0 + "@" } ?? "")\(host):\(port)" }
}

public enum SMTPError: Error, CustomStringConvertible, Equatable {
    case configuration(String)
    case connection(String)
    /// The server answered with an error code at a step.
    case refused(step: String, code: Int, message: String)
    case timeout(String)

    public var description: String {
        switch self {
        case .configuration(let text): text
        case .connection(let text): "could not reach the mail server: \(text)"
        case .refused(let step, let code, let message): "the mail server refused \(step) (\(code) \(message))"
        case .timeout(let step): "the mail server did not answer in time (\(step))"
        }
    }
}
