import HotlistCore
import Vapor

extension Route {
    static let actionKey: AnySendableHashable = "hotlistwatch.action"

    /// Declares what this route does; `AuthorizationMiddleware` checks it against `PermissionTable`.
    @discardableResult
    func requires(_ action: Action) -> Route {
        userInfo[Self.actionKey] = action
        return self
    }

    var requiredAction: Action? { userInfo[Self.actionKey] as? Action }

    static let uploadKey: AnySendableHashable = "hotlistwatch.upload"

    /// Marks an upload route: only there, and only for people its action allows, may a body be as
    /// large as an evidence file (`Request.bodyLimit`).
    @discardableResult
    func acceptsUploads() -> Route {
        userInfo[Self.uploadKey] = true
        return self
    }

    var isUploadRoute: Bool { userInfo[Self.uploadKey] as? Bool == true }
}
