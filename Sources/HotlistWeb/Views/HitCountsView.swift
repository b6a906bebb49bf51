import HotlistCore

/// The agency's imported hotlist hit logs as counts per month, list and topic. Plates, cameras and
/// officers are never stored, so there is nothing personal to withhold; Immigration Violator rows
/// arrive here only once a verified finding cites their log.
enum HitCountsView {
    static let maxRows = 300

    static func section(_ detail: AgencyDetail) -> SafeHTML {
        guard !detail.hitCounts.isEmpty || detail.hitCountsAwaitingReview else { return "" }
        let newestFirst = detail.hitCounts.sorted { ($1.month, $0.list, $0.topic) < ($0.month, $1.list, $1.topic) }
        let rows = newestFirst.prefix(maxRows).map { (count) -> SafeHTML in
            "<tr\(count.isImmigrationViolator ? " class=\"hit-immigration\"" as SafeHTML : "")><td>\(count.month)</td><td>\(count.list)</td><td>\(count.topic.isEmpty ? "—" : count.topic)</td><td>\(HTML.number(count.hits))</td></tr>"
        }.joined()
        let total = detail.hitCounts.reduce(0) { $0 + $1.hits }
        let months = Set(detail.hitCounts.map(\.month)).sorted()
        let summary: SafeHTML = months.isEmpty ? "" : "<p id=\"hit-counts-summary\">\(HTML.number(total)) hit\(total == 1 ? "" : "s") from \(months.first!) to \(months.last!), from the agency's own hit logs (counted when imported, not checked by a second person).\(newestFirst.count > maxRows ? " The latest \(maxRows) rows are listed." : "")</p>"
        return """
        <h3 id="hit-counts-heading">Hotlist hits by month</h3>
        \(summary)
        \(rows.isEmpty ? "" : "<table id=\"hit-counts\"><thead><tr><th scope=\"col\">Month</th><th scope=\"col\">List</th><th scope=\"col\">Topic</th><th scope=\"col\">Hits</th></tr></thead><tbody>\(rows)</tbody></table>" as SafeHTML)
        \(detail.hitCountsAwaitingReview ? "<p class=\"note\" id=\"hit-counts-awaiting\">Some counts are left out until a second person has checked the finding they support.</p>" as SafeHTML : "")
        <p class="note">Plates, cameras and officers' names in the logs are never kept.</p>
        """
    }
}
