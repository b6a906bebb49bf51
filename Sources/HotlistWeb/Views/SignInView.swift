import HotlistCore

/// The sign-in and password-reset forms.
enum SignInView {
    struct Model {
        var email = ""
        var next = ""
        var formToken: String
        var message: String?
        var messageKind = Forms.MessageKind.notice
    }

    static func render(_ model: Model) -> SafeHTML {
        Layout.page(title: "Sign in", current: .signIn, body: """
        <h1>Sign in</h1>
        <p class="lede">For volunteers, reviewers and admins of a Hotlist Watch campaign. Everything public can be read without an account.</p>
        \(Forms.message(model.message, kind: model.messageKind))
        <form method="post" action="\(SiteURL.signIn.path)" class="stacked" id="sign-in-form">
        \(Forms.csrf(model.formToken))
        <input type="hidden" name="next" value="\(model.next)">
        <label for="email">Email</label>
        <input type="email" id="email" name="email" autocomplete="username" required value="\(model.email)">
        <label for="password">Password</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required>
        <button type="submit">Sign in</button>
        </form>
        <p>Forgot your password? Ask an admin of your campaign for a reset link.</p>
        """)
    }

    struct ResetModel {
        var token = ""
        var formToken: String
        var problems: [InputProblem] = []
        var message: String?
    }

    static func reset(_ model: ResetModel) -> SafeHTML {
        Layout.page(title: "Choose a new password", current: .resetPassword, body: """
        <h1>Choose a new password</h1>
        <p class="lede">Use the reset code an admin gave you. It works once, for 24 hours.</p>
        \(Forms.message(model.message, kind: .error))
        \(Forms.problems(model.problems))
        <form method="post" action="\(SiteURL.resetPassword.path)" class="stacked" id="reset-form">
        \(Forms.csrf(model.formToken))
        <label for="token">Reset code</label>
        <input type="text" id="token" name="token" required autocomplete="off" value="\(model.token)">
        <label for="password">New password <span class="hint">(at least \(PasswordPolicy.minimumCharacters) characters)</span></label>
        <input type="password" id="password" name="password" autocomplete="new-password" required>
        <label for="confirm">Repeat the new password</label>
        <input type="password" id="confirm" name="confirm" autocomplete="new-password" required>
        <button type="submit">Set password</button>
        </form>
        """)
    }
}
