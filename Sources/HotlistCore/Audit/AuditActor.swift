/// Who made a change: a known person (web, API token, or the command line with `--as`), or an
/// operator at the command line identified by their system account.
public struct AuditActor: Sendable, Equatable {
    public var userID: Int?
    /// How the actor is shown in the trail: the person's email, or "cli:root" for an operator.
    public var label: String
    public var channel: AuditChannel
    public var clientAddress: String?

    public init(userID: Int?, label: String, channel: AuditChannel, clientAddress: String? = nil) {
        self.userID = userID; self.label = label; self.channel = channel; self.clientAddress = clientAddress
    }

    public static func user(_ account: UserAccount, channel: AuditChannel, clientAddress: String? = nil) -> AuditActor {
        AuditActor(userID: account.id, label: account.email, channel: channel, clientAddress: clientAddress)
    }

    /// Changes the software makes on its own account (the demo import at start-up).
    public static let system = AuditActor(userID: nil, label: "system", channel: .cli)

    public static func commandLine(systemUser: String) -> AuditActor {
        AuditActor(userID: nil, label: "cli:" + (systemUser.isEmpty ? "unknown" : systemUser), channel: .cli)
    }
}
