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
}
