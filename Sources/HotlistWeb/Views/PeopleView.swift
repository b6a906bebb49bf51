import Foundation
import HotlistCore

/// Admins' list of people: add, change role, disable, hand out reset codes.
enum PeopleView {
    struct Model {
        var viewer: Viewer
        var people: [UserAccount]
        var message: String?
        var oneTimeCode: (email: String, code: String, expires: Date)?
        var problems: [InputProblem] = []
    }

    static func render(_ model: Model) -> SafeHTML {
        let csrf = model.viewer.csrfToken
        let code = model.oneTimeCode.map { (code) -> SafeHTML in
            """
            <div class="message message-notice one-time-code" role="status"><p><strong>Reset code for \(code.email)</strong>, shown only now, valid until \(TimestampParser.iso8601(code.expires)):</p>
            <p><code id="reset-code">\(code.code)</code></p>
            <p>Give it to them privately. They enter it at <a href="\(SiteURL.resetPassword.path)">\(SiteURL.resetPassword.path)</a> to choose a password.</p></div>
            """
        } ?? ""
        let rows = model.people.map { (person) -> SafeHTML in
            let status = person.isActive ? "active" : "disabled \(HTML.day(person.disabledAt))"
            let toggle: SafeHTML = person.isActive
                ? Forms.postButton(SiteURL.personDisable(person.id).path, label: "Disable", csrf: csrf, style: "danger")
                : Forms.postButton(SiteURL.personEnable(person.id).path, label: "Enable", csrf: csrf)
            return """
            <tr class="person-row" data-email="\(person.email)">
            <td data-label="Name">\(person.displayName)</td><td data-label="Email">\(person.email)</td>
            <td data-label="Role"><form class="inline" method="post" action="\(SiteURL.personRole(person.id).path)">\(Forms.csrf(csrf))<label class="visually-hidden" for="role-\(person.id)">Role of \(person.email)</label>\(Forms.roleSelect(name: "role", selected: person.role, id: "role-\(person.id)"))<button type="submit">Save</button></form></td>
            <td data-label="Status">\(status)</td><td data-label="Last sign-in">\(person.lastSignInAt.map { HTML.day($0) } ?? "never")</td>
            <td data-label="Actions">\(toggle) \(Forms.postButton(SiteURL.personResetToken(person.id).path, label: "Reset code", csrf: csrf)) <a href="\(SiteURL.audit, query: [("person", String(person.id))])">Their changes</a></td>
            </tr>
            """
        }.joined(separator: "\n")
        return Layout.page(title: "People", current: .people, viewer: model.viewer, body: """
        <h1>People</h1>
        \(Forms.message(model.message))
        \(Forms.problems(model.problems))
        \(code)
        <div class="table-wrap"><table id="people"><caption>\(model.people.count) \(model.people.count == 1 ? "person" : "people")</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Last sign-in</th><th scope="col">Actions</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        <h2>Add a person</h2>
        <p>They get no password from you: you receive a one-time code to give them, and they choose their own.</p>
        <form method="post" action="\(SiteURL.people.path)" class="stacked" id="add-person-form">
        \(Forms.csrf(csrf))
        <label for="new-email">Email</label><input type="email" id="new-email" name="email" required>
        <label for="new-name">Name <span class="hint">(shown to them and to admins only)</span></label><input type="text" id="new-name" name="name" maxlength="\(DisplayName.maximumCharacters)">
        <label for="new-role">Role</label>\(Forms.roleSelect(name: "role", selected: .volunteer, id: "new-role"))
        <button type="submit">Add person</button>
        </form>
        <h2>Roles</h2>
        <dl class="facts">\(Role.allCases.map { "<dt>\($0.label)</dt><dd>\($0.explanation)</dd>" as SafeHTML }.joined())</dl>
        """)
    }
}
