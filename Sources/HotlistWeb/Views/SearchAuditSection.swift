import HotlistCore

/// The agency page's account of its Flock search audit logs: verified counts only, never a name,
/// user name or plate; the log itself is cited by its fingerprint, since it is not public.
enum SearchAuditSection {
    /// Rows of organisation × month a page lists before pointing to the data files and API.
    static let maxRows = 200
    /// Up to this many rows the table shows unfolded.
    static let openRows = 12

    /// `pending`: logs waiting for a second person, shown only to signed-in people (the caller
    /// passes none to anyone else), so a reviewer reads the counts here before verifying.
    static func render(_ detail: AgencyDetail, pending: [SearchAuditLog] = [], viewer: Viewer? = nil) -> SafeHTML {
        guard !detail.searchAudits.isEmpty || !pending.isEmpty else { return "" }
        let articles = detail.searchAudits.reversed().map { article($0, agencyName: detail.agency.name) }.joined()
        let waiting = pending.reversed().map { log -> SafeHTML in
            let action: SafeHTML
            if let viewer, whyNotVerifiable(log, by: viewer) == nil {
                action = "<p>Checked the counts against the <a href=\"\(SiteURL.evidence(log.evidenceID).path)\">log file</a>? " + Forms.postButton(SiteURL.searchAuditVerify(log.id).path, label: "Verify these counts", csrf: viewer.csrfToken, id: "verify-audit-log-\(log.id)") + "</p>"
            } else if log.fileWithdrawnAt != nil {
                action = "<p class=\"hint\">Its log file was withdrawn, so nobody can check these counts: they stay off public pages.</p>"
            } else {
                action = "<p class=\"hint\">Another person with the reviewer role checks these counts against the <a href=\"\(SiteURL.evidence(log.evidenceID).path)\">log file</a> and verifies them.</p>"
            }
            return "<div class=\"pending-audit\"><p><span class=\"badge badge-pending\">not verified</span> Not public: shown to signed-in people only.</p>\(article(log, agencyName: detail.agency.name))\(action)</div>"
        }.joined()
        return """
        <section id="search-audits" aria-labelledby="search-audits-heading">
        <h2 id="search-audits-heading">Searches in Flock's audit logs</h2>
        <p class="muted">Every search of a Flock network is logged with the reason the officer typed or picked. Hotlist Watch counts the reasons that cite immigration, protests, reproductive health or other sensitive matters, with published rules; names, user names and plates are never kept. \(pending.isEmpty ? "A second person checked these counts against the log." : "Only counts a second person checked against the log are public.")</p>
        \(waiting)\(articles)
        </section>
        """
    }

    static func article(_ log: SearchAuditLog, agencyName: String) -> SafeHTML {
        let organizations = log.organizations(.immigration).map { "\($0.name.isEmpty ? "(organisation not in the log)" : $0.name) (\(HTML.number($0.searches)))" }
        let months = log.months(.immigration).map { "\($0.month) (\(HTML.number($0.searches)))" }
        let who: SafeHTML = organizations.isEmpty ? "" : """
            <p class="audit-organizations">\(log.kind == .network ? "Searching organisations" : "Organisations"): \(organizations.prefix(12).joined(separator: ", "))\(organizations.count > 12 ? " and \(organizations.count - 12) more" : "").</p>
            <p class="audit-months">Months: \(months.joined(separator: ", ")).</p>
            """
        let sensitive = log.groups.filter { $0.category != .ordinary }.sorted { ($0.category, $0.month, $0.organization) < ($1.category, $1.month, $1.organization) }
        let rows = sensitive.prefix(maxRows).map { group -> SafeHTML in
            "<tr><td data-label=\"Searching organisation\">\(group.organization.isEmpty ? "–" : group.organization.allSatisfy { $0 == "*" } ? "(redacted)" : group.organization)</td><td data-label=\"Month\">\(group.month)</td><td data-label=\"Reason cites\">\(label(group.category))</td><td data-label=\"Searches\" class=\"num\">\(HTML.number(group.searches))</td><td data-label=\"Networks searched\" class=\"num\">\(HTML.number(group.networksSearched))</td></tr>"
        }.joined()
        // Folded when long: a national network's rows would bury the rest of the page on a phone.
        let table: SafeHTML = sensitive.isEmpty ? "" : """
            <details class="audit-table"\(sensitive.count <= openRows ? " open" : "")><summary>By organisation and month (\(HTML.number(sensitive.count)) row\(sensitive.count == 1 ? "" : "s"))</summary>
            <div class="table-wrap"><table class="audit-counts cards"><caption>Searches with a sensitive reason, by organisation and month\(sensitive.count > maxRows ? " (the first \(maxRows) of \(HTML.number(sensitive.count)) rows; all are in the API and data files)" : "")</caption>
            <thead><tr><th scope="col">Searching organisation</th><th scope="col">Month</th><th scope="col">Reason cites</th><th scope="col" class="num">Searches</th><th scope="col" class="num">Networks searched</th></tr></thead>
            <tbody>\(rows)</tbody></table></div></details>
            """
        let others = [ReasonCategory.protest, .reproductiveHealth, .otherSensitive].map { "\(label($0)): \(HTML.number(log.searches($0)))" }.joined(separator: " · ")
        return """
        <article class="search-audit" id="search-audit-\(log.id)">
        <p class="audit-headline"><strong>\(log.headline(agencyName: agencyName)).</strong></p>
        \(who)
        <p class="audit-other">Other sensitive reasons: \(others). Rows that could not be read: \(HTML.number(log.rowsSkipped)).</p>
        \(table)
        <p class="muted citation">Source: \(log.citationText). Reasons sorted by Hotlist Watch's rules, version \(log.rulesVersion).</p>
        </article>
        """
    }

    /// Why this viewer cannot verify the log's counts, or nil if they may (the same rules the store
    /// enforces, so no page offers a button that can only fail).
    static func whyNotVerifiable(_ log: SearchAuditLog, by viewer: Viewer) -> String? {
        if log.fileWithdrawnAt != nil { return "its file was withdrawn, so it cannot be verified" }
        if log.scannedByID == nil { return "stored without a named person, so it cannot be verified" }
        if log.scannedByID == viewer.account.id { return "yours: someone else must verify" }
        if !PermissionTable.allows(viewer.account.role, .verifyFindings) { return "a reviewer verifies it" }
        return nil
    }

    static func label(_ category: ReasonCategory) -> String {
        switch category {
        case .immigration: "immigration"
        case .protest: "a protest or First Amendment activity"
        case .reproductiveHealth: "reproductive health"
        case .otherSensitive: "another sensitive matter"
        case .ordinary: "nothing sensitive"
        }
    }
}
