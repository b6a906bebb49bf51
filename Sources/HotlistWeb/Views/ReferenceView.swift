import HotlistCore

/// The researched reference facts, each shown with its sources and confidence grade.
enum ReferenceView {
    static let gradeNote: SafeHTML = "<p class=\"note\">Every fact carries a grade: <strong>high</strong> means seen in a listed source; <span class=\"grade grade-medium\">medium</span> means consistent secondary sources, not checked against the statute; <span class=\"grade grade-low\">low</span> means unverified. Do not rely on medium or low facts without checking them.</p>"

    static func ncic(_ topics: [NCICTopic], viewer: Viewer? = nil) -> SafeHTML {
        let rows = topics.map { (topic) -> SafeHTML in
            """
            <tr id="topic-\(topic.key)"\(topic.key == NCICTopic.immigrationViolatorKey ? " class=\"highlight\"" as SafeHTML : "")>
            <th scope="row">\(topic.flockLabel.map { "“\($0)”" } ?? "<span class=\"muted\">label not known</span>" as SafeHTML)\(topic.flockLabelConfidence.map { " " + Layout.grade($0) } ?? "")</th>
            <td>\(topic.ncicFile)</td>
            <td>\(topic.contents)</td>
            <td>\(topic.whoMayEnter)</td>
            <td>\(topic.notes)</td>
            <td>\(Layout.grade(topic.confidence))<div class="sources">\(HTML.sources(topic.source))</div></td>
            </tr>
            """
        }.joined()
        return Layout.page(title: "NCIC hotlist topics", current: .referenceNCIC, viewer: viewer, body: """
        <h1>NCIC hotlist topics</h1>
        <p>An agency that subscribes its Flock cameras to the FBI's NCIC hotlist ticks <em>topics</em> in a drop-down.
        Each topic is fed by one or more NCIC files. <strong>Immigration Violator</strong> is entered only by ICE.</p>
        \(gradeNote)
        <div class="table-wrap"><table id="ncic-topics">
        <thead><tr><th scope="col">Topic in Flock</th><th scope="col">NCIC file</th><th scope="col">What it holds</th><th scope="col">Who may enter records</th><th scope="col">Notes</th><th scope="col">Confidence and sources</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """)
    }

    static func states(_ laws: [StateRecordsLaw], restrictions: [StateRestrictionLaw], viewer: Viewer? = nil) -> SafeHTML {
        let restricted = Dictionary(grouping: restrictions, by: \.stateCode)
        let rows = laws.map { (law) -> SafeHTML in
            """
            <tr><th scope="row"><a href="\(SiteURL.referenceState(law.stateCode).path)">\(law.stateName)</a></th>
            <td>\(law.lawName)<br><span class="muted">\(law.citation)</span></td>
            <td>\(law.deadlineSummary)</td>
            <td>\(law.residency == .yes ? "<strong>residents only</strong>" as SafeHTML : "\(law.residency.rawValue)")</td>
            <td>\(restricted[law.stateCode].map { "\($0.count) law\($0.count == 1 ? "" : "s")" } ?? "")</td>
            <td>\(Layout.grade(law.confidence))</td></tr>
            """
        }.joined()
        return Layout.page(title: "State laws", current: .referenceStates, viewer: viewer, body: """
        <h1>State laws</h1>
        <p>Each state's public-records law (deadline, residency rule) and the state laws that restrict ALPR data sharing or local help with immigration enforcement.</p>
        \(gradeNote)
        <div class="table-wrap"><table id="state-laws">
        <thead><tr><th scope="col">State</th><th scope="col">Records law</th><th scope="col">Answer due</th><th scope="col">Who may ask</th><th scope="col">ALPR / immigration laws</th><th scope="col">Confidence</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """)
    }

    static func state(_ law: StateRecordsLaw, restrictions: [StateRestrictionLaw], viewer: Viewer? = nil) -> SafeHTML {
        return Layout.page(title: "\(law.stateName) law", current: .referenceStates, viewer: viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.referenceStates.path)">State laws</a></p>
        <h1 id="state-name">\(law.stateName)</h1>
        \(lawSections(law, restrictions: restrictions))
        <p><a href="\(SiteURL.agencies(AgencyFilter(state: law.stateCode)))">Agencies in \(law.stateName)</a></p>
        """)
    }

    /// The state's records law and its laws restricting ALPR sharing or immigration help, with sources.
    static func lawSections(_ law: StateRecordsLaw, restrictions: [StateRestrictionLaw]) -> SafeHTML {
        let restrictionItems = restrictions.isEmpty ? "<p>None on record in our reference data. That is not proof that none exists.</p>" as SafeHTML : restrictions.map { (item) -> SafeHTML in
            """
            <article class="law">
            <h3>\(item.lawName) \(Layout.grade(item.confidence))</h3>
            <p class="muted">\(item.citation)</p>
            \(item.isUnverifiedBill ? "<p class=\"warning\">Not verified as enacted.</p>" as SafeHTML : "")
            <p>\(item.whatItRestricts)</p>
            <p class="sources">Sources: \(HTML.sources(item.source))</p>
            </article>
            """
        }.joined()
        return """
        <section id="records-law" aria-labelledby="records-heading">
        <h2 id="records-heading">Public-records law \(Layout.grade(law.confidence))</h2>
        <dl class="identity">
        <div><dt>Law</dt><dd>\(law.lawName)</dd></div>
        <div><dt>Citation</dt><dd id="citation">\(law.citation)</dd></div>
        <div><dt>Answer due</dt><dd id="deadline">\(law.deadlineSummary)</dd></div>
        <div><dt>Deadline notes</dt><dd>\(law.deadlineNote)</dd></div>
        <div><dt>Who may ask</dt><dd>\(law.residency == .yes ? "<strong>Residents of \(law.stateName) only</strong>: name an in-state requester." as SafeHTML : law.residency == .unclear ? "Unclear whether non-residents may ask." : "Anyone.")</dd></div>
        <div><dt>Appeal route</dt><dd id="appeal-route">\(law.appealRouteResearched ? "\(law.appealRoute) <span class=\"sources\">(source: \(HTML.sources(law.appealSource)))</span>" : "<span class=\"grade grade-low\">not yet researched</span>" as SafeHTML)</dd></div>
        </dl>
        <p class="sources">Sources: \(HTML.sources(law.source))</p>
        </section>
        <section id="restriction-laws" aria-labelledby="restriction-heading">
        <h2 id="restriction-heading">Laws restricting ALPR sharing or immigration enforcement help</h2>
        \(restrictionItems)
        </section>
        """
    }
}
