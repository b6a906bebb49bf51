import HotlistCore

/// The agency page's account of its Flock search audit logs: verified counts only, never a name,
/// user name or plate; the log itself is cited by its fingerprint, since it is not public.
enum SearchAuditSection {
    /// Rows of organisation × month a page lists before pointing to the data files and API.
    static let maxRows = 200

    static func render(_ detail: AgencyDetail) -> SafeHTML {
        guard !detail.searchAudits.isEmpty else { return "" }
        let articles = detail.searchAudits.reversed().map { article($0, agencyName: detail.agency.name) }.joined()
        return """
        <section id="search-audits" aria-labelledby="search-audits-heading">
        <h2 id="search-audits-heading">Searches in Flock's audit logs</h2>
        <p class="muted">Every search of a Flock network is logged with the reason the officer typed or picked. Hotlist Watch counts the reasons that cite immigration, protests, reproductive health or other sensitive matters, with published rules; names, user names and plates are never kept. A second person checked these counts against the log.</p>
        \(articles)
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
            "<tr><td>\(group.organization.isEmpty ? "–" : group.organization)</td><td>\(group.month)</td><td>\(label(group.category))</td><td class=\"num\">\(HTML.number(group.searches))</td><td class=\"num\">\(HTML.number(group.networksSearched))</td></tr>"
        }.joined()
        let table: SafeHTML = sensitive.isEmpty ? "" : """
            <div class="table-wrap"><table class="audit-counts"><caption>Searches with a sensitive reason, by organisation and month\(sensitive.count > maxRows ? " (the first \(maxRows) of \(HTML.number(sensitive.count)) rows; all are in the API and data files)" : "")</caption>
            <thead><tr><th scope="col">Searching organisation</th><th scope="col">Month</th><th scope="col">Reason cites</th><th scope="col">Searches</th><th scope="col">Networks searched</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
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
