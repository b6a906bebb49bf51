import HotlistCore

/// "Contract and who decides" on the agency page: contracts with their dates and sources, the
/// governing body and its officials with contact links. Officials are public figures; their
/// office contacts are shown. Every fact shows its source.
enum AgencyContractsSection {
    static func render(_ contracts: AgencyContracts, agencyID: Int?, today: CalendarDay, viewer: Viewer?, importedRenewal: String?) -> SafeHTML {
        let items = contracts.contracts.map { contract -> SafeHTML in
            let document: SafeHTML = contract.evidenceID.map { id in
                contracts.publicDocuments.contains(id) ? " · <a href=\"\(SiteURL.evidence(id).path)\">signed contract</a>" : " · signed contract held privately"
            } ?? ""
            let details = [contract.amountCents.map { ALPRContract.dollars($0) }, contract.cameraCount.map { "\($0) camera\($0 == 1 ? "" : "s")" }].compactMap { $0 }
            return """
            <li class="contract" id="contract-\(contract.id ?? 0)"><strong>\(contract.vendor)</strong> \(dates(contract, today: today))\(details.isEmpty ? "" : " · \(details.joined(separator: " · "))" as SafeHTML)\(document)
            <br><span class="muted">Source: \(HTML.externalLink(contract.source.url, text: contract.source.title))</span> \(Layout.grade(contract.confidence))\(contract.notes.isEmpty ? "" : "<br>\(contract.notes)" as SafeHTML)</li>
            """
        }.joined()
        // The agency list's renewal date has no source of its own; a sourced contract's date replaces it.
        let imported: SafeHTML = contracts.contracts.contains(where: { $0.endDate != nil }) ? "" : importedRenewal.map {
            "<p id=\"imported-renewal\">Contract renewal: \($0) <span class=\"muted\">(from an imported agency list, not yet backed by a sourced contract)</span></p>"
        } ?? ""
        let body: SafeHTML = contracts.body.map { body in
            "<p id=\"governing-body\">Decided by: <strong>\(body.name)</strong> (\(body.kind.label))\(body.webPage.map { " · \(HTML.externalLink($0, text: "web page"))" as SafeHTML } ?? "") <span class=\"muted\">Source: \(HTML.externalLink(body.source.url, text: body.source.title))</span></p>"
        } ?? ""
        let officials = contracts.officials.map { official -> SafeHTML in
            let contact = [official.email.map { "<a href=\"mailto:\($0)\">\($0)</a>" as SafeHTML },
                           official.phone.map { "<a href=\"tel:\($0.filter { $0.isNumber || $0 == "+" })\">\($0)</a>" as SafeHTML },
                           official.webPage.map { HTML.externalLink($0, text: "web page") }].compactMap { $0 }
            let term = official.termEnd.map { " (term ends \($0.iso))" } ?? ""
            return "<li class=\"official\"><strong>\(official.name)</strong>, \(official.office)\(term)\(contact.isEmpty ? "" : ": " + contact.joined(separator: " · ")) <span class=\"muted\">Source: \(HTML.externalLink(official.source.url, text: official.source.title))</span></li>"
        }.joined()
        let canEdit = viewer.map { PermissionTable.allows($0.account.role, .editContracts) } ?? false
        let edit: SafeHTML = canEdit && agencyID != nil ? """
            <p><a class="edit-link" id="edit-contracts" href="\(SiteURL.agencyContracts(agencyID!).path)">Add or correct contracts</a> · <a class="edit-link" id="edit-officials" href="\(SiteURL.agencyOfficials(agencyID!).path)">Add or correct who decides</a></p>
            """ : ""
        let nothing = contracts.isEmpty && imported.isEmpty
        return """
        <section id="contracts" aria-labelledby="contracts-heading">
        <h2 id="contracts-heading">Contract and who decides</h2>
        \(items.isEmpty ? "" : "<ul id=\"contract-list\">\(items)</ul>" as SafeHTML)
        \(imported)
        \(body)
        \(officials.isEmpty ? "" : "<ul id=\"officials\">\(officials)</ul>" as SafeHTML)
        \(nothing ? "<p>No contract or governing body on record yet.</p>" as SafeHTML : "")
        \(edit)
        </section>
        """
    }

    /// "2024-02-01 to 2027-02-01 (36 months), renews 2027-02-01, in 63 days".
    static func dates(_ contract: ALPRContract, today: CalendarDay?) -> SafeHTML {
        var parts: [String] = []
        if let start = contract.startDate { parts.append("from \(start.iso)") }
        if let months = contract.termMonths { parts.append("\(months) months") }
        if let end = contract.endDate {
            var text = "\(contract.endKind.label) \(end.iso)"
            if let today, let days = contract.daysLeft(today: today), days >= 0 {
                text += days == 0 ? ", today" : ", in \(days) day\(days == 1 ? "" : "s")"
            }
            parts.append(text)
        }
        return "<span class=\"contract-dates\">\(parts.joined(separator: ", "))</span>"
    }
}

/// Contracts whose renewal or expiry is ahead: the page, its calendar link, and a short section
/// for the home page.
enum RenewalsView {
    static func page(_ renewals: [RenewalAhead], within days: Int, viewer: Viewer?) -> SafeHTML {
        let rows = renewals.map { renewal -> SafeHTML in
            """
            <tr><td>\(Layout.agencyLink(renewal.agencyID, renewal.agencyName))</td><td>\(renewal.stateCode ?? "")</td><td>\(renewal.vendor)</td>
            <td>\(renewal.date.iso) <span class="muted">(\(renewal.kind.label))</span></td><td>\(renewal.daysLeft)</td><td>\(openItems(renewal))</td></tr>
            """
        }.joined()
        let table: SafeHTML = rows.isEmpty ? "<p id=\"no-renewals\">No contract on record renews or expires in the next \(days) days.</p>" : """
            <table id="renewals"><caption>Contracts renewing or expiring in the next \(days) days, soonest first</caption>
            <thead><tr><th scope="col">Agency</th><th scope="col">State</th><th scope="col">Vendor</th><th scope="col">Date</th><th scope="col">Days left</th><th scope="col">Still open</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        let choices = [30, 120, 365].map { "<a href=\"\(SiteURL.renewals.with([("within", String($0))]))\"\($0 == days ? " aria-current=\"page\"" as SafeHTML : "")>\($0) days</a>" as SafeHTML }
        return Layout.page(title: "Contract renewals ahead", current: .renewals, viewer: viewer, body: """
        <h1>Contract renewals ahead</h1>
        <p class="lede">When an ALPR contract renews, the city council or city manager decides. Those are the days to ask whether the cameras check plates against the Immigration Violator hotlist. An agency with an open question (no records yet, or a request still unanswered) or a contradiction rises in the request priority while its renewal is within \(AskFirstRank.renewalWindowDays) days.</p>
        <p>Show: \(choices.joined(separator: " · ")) · <a href="\(SiteURL.renewalsCalendar.with([("within", String(days))]))" id="renewals-calendar">calendar (iCalendar)</a></p>
        \(table)
        """)
    }

    static func openItems(_ renewal: RenewalAhead) -> SafeHTML {
        let items: [SafeHTML] = [renewal.hasOpenQuestion ? "<span class=\"badge open-question\">open question</span>" : nil,
                                 renewal.hasContradiction ? "<span class=\"badge contradiction\">contradiction</span>" : nil].compactMap { $0 }
        return items.isEmpty ? "none" : items.joined(separator: " ")
    }

    /// For the home page: the next few renewals, linking to the full list. Empty when none is ahead.
    static func homeSection(_ renewals: [RenewalAhead]) -> SafeHTML {
        guard !renewals.isEmpty else { return "" }
        let items = renewals.prefix(5).map { renewal -> SafeHTML in
            "<li>\(Layout.agencyLink(renewal.agencyID, renewal.agencyName))\(renewal.stateCode.map { ", \($0)" } ?? ""): \(renewal.vendor) contract \(renewal.kind.label) \(renewal.date.iso) (in \(renewal.daysLeft) day\(renewal.daysLeft == 1 ? "" : "s"))\(renewal.hasOpenQuestion || renewal.hasContradiction ? " " + openItems(renewal) : "")</li>"
        }.joined()
        return """
        <section id="renewals-ahead" aria-labelledby="renewals-ahead-heading">
        <h2 id="renewals-ahead-heading">Contracts up for renewal</h2>
        <ul>\(items)</ul>
        <p><a href="\(SiteURL.renewals.path)">All renewals ahead</a></p>
        </section>
        """
    }
}
