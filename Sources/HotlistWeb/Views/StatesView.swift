import HotlistCore
import HotlistStore

/// The national picture (the dashboard on the home page) and one page per state.
enum StatesView {
    /// National counts, the tile map and its table, and the charts.
    static func dashboard(_ overview: PublicFaceQueries.Overview) -> SafeHTML {
        let nation = overview.nation
        func count(_ id: String, _ label: String, _ value: Int, link: String? = nil) -> SafeHTML {
            let number = HTML.number(value)
            return "<div><dt>\(label)</dt><dd id=\"\(id)\">\(link.map { "<a href=\"\($0)\">\(number)</a>" as SafeHTML } ?? "\(number)")</dd></div>"
        }
        return """
        <section aria-labelledby="national-heading" id="national">
        <h2 id="national-heading">Across the country</h2>
        <dl class="counts">
        \(count("national-researched", "Agencies researched", nation.researched))
        \(count("national-filed", "Requests filed", nation.requestsFiled))
        \(count("national-answered", "Requests answered", nation.requestsAnswered))
        \(count("national-overdue", "Requests overdue", nation.requestsOverdue))
        \(count("national-denied", "Requests refused", nation.requestsDenied))
        \(count("national-enabled", "Immigration Violator enabled", nation.enabled, link: SiteURL.findings.path))
        \(count("national-disabled", "Immigration Violator disabled", nation.disabled, link: SiteURL.findings.path))
        \(count("national-contradictions", "Contradictions", nation.contradictions, link: SiteURL.contradictions.path))
        </dl>
        <p class="muted">Agencies researched: with a request of ours filed, or a record of the setting (our verified findings, or findings reported by others). Enabled and disabled count agencies by their newest record.</p>
        \(TileMapView.map(overview.states))
        <details id="state-table-details"><summary>The map as a table</summary>\(TileMapView.table(overview.states))</details>
        \(charts(overview))
        </section>
        """
    }

    static func charts(_ overview: PublicFaceQueries.Overview) -> SafeHTML {
        let answering = overview.states.filter { $0.medianDaysToAnswer != nil }.sorted { ($0.medianDaysToAnswer!, $0.stateCode) > ($1.medianDaysToAnswer!, $1.stateCode) }
        let outcomes = overview.outcomes.flatMap { item -> [Charts.Bar] in
            let name = switch item.outcome {
            case .immigrationViolatorEnabled: "Enabled"
            case .immigrationViolatorDisabled: "Disabled"
            case .refused: "Refused"
            }
            return [Charts.Bar(label: "\(name), ours", value: Double(item.ours), shown: String(item.ours)),
                    Charts.Bar(label: "\(name), reported", value: Double(item.reported), shown: String(item.reported))]
        }
        return """
        <div class="charts">
        \(Charts.monthly(id: "chart-requests", title: "Requests filed and answered, by month", months: overview.months))
        \(Charts.horizontalBars(id: "chart-days", title: "Median days to a first answer, by state",
                               description: "Median days from filing to the agency's first answer, per state, slowest first.",
                               bars: answering.map { Charts.Bar(label: USState.byCode($0.stateCode)?.name ?? $0.stateCode, value: $0.medianDaysToAnswer!, shown: Charts.days($0.medianDaysToAnswer!)) },
                               empty: "No request has been answered yet."))
        \(Charts.horizontalBars(id: "chart-outcomes", title: "What records show about Immigration Violator, by agency",
                               description: "Agencies by their newest record of the setting: our verified findings and findings reported by others.",
                               bars: outcomes, empty: "No records yet."))
        </div>
        """
    }

    struct StatePage {
        var state: USState
        var tally: StateTally
        var law: StateRecordsLaw?
        var restrictions: [StateRestrictionLaw]
        /// Agencies in the state with a record of the setting or a contradiction, with their newest record.
        var agencies: [(agency: AgencyLink, newest: RecordedOutcome?, contradictions: [ContradictionRule])]
    }

    static func state(_ model: StatePage, viewer: Viewer?) -> SafeHTML {
        let tally = model.tally, name = model.state.name
        let rows = model.agencies.map { item -> SafeHTML in
            let rules = item.contradictions.map { "<a href=\"\(SiteURL.agency(item.agency.id).path)#\($0.id)\">rule \($0.rawValue)</a>" as SafeHTML }.joined(separator: ", ")
            return """
            <tr><td data-label="Agency">\(Layout.agencyLink(item.agency.id, item.agency.name))</td>\
            <td data-label="Newest record">\(item.newest.map { "\($0.label)" } ?? "–")</td>\
            <td data-label="Contradictions">\(rules.markup.isEmpty ? "–" : rules)</td></tr>
            """
        }.joined()
        let stats: SafeHTML = tally.requestsFiled == 0 ? "<p id=\"state-no-requests\">No request of ours has been filed in \(name) yet.</p>" : """
            <dl class="counts" id="state-request-stats">
            <div><dt>Requests filed</dt><dd id="state-filed">\(tally.requestsFiled)</dd></div>
            <div><dt>Median days to a first answer</dt><dd id="state-median-days">\(tally.medianDaysToAnswer.map(Charts.days) ?? "no answer yet")</dd></div>
            <div><dt>Share answered</dt><dd id="state-share-answered">\(Charts.percent(tally.shareAnswered))</dd></div>
            <div><dt>Share denied</dt><dd id="state-share-denied">\(Charts.percent(tally.shareDenied))</dd></div>
            <div><dt>Overdue now</dt><dd id="state-overdue">\(tally.requestsOverdue)</dd></div>
            </dl>
            """
        return Layout.page(title: name, description: "What records show about license-plate readers and ICE in \(name): agencies, findings, contradictions, laws and requests.", viewer: viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.home.path)#national">All states</a></p>
        <h1 id="state-name">\(name)</h1>
        <p class="lede" id="state-summary">\(TileMapView.summary(tally, name: name)).</p>
        <section aria-labelledby="state-agencies-heading"><h2 id="state-agencies-heading">Agencies with records or contradictions</h2>
        \(rows.markup.isEmpty ? "<p id=\"state-no-agencies\">No agency in \(name) has a record of the setting or a contradiction yet.</p>" as SafeHTML : """
            <table id="state-agencies" class="cards"><caption>\(model.agencies.count) agenc\(model.agencies.count == 1 ? "y" : "ies") in \(name)</caption>\
            <thead><tr><th scope="col">Agency</th><th scope="col">Newest record of the setting</th><th scope="col">Contradictions</th></tr></thead><tbody>\(rows)</tbody></table>
            """)
        <p><a href="\(SiteURL.contradictions.with([("state", model.state.code)]))">Contradictions in \(name)</a> ·
        <a href="\(SiteURL.agencies(AgencyFilter(state: model.state.code)))">All \(HTML.number(tally.agencies)) agencies in \(name)</a>\
        \(tally.askFirst > 0 ? " · <a href=\"\(SiteURL.contradictions.with([("rule", "7"), ("state", model.state.code)]))\">\(tally.askFirst) to ask first</a>" as SafeHTML : "")</p>
        </section>
        <section aria-labelledby="state-requests-heading"><h2 id="state-requests-heading">Records requests</h2>\(stats)</section>
        \(model.law.map { ReferenceView.lawSections($0, restrictions: model.restrictions) } ?? "<p>No records law on file for this state yet.</p>")
        <p><a href="\(SiteURL.referenceState(model.state.code).path)">\(name) in the reference data</a></p>
        """)
    }
}
