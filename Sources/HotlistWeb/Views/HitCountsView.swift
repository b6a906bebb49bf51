import HotlistCore

/// Imported hotlist hit logs as counts per month, list and topic. Plates, cameras and officers are
/// never stored, so there is nothing personal to withhold; on the public page, Immigration Violator
/// rows arrive only once a verified finding cites their log.
enum HitCountsView {
    static let maxRows = 300

    /// The agency page's part.
    static func section(_ detail: AgencyDetail) -> SafeHTML {
        guard !detail.hitCounts.isEmpty || detail.hitCountsAwaitingReview else { return "" }
        return """
        <h3 id="hit-counts-heading">Hotlist hits by month</h3>
        \(table(detail.hitCounts, origin: ", from the agency's own hit logs (counted when imported, not checked by a second person)"))
        \(detail.hitCountsAwaitingReview ? "<p class=\"note\" id=\"hit-counts-awaiting\">Some counts are left out until a second person has checked the finding they support.</p>" as SafeHTML : "")
        <p class="note">Plates, cameras and officers' names in the logs are never kept.</p>
        """
    }

    /// The evidence page's part: the import form, and every count (this page is for signed-in people).
    static func workspaceSection(_ model: EvidenceView.Workspace, requestOptions: SafeHTML) -> SafeHTML {
        """
        <section aria-labelledby="hit-log-heading" id="hit-log"><h2 id="hit-log-heading">Hotlist hits</h2>
        <p>Import a hotlist hit (alert) log export (XLSX or CSV with a time column such as Hit Time, Alert Time or Date, a list column such as Hotlist or List Name, and optionally a topic column such as Reason or NCIC Code). The file is kept as evidence; only counts per month, list and topic are stored, never plates, cameras or names. Hits labelled Immigration Violator become a draft finding for a second person to verify; the public page shows those counts only once it is verified.</p>
        <form method="post" action="\(SiteURL.agencyHitLog(model.agencyID).path)" enctype="multipart/form-data" class="stacked" id="hit-log-form">
        \(Forms.csrf(model.viewer.csrfToken))
        <label for="hit-log-file">Hit log (.xlsx or .csv)</label><input type="file" id="hit-log-file" name="file" required>
        <label for="hit-log-request">From request</label><select id="hit-log-request" name="request_id">\(requestOptions)</select>
        <label for="hit-log-received">Received on</label><input type="date" id="hit-log-received" name="received">
        <label for="hit-log-source">Source address <span class="hint">(if it was published online)</span></label><input type="url" id="hit-log-source" name="source_url">
        <button type="submit">Import the hit log</button>
        </form>
        \(model.hitCounts.isEmpty ? "<p id=\"no-hit-counts\">No hit log imported.</p>" as SafeHTML : table(model.hitCounts, origin: ""))
        </section>
        """
    }

    /// Newest month first; at most `maxRows` rows.
    static func table(_ counts: [HitCount], origin: SafeHTML) -> SafeHTML {
        guard !counts.isEmpty else { return "" }
        let newestFirst = counts.sorted { ($1.month, $0.list, $0.topic) < ($0.month, $1.list, $1.topic) }
        let rows = newestFirst.prefix(maxRows).map { (count) -> SafeHTML in
            "<tr\(count.isImmigrationViolator ? " class=\"hit-immigration\"" as SafeHTML : "")><td>\(count.month)</td><td>\(count.list)</td><td>\(count.topic.isEmpty ? "—" : count.topic)</td><td>\(HTML.number(count.hits))</td></tr>"
        }.joined()
        let total = counts.reduce(0) { $0 + $1.hits }
        return """
        <p id="hit-counts-summary">\(HTML.number(total)) hit\(total == 1 ? "" : "s") from \(newestFirst.last!.month) to \(newestFirst.first!.month)\(origin).\(counts.count > maxRows ? " The latest \(maxRows) rows are listed." : "")</p>
        <table id="hit-counts"><thead><tr><th scope="col">Month</th><th scope="col">List</th><th scope="col">Topic</th><th scope="col">Hits</th></tr></thead><tbody>\(rows)</tbody></table>
        """
    }
}
