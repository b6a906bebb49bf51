import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore

/// Who the audit trail names for a change made at the command line: the system account running
/// the command, or with `--as EMAIL` a person's account (which must exist and be active).
struct ActorOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("Record the change in the audit trail as this person's (their account must be active).", valueName: "email"))
    var actingAs: String?

    func actor(_ database: HotlistDatabase) async throws -> AuditActor {
        if let actingAs {
            guard let account = try await AccountStore(database).user(email: actingAs), account.isActive else {
                throw CommandFailure("--as \(actingAs): no active account has that email. See `hotlistwatch users list`.")
            }
            return .user(account, channel: .cli)
        }
        return .commandLine(systemUser: Self.systemUser())
    }

    static func systemUser() -> String {
        if let name = ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"], !name.isEmpty { return name }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid\(geteuid())"
    }
}
