import HotlistCore

/// The form to correct where an agency takes records requests.
enum RecordsContactView {
    struct Model {
        var viewer: Viewer
        var agencyID: Int
        var agencyName: String
        var email: String
        var portalURL: String
        var problems: [InputProblem] = []
    }

    static func render(_ model: Model) -> SafeHTML {
        Layout.page(title: "Records contact: \(model.agencyName)", viewer: model.viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.agency(model.agencyID).path)">\(model.agencyName)</a></p>
        <h1>Records contact</h1>
        <p class="lede">Where \(model.agencyName) takes public-records requests. Your correction is saved with your name in the audit trail (seen by admins only) and shows on the agency's public page at once.</p>
        \(Forms.problems(model.problems))
        <form method="post" action="\(SiteURL.recordsContact(model.agencyID).path)" class="stacked" id="records-contact-form">
        \(Forms.csrf(model.viewer.csrfToken))
        <label for="email">Records email <span class="hint">(leave empty if none)</span></label>
        <input type="email" id="email" name="email" value="\(model.email)">
        <label for="portal_url">Records portal address <span class="hint">(GovQA, NextRequest, JustFOIA…; leave empty if none)</span></label>
        <input type="url" id="portal_url" name="portal_url" value="\(model.portalURL)">
        <button type="submit">Save</button>
        </form>
        """)
    }
}
