import Foundation
import HotlistCore

/// Campaign pages: the list, the form that starts one, and one campaign with its requests.
enum CampaignsView {
    static func list(viewer: Viewer, campaigns: [Campaign]) -> String {
        let rows = campaigns.map { (campaign) -> String in
            "<tr class=\"campaign-row\"><td data-label=\"Campaign\"><a href=\"\(SiteURL.campaign(campaign.id).path)\">\(HTML.escape(campaign.name))</a></td><td data-label=\"Agencies\"><code>\(HTML.escape(campaign.agencyFilter))</code></td><td data-label=\"Started\">\(HTML.day(campaign.createdAt))</td></tr>"
        }.joined()
        let start = PermissionTable.allows(viewer.account.role, .manageCampaigns) ? "<p><a class=\"button\" href=\"\(SiteURL.newCampaign.path)\" id=\"new-campaign\">Start a campaign</a></p>" : "<p>Reviewers and admins start campaigns.</p>"
        return Layout.page(title: "Campaigns", current: .requests, viewer: viewer, body: """
        <h1>Campaigns</h1>
        <p class="lede">One request to many agencies at once, chosen by a directory filter; each agency gets its own tracked request, written under its own state's law.</p>
        \(start)
        <div class="table-wrap"><table id="campaigns"><caption>\(campaigns.count) campaign\(campaigns.count == 1 ? "" : "s")</caption>
        <thead><tr><th scope="col">Campaign</th><th scope="col">Agencies</th><th scope="col">Started</th></tr></thead><tbody>\(rows)</tbody></table></div>
        """)
    }

    static func new(viewer: Viewer, form: CampaignsController.CampaignForm, problems: [InputProblem]) -> String {
        func opt(_ value: String, _ label: String, _ selected: String?) -> String { RequestsView.option(value, label, selected: selected) }
        let states = ([opt("", "any state", form.state)] + USState.all.map { opt($0.code, $0.name, form.state) }).joined()
        let yesNo = { (selected: String?) in [opt("", "either", selected), opt("true", "yes", selected), opt("false", "no", selected)].joined() }
        let variables = LetterVariable.allCases.map { "<li><code>{{\($0.rawValue)}}</code>: \(HTML.escape($0.explanation))</li>" }.joined()
        return Layout.page(title: "Start a campaign", current: .requests, viewer: viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.campaigns.path)">Campaigns</a></p>
        <h1>Start a campaign</h1>
        \(Forms.problems(problems))
        <form method="post" action="\(SiteURL.campaigns.path)" class="stacked wide" id="campaign-form">\(Forms.csrf(viewer.csrfToken))
        <label for="name">Name</label><input id="name" name="name" required value="\(HTML.escape(form.name ?? ""))">
        <label for="description">What it is for</label><input id="description" name="description" value="\(HTML.escape(form.description ?? ""))">
        <fieldset><legend>Which agencies (the directory's filter)</legend>
        <label for="state">State</label><select id="state" name="state">\(states)</select>
        <label for="alerts_ncic">Alerts on NCIC</label><select id="alerts_ncic" name="alerts_ncic">\(yesNo(form.alerts_ncic))</select>
        <label for="prohibits_immigration">Forbids immigration enforcement</label><select id="prohibits_immigration" name="prohibits_immigration">\(yesNo(form.prohibits_immigration))</select>
        <label for="answered">Records already answered <span class="hint">(choose no to ask only agencies nobody has records from yet)</span></label><select id="answered" name="answered">\(yesNo(form.answered))</select>
        <label for="q">Name contains</label><input id="q" name="q" value="\(HTML.escape(form.q ?? ""))">
        </fieldset>
        <label for="requester_name">Requester (signs every letter)</label><input id="requester_name" name="requester_name" required value="\(HTML.escape(form.requester_name ?? ""))">
        <label for="requester_email">Reply email</label><input type="email" id="requester_email" name="requester_email" required value="\(HTML.escape(form.requester_email ?? ""))">
        <label for="template_subject">Your own subject <span class="hint">(optional)</span></label><input id="template_subject" name="template_subject" value="\(HTML.escape(form.template_subject ?? ""))">
        <label for="template_body">Your own letter <span class="hint">(optional; empty uses the standard letter)</span></label><textarea id="template_body" name="template_body" rows="12">\(HTML.escape(form.template_body ?? ""))</textarea>
        <button type="submit">Create the draft requests</button>
        </form>
        <details><summary>Letter variables</summary><ul>\(variables)</ul><p>An unknown or empty variable stops the campaign with its line number; nothing is created.</p></details>
        """)
    }

    static func detail(viewer: Viewer, campaign: Campaign, requests: [RecordsRequest], today: CalendarDay, message: String?, notes: [String]) -> String {
        let counts = Dictionary(grouping: requests, by: \.status).map { "\($0.value.count) \($0.key.label)" }.sorted().joined(separator: " · ")
        let feed = PermissionTable.allows(viewer.account.role, .manageCampaigns) ? Forms.postButton(SiteURL.campaignFeed(campaign.id).path, label: "New calendar and Atom feed addresses", csrf: viewer.csrfToken, id: "campaign-feed") : ""
        return Layout.page(title: campaign.name, current: .requests, viewer: viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.campaigns.path)">Campaigns</a></p>
        <h1>\(HTML.escape(campaign.name))</h1>
        \(Forms.message(message))
        \(notes.map { Forms.message($0, kind: "warning") }.joined())
        <p>\(HTML.escape(campaign.description))</p>
        <p>Agencies: <code id="campaign-filter">\(HTML.escape(campaign.agencyFilter))</code> · <a href="\(SiteURL.agencies.path)?\(HTML.escape(campaign.agencyFilter))">see them in the directory</a></p>
        <p id="campaign-counts">\(HTML.escape(counts.isEmpty ? "no requests" : counts))</p>
        <p>\(feed)</p>
        \(RequestsView.table(requests, id: "campaign-requests", caption: "\(requests.count) requests", today: today))
        """)
    }
}
