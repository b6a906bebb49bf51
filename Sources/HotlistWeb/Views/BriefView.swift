import Foundation
import HotlistCore

/// The council brief, the press summary and the letter to officials for one agency. The brief is
/// written to be printed: every address it relies on is printed as text, and the same markup
/// (without the site's frame) is what Chromium prints to PDF.
enum BriefView {
    struct Model {
        var brief: AgencyBrief
        var now: Date
        /// The site's public address, so printed links work off the page.
        var baseURL: String

        var agencyID: Int { brief.detail.agency.id ?? 0 }
        func absolute(_ url: SiteURL) -> String { baseURL + url.path }
        /// Only published files that were not withdrawn are ever named publicly.
        var publicEvidence: [EvidenceFile] { brief.detail.findingEvidence.filter { $0.isPublic && $0.withdrawal == nil } }
    }

    /// The brief inside the site's frame, with the download buttons (not printed).
    static func page(_ model: Model, viewer: Viewer?) -> SafeHTML {
        let id = model.agencyID
        let downloads: SafeHTML = """
        <nav class="no-print brief-downloads" id="brief-downloads" aria-label="Downloads">
        <a class="button" id="brief-pdf-link" href="\(SiteURL.agencyBriefPDF(id).path)" download>Download the brief as PDF</a>
        <a href="\(SiteURL.agencyPress(id).path)" id="brief-press-link">Press summary</a>
        <a href="\(SiteURL.agency(id).path)">Agency page</a>
        \(viewer == nil ? "" : "<a href=\"\(SiteURL.agencyLetter(id).path)\" id=\"brief-letter-link\">Write to officials</a>" as SafeHTML)
        </nav>
        """
        return Layout.page(title: "Council brief: \(model.brief.detail.agency.name)", description: "What the records show about \(model.brief.formalName)'s license plate readers and the Immigration Violator hotlist.",
                           viewer: viewer, body: downloads + body(model))
    }

    /// The brief alone, as Chromium prints it: the stylesheet is the file beside it.
    static func printDocument(_ model: Model) -> SafeHTML {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Council brief: \(model.brief.detail.agency.name) · Hotlist Watch</title>
        <link rel="stylesheet" href="style.css">
        </head>
        <body class="print-document">
        <main id="main">
        \(body(model))
        </main>
        </body>
        </html>
        """
    }

    static func body(_ model: Model) -> SafeHTML {
        let brief = model.brief, agency = brief.detail.agency
        return """
        <article class="brief" id="brief">
        <h1 id="brief-title">Council brief: \(brief.formalName)</h1>
        <p class="meta">Prepared \(HTML.day(model.now)) by Hotlist Watch from the records it holds about \(agency.name)\(agency.stateCode.map { " (\(Layout.stateName($0)))" } ?? ""). Every statement names its source; reports by others are labelled as such.
        Online, with all sources: \(printedLink(model.absolute(.agency(model.agencyID))))</p>
        \(topicSection(brief.topic))
        \(recordsSection(model))
        \(contradictionsSection(brief, baseURL: model.baseURL))
        \(contractSection(brief, baseURL: model.baseURL))
        <section id="brief-questions" aria-labelledby="brief-questions-heading">
        <h2 id="brief-questions-heading">Questions for the council</h2>
        <ol>\(brief.questions.map { "<li>\($0)</li>" as SafeHTML }.joined())</ol>
        </section>
        \(durableSection(brief))
        </article>
        """
    }

    /// An address printed as itself, so it survives on paper.
    static func printedLink(_ url: String) -> SafeHTML {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return "\(url)" }
        return "<a class=\"printed-url\" href=\"\(url)\">\(url)</a>"
    }

    /// Sources as the reference data writes them (" ; " between several), each address printed whole.
    static func printedSources(_ text: String, baseURL: String) -> SafeHTML {
        text.components(separatedBy: " ; ").map { part -> SafeHTML in
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if let local = SiteURL.localPath(trimmed) { return printedLink(baseURL + local) }
            if let range = trimmed.range(of: "https?://[^ ()]+", options: .regularExpression) {
                return "\(String(trimmed[..<range.lowerBound]))\(printedLink(String(trimmed[range])))\(String(trimmed[range.upperBound...]))"
            }
            return "\(trimmed)"
        }.joined(separator: "; ")
    }

    static func topicSection(_ topic: NCICTopic?) -> SafeHTML {
        guard let topic else {
            return "<section id=\"brief-topic\"><h2>The Immigration Violator list</h2><p>The NCIC reference data is missing from this database; see the NCIC topics page.</p></section>"
        }
        return """
        <section id="brief-topic" aria-labelledby="brief-topic-heading">
        <h2 id="brief-topic-heading">What the Immigration Violator list is</h2>
        <p>The National Crime Information Center (NCIC) holds files that police systems can check license plates against. One of them is the <strong>\(topic.ncicFile)</strong>\(topic.flockLabel.map { ", shown to agencies in Flock's settings as “\($0)”" } ?? "").</p>
        <p>\(topic.contents)</p>
        <p>Who fills it: <strong id="brief-topic-who">\(topic.whoMayEnter)</strong>. An agency that selects this topic gets an alert when its cameras read a plate linked to a record ICE entered.</p>
        <p class="source">Source: \(printedSources(topic.source, baseURL: "")) \(Layout.grade(topic.confidence))</p>
        </section>
        """
    }

    static func recordsSection(_ model: Model) -> SafeHTML {
        let detail = model.brief.detail
        let evidenceByID = Dictionary(uniqueKeysWithValues: model.publicEvidence.map { ($0.id, $0) })
        let verified = detail.findings.sorted { ($0.asOf, $0.findingID) > ($1.asOf, $1.findingID) }.map { (finding) -> SafeHTML in
            let files = finding.evidenceIDs.compactMap { evidenceByID[$0] }
            let privateCount = finding.evidenceIDs.count - files.count
            let listed = files.map { "<li class=\"evidence-file\">\($0.originalName) (\($0.kind.label)), SHA-256 <code class=\"sha\">\($0.sha256)</code>, \(printedLink(model.absolute(.evidenceFile($0.id))))</li>" as SafeHTML }.joined()
            let held: SafeHTML = privateCount == 0 ? "" : "<li>\(privateCount) more file\(privateCount == 1 ? "" : "s") held privately (not published: they may contain personal data).</li>"
            return """
            <li class="verified-finding">Records dated \(finding.asOf.inWords): Immigration Violator <strong class="setting-\(finding.immigrationViolator.rawValue)">\(finding.immigrationViolator.label)</strong>.
            Verified by two people (Hotlist Watch finding #\(finding.findingID), version \(finding.version)).
            \(listed.isEmpty && held.isEmpty ? "" : "<ul class=\"evidence\">\(listed)\(held)</ul>" as SafeHTML)</li>
            """
        }.joined()
        let reported = model.brief.reports.map { (report) -> SafeHTML in
            "<li class=\"reported-finding\"><strong>Reported by \(report.reportedBy)</strong> (\(report.asOf)): \(AgencyBrief.reportedOutcome(report.outcome)). Not verified from Hotlist Watch's own evidence. Source: “\(report.title)”, \(printedLink(report.url)) \(Layout.grade(report.confidence))</li>"
        }.joined()
        var portal: [SafeHTML] = []
        if detail.signals.alertsNCIC == .yes, let snapshot = detail.snapshots.first(where: { $0.hotlists.ncic == .yes }) {
            portal.append("<li>Its Flock transparency portal lists NCIC among the hotlists it alerts on (page as of \(HTML.day(snapshot.asOf)); collected by \(snapshot.source)\(snapshot.url.map { ", " + printedLink($0) } ?? "")).</li>")
        }
        if detail.signals.immigrationPolicy == .prohibits, let snapshot = detail.snapshots.first(where: { $0.prohibitedUses.immigration == .prohibits }) {
            portal.append("<li>Its portal lists immigration enforcement among prohibited uses (page as of \(HTML.day(snapshot.asOf)); collected by \(snapshot.source)\(snapshot.url.map { ", " + printedLink($0) } ?? "")).</li>")
        }
        let audits = detail.searchAudits.reversed().map { (log) -> SafeHTML in
            let organizations = log.organizations(.immigration).prefix(8).map { "\($0.name.isEmpty ? "(not named)" : $0.name) (\(HTML.number($0.searches)))" }
            return "<li class=\"brief-search-audit\">\(log.headline(agencyName: detail.agency.name)).\(organizations.isEmpty ? "" : " By: \(organizations.joined(separator: ", ")).") Source: \(log.citationText).</li>"
        }.joined()
        let nothing: SafeHTML = verified.isEmpty && reported.isEmpty ? "<p id=\"brief-no-records\">No record of its Immigration Violator setting is held yet.</p>" : ""
        return """
        <section id="brief-records" aria-labelledby="brief-records-heading">
        <h2 id="brief-records-heading">What the records show</h2>
        <p>Status: <strong id="brief-status">\(detail.status.label)</strong></p>
        \(verified.isEmpty ? "" : "<ul id=\"brief-verified\">\(verified)</ul>" as SafeHTML)
        \(reported.isEmpty ? "" : "<ul id=\"brief-reported\">\(reported)</ul>" as SafeHTML)
        \(nothing)\(audits.isEmpty ? "" : "\n<h3>What Flock's search audit logs show</h3><ul id=\"brief-search-audits\">\(audits)</ul>" as SafeHTML)
        \(portal.isEmpty ? "" : "<h3>What its transparency portal says</h3><ul id=\"brief-portal\">\(portal.joined())</ul>" as SafeHTML)
        </section>
        """
    }

    static func contradictionsSection(_ brief: AgencyBrief, baseURL: String) -> SafeHTML {
        guard !brief.contradictions.isEmpty else { return "" }
        let items = brief.contradictions.map { (item) -> SafeHTML in
            let citations = item.citations.map { "<li>\($0.text): \(printedSources($0.source, baseURL: baseURL)) \(Layout.grade($0.confidence))</li>" as SafeHTML }.joined()
            return "<li class=\"contradiction\"><strong>\(item.rule.title).</strong> \(item.explanation)<ul class=\"sources\">\(citations)</ul></li>"
        }.joined()
        return """
        <section id="brief-contradictions" aria-labelledby="brief-contradictions-heading">
        <h2 id="brief-contradictions-heading">Contradictions</h2>
        <ul>\(items)</ul>
        </section>
        """
    }

    static func contractSection(_ brief: AgencyBrief, baseURL: String) -> SafeHTML {
        let agency = brief.detail.agency, known = brief.contracts
        func source(_ fact: FactSource, _ confidence: Confidence? = nil) -> SafeHTML {
            " <span class=\"source\">Source: \(fact.title), \(printedSources(fact.url, baseURL: baseURL))\(confidence.map { " " + Layout.grade($0) } ?? "")</span>"
        }
        let contracts = known.contracts.map { (contract) -> SafeHTML in
            let end: SafeHTML = contract.endDate.map { " It \(contract.endKind.label) on <strong class=\"contract-end\">\($0.inWords)</strong>." } ?? " No end date on record."
            let amount: SafeHTML = contract.amountCents.map { " Amount: \(ALPRContract.dollars($0))." } ?? ""
            return "<li class=\"contract\">ALPR contract with \(contract.vendor)\(contract.startDate.map { ", from \($0.inWords)" } ?? "").\(end)\(amount)\(source(contract.source, contract.confidence))</li>"
        }.joined()
        let body: SafeHTML = known.body.map { "<p id=\"brief-governing-body\">Who decides: <strong>\($0.name)</strong> (\($0.kind.label)).\(source($0.source))</p>" } ?? ""
        let officials = known.officials.map { "<li class=\"official\">\($0.name), \($0.office)\($0.email.map { ", " + $0 } ?? "")\(source($0.source))</li>" as SafeHTML }.joined()
        let fallback: SafeHTML = agency.contractRenewal.map { "<p>Contract renewal date on file: <strong id=\"brief-renewal\">\($0)</strong> (from an agency list imported by volunteers; check it against the contract).</p>" }
            ?? "<p id=\"brief-renewal-unknown\">No contract or renewal date is on file. The standard records request asks for the contract and its renewal date.</p>"
        return """
        <section id="brief-contract" aria-labelledby="brief-contract-heading">
        <h2 id="brief-contract-heading">The contract and who decides</h2>
        \(contracts.isEmpty ? (agency.vendor.map { "<p>ALPR vendor: \($0).</p>" as SafeHTML } ?? "") + fallback : "<ul id=\"brief-contracts\">\(contracts)</ul>" as SafeHTML)
        \(body)
        \(officials.isEmpty ? "" : "<ul id=\"brief-officials\">\(officials)</ul>" as SafeHTML)
        </section>
        """
    }

    static func durableSection(_ brief: AgencyBrief) -> SafeHTML {
        let timeline = brief.detail.hotlistTimeline
        let history: SafeHTML = timeline.isEmpty
            ? "<p>Hotlist Watch holds no hotlist change log for this agency yet. The log shows every time a hotlist setting was changed; ask for it.</p>"
            : "<p id=\"brief-hotlist-log\">Hotlist Watch holds \(timeline.count) entr\(timeline.count == 1 ? "y" : "ies") of the agency's hotlist change log, from \(HTML.day(timeline.first?.occurredAt)) to \(HTML.day(timeline.last?.occurredAt)), imported from records it released.</p>"
        return """
        <section id="brief-durable" aria-labelledby="brief-durable-heading">
        <h2 id="brief-durable-heading">Why unchecking the box is not enough</h2>
        <p>\(AgencyBrief.whyUncheckingIsNotEnough)</p>
        <p>Answers that last:</p>
        <ul>\(AgencyBrief.durableAnswers.map { "<li>\($0)</li>" as SafeHTML }.joined())</ul>
        \(history)
        </section>
        """
    }

    /// One paragraph for journalists, with the addresses to check every fact.
    static func press(_ model: Model, viewer: Viewer?) -> SafeHTML {
        let id = model.agencyID
        let evidence = model.publicEvidence.map { model.absolute(.evidenceFile($0.id)) }
        let paragraph = model.brief.pressSummary(agencyPageURL: model.absolute(.agency(id)), briefURL: model.absolute(.agencyBrief(id)), evidenceURLs: evidence, dataURLs: [model.absolute(.dataFile("findings.csv")), model.absolute(.dataFile("contradictions.csv")), model.absolute(.data)])
        let links: [(String, String)] = [("Agency page, with every source", model.absolute(.agency(id))), ("Council brief", model.absolute(.agencyBrief(id))),
                                         ("Council brief (PDF)", model.absolute(.agencyBriefPDF(id)))]
            + model.publicEvidence.map { ("Evidence: \($0.originalName) (SHA-256 \($0.sha256))", model.absolute(.evidenceFile($0.id))) }
        return Layout.page(title: "Press summary: \(model.brief.detail.agency.name)", viewer: viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.agency(id).path)">\(model.brief.detail.agency.name)</a></p>
        <h1>Press summary: \(model.brief.formalName)</h1>
        <p class="note">Written from the records Hotlist Watch holds, as of \(HTML.day(model.now)). It says no more than they show; reports by others are labelled.</p>
        <p id="press-summary">\(paragraph)</p>
        <h2>Links</h2>
        <ul id="press-links">\(links.map { "<li>\($0.0): \(printedLink($0.1))</li>" as SafeHTML }.joined())</ul>
        """)
    }

    /// The letter form for signed-in people, with the agency's letters so far.
    struct LetterModel {
        var agencyID: Int
        var agencyName: String
        var recipient: String
        var recipientEmail: String
        var subject: String
        var body: String
        var canSendByEmail: Bool
        var letters: [AgencyLetter]
        var problems: [InputProblem] = []
        var message: String? = nil
        /// After "open in my mail program": the link to open (the letter is logged already).
        var mailto: String? = nil
    }

    static func letterPage(_ model: LetterModel, viewer: Viewer) -> SafeHTML {
        let id = model.agencyID
        let deliveries: SafeHTML = """
        <button type="submit" name="delivery" value="eml" id="letter-eml">Download as .eml</button>
        <button type="submit" name="delivery" value="mailto" id="letter-mailto">Open in my mail program</button>
        \(model.canSendByEmail ? "<button type=\"submit\" name=\"delivery\" value=\"smtp\" id=\"letter-smtp\">Send by email now</button>" as SafeHTML : "")
        """
        return Layout.page(title: "Letter to officials: \(model.agencyName)", viewer: viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.agency(id).path)">\(model.agencyName)</a> › <a href="\(SiteURL.agencyBrief(id).path)">Council brief</a></p>
        <h1>Letter to officials</h1>
        \(Forms.problems(model.problems))
        \(Forms.message(model.message))
        \(model.mailto.map { "<p id=\"letter-mailto-link\"><a class=\"button\" href=\"\($0)\">Open the letter in your mail program</a></p>" as SafeHTML } ?? "")
        <p class="note">The facts and questions come from the council brief. The recipient starts as the governing body and the first official's address on file (else the agency's records contact); change them if you know better. Every letter made here is kept in the agency's communications log (seen only by signed-in people).</p>
        <form method="post" action="\(SiteURL.agencyLetter(id).path)" id="letter-form">
        \(Forms.csrf(viewer.csrfToken))
        <label for="recipient">To (name)</label>
        <input id="recipient" name="recipient" value="\(model.recipient)" required maxlength="\(AgencyLetter.maxRecipientLength)">
        <label for="recipient_email">To (email, optional)</label>
        <input id="recipient_email" name="recipient_email" type="email" value="\(model.recipientEmail)">
        <label for="subject">Subject</label>
        <input id="subject" name="subject" value="\(model.subject)" required maxlength="300">
        <label for="body">Letter</label>
        <textarea id="body" name="body" rows="24" required>\(model.body)</textarea>
        <p>\(deliveries)</p>
        </form>
        \(lettersLog(model.letters))
        """)
    }

    /// The agency's communications log; it names volunteers, so only signed-in people see it.
    static func lettersLog(_ letters: [AgencyLetter]) -> SafeHTML {
        let rows = letters.map { (letter) -> SafeHTML in
            "<tr><td>\(HTML.day(letter.createdAt))</td><td>\(letter.recipient)\(letter.recipientEmail.map { " <\($0)>" } ?? "")</td><td>\(letter.subject)</td><td>\(letter.delivery.label)</td><td>\(letter.madeByLabel)</td></tr>"
        }.joined()
        return """
        <section id="agency-letters" aria-labelledby="agency-letters-heading">
        <h2 id="agency-letters-heading">Letters to officials</h2>
        \(letters.isEmpty ? "<p>None yet.</p>" as SafeHTML : "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Made</th><th scope=\"col\">To</th><th scope=\"col\">Subject</th><th scope=\"col\">How</th><th scope=\"col\">By</th></tr></thead><tbody>\(rows)</tbody></table></div>" as SafeHTML)
        </section>
        """
    }
}
