import HotlistCore
import HotlistStore

/// Contradictions: one article per contradiction (agency pages and the public list), and the
/// public, paged list with its filters.
enum ContradictionsView {
    /// One contradiction with its explanation, evidence and sources. `agency` adds the agency's name
    /// and state, for lists that span agencies.
    static func article(_ item: Contradiction, agency: Bool = false, anchor: String? = nil) -> SafeHTML {
        let citations = item.citations.map { "<li>\($0.text) \(Layout.grade($0.confidence)) \(HTML.sources($0.source))</li>" as SafeHTML }.joined()
        let evidence = item.evidence.prefix(12).map { "<li>\($0)</li>" as SafeHTML }.joined() + (item.evidence.count > 12 ? "<li>… and \(item.evidence.count - 12) more</li>" as SafeHTML : "")
        let who: SafeHTML = !agency ? "" : "<p class=\"contradiction-agency\">\(item.agencyID.map { Layout.agencyLink($0, item.agencyName) } ?? "\(item.agencyName)")\(item.stateCode.map { ", \(Layout.stateName($0))" } ?? "")</p>"
        return """
        <article class="contradiction" id="\(anchor ?? item.rule.id)"><h3>\(agency ? "Rule \(item.rule.rawValue): " : "")\(item.rule.title)</h3>
        \(who)<p>\(item.explanation)</p>
        <details><summary>Evidence</summary><ul>\(evidence)</ul></details>
        <p class="citations-heading">Sources:</p><ul class="sources">\(citations)</ul></article>
        """
    }

    struct Page {
        var items: [Contradiction]
        /// All that match the filter, of which `items` is one page.
        var total: Int
        var page: Int
        var perPage: Int
        var rule: ContradictionRule?
        var state: String?
        var countsByRule: [ContradictionRule: Int]
        var reported: [ContradictionQueries.MatchedFinding]
    }

    static func page(_ model: Page, viewer: Viewer?) -> SafeHTML {
        let pages = max(1, (model.total + model.perPage - 1) / model.perPage)
        func link(page: Int) -> String {
            var items: [(String, String)] = []
            if let rule = model.rule { items.append(("rule", String(rule.rawValue))) }
            if let state = model.state { items.append(("state", state)) }
            if page > 1 { items.append(("page", String(page))) }
            return SiteURL.contradictions.with(items)
        }
        let ruleOptions = ContradictionRule.allCases.map { rule -> SafeHTML in
            "<option value=\"\(rule.rawValue)\"\(model.rule == rule ? " selected" as SafeHTML : "")>\(rule.rawValue). \(rule.title) (\(model.countsByRule[rule] ?? 0))</option>"
        }.joined()
        let stateOptions = USState.all.map { state -> SafeHTML in
            "<option value=\"\(state.code)\"\(model.state == state.code ? " selected" as SafeHTML : "")>\(state.name)</option>"
        }.joined()
        let first = (model.page - 1) * model.perPage
        let showing: SafeHTML = model.total == 0 ? "<p id=\"contradictions-none\">No contradiction matches this filter.</p>"
            : "<p id=\"contradictions-count\">\(HTML.number(model.total)) \(model.rule == .askFirst ? "agencies to ask first" : model.total == 1 ? "contradiction" : "contradictions")\(model.state.map { " in \(Layout.stateName($0))" } ?? ""); showing \(first + 1)–\(first + model.items.count).</p>"
        let nav: SafeHTML = pages <= 1 ? "" : """
            <nav class="pager" aria-label="Pages of contradictions">\(model.page > 1 ? "<a rel=\"prev\" href=\"\(link(page: model.page - 1))\">Previous</a>" as SafeHTML : "")\
            <span>Page \(model.page) of \(pages)</span>\(model.page < pages ? "<a rel=\"next\" href=\"\(link(page: model.page + 1))\">Next</a>" as SafeHTML : "")</nav>
            """
        let reported = model.reported.map { item -> SafeHTML in
            let finding = item.finding
            let name = item.agencyID.map { Layout.agencyLink($0, finding.agencyName) } ?? "\(finding.agencyName)"
            return "<li>\(name), \(finding.stateCode): \(finding.label) \(Layout.grade(finding.confidence)) <a href=\"\(finding.url)\" rel=\"noopener noreferrer\">\(finding.title)</a></li>"
        }.joined()
        return Layout.page(title: "Contradictions", current: .contradictions, viewer: viewer, body: """
        <h1>Contradictions</h1>
        <p class="lede">Where what records show about an agency's license-plate readers contradicts the agency's own policy, its public word or state law.
        Each names its rule, the evidence and the sources with their confidence grades. They rest on our verified findings and on findings others reported (labelled).</p>
        <form method="get" action="\(SiteURL.contradictions.path)" class="filters" id="contradiction-filters">
        <label for="rule">Rule</label> <select id="rule" name="rule"><option value="">Every contradiction (all rules but 7)</option>\(ruleOptions)</select>
        <label for="state">State</label> <select id="state" name="state"><option value="">Every state</option>\(stateOptions)</select>
        <button type="submit">Show</button></form>
        \(showing)
        <div id="contradiction-list">\(model.items.enumerated().map { article($1, agency: true, anchor: "contradiction-\(first + $0 + 1)") }.joined())</div>
        \(nav)
        <section aria-labelledby="reported-heading"><h2 id="reported-heading">Findings reported by others</h2>
        <p>Some contradictions rest on findings others published from their own records requests. They are kept apart from ours and labelled with who reported them; <a href="\(SiteURL.findings.path)">every finding</a>, ours and theirs, is listed on its own page.</p>
        \(reported.isEmpty ? "<p>None.</p>" as SafeHTML : "<ul id=\"reported-list\">\(reported)</ul>" as SafeHTML)</section>
        """)
    }
}
