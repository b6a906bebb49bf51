import HotlistCore

/// The agency directory: a filter form that works without JavaScript, the results and paging.
enum DirectoryView {
    struct Model {
        var filter: AgencyFilter
        var page: AgencyPage
        var states: [USState]
    }

    static func render(_ model: Model, viewer: Viewer? = nil) -> SafeHTML {
        let filter = model.filter
        func option(_ value: String, _ label: String, selected: Bool) -> SafeHTML {
            "<option value=\"\(value)\"\(selected ? " selected" : "")>\(label)</option>"
        }
        func boolSelect(_ name: String, _ label: String, _ value: Bool?, yes: String, no: String) -> SafeHTML {
            """
            <div class="field"><label for="\(name)">\(label)</label>
            <select id="\(name)" name="\(name)">\(option("", "Any", selected: value == nil))\(option("true", yes, selected: value == true))\(option("false", no, selected: value == false))</select></div>
            """
        }
        let stateOptions = option("", "Any state", selected: filter.state == nil)
            + model.states.map { option($0.code, "\($0.code) – \($0.name)", selected: filter.state == $0.code) }.joined()
        let kindOptions = option("", "Any kind", selected: filter.kind == nil)
            + AgencyKind.allCases.map { option($0.rawValue, $0.label, selected: filter.kind == $0) }.joined()
        let sortOptions = AgencySort.allCases.map { option($0.rawValue, $0.label, selected: filter.sort == $0) }.joined()
        let page = model.page
        var paging: [SafeHTML] = []
        if page.hasPrevious { paging.append("<a rel=\"prev\" href=\"\(SiteURL.agencies(filter, page: page.page - 1))\">← Previous</a>") }
        paging.append("<span>Page \(page.page) of \(page.pageCount)</span>")
        if page.hasNext { paging.append("<a rel=\"next\" href=\"\(SiteURL.agencies(filter, page: page.page + 1))\">Next →</a>") }
        let results: SafeHTML = page.items.isEmpty
            ? "<p class=\"empty\">No agency matches these filters. <a href=\"\(SiteURL.agencies.path)\">Clear the filters</a>.</p>"
            : Layout.agencyTable(page.items, id: "agency-results", caption: "Agencies, sorted by \(filter.sort.label.lowercased())")
        return Layout.page(title: "Agencies", current: .agencies, viewer: viewer, body: """
        <h1>Agencies</h1>
        <p>Law-enforcement agencies found by The News &amp; Observer through Flock transparency portals and their data-sharing lists.
        “Alerts on NCIC” and “forbids immigration enforcement” come from each agency's latest portal snapshot.</p>
        <form id="agency-filter" class="filters" method="get" action="\(SiteURL.agencies.path)" role="search">
        <div class="field wide"><label for="q">Name contains</label>
        <input id="q" name="q" type="search" value="\(filter.text ?? "")" maxlength="200" placeholder="e.g. Sparks"></div>
        <div class="field"><label for="state">State</label><select id="state" name="state">\(stateOptions)</select></div>
        <div class="field"><label for="kind">Kind</label><select id="kind" name="kind">\(kindOptions)</select></div>
        \(boolSelect("alerts_ncic", "Alerts on NCIC", filter.alertsNCIC, yes: "Yes, portal lists NCIC", no: "No or unknown"))
        \(boolSelect("prohibits_immigration", "Forbids immigration enforcement", filter.prohibitsImmigration, yes: "Yes", no: "No or unknown"))
        \(boolSelect("has_portal", "Has a portal", filter.hasPortal, yes: "Yes", no: "No"))
        \(boolSelect("answered", "Records answered", filter.answered, yes: "Yes: a verified finding or a report", no: "Not yet: ask first"))
        <div class="field"><label for="sort">Sort by</label><select id="sort" name="sort">\(sortOptions)</select></div>
        <div class="field actions"><button id="apply-filters" type="submit">Apply</button> <a href="\(SiteURL.agencies.path)">Reset</a></div>
        </form>
        <p id="result-count" role="status">\(HTML.number(page.total)) agenc\(page.total == 1 ? "y" : "ies")</p>
        \(results)
        <nav class="paging" aria-label="Pages">\(paging.joined(separator: " "))</nav>
        <p class="api-hint">The same list as JSON: <a href="\(SiteURL.api(.agencies).with(filter.queryItems()))">\(SiteURL.api(.agencies).with(filter.queryItems()))</a></p>
        """)
    }
}
