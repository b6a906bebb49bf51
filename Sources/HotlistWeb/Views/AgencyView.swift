import Foundation
import HotlistCore

/// One agency: identity, what its portal says, its sharing both ways, the law, and the sources.
enum AgencyView {
    struct Model {
        var detail: AgencyDetail
        var now: Date
        /// What the visitor's last change did, after a redirect.
        var notice: String? = nil
        var contracts = AgencyContracts()
        /// The agency's letters to officials, for signed-in people only (they name volunteers).
        var letters: [AgencyLetter] = []
        /// Audit logs waiting for a second person, for signed-in people only (not public yet).
        var pendingSearchAudits: [SearchAuditLog] = []
    }

    static func render(_ model: Model, viewer: Viewer? = nil) -> SafeHTML {
        let detail = model.detail
        let agency = detail.agency
        let signals = detail.signals
        let latestUsage = detail.snapshots.first { $0.page == .usage }
        let latestPolicy = detail.snapshots.first { $0.prohibitedUsesRaw != nil } ?? detail.snapshots.first { $0.page == .policy }
        let age = signals.snapshotAgeDays(now: model.now).map { "\($0) days old" } ?? "no snapshot"
        return Layout.page(title: agency.name, viewer: viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.agencies.path)">Agencies</a>\(agency.stateCode.map { " › <a href=\"\(SiteURL.agencies(AgencyFilter(state: $0)))\">\(Layout.stateName($0))</a>" as SafeHTML } ?? "")</p>
        <h1 id="agency-name">\(agency.name)</h1>
        \(Forms.message(model.notice))
        \(RetiredAccountMarker.find(in: agency.name).map { "<p class=\"warning\" id=\"retired-account\">The name marks this as a duplicate or retired Flock account (“\($0)”). Its data may be out of date; look for the agency's current account.</p>" as SafeHTML } ?? "")
        \(briefLinks(agency.id))
        \(findings(detail, viewer: viewer, auditsBelow: !detail.searchAudits.isEmpty || (viewer != nil && !model.pendingSearchAudits.isEmpty)))\(SearchAuditSection.render(detail, pending: viewer == nil ? [] : model.pendingSearchAudits, viewer: viewer))
        \(viewer == nil || agency.id == nil ? "" : BriefView.lettersLog(model.letters) + "<p><a class=\"edit-link\" id=\"write-to-officials\" href=\"\(SiteURL.agencyLetter(agency.id!).path)\">Write to officials</a></p>")
        \(identity(agency))
        \(AgencyContractsSection.render(model.contracts, agencyID: agency.id, today: CalendarDay.today(model.now), viewer: viewer, importedRenewal: agency.contractRenewal))
        <section id="signals" aria-labelledby="signals-heading">
        <h2 id="signals-heading">What its portal says</h2>
        <ul class="signals">
        <li>\(Layout.ncicBadge(signals.alertsNCIC))\(signals.ncicEvidence.map { " from “\($0)”" } ?? "")</li>
        <li>\(Layout.policyBadge(signals.immigrationPolicy))\(signals.immigrationEvidence.map { " from “\($0)”" } ?? "")</li>
        \(signals.immigrationPolicy == .prohibits ? "" : reportedPolicy(detail).isEmpty ? "" : "<li id=\"reported-policy\">\(reportedPolicy(detail))</li>" as SafeHTML)
        <li>Latest portal data: \(HTML.day(signals.latestSnapshotAt)) (\(age))</li>
        </ul>
        <h3 id="request-priority">\(priorityHeading(detail))</h3>
        <ul class="reasons">\(detail.priority.reasons.map { "<li>\($0)</li>" as SafeHTML }.joined())</ul>
        <p class="note">Portals do not show NCIC topics. Whether “Immigration Violator” is ticked is known only from records.</p>
        </section>
        \(hotlists(latestUsage))
        \(prohibitedUses(latestPolicy, reported: reportedPolicy(detail)))
        \(sharing(detail))
        \(law(detail))
        \(history(detail.snapshots))
        \(sources(detail))
        """)
    }

    /// The council brief, its PDF and the press summary.
    static func briefLinks(_ id: Int?) -> SafeHTML {
        guard let id else { return "" }
        return "<p class=\"brief-links\" id=\"agency-brief-links\"><a href=\"\(SiteURL.agencyBrief(id).path)\" id=\"agency-brief-link\">Council brief</a> · <a href=\"\(SiteURL.agencyBriefPDF(id).path)\" id=\"agency-brief-pdf-link\" download>Download the brief as PDF</a> · <a href=\"\(SiteURL.agencyPress(id).path)\">Press summary</a></p>"
    }

    /// Once records or a report answered the question, that is what the priority says; the portal tier follows.
    static func priorityHeading(_ detail: AgencyDetail) -> SafeHTML {
        switch detail.status.code {
        case .immigrationViolatorEnabled, .immigrationViolatorDisabled:
            "Request priority: already answered by records (portal tier \(detail.priority.tier.rawValue): \(detail.priority.tier.title))"
        case .refused:
            "Request priority: refused once; appeal or ask again (portal tier \(detail.priority.tier.rawValue): \(detail.priority.tier.title))"
        default:
            "Request priority: \(detail.priority.tier.rawValue). \(detail.priority.tier.title)"
        }
    }

    /// What records (ours or others') show, and where that contradicts the agency's word or the law.
    /// Only verified findings and statements reach `detail`; private files are named, never linked.
    static func findings(_ detail: AgencyDetail, viewer: Viewer?, auditsBelow: Bool = false) -> SafeHTML {
        let reported = detail.reportedFindings.map { (finding) -> SafeHTML in
            "<li class=\"reported-finding\"><strong>\(finding.label)</strong> \(Layout.grade(finding.confidence)) <span class=\"muted\">Reported by \(HTML.reporter(finding)), not verified from our own evidence.</span> \(HTML.externalLink(finding.url, text: "source"))</li>"
        }.joined()
        let evidenceByID = Dictionary(uniqueKeysWithValues: detail.findingEvidence.map { ($0.id, $0) })
        let verified = detail.findings.reversed().map { (version) -> SafeHTML in
            let topics: SafeHTML = version.topics.keys.sorted { ($0 == NCICTopic.immigrationViolatorKey ? 0 : 1, $0) < ($1 == NCICTopic.immigrationViolatorKey ? 0 : 1, $1) }.map { key in
                "<li>\(NCICTopic.displayName(key)): <strong class=\"setting-\(version.topics[key]!.rawValue)\">\(version.topics[key]!.label)</strong></li>"
            }.joined()
            let files = version.evidenceIDs.compactMap { evidenceByID[$0] }.map { (file) -> SafeHTML in
                file.isPublic || viewer != nil ? "<a href=\"\(SiteURL.evidence(file.id).path)\">\(file.originalName)</a> (\(file.kind.label))"
                                               : "a \(file.kind.label) held privately (it may contain personal data)"
            }.joined(separator: "; ")
            return """
            <article class="verified-finding" id="finding-\(version.findingID)"><h3>Records as of \(version.asOf.iso): Immigration Violator <span class="setting-\(version.immigrationViolator.rawValue)">\(version.immigrationViolator.label)</span></h3>
            <p class="muted">Verified from records by two people (finding #\(version.findingID), version \(version.version), verified \(HTML.day(version.verifiedAt))).</p>
            <ul class="topics">\(topics)</ul>
            \(version.otherHotlists.isEmpty ? "" : "<p>Other hotlists named: \(version.otherHotlists.map { $0 }.joined(separator: "; "))</p>" as SafeHTML)
            <p>Evidence: \(files.isEmpty ? "none public" : files)</p></article>
            """
        }.joined()
        let statements = detail.statements.map { "<li>\(StatementView.summary($0))</li>" as SafeHTML }.joined()
        // Rule 7 is a to-do (ask for the settings), not a contradiction: it is shown apart.
        let askFirst = detail.contradictions.first { $0.rule == .askFirst }
        let contradictions = detail.contradictions.filter { $0.rule != .askFirst }.map { ContradictionsView.article($0) }.joined()
        let work: SafeHTML = viewer == nil || detail.agency.id == nil ? "" : "<p><a class=\"edit-link\" id=\"agency-evidence-link\" href=\"\(SiteURL.agencyEvidence(detail.agency.id!).path)\">Evidence, findings and statements (add or review)</a></p>"
        let nothing = reported.isEmpty && verified.isEmpty
        let package: SafeHTML = detail.agency.id.map { "<p id=\"records-package\"><a href=\"\(SiteURL.agencyPackage($0).path)\" download>Download the records package</a> (.zip: published evidence, verified findings and statements, with SHA-256 hashes to check)</p>" as SafeHTML } ?? ""
        return """
        <section id="findings" aria-labelledby="findings-heading">
        <h2 id="findings-heading">What records show</h2>
        <p>Status: <strong id="agency-status" class="status-\(detail.status.code.rawValue)">\(detail.status.label)</strong></p>
        \(work)
        \(verified.isEmpty ? "" : "<div id=\"verified-findings\">\(verified)</div>" as SafeHTML)
        \(reported.isEmpty ? "" : "<ul id=\"reported-findings\">\(reported)</ul>" as SafeHTML)
        \(!nothing ? "" : !auditsBelow ? "<p>No records yet.</p>" as SafeHTML : "<p>No record of its Immigration Violator setting yet; what its search audit logs show is below.</p>")\(detail.findings.isEmpty && detail.statements.isEmpty ? "" : package)
        \(statements.isEmpty ? "" : "<h3 id=\"statements-heading\">What the agency has said</h3><ul id=\"agency-statements\">\(statements)</ul>" as SafeHTML)
        \(contradictions.isEmpty ? "" : "<h2 id=\"contradictions-heading\">Contradictions</h2><div id=\"contradictions\">\(contradictions)</div>" as SafeHTML)
        \(askFirst.map { "<aside class=\"to-do\" id=\"ask-first\" aria-labelledby=\"ask-first-heading\"><h3 id=\"ask-first-heading\">To do: ask for the settings</h3><p>\($0.explanation)</p></aside>" as SafeHTML } ?? "")
        \(detail.hotlistTimeline.isEmpty ? "" : "<h3 id=\"hotlist-history-heading\">Hotlist change history</h3><div id=\"hotlist-history\">\(EvidenceView.timeline(detail.hotlistTimeline, showPrivate: false))</div>" as SafeHTML)\(HitCountsView.section(detail))
        </section>
        """
    }

    static func identity(_ agency: Agency) -> SafeHTML {
        var rows: [(String, SafeHTML)] = [
            ("State", "<span id=\"agency-state\">\(agency.stateCode.map { "\($0) – \(Layout.stateName($0))" } ?? "unresolved: \(agency.unresolvedReason ?? "") (listed for review)")</span>"),
            ("Kind", "\(agency.kind.label)"),
        ]
        if let place = agency.place { rows.append(("Place", "\(place)")) }
        // Agencies added from a report say so; portal data carries its own credit elsewhere on the page.
        if agency.externalKey.hasPrefix("reported:"), let notes = agency.notes { rows.append(("Where this entry comes from", "<span id=\"agency-provenance\">\(notes)</span>")) }
        if let city = agency.city { rows.append(("City", "\(city)")) }
        if let county = agency.county { rows.append(("County", "\(county)")) }
        if let ori = agency.ori { rows.append(("ORI", "\(ori)")) }
        if let vendor = agency.vendor { rows.append(("ALPR vendor", "\(vendor)")) }
        if let url = agency.flockPortalURL { rows.append(("Flock transparency portal", HTML.externalLink(url))) }
        if let url = agency.website { rows.append(("Website", HTML.externalLink(url))) }
        // Always shown, so a missing contact is visible and can be filled in.
        let contact = [agency.recordsEmail.map { "<span id=\"records-email\">\($0)</span>" as SafeHTML },
                       agency.recordsPortalURL.map { "<span id=\"records-portal\">\(HTML.externalLink($0))</span>" as SafeHTML }].compactMap { $0 }
        let correct = agency.id.map { " <a class=\"edit-link\" id=\"correct-records-contact\" href=\"\(SiteURL.recordsContact($0).path)\">Correct this</a>" as SafeHTML } ?? ""
        let file = agency.id.map { " <a class=\"edit-link\" id=\"file-request\" href=\"\(SiteURL.newRequest(agency: $0).path)\">File a request</a>" as SafeHTML } ?? ""
        // Where a volunteer can find the contact (and more about the agency) before correcting it.
        let lookups = AgencyLookups.links(name: agency.name, stateCode: agency.stateCode, city: agency.city, flockPortalURL: agency.flockPortalURL)
            .map { "<a href=\"\($0.url)\" rel=\"noopener noreferrer external\">\($0.label)</a>" as SafeHTML }.joined(separator: " · ")
        rows.append(("Records contact", (contact.isEmpty ? "<span id=\"records-none\">not known yet</span>" as SafeHTML : contact.joined(separator: "<br>" as SafeHTML)) + correct + file
                     + "<br><small id=\"records-lookups\">Look it up: \(lookups)</small>"))
        return "<dl class=\"identity\">" + rows.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" as SafeHTML }.joined() + "</dl>"
    }

    static func hotlists(_ snapshot: PortalSnapshot?) -> SafeHTML {
        guard let snapshot, snapshot.hotlistsRaw != nil else {
            return "<section id=\"hotlists\"><h2>Hotlists alerted on</h2><p>No portal data on hotlists.</p></section>"
        }
        let parsed = snapshot.hotlists
        let items = parsed.lists.map { "<li\(HotlistsAlertedOn.parse($0).ncic == .yes ? " class=\"ncic\"" as SafeHTML : "")>\($0)</li>" as SafeHTML }.joined()
        var facts: [String] = []
        if let cameras = snapshot.cameraCount { facts.append("\(cameras) cameras") }
        if let retention = snapshot.dataRetentionRaw { facts.append("data kept \(retention)") }
        if let hits = snapshot.hotlistHits30Days { facts.append("\(HTML.number(hits)) hotlist hits in 30 days") }
        if let searches = snapshot.searches30Days { facts.append("\(HTML.number(searches)) searches in 30 days") }
        if let vehicles = snapshot.vehiclesDetected30Days { facts.append("\(HTML.number(vehicles)) vehicles detected in 30 days") }
        return """
        <section id="hotlists" aria-labelledby="hotlists-heading">
        <h2 id="hotlists-heading">Hotlists alerted on</h2>
        <ul>\(items)</ul>
        <p class="meta">As of \(HTML.day(snapshot.asOf)). \(facts.joined(separator: " · "))</p>
        </section>
        """
    }

    /// What others reported the agency's own portal or policy says, when our portal snapshots do not show it.
    static func reportedPolicy(_ detail: AgencyDetail) -> SafeHTML {
        let reports = detail.reportedFindings.filter(\.reportedProhibitsImmigration)
        return reports.map { report in
            "<p class=\"reported-policy\">Reported by \(report.reportedBy) (\(report.asOf)): its transparency portal lists immigration enforcement among prohibited uses. \(Layout.grade(report.confidence)) \(HTML.externalLink(report.url, text: "source"))</p>"
        }.joined()
    }

    static func prohibitedUses(_ snapshot: PortalSnapshot?, reported: SafeHTML = "") -> SafeHTML {
        guard let snapshot, let raw = snapshot.prohibitedUsesRaw else {
            return "<section id=\"prohibited-uses\"><h2>Prohibited uses</h2>\(reported.isEmpty ? "<p>No policy text in the portal data we hold.</p>" as SafeHTML : "<p>No policy text in the portal data we hold (The News &amp; Observer's snapshots).</p>" + reported)</section>"
        }
        let parsed = snapshot.prohibitedUses
        let items = parsed.items.map { "<li\($0.lowercased().contains("immigration") ? " class=\"immigration\"" as SafeHTML : "")>\($0)</li>" as SafeHTML }.joined()
        var policies: SafeHTML = ""
        for (title, text) in [("Acceptable use", snapshot.acceptableUsePolicy), ("Access policy", snapshot.accessPolicy), ("Hotlist policy", snapshot.hotlistPolicy)] {
            if let text { policies += "<h3>\(title)</h3>\(HTML.paragraphs(text))" }
        }
        return """
        <section id="prohibited-uses" aria-labelledby="prohibited-heading">
        <h2 id="prohibited-heading">Prohibited uses</h2>
        <ul>\(items)</ul>
        <details><summary>The portal's own words</summary>\(HTML.paragraphs(raw))\(policies)</details>
        <p class="meta">\(snapshot.asOf == nil ? "Policy page: date not recorded." : "Policy page as of \(HTML.day(snapshot.asOf)).")</p>
        </section>
        """
    }

    static func linkList(_ links: [AgencyLink]) -> SafeHTML {
        guard !links.isEmpty else { return "<p>None on record.</p>" }
        return "<ul class=\"columns\">" + links.map { "<li>\(Layout.agencyLink($0.id, $0.name))\($0.stateCode.map { " <span class=\"muted\">\($0)</span>" as SafeHTML } ?? "")</li>" as SafeHTML }.joined() + "</ul>"
    }

    static func sharing(_ detail: AgencyDetail) -> SafeHTML {
        let outOfState = detail.sharesWith.filter { $0.stateCode != nil && $0.stateCode != detail.agency.stateCode }.count
        let outNote: SafeHTML = outOfState > 0 && detail.agency.stateCode != nil
            ? "<p class=\"note\">\(outOfState) of them are outside \(Layout.stateName(detail.agency.stateCode)).</p>" as SafeHTML : ""
        return """
        <section id="shares-with" aria-labelledby="shares-heading">
        <h2 id="shares-heading">Who can search its data (\(detail.sharesWith.count))</h2>
        \(outNote)
        \(linkList(detail.sharesWith))
        </section>
        <section id="receives-from" aria-labelledby="receives-heading">
        <h2 id="receives-heading">Whose data it can search (\(detail.receivesFrom.count))</h2>
        \(linkList(detail.receivesFrom))
        </section>
        """
    }

    static func law(_ detail: AgencyDetail) -> SafeHTML {
        guard let code = detail.agency.stateCode else { return "" }
        var text: SafeHTML = "<section id=\"state-law\" aria-labelledby=\"law-heading\"><h2 id=\"law-heading\">\(Layout.stateName(code)) law</h2>"
        if let law = detail.recordsLaw {
            text += "<p>Public records: <strong>\(law.lawName)</strong>, \(law.citation); answer due: \(law.deadlineSummary) \(Layout.grade(law.confidence)). <a href=\"\(SiteURL.referenceState(code).path)\">Details and sources</a>.</p>"
        }
        if !detail.restrictionLaws.isEmpty {
            text += "<p>Laws restricting ALPR sharing or immigration enforcement help:</p><ul>" + detail.restrictionLaws.map { "<li>\($0.lawName) (\($0.citation)) \(Layout.grade($0.confidence))</li>" as SafeHTML }.joined() + "</ul>"
        }
        return text + "</section>"
    }

    static func history(_ snapshots: [PortalSnapshot]) -> SafeHTML {
        guard !snapshots.isEmpty else { return "<section id=\"history\"><h2>Snapshot history</h2><p>No portal snapshots.</p></section>" }
        let rows = snapshots.map { (snapshot) -> SafeHTML in
            "<tr><td>\(HTML.day(snapshot.asOf))</td><td>\(HTML.day(snapshot.accessedAt))</td><td>\(snapshot.page == .usage ? "Usage" : "Policy")</td><td>\(snapshot.hotlistsRaw ?? (snapshot.page == .usage ? "–" : ""))</td><td>\(snapshot.cameraCount.map(String.init) ?? "")</td><td>\(HTML.externalLink(snapshot.url, text: "portal"))</td></tr>"
        }.joined()
        return """
        <section id="history" aria-labelledby="history-heading">
        <h2 id="history-heading">Snapshot history</h2>
        <div class="table-wrap"><table><thead><tr><th scope="col">As of</th><th scope="col">Read on</th><th scope="col">Page</th><th scope="col">Hotlists</th><th scope="col">Cameras</th><th scope="col">Link</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        </section>
        """
    }

    static func sources(_ detail: AgencyDetail) -> SafeHTML {
        var items: [SafeHTML] = Set(detail.snapshots.map(\.source)).sorted().map { "<li>Portal snapshots: \($0).</li>" as SafeHTML }
        for entry in detail.atlasEntries {
            let links = entry.links.map { HTML.externalLink($0) }.joined(separator: ", ")
            items.append("<li class=\"atlas-entry\">\(HTML.externalLink(AtlasFile.siteURL, text: AtlasFile.source)) (by EFF and the University of Nevada, Reno Reynolds School of Journalism), entry \(entry.aosNumber): \(entry.technology), \(entry.vendor)\(entry.links.isEmpty ? "" : "; its sources: " + links).</li>")
        }
        if !detail.sharesWith.isEmpty || !detail.receivesFrom.isEmpty {
            items.append("<li>Data sharing: the “External organizations with access” lists of the portals, as collected by The News &amp; Observer.</li>")
        }
        for check in detail.urlChecks {
            items.append("<li>Portal address check: \(HTML.externalLink(check.url)) answered \(check.statusCode.map(String.init) ?? "unknown")\(check.notes.map { " (\($0))" } ?? "").</li>")
        }
        if let survey = detail.survey {
            items.append("<li>The News &amp; Observer's survey of North Carolina agencies: vendor \(survey.vendor ?? "unknown"), cameras confirmed \(survey.camerasConfirmed.map(String.init) ?? "unknown")\(survey.documentURL.map { ", document: " + HTML.externalLink($0) } ?? "")\(survey.notes.map { " (\($0))" } ?? "").</li>")
        }
        items.append("<li>State and kind were read from the agency's name\(detail.agency.unresolvedReason == nil ? "" : "; the state could not be read with confidence").</li>")
        return "<section id=\"sources\" aria-labelledby=\"sources-heading\"><h2 id=\"sources-heading\">Sources</h2><ul>\(items.joined())</ul></section>"
    }
}
