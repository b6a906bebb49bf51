import Foundation
import HotlistCore
import HotlistStore

/// Evidence files: an agency's workspace (signed in) and one file's page.
enum EvidenceView {
    struct Workspace {
        var viewer: Viewer
        var agencyID: Int
        var agencyName: String
        var evidence: [EvidenceFile]
        var requests: [RecordsRequest]
        var findings: [FindingVersion]
        var statements: [AgencyStatement]
        var timeline: [HotlistTimelineEntry]
        /// Every count, Immigration Violator rows included: this page is for signed-in people.
        var hitCounts: [HitCount] = []
        var maxFileSize: Int
        var problems: [InputProblem] = []
        var notice: String?
    }

    static func workspace(_ model: Workspace) -> SafeHTML {
        let id = model.agencyID
        let rows = model.evidence.map { (file) -> SafeHTML in
            """
            <tr id="evidence-\(file.id)"><td>#\(file.id)</td><td><a href="\(SiteURL.evidence(file.id).path)">\(file.originalName)</a></td>
            <td>\(file.kind.label)</td><td>\(EvidenceIntake.describe(bytes: file.size))</td><td>\(file.receivedOn?.iso ?? "–")</td>
            <td>\(file.requestID.map { "<a href=\"\(SiteURL.request($0).path)\">request #\($0)</a>" as SafeHTML } ?? "–")</td>
            <td>\(file.isPublic ? "<span class=\"badge badge-public\">public</span>" as SafeHTML : "<span class=\"badge\">private</span>" as SafeHTML)</td></tr>
            """
        }.joined()
        let findings = model.findings.map { (version) -> SafeHTML in
            "<li><a href=\"\(SiteURL.finding(version.findingID).path)\">Finding #\(version.findingID)</a>, records as of \(version.asOf.iso): Immigration Violator \(version.immigrationViolator.label) – \(version.isVerified ? "<span class=\"badge badge-public\">verified</span>" as SafeHTML : "<span class=\"badge badge-pending\">awaiting a second person</span>" as SafeHTML) (version \(version.version))</li>"
        }.joined()
        let statements = model.statements.map { (statement) -> SafeHTML in
            "<li>\(StatementView.summary(statement)) \(statement.isVerified ? "<span class=\"badge badge-public\">verified</span>" as SafeHTML : "<span class=\"badge badge-pending\">awaiting a second person</span>" as SafeHTML)</li>"
        }.joined()
        let requestOptions: SafeHTML = "<option value=\"\">none</option>" + model.requests.map { "<option value=\"\($0.id)\">#\($0.id) \($0.subject) (\($0.status.label))</option>" as SafeHTML }.joined()
        return Layout.page(title: "Evidence: \(model.agencyName)", viewer: model.viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.agency(id).path)">\(model.agencyName)</a></p>
        <h1>Evidence and findings</h1>
        <p class="lede">Records about \(model.agencyName): the files agencies sent, what they show, and what the agency has said. Nothing here is public until it is marked public (files) or verified by a second person (findings and statements).</p>
        \(Forms.message(model.notice))
        \(Forms.problems(model.problems))
        <section aria-labelledby="files-heading"><h2 id="files-heading">Files</h2>
        \(model.evidence.isEmpty ? "<p id=\"no-evidence\">No files yet.</p>" as SafeHTML : "<table id=\"evidence-table\"><thead><tr><th>Id</th><th>File</th><th>Type</th><th>Size</th><th>Received</th><th>Request</th><th>Visibility</th></tr></thead><tbody>\(rows)</tbody></table>" as SafeHTML)
        <h3>Add a file</h3>
        <form method="post" action="\(SiteURL.agencyEvidence(id).path)" enctype="multipart/form-data" class="stacked" id="evidence-form">
        \(Forms.csrf(model.viewer.csrfToken))
        <label for="evidence-file">File <span class="hint">(PDF, PNG, JPEG, CSV, XLSX, ZIP or EML; up to \(EvidenceIntake.describe(bytes: model.maxFileSize)); the type is read from the file itself)</span></label>
        <input type="file" id="evidence-file" name="file" required>
        <label for="evidence-request">From request</label><select id="evidence-request" name="request_id">\(requestOptions)</select>
        <label for="evidence-received">Received on</label><input type="date" id="evidence-received" name="received">
        <label for="evidence-source">Source address <span class="hint">(if it was published online)</span></label><input type="url" id="evidence-source" name="source_url">
        <label for="evidence-description">What it is</label><input type="text" id="evidence-description" name="description" maxlength="2000">
        \(publicCheckbox(model.viewer, id: "evidence-public"))
        <button type="submit">Upload</button>
        </form>
        </section>
        <section aria-labelledby="work-findings-heading"><h2 id="work-findings-heading">Findings</h2>
        \(findings.isEmpty ? "<p>No findings yet.</p>" as SafeHTML : "<ul id=\"work-findings\">\(findings)</ul>" as SafeHTML)
        <p><a class="button" id="enter-finding" href="\(SiteURL.newFinding(agency: id).path)">Enter a finding from these files</a></p>
        </section>
        <section aria-labelledby="work-statements-heading"><h2 id="work-statements-heading">Statements and policies</h2>
        \(statements.isEmpty ? "<p>None recorded.</p>" as SafeHTML : "<ul id=\"work-statements\">\(statements)</ul>" as SafeHTML)
        <p><a class="button" id="record-statement" href="\(SiteURL.newStatement(agency: id).path)">Record a statement or policy</a></p>
        </section>
        <section aria-labelledby="timeline-heading" id="timeline"><h2 id="timeline-heading">Hotlist change history</h2>
        <p>Import a Flock hotlist action log export (XLSX or CSV with the columns Timestamp, User, Event Type, Entity Type, Entity Details, in any order; times as Excel stores them, ISO 8601 or M/D/YYYY). The file is kept as evidence; the public agency page shows when lists and entries changed, without user names or entry details.</p>
        <form method="post" action="\(SiteURL.agencyHotlistLog(id).path)" enctype="multipart/form-data" class="stacked" id="hotlist-log-form">
        \(Forms.csrf(model.viewer.csrfToken))
        <label for="log-file">Action log (.xlsx or .csv)</label><input type="file" id="log-file" name="file" required>
        <label for="log-request">From request</label><select id="log-request" name="request_id">\(requestOptions)</select>
        <label for="log-received">Received on</label><input type="date" id="log-received" name="received">
        <button type="submit">Import the log</button>
        </form>
        \(timeline(model.timeline.map(\.action), showPrivate: true))
        </section>
        \(HitCountsView.workspaceSection(model, requestOptions: requestOptions))
        """)
    }

    /// Reviewers may publish at upload; everyone else uploads privately and a reviewer publishes later.
    static func publicCheckbox(_ viewer: Viewer, id: String) -> SafeHTML {
        guard PermissionTable.allows(viewer.account.role, .publishEvidence) else {
            return "<p class=\"hint\">Files are private when uploaded; a reviewer publishes them after checking they hold no personal data.</p>"
        }
        return "<label class=\"checkbox\"><input type=\"checkbox\" id=\"\(id)\" name=\"public\"> Public <span class=\"hint\">(only files without personal data: no plates, no officers' or residents' names; public images are served without their EXIF metadata)</span></label>"
    }

    /// The timeline of hotlist changes; user names and entry details (plates, names) only when `showPrivate`.
    static func timeline(_ actions: [HotlistAction], showPrivate: Bool) -> SafeHTML {
        guard !actions.isEmpty else { return "<p id=\"no-timeline\">No hotlist action log imported.</p>" }
        let counts = HotlistAction.Change.allCases.map { change in (change, actions.filter { $0.change == change }.count) }.filter { $0.1 > 0 }
        let rows = actions.suffix(500).map { (action) -> SafeHTML in
            let details = showPrivate ? "<td>\(action.user)</td><td>\(action.details)</td>" as SafeHTML : ""
            return "<tr class=\"change-\(action.change.rawValue)\"><td>\(TimestampParser.iso8601(action.occurredAt))</td><td>\(action.change.rawValue)</td><td>\(action.eventType)</td><td>\(action.entityType)</td>\(details)</tr>"
        }.joined()
        return """
        <p id="timeline-summary">\(actions.count) change\(actions.count == 1 ? "" : "s") from \(HTML.day(actions.first!.occurredAt)) to \(HTML.day(actions.last!.occurredAt)): \(counts.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")).\(actions.count > 500 ? " The latest 500 are listed." : "")</p>
        <table id="timeline-table"><thead><tr><th>When (as exported)</th><th>Change</th><th>Event</th><th>What</th>\(showPrivate ? "<th>User</th><th>Details</th>" as SafeHTML : "")</tr></thead><tbody>\(rows)</tbody></table>
        \(showPrivate ? "" : "<p class=\"note\">User names and entry details are withheld: they can name officers and hold plate numbers.</p>" as SafeHTML)
        """
    }

    struct Page {
        var viewer: Viewer?
        var evidence: EvidenceFile
        var agencyName: String
        var findings: [FindingVersion]
        var notice: String?
        /// Set when the file is a stored search audit log, which is never published.
        var searchAudit: SearchAuditLog? = nil
    }

    static func visibilityButton(_ model: Page) -> SafeHTML {
        guard let viewer = model.viewer else { return "" }
        let file = model.evidence
        if let log = model.searchAudit {
            let state: SafeHTML = log.isVerified
                ? "Its counts are verified and public on <a href=\"\(SiteURL.agency(file.agencyID).path)#search-audit-\(log.id)\">the agency's page</a>."
                : "Its counts go public once a second person verifies them in <a href=\"\(SiteURL.review.path)\">the review queue</a>."
            return "<p class=\"note\" id=\"search-audit-private\">This is a Flock search audit log (audit log #\(log.id)): it names officers and lists plates, so the file stays private. \(state)</p>"
        }
        guard PermissionTable.allows(viewer.account.role, .publishEvidence) else { return "" }
        return file.isPublic
            ? Forms.postButton(SiteURL.evidenceVisibility(file.id).path, label: "Make private", csrf: viewer.csrfToken, id: "unpublish-evidence", hidden: [("public", "no")])
            : "<p class=\"note\">Publish only after checking the file holds no personal data (plates, officers' or residents' names).</p>"
                + Forms.postButton(SiteURL.evidenceVisibility(file.id).path, label: "Publish this file", csrf: viewer.csrfToken, id: "publish-evidence", hidden: [("public", "yes")])
                + " " + Forms.postButton(SiteURL.evidenceVisibility(file.id).path, label: "Keep it private", csrf: viewer.csrfToken, id: "keep-evidence-private",
                                         hidden: [("public", "no"), ("decision", "keep-private")], style: "secondary")
    }

    static func page(_ model: Page) -> SafeHTML {
        let file = model.evidence
        var rows: [(String, SafeHTML)] = [
            ("Agency", "<a href=\"\(SiteURL.agency(file.agencyID).path)\">\(model.agencyName)</a>"),
            ("Original name", "<span id=\"evidence-name\">\(file.originalName)</span>"),
            ("Type", "<span id=\"evidence-kind\">\(file.kind.label)</span> (read from the file's bytes)"),
            ("Size", file.size < 1024 ? "\(file.size) bytes" : "\(EvidenceIntake.describe(bytes: file.size)) (\(HTML.number(file.size)) bytes)"),
            ("SHA-256", "<code id=\"evidence-sha256\">\(file.sha256)</code>"),
            ("Received", "\(file.receivedOn?.iso ?? "not recorded")"),
            ("Visibility", file.isPublic ? "public" : "private (signed-in people only)"),
        ]
        if let url = file.sourceURL { rows.append(("Source", HTML.externalLink(url))) }
        if !file.description.isEmpty { rows.append(("Description", "\(file.description)")) }
        if model.viewer != nil {
            rows.append(("Uploaded", "\(HTML.day(file.createdAt)) by \(file.uploaderLabel)"))
            if let request = file.requestID { rows.append(("Request", "<a href=\"\(SiteURL.request(request).path)\">#\(request)</a>\(file.communicationID.map { ", communication #\($0)" } ?? "")")) }
        }
        let findings = model.findings.map { "<li>Finding #\($0.findingID) (records as of \($0.asOf.iso))\(model.viewer == nil ? "" : " – <a href=\"\(SiteURL.finding($0.findingID).path)\">open</a>" as SafeHTML)</li>" as SafeHTML }.joined()
        let withdrawn = file.withdrawal.map { (withdrawal) -> SafeHTML in
            "<div class=\"message message-error\" role=\"status\" id=\"evidence-withdrawn\"><p><strong>Withdrawn on \(HTML.day(withdrawal.at))</strong>: \(withdrawal.reason). "
                + "Its bytes were deleted; this record stays.\(model.findings.isEmpty ? "" : " The findings below rest on it and need other evidence.")</p></div>"
        } ?? ""
        let mayWithdraw = file.withdrawal == nil && model.viewer.map { PermissionTable.allows($0.account.role, .withdrawEvidence) } == true
        let withdrawForm: SafeHTML = !mayWithdraw ? "" : """
            <details class="danger-zone"><summary>Withdraw this file (uploaded by mistake)</summary>
            <form method="post" action="\(SiteURL.evidenceWithdraw(file.id).path)" class="stacked" id="withdraw-form">\(Forms.csrf(model.viewer?.csrfToken))
            <label for="withdraw-reason">Why? <span class="hint">(kept with the record and in the audit trail)</span></label><input id="withdraw-reason" name="reason" required maxlength="2000">
            <button type="submit">Withdraw and delete the bytes</button></form></details>
            """
        let jpegNote: SafeHTML = file.kind.isImage && file.isPublic ? "<p class=\"note\">Downloads by visitors who are not signed in are served without the image's metadata (EXIF and text, which can include where and when a photo was taken).</p>" as SafeHTML : ""
        return Layout.page(title: "Evidence #\(file.id)", viewer: model.viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.agency(file.agencyID).path)">\(model.agencyName)</a>\(model.viewer == nil ? "" : " › <a href=\"\(SiteURL.agencyEvidence(file.agencyID).path)\">Evidence</a>" as SafeHTML)</p>
        <h1>Evidence #\(file.id)</h1>
        \(Forms.message(model.notice))
        \(withdrawn)
        <dl class="identity">\(rows.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" as SafeHTML }.joined())</dl>
        \(file.withdrawal != nil ? "" : "<p><a class=\"button\" id=\"download-evidence\" href=\"\(SiteURL.evidenceFile(file.id).path)\">Download</a></p>" + visibilityButton(model))
        \(withdrawForm)
        \(jpegNote)
        \(model.viewer == nil ? "" : "<p><a href=\"\(SiteURL.newFinding(agency: file.agencyID).with([("evidence", String(file.id))]))\" id=\"finding-from-evidence\">Enter a finding from this file</a></p>" as SafeHTML)
        \(findings.isEmpty ? "" : "<h2>Findings resting on this file</h2><ul>\(findings)</ul>" as SafeHTML)
        """)
    }
}
