import HotlistStore
import Foundation
import HotlistCore

/// Campaign pages: the list, the form that starts one, and one campaign with its requests.
enum CampaignsView {
    /// The campaign form's values as typed, shown again and carried through the confirmation.
    struct FormState: Sendable {
        var name: String?; var description: String?; var state: String?; var alertsNCIC: String?; var prohibitsImmigration: String?
        var kind: String?; var q: String?; var answered: String?
        var requesterName: String?; var requesterEmail: String?; var requesterState: String?
        var templateSubject: String?; var templateBody: String?
        var includeOpen: String?; var includeAnswered: String?
    }

    static func list(viewer: Viewer, campaigns: [Campaign]) -> SafeHTML {
        let rows = campaigns.map { (campaign) -> SafeHTML in
            "<tr class=\"campaign-row\"><td data-label=\"Campaign\"><a href=\"\(SiteURL.campaign(campaign.id).path)\">\(campaign.name)</a></td><td data-label=\"Agencies\"><code>\(campaign.agencyFilter)</code></td><td data-label=\"Started\">\(HTML.day(campaign.createdAt))</td></tr>"
        }.joined()
        let start: SafeHTML = PermissionTable.allows(viewer.account.role, .manageCampaigns) ? "<p><a class=\"button\" href=\"\(SiteURL.newCampaign.path)\" id=\"new-campaign\">Start a campaign</a></p>" as SafeHTML : "<p>Reviewers and admins start campaigns.</p>"
        return Layout.page(title: "Campaigns", current: .requests, viewer: viewer, body: """
        <h1>Campaigns</h1>
        <p class="lede">One request to many agencies at once, chosen by a directory filter; each agency gets its own tracked request, written under its own state's law.</p>
        \(start)
        <div class="table-wrap"><table id="campaigns"><caption>\(campaigns.count) campaign\(campaigns.count == 1 ? "" : "s")</caption>
        <thead><tr><th scope="col">Campaign</th><th scope="col">Agencies</th><th scope="col">Started</th></tr></thead><tbody>\(rows)</tbody></table></div>
        """)
    }

    static func new(viewer: Viewer, form: FormState, problems: [InputProblem]) -> SafeHTML {
        func opt(_ value: String, _ label: String, _ selected: String?) -> SafeHTML { RequestsView.option(value, label, selected: selected) }
        let states = ([opt("", "any state", form.state)] + USState.all.map { opt($0.code, $0.name, form.state) }).joined()
        let yesNo = { (selected: String?) in [opt("", "either", selected), opt("true", "yes", selected), opt("false", "no", selected)].joined() }
        let variables = LetterVariable.requestLetterCases.map { "<li><code>{{\($0.rawValue)}}</code>: \($0.explanation)</li>" as SafeHTML }.joined()
        return Layout.page(title: "Start a campaign", current: .requests, viewer: viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.campaigns.path)">Campaigns</a></p>
        <h1>Start a campaign</h1>
        \(Forms.problems(problems))
        <form method="post" action="\(SiteURL.campaigns.path)" class="stacked wide" id="campaign-form">\(Forms.csrf(viewer.csrfToken))
        <label for="name">Name</label><input id="name" name="name" required value="\(form.name ?? "")">
        <label for="description">What it is for</label><input id="description" name="description" value="\(form.description ?? "")">
        <fieldset><legend>Which agencies (the directory's filter)</legend>
        <label for="state">State</label><select id="state" name="state">\(states)</select>
        <label for="alerts_ncic">Alerts on NCIC</label><select id="alerts_ncic" name="alerts_ncic">\(yesNo(form.alertsNCIC))</select>
        <label for="prohibits_immigration">Forbids immigration enforcement</label><select id="prohibits_immigration" name="prohibits_immigration">\(yesNo(form.prohibitsImmigration))</select>
        <label for="answered">Records already answered <span class="hint">(choose no to ask only agencies nobody has records from yet)</span></label><select id="answered" name="answered">\(yesNo(form.answered))</select>
        <label for="q">Name contains</label><input id="q" name="q" value="\(form.q ?? "")">
        </fieldset>
        <label for="requester_name">Requester (signs every letter)</label><input id="requester_name" name="requester_name" required value="\(form.requesterName ?? "")">
        <label for="requester_email">Reply email</label><input type="email" id="requester_email" name="requester_email" required value="\(form.requesterEmail ?? "")">
        <label for="template_subject">Your own subject <span class="hint">(optional)</span></label><input id="template_subject" name="template_subject" value="\(form.templateSubject ?? "")">
        <label for="template_body">Your own letter <span class="hint">(optional; empty uses the standard letter)</span></label><textarea id="template_body" name="template_body" rows="12">\(form.templateBody ?? "")</textarea>
        <label class="checkbox" for="include_open"><input type="checkbox" id="include_open" name="include_open" value="yes"\(form.includeOpen == "yes" ? " checked" : "")> Also agencies that already have an open request</label>
        <label class="checkbox" for="include_answered"><input type="checkbox" id="include_answered" name="include_answered" value="yes"\(form.includeAnswered == "yes" ? " checked" : "")> Also agencies that records already answered</label>
        <button type="submit" name="action" value="preview">Review before creating</button>
        </form>
        <details><summary>Letter variables</summary><ul>\(variables)</ul><p>An unknown or empty variable stops the campaign with its line number; nothing is created.</p></details>
        """)
    }

    /// The confirmation: what would be created and skipped; every field of the form rides along hidden.
    static func confirm(viewer: Viewer, form: FormState, plan: CampaignStore.Plan, inState: [String: Requester]) -> SafeHTML {
        func hidden(_ name: String, _ value: String?) -> SafeHTML {
            guard let value, !value.isEmpty else { return "" }
            return "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">"
        }
        let carried: SafeHTML = [hidden("name", form.name), hidden("description", form.description), hidden("state", form.state), hidden("alerts_ncic", form.alertsNCIC),
                       hidden("prohibits_immigration", form.prohibitsImmigration), hidden("kind", form.kind), hidden("q", form.q), hidden("answered", form.answered),
                       hidden("requester_name", form.requesterName), hidden("requester_email", form.requesterEmail), hidden("requester_state", form.requesterState),
                       hidden("template_subject", form.templateSubject), hidden("template_body", form.templateBody),
                       hidden("include_open", form.includeOpen), hidden("include_answered", form.includeAnswered)].joined()
        let count = plan.drafts.count
        let byState = plan.draftsByState.map { "<li>\(USState.byCode($0.state)?.name ?? $0.state): \($0.count)</li>" as SafeHTML }.joined()
        let residency = plan.residencyStates.map { (item) -> SafeHTML in
            """
            <fieldset><legend>\(item.law.stateName): residents only (\(item.agencies) agenc\(item.agencies == 1 ? "y" : "ies"))</legend>
            <p class="hint">\(item.law.citation). Name someone who lives in \(item.law.stateName) to sign these letters, or leave both empty to skip them.</p>
            <label for="instate_name_\(item.law.stateCode)">In-state requester's name</label><input id="instate_name_\(item.law.stateCode)" name="instate_name_\(item.law.stateCode)" value="\(inState[item.law.stateCode]?.name ?? "")">
            <label for="instate_email_\(item.law.stateCode)">Their reply email</label><input type="email" id="instate_email_\(item.law.stateCode)" name="instate_email_\(item.law.stateCode)" value="\(inState[item.law.stateCode]?.email ?? "")">
            </fieldset>
            """
        }.joined()
        let skipped = plan.skipped.map { "<li>\($0)</li>" as SafeHTML }.joined()
        return Layout.page(title: "Confirm the campaign", current: .requests, viewer: viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.campaigns.path)">Campaigns</a></p>
        <h1>Confirm: \(form.name ?? "")</h1>
        <p id="campaign-plan"><strong>\(count) draft request\(count == 1 ? "" : "s")</strong> will be created\(plan.skipped.isEmpty ? "." : "; \(plan.skipped.count) matched agenc\(plan.skipped.count == 1 ? "y is" : "ies are") skipped (below).") Nothing is sent: each draft is filed by a person.</p>
        <ul id="plan-by-state">\(byState)</ul>
        \(plan.warnings.map { Forms.message($0, kind: .warning) }.joined())
        <form method="post" action="\(SiteURL.campaigns.path)" class="stacked wide" id="campaign-confirm">\(Forms.csrf(viewer.csrfToken))
        \(carried)
        \(residency)
        \(residency.isEmpty ? "" : "<button type=\"submit\" name=\"action\" value=\"preview\" class=\"secondary\">Check again with these requesters</button>" as SafeHTML)
        \(count == 0 ? "<p id=\"nothing-to-create\">Every matched agency is skipped, so there is nothing to create yet\(residency.isEmpty ? "" : ": name an in-state requester above and check again").</p>" as SafeHTML
            : "<button type=\"submit\" name=\"action\" value=\"create\" id=\"create-drafts\">Create \(count) draft request\(count == 1 ? "" : "s")</button>" as SafeHTML)
        </form>
        \(skipped.isEmpty ? "" : "<h2>Skipped</h2><ul id=\"plan-skipped\">\(skipped)</ul>" as SafeHTML)
        """)
    }

    /// Per residents-only state in the campaign: how many requests, and whether their requester lives there.
    static func residency(_ requests: [RecordsRequest], laws: [StateRecordsLaw]) -> SafeHTML {
        let items = laws.compactMap { law -> SafeHTML? in
            let here = requests.filter { $0.stateCode == law.stateCode }
            guard !here.isEmpty else { return nil }
            let residents = here.filter { $0.requester.stateCode == law.stateCode }.count
            return "<li>\(law.stateName) answers its residents only (\(law.citation)): \(here.count) request\(here.count == 1 ? "" : "s"), "
                + (residents == here.count ? "all signed by a resident." : "<strong>\(here.count - residents) not signed by a resident</strong>: name an in-state requester on each, or expect a refusal." as SafeHTML) + "</li>"
        }
        return items.isEmpty ? "" : "<ul id=\"campaign-residency\">\(items.joined())</ul>"
    }

    static func detail(viewer: Viewer, campaign: Campaign, requests: [RecordsRequest], today: CalendarDay, message: String?, notes: [String], residentsOnly: [StateRecordsLaw] = []) -> SafeHTML {
        let counts = Dictionary(grouping: requests, by: \.status).map { "\($0.value.count) \($0.key.label)" }.sorted().joined(separator: " · ")
        let feed: SafeHTML = PermissionTable.allows(viewer.account.role, .manageCampaigns) ? Forms.postButton(SiteURL.campaignFeed(campaign.id).path, label: "New calendar and Atom feed addresses", csrf: viewer.csrfToken, id: "campaign-feed") : ""
        return Layout.page(title: campaign.name, current: .requests, viewer: viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.campaigns.path)">Campaigns</a></p>
        <h1>\(campaign.name)</h1>
        \(Forms.message(message))
        \(notes.map { Forms.message($0, kind: .warning) }.joined())
        <p>\(campaign.description)</p>
        <p>Agencies: <code id="campaign-filter">\(campaign.agencyFilter)</code> · <a href="\(SiteURL.agencies.path)?\(campaign.agencyFilter)">see them in the directory</a></p>
        <p id="campaign-counts">\(counts.isEmpty ? "no requests" : counts)</p>
        \(residency(requests, laws: residentsOnly))
        <p>\(feed)</p>
        \(RequestsView.table(requests, id: "campaign-requests", caption: "\(requests.count) request\(requests.count == 1 ? "" : "s")", today: today))
        """)
    }
}
