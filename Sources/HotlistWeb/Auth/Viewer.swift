import HotlistCore
import Vapor

/// The signed-in person making a request, and how they proved it.
struct Viewer: Sendable {
    enum Proof: Sendable { case session(tokenHash: String, csrfToken: String), apiToken }
    var account: UserAccount
    var proof: Proof

    var csrfToken: String? {
        if case .session(_, let token) = proof { return token }
        return nil
    }

    var sessionTokenHash: String? {
        if case .session(let hash, _) = proof { return hash }
        return nil
    }
}

struct ViewerKey: StorageKey { typealias Value = Viewer }
struct SessionExpiredKey: StorageKey { typealias Value = Bool }

extension Request {
    var viewer: Viewer? {
        get { storage[ViewerKey.self] }
        set { storage[ViewerKey.self] = newValue }
    }

    /// The signed-in person, or a 401 (routes that call this are already limited to signed-in roles).
    func requireViewer() throws -> Viewer {
        guard let viewer else { throw Abort(.unauthorized) }
        return viewer
    }

    /// The viewer's account as an audit-trail actor for this request.
    func auditActor() throws -> AuditActor {
        let viewer = try requireViewer()
        let channel: AuditChannel = if case .apiToken = viewer.proof { .api } else { .web }
        return .user(viewer.account, channel: channel, clientAddress: clientAddress)
    }

    /// The client's address: the socket's peer, or the first X-Forwarded-For entry when the app is
    /// configured to sit behind a proxy it trusts (otherwise the header is anyone's to forge).
    var clientAddress: String {
        if security.trustForwardedFor, let forwarded = headers.first(name: .xForwardedFor)?.split(separator: ",").first {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}
