import Foundation
import HotlistCore
import HotlistStore

/// Findings: the entry form, one finding's versions, and the reviewer queue.
enum FindingsView {
    struct FormValues {
        var asOf = ""
        var topics: [String: TopicSetting] = [:]
        var otherHotlists = ""
        var note = ""
        var evidenceIDs: [Int] = []

        init() {}
        init(_ version: FindingVersion) {
            asOf = version.asOf.iso; topics = version.topics; otherHotlists = version.otherHotlists.joined(separator: "\n")
            note = version.note; evidenceIDs = version.evidenceIDs
        }
    }

    struct Form {
        var viewer: Viewer
        var agency: AgencyLink
        /// Set when correcting an existing finding.
        var findingID: Int?
        var topics: [NCICTopic]
        var evidence: [EvidenceFile]
        var values: FormValues
        var problems: [InputProblem]
        /// When correcting a version a reviewer sent back: why.
        var sentBack: FindingVersion.SendBack? = nil
    }

    static func form(_ model: Form) -> SafeHTML {
        let action = model.findingID.map { SiteURL.findingCorrect($0).path } ?? SiteURL.agencyFindings(model.agency.id).path
        let topicRows = model.topics.map { (topic) -> SafeHTML in
            let current = model.values.topics[topic.key] ?? .notShown
            let radios = TopicSetting.allCases.map { (setting) -> SafeHTML in
                "<label class=\"radio\"><input type=\"radio\" name=\"topic_\(topic.key)\" value=\"\(setting.rawValue)\" id=\"topic-\(topic.key)-\(setting.rawValue)\"\(setting == current ? " checked" : "")> \(setting.label)</label>"
            }.joined(separator: " ")
            let label = topic.flockLabel ?? topic.ncicFile
            // Each topic's radios are one group, named by the topic, so a screen reader says "Immigration Violator, enabled".
            return "<tr\(topic.key == NCICTopic.immigrationViolatorKey ? " class=\"key-topic\"" as SafeHTML : "")><th scope=\"row\">\(label)<br><span class=\"hint\">\(topic.ncicFile)</span></th>"
                + "<td><fieldset class=\"radio-group\" id=\"topic-\(topic.key)\"><legend class=\"visually-hidden\">\(label)</legend>\(radios)</fieldset></td></tr>"
        }.joined()
        let files = model.evidence.map { (file) -> SafeHTML in
            "<label class=\"checkbox\"><input type=\"checkbox\" name=\"evidence\" value=\"\(file.id)\" id=\"evidence-\(file.id)\"\(model.values.evidenceIDs.contains(file.id) ? " checked" : "")> #\(file.id) \(file.originalName) <span class=\"hint\">(\(file.kind.label)\(file.receivedOn.map { ", received \($0.iso)" } ?? ""))</span></label>"
        }.joined()
        let title = model.findingID.map { "Correct finding #\($0)" } ?? "Enter a finding"
        return Layout.page(title: "\(title): \(model.agency.name)", viewer: model.viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.agency(model.agency.id).path)">\(model.agency.name)</a> › <a href="\(SiteURL.agencyEvidence(model.agency.id).path)">Evidence</a></p>
        <h1>\(title)</h1>
        <p class="lede">Record what the files show about the hotlist topics \(model.agency.name) alerts on, as of the date the record shows. It stays private until another person with the reviewer role verifies it against the same files.\(model.findingID == nil ? "" : " A correction is saved as a new version; the earlier ones stay in the history.")</p>
        \(model.sentBack.map { Forms.message("Sent back by a reviewer on \(HTML.day($0.at)): “\($0.reason)”", kind: .warning) } ?? "")
        \(Forms.problems(model.problems))
        <form method="post" action="\(action)" class="stacked wide" id="finding-form">
        \(Forms.csrf(model.viewer.csrfToken))
        <fieldset><legend>Evidence <span class="hint">(at least one file)</span></legend>
        \(files.isEmpty ? "<p id=\"no-evidence\">No files yet: <a href=\"\(SiteURL.agencyEvidence(model.agency.id).path)\">upload the record first</a>.</p>" as SafeHTML : files)
        </fieldset>
        <label for="as_of">Settings as of <span class="hint">(the date on the screenshot or export)</span></label>
        <input type="date" id="as_of" name="as_of" value="\(model.values.asOf)">
        <table id="topic-table"><caption>NCIC topics</caption><thead><tr><th>Topic</th><th>What the record shows</th></tr></thead><tbody>\(topicRows)</tbody></table>
        <label for="other_hotlists">Other hotlists named <span class="hint">(one per line: state lists, custom lists)</span></label>
        <textarea id="other_hotlists" name="other_hotlists" rows="3">\(model.values.otherHotlists)</textarea>
        <label for="note">Note <span class="hint">(where in the file, anything a reviewer should check)</span></label>
        <textarea id="note" name="note" rows="3">\(model.values.note)</textarea>
        <button type="submit">Save for review</button>
        </form>
        """)
    }

    struct Page {
        var viewer: Viewer
        var agency: AgencyLink
        var history: [FindingVersion]
        var evidence: [EvidenceFile]
        var topics: [NCICTopic]
        var notice: String?
        var problems: [InputProblem]
    }

    static func page(_ model: Page) -> SafeHTML {
        let latest = model.history.last!
        let labels = Dictionary(uniqueKeysWithValues: model.topics.map { ($0.key, $0.flockLabel ?? $0.ncicFile) })
        let versions = model.history.reversed().map { (version) -> SafeHTML in
            let topics = version.topics.keys.sorted().map { "<li>\(labels[$0] ?? $0): <strong class=\"setting-\(version.topics[$0]!.rawValue)\">\(version.topics[$0]!.label)</strong></li>" as SafeHTML }.joined()
            let files = version.evidenceIDs.map { (id) -> SafeHTML in
                let file = model.evidence.first { $0.id == id }
                let withdrawn = file?.withdrawal.map { " <span class=\"badge badge-pending withdrawn\">withdrawn: \($0.reason)</span>" as SafeHTML } ?? ""
                return "<a href=\"\(SiteURL.evidence(id).path)\">#\(id) \(file?.originalName ?? "file")</a>\(withdrawn)"
            }.joined(separator: ", ")
            // A finding whose every file was withdrawn rests on nothing a reader can open.
            let restsOnNothing = !version.evidenceIDs.isEmpty && version.evidenceIDs.allSatisfy { id in model.evidence.first { $0.id == id }?.withdrawal != nil }
            let state: SafeHTML = version.isVerified
                ? "<span class=\"badge badge-public\">verified</span> by \(version.verifiedByLabel ?? "") on \(HTML.day(version.verifiedAt))"
                : version.sentBack.map { "<span class=\"badge badge-pending\">sent back</span> by \($0.byLabel) on \(HTML.day($0.at)): <q class=\"sent-back-reason\">\($0.reason)</q>" as SafeHTML }
                ?? "<span class=\"badge badge-pending\">awaiting a second person</span>"
            return """
            <article class="finding-version" id="version-\(version.version)"><h2>Version \(version.version) \(version.version == latest.version ? "(latest)" : "")</h2>
            \(restsOnNothing ? "<p class=\"message message-error\" id=\"rests-on-withdrawn-\(version.version)\">Every file this version rests on was withdrawn: it needs other evidence (a correction) before anyone relies on it.</p>" as SafeHTML : "")
            <p>Records as of <strong>\(version.asOf.iso)</strong>. Entered by \(version.enteredByLabel) on \(HTML.day(version.enteredAt)). \(state)</p>
            <ul class="topics">\(topics.isEmpty ? "<li>No NCIC topic shown.</li>" as SafeHTML : topics)</ul>
            \(version.otherHotlists.isEmpty ? "" : "<p>Other hotlists: \(version.otherHotlists.map { $0 }.joined(separator: "; "))</p>" as SafeHTML)
            \(version.note.isEmpty ? "" : "<p class=\"note\">\(version.note)</p>" as SafeHTML)
            <p>Evidence: \(files)</p></article>
            """
        }.joined()
        let isReviewer = PermissionTable.allows(model.viewer.account.role, .verifyFindings)
        let isAuthor = model.viewer.account.id == latest.enteredByID
        let canReview = !latest.isVerified && latest.sentBack == nil && !isAuthor && isReviewer
        let version = [("version", String(latest.version))]
        let verifyHint: SafeHTML
        if latest.isVerified {
            verifyHint = ""
        } else if let sentBack = latest.sentBack {
            verifyHint = "<p class=\"message message-warning\" id=\"finding-sent-back\">A reviewer sent version \(latest.version) back on \(HTML.day(sentBack.at)): “\(sentBack.reason)” "
                + (isAuthor ? "Correct it: the correction is a new version and goes back to the queue.</p>" : "It waits for its author's correction.</p>")
        } else if isAuthor {
            verifyHint = "<p class=\"note\" id=\"own-finding\">You entered this version: \(isReviewer ? "another reviewer" : "a reviewer (someone other than you)") must verify it before it is public.</p>"
        } else if canReview {
            verifyHint = Forms.postButton(SiteURL.findingVerify(latest.findingID).path, label: "I checked version \(latest.version) against the evidence: verify", csrf: model.viewer.csrfToken, id: "verify-finding", hidden: version)
                + """
                <form method="post" action="\(SiteURL.findingSendBack(latest.findingID).path)" class="stacked" id="send-back-form">\(Forms.csrf(model.viewer.csrfToken))
                <input type="hidden" name="version" value="\(latest.version)">
                <label for="send-back-reason">Or send it back to its author: what does not match the evidence?</label>
                <textarea id="send-back-reason" name="reason" rows="3" required maxlength="2000"></textarea>
                <button type="submit" class="secondary">Send back</button></form>
                """
        } else {
            verifyHint = "<p class=\"note\">A reviewer will check it against the evidence.</p>"
        }
        return Layout.page(title: "Finding #\(latest.findingID)", viewer: model.viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.agency(model.agency.id).path)">\(model.agency.name)</a> › <a href="\(SiteURL.agencyEvidence(model.agency.id).path)">Evidence</a></p>
        <h1>Finding #\(latest.findingID): \(model.agency.name)</h1>
        \(Forms.message(model.notice))
        \(Forms.problems(model.problems))
        \(verifyHint)
        <p><a href="\(SiteURL.findingCorrect(latest.findingID).path)" id="correct-finding">Correct it (new version)</a></p>
        \(versions)
        """)
    }

    static func publicList(_ items: [(agency: AgencyLink, finding: FindingVersion)], reported: [ContradictionQueries.MatchedFinding] = [], state: String?, viewer: Viewer?) -> SafeHTML {
        let reportedRows = reported.map { item -> SafeHTML in
            let finding = item.finding
            let name = item.agencyID.map { "<a href=\"\(SiteURL.agency($0).path)\">\(finding.agencyName)</a>" as SafeHTML } ?? "\(finding.agencyName)"
            let what = switch finding.outcome {
            case .immigrationViolatorEnabled: "enabled"
            case .immigrationViolatorDisabled: "not enabled"
            case .refused: "records refused"
            }
            return """
            <tr><td data-label="Agency">\(name)</td><td data-label="State">\(finding.stateCode)</td><td data-label="Reported">\(finding.asOf)</td><td data-label="Immigration Violator" class="reported-\(finding.outcome.rawValue)">\(what)</td>
            <td data-label="Source">reported by \(HTML.reporter(finding)): <a href="\(finding.url)" rel="noopener noreferrer">\(finding.title)</a> \(Layout.grade(finding.confidence))</td></tr>
            """
        }.joined()
        let reportedTable: SafeHTML = reported.isEmpty ? "" : """
            <h2 id="reported-heading">Reported by others</h2>
            <p>Findings published by others from their own records requests, kept apart from ours and always labelled with who reported them and how sure the report is.</p>
            <table id="reported-table" class="cards"><caption>Reported findings</caption><thead><tr><th>Agency</th><th>State</th><th>Reported</th><th>Immigration Violator</th><th>Source</th></tr></thead><tbody>\(reportedRows)</tbody></table>
            """
        let rows = items.map { (agency, version) -> SafeHTML in
            let others = version.topics.filter { $0.key != NCICTopic.immigrationViolatorKey && $0.value == .enabled }.keys.sorted().map(NCICTopic.displayName)
            return """
            <tr><td data-label="Agency"><a href="\(SiteURL.agency(agency.id).path)#finding-\(version.findingID)">\(agency.name)</a></td><td data-label="State">\(agency.stateCode ?? "–")</td>
            <td data-label="Records as of">\(version.asOf.iso)</td><td data-label="Immigration Violator" class="setting-\(version.immigrationViolator.rawValue)">\(version.immigrationViolator.label)</td>
            <td data-label="Other topics enabled">\(others.isEmpty ? "–" : others.joined(separator: ", "))</td></tr>
            """
        }.joined()
        let states = Set(items.compactMap(\.agency.stateCode)).count
        return Layout.page(title: "Findings", current: .findings, viewer: viewer, body: """
        <h1>Findings\(state.map { " in \(Layout.stateName($0))" } ?? "")</h1>
        <p class="lede">What records obtained from agencies show about the NCIC topics their license-plate readers alert on. Each was entered from the records and verified by a second person; the agency page shows the evidence and any contradiction with the agency's own policy or state law. Findings others reported (EFF) are listed below ours, labelled as such.</p>
        \(items.isEmpty ? "<p id=\"no-findings\">No verified findings yet.</p>" as SafeHTML : """
        <p>\(items.count) verified finding\(items.count == 1 ? "" : "s")\(state == nil ? " in \(states) state\(states == 1 ? "" : "s")" : ""). Also as data: <a href="\(SiteURL.api(.findings).path)\(state.map { "?state=\($0)" } ?? "")">JSON</a>.</p>
        <table id="findings-table" class="cards"><caption>Verified findings, newest first</caption><thead><tr><th>Agency</th><th>State</th><th>Records as of</th><th>Immigration Violator</th><th>Other topics enabled</th></tr></thead><tbody>\(rows)</tbody></table>
        """)
        \(reportedTable)
        """)
    }

    static func queue(viewer: Viewer, findings: [FindingVersion], statements: [AgencyStatement], files: [EvidenceFile] = [], auditLogs: [SearchAuditLog] = [],
                      agencyNames: [Int: String]) -> SafeHTML {
        let fileItems = files.map { (file) -> SafeHTML in
            "<li><a href=\"\(SiteURL.evidence(file.id).path)\">#\(file.id) \(file.originalName)</a> (\(file.kind.label)): \(agencyNames[file.agencyID] ?? "agency \(file.agencyID)"), added \(HTML.day(file.createdAt))</li>"
        }.joined()
        let findingItems = findings.map { (version) -> SafeHTML in
            let own = version.enteredByID == viewer.account.id ? " <span class=\"hint\">(yours: someone else must verify)</span>" as SafeHTML : ""
            return "<li><a href=\"\(SiteURL.finding(version.findingID).path)\">Finding #\(version.findingID) v\(version.version)</a>: \(agencyNames[version.agencyID] ?? "agency \(version.agencyID)"), records as of \(version.asOf.iso), Immigration Violator \(version.immigrationViolator.label); entered by \(version.enteredByLabel) on \(HTML.day(version.enteredAt))\(own)</li>"
        }.joined()
        let statementItems = statements.map { (statement) -> SafeHTML in
            let action: SafeHTML = statement.enteredByID == viewer.account.id ? " <span class=\"hint\">(yours: someone else must verify)</span>"
                : " " + Forms.postButton(SiteURL.statementVerify(statement.id).path, label: "Verify", csrf: viewer.csrfToken, id: "verify-statement-\(statement.id)")
            return "<li>\(agencyNames[statement.agencyID] ?? ""): \(StatementView.summary(statement)); entered by \(statement.enteredByLabel)\(action)</li>"
        }.joined()
        let auditItems = auditLogs.map { (log) -> SafeHTML in
            let name = agencyNames[log.agencyID] ?? "agency \(log.agencyID)"
            let action: SafeHTML = SearchAuditSection.whyNotVerifiable(log, by: viewer).map { " <span class=\"hint\">(\($0))</span>" as SafeHTML }
                ?? " " + Forms.postButton(SiteURL.searchAuditVerify(log.id).path, label: "Verify", csrf: viewer.csrfToken, id: "verify-audit-log-\(log.id)")
            let others = [ReasonCategory.protest, .reproductiveHealth, .otherSensitive].map { "\($0.rawValue) \(HTML.number(log.searches($0)))" }.joined(separator: ", ")
            return """
                <li>Audit log #\(log.id): \(log.headline(agencyName: name)); \(others); \(HTML.number(log.rowsSkipped)) rows unreadable. \
                File <a href="\(SiteURL.evidence(log.evidenceID).path)">#\(log.evidenceID) \(log.fileName)</a>, SHA-256 <code class="sha">\(String(log.sha256.prefix(16)))…</code>; stored by \(log.scannedByLabel)\(action)</li>
                """
        }.joined()
        return Layout.page(title: "Review queue", current: .review, viewer: viewer, body: """
        <h1>Review queue</h1>
        <p class="lede">Findings, statements and audit log counts wait here until a second person checks them against their evidence. Nothing here is public yet.</p>
        <h2>Findings</h2>\(findingItems.isEmpty ? "<p id=\"queue-empty\">No findings waiting.</p>" as SafeHTML : "<ul id=\"finding-queue\">\(findingItems)</ul>" as SafeHTML)
        <h2>Statements and policies</h2>\(statementItems.isEmpty ? "<p>No statements waiting.</p>" as SafeHTML : "<ul id=\"statement-queue\">\(statementItems)</ul>" as SafeHTML)
        <h2>Audit log counts</h2>
        <p class="hint">Check the counts against the log (open the file; <code>hotlistwatch audit-log show ID</code> lists them by organisation and month) before verifying.</p>
        \(auditItems.isEmpty ? "<p id=\"audit-queue-empty\">No audit logs waiting.</p>" as SafeHTML : "<ul id=\"audit-log-queue\">\(auditItems)</ul>" as SafeHTML)
        <h2>Files waiting for a publish decision</h2>
        <p class="hint">Private until someone decides: publish a file only once it is checked for personal data (plates, officers' or residents' names); otherwise keep it private.</p>
        \(fileItems.isEmpty ? "<p id=\"files-queue-empty\">No files waiting.</p>" as SafeHTML : "<ul id=\"evidence-queue\">\(fileItems)</ul>" as SafeHTML)
        """)
    }
}
