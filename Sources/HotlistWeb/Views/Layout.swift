import HotlistCore

/// The frame every page shares: header, navigation, main content, credits.
enum Layout {
    static func page(title: String, current: SiteURL? = nil, description: String? = nil, viewer: Viewer? = nil, body: SafeHTML) -> SafeHTML {
        func navItem(_ url: SiteURL, _ label: String) -> SafeHTML {
            let here: SafeHTML = url == current ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(url.path)\"\(here)>\(label)</a></li>"
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · Hotlist Watch</title>
        <meta name="description" content="\(description ?? "Which police license-plate readers scan for ICE? Agencies, their Flock portals and the law.")">
        <link rel="stylesheet" href="\(SiteURL.stylesheet.path)">
        <link rel="icon" href="\(SiteURL.favicon.path)">
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
        <a class="brand" href="\(SiteURL.home.path)">Hotlist Watch</a>
        <nav aria-label="Main"><ul>
        \(navItem(.agencies, "Agencies"))
        \(navItem(.findings, "Findings"))
        \(navItem(.renewals, "Renewals"))
        \(navItem(.referenceNCIC, "NCIC topics"))
        \(navItem(.referenceStates, "State laws"))
        \(navItem(.about, "About the data"))
        </ul></nav>
        \(accountBar(viewer, current: current))
        </header>
        <main id="main">
        \(body)
        </main>
        <footer class="site">
        <p>Agency and portal data: \(HTML.externalLink("https://github.com/mcclatchy-southeast/private_eyes", text: "The News & Observer, Private Eyes")) (MIT licence), scraped from Flock transparency portals 2023–24.
        Reference facts: researched for Hotlist Watch, each with its sources and a confidence grade.
        <a href="\(SiteURL.api(.openAPI).path)">JSON API</a>.</p>
        </footer>
        </body>
        </html>
        """
    }

    /// Who is signed in, with their links and the sign-out button; a sign-in link otherwise.
    /// Names appear only here, on pages that are never cached or shared.
    static func accountBar(_ viewer: Viewer?, current: SiteURL?) -> SafeHTML {
        guard let viewer else {
            return "<div class=\"account-bar\"><a href=\"\(SiteURL.signIn.path)\"\(current == .signIn ? " aria-current=\"page\"" as SafeHTML : "")>Sign in</a></div>"
        }
        var links: [SafeHTML] = ["<a href=\"\(SiteURL.requests.path)\"\(current == .requests ? " aria-current=\"page\"" as SafeHTML : "")>Requests</a>",
                     "<a href=\"\(SiteURL.account.path)\">Account</a>"]
        if PermissionTable.allows(viewer.account.role, .verifyFindings) {
            links.insert("<a href=\"\(SiteURL.review.path)\" id=\"review-link\"\(current == .review ? " aria-current=\"page\"" as SafeHTML : "")>Review</a>", at: 1)
        }
        if PermissionTable.allows(viewer.account.role, .manageUsers) { links.append("<a href=\"\(SiteURL.people.path)\">People</a>") }
        if PermissionTable.allows(viewer.account.role, .readAuditTrail) { links.append("<a href=\"\(SiteURL.audit.path)\">Audit trail</a>") }
        return """
        <div class="account-bar"><span class="signed-in">Signed in as <strong class="viewer-name">\(viewer.account.displayName)</strong> <span class="viewer-role">(\(viewer.account.role.label))</span></span>
        \(links.joined(separator: " "))
        \(Forms.postButton(SiteURL.signOut.path, label: "Sign out", csrf: viewer.csrfToken, id: "sign-out"))</div>
        """
    }

    static func grade(_ confidence: Confidence) -> SafeHTML {
        "<span class=\"grade grade-\(confidence.rawValue)\" title=\"Confidence: \(confidence.label)\">\(confidence == .high ? "confidence high" : "confidence " + confidence.label)</span>"
    }

    static func ncicBadge(_ status: NCICAlertStatus) -> SafeHTML {
        "<span class=\"badge ncic-\(status.rawValue)\">\(status.label)</span>"
    }

    static func policyBadge(_ statement: PolicyStatement) -> SafeHTML {
        "<span class=\"badge policy-\(statement.rawValue)\">\(statement.label)</span>"
    }

    static func agencyLink(_ id: Int, _ name: String) -> SafeHTML {
        "<a class=\"agency-link\" href=\"\(SiteURL.agency(id).path)\">\(name)</a>"
    }

    static func stateName(_ code: String?) -> String {
        guard let code else { return "unresolved" }
        return USState.byCode(code)?.name ?? code
    }

    /// The directory's table, shared by the home page and the directory.
    static func agencyTable(_ items: [AgencySummary], id: String, caption: String) -> SafeHTML {
        let rows = items.map { item -> SafeHTML in
            """
            <tr class="agency-row">
            <td data-label="Agency">\(agencyLink(item.id, item.name))</td>
            <td class="agency-state" data-label="State">\(item.stateCode ?? "–")</td>
            <td data-label="Kind">\(item.kind.label)</td>
            <td data-label="NCIC">\(ncicBadge(item.signals.alertsNCIC))</td>
            <td data-label="Immigration policy">\(policyBadge(item.signals.immigrationPolicy))</td>
            <td class="num" data-label="Shares / receives">\(item.signals.sharesWithCount) / \(item.signals.receivesFromCount)</td>
            <td data-label="Priority"><span class="tier tier-\(item.priority.tier.rawValue)" title="\(item.priority.tier.title)">\(item.priority.tier.rawValue) · \(item.priority.tier.shortTitle)</span></td>
            </tr>
            """
        }.joined(separator: "\n")
        return """
        <div class="table-wrap">
        <table id="\(id)" class="agencies">
        <caption>\(caption)</caption>
        <thead><tr><th scope="col">Agency</th><th scope="col">State</th><th scope="col">Kind</th><th scope="col">NCIC</th><th scope="col">Immigration policy</th><th scope="col" class="num"><abbr title="Organisations that can search its data / whose data it can search">Shares / receives</abbr></th><th scope="col">Priority</th></tr></thead>
        <tbody>
        \(rows)
        </tbody>
        </table>
        </div>
        """
    }
}
