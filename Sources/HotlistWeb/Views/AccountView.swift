import Foundation
import HotlistCore
import HotlistStore

/// The signed-in person's own page: who they are, their password, their API tokens.
enum AccountView {
    struct Model {
        var viewer: Viewer
        var tokens: [APITokenInfo]
        var newToken: String?
        var message: String?
        var problems: [InputProblem] = []
    }

    static func render(_ model: Model) -> SafeHTML {
        let account = model.viewer.account
        let csrf = model.viewer.csrfToken
        let newToken = model.newToken.map { (token) -> SafeHTML in
            """
            <div class="message message-notice new-token" role="status"><p><strong>Your new API token</strong> (shown only now; copy it somewhere safe):</p>
            <p><code id="new-token">\(token)</code></p>
            <p>Use it as <code>Authorization: Bearer …</code> on <code>/api/v1/</code> requests that change data.</p></div>
            """
        } ?? ""
        let rows = model.tokens.map { (token) -> SafeHTML in
            """
            <tr class="token-row"><td data-label="Name">\(token.name)</td><td data-label="Starts with"><code>\(token.prefix)…</code></td>
            <td data-label="Created">\(HTML.day(token.createdAt))</td><td data-label="Last used">\(token.lastUsedAt.map { HTML.day($0) } ?? "never")</td>
            <td data-label="Status">\(token.isActive ? Forms.postButton(SiteURL.revokeToken(token.id).path, label: "Revoke", csrf: csrf, style: "danger") : "revoked \(HTML.day(token.revokedAt))" as SafeHTML)</td></tr>
            """
        }.joined(separator: "\n")
        let tokenTable: SafeHTML = model.tokens.isEmpty ? "<p>No API tokens yet.</p>" as SafeHTML : """
            <div class="table-wrap"><table id="tokens"><caption>Your API tokens</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Starts with</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Status</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        return Layout.page(title: "Your account", current: .account, viewer: model.viewer, body: """
        <h1>Your account</h1>
        \(Forms.message(model.message))
        \(Forms.problems(model.problems))
        \(newToken)
        <dl class="facts">
        <dt>Name</dt><dd id="account-name">\(account.displayName)</dd>
        <dt>Email</dt><dd id="account-email">\(account.email)</dd>
        <dt>Role</dt><dd id="account-role">\(account.role.label): \(account.role.explanation)</dd>
        </dl>
        <p class="hint">Your name and email are seen only by signed-in admins (in the people list and the audit trail); they never appear on public pages or the public API.</p>
        <h2>Change your password</h2>
        <form method="post" action="\(SiteURL.accountPassword.path)" class="stacked" id="password-form">
        \(Forms.csrf(csrf))
        <label for="current">Current password</label><input type="password" id="current" name="current" autocomplete="current-password" required>
        <label for="password">New password <span class="hint">(at least \(PasswordPolicy.minimumCharacters) characters)</span></label><input type="password" id="password" name="password" autocomplete="new-password" required>
        <label for="confirm">Repeat the new password</label><input type="password" id="confirm" name="confirm" autocomplete="new-password" required>
        <button type="submit">Change password</button>
        </form>
        <h2>Calendar and feed</h2>
        <p>A secret address for your calendar program (due dates of your requests) and one for a feed reader (their status changes). Anyone with the address can read them; making new ones retires the old.</p>
        \(Forms.postButton(SiteURL.accountFeed.path, label: "New feed addresses", csrf: csrf, id: "account-feed"))
        <h2>API tokens</h2>
        <p>For scripts that change data through the JSON API. A token acts with your role; revoke it when the script no longer needs it.</p>
        \(tokenTable)
        <form method="post" action="\(SiteURL.accountTokens.path)" class="stacked" id="token-form">
        \(Forms.csrf(csrf))
        <label for="token-name">Name of the new token <span class="hint">(what uses it)</span></label><input type="text" id="token-name" name="name" maxlength="\(APITokenStore.maximumNameCharacters)" required>
        <button type="submit">Create token</button>
        </form>
        """)
    }
}
