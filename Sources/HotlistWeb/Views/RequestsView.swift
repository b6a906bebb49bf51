import Foundation
import HotlistCore
import HotlistStore

/// Pages for public-records requests. Signed-in only: they name requesters.
enum RequestsView {
    struct ListModel {
        var viewer: Viewer
        var requests: [RecordsRequest]
        var filter: RequestFilter
        var needsAction: [RecordsRequest]
        var today: CalendarDay
    }

    static func statusBadge(_ status: RequestStatus) -> SafeHTML {
        "<span class=\"badge status-\(status.rawValue)\">\(status.label)</span>"
    }

    static func dateCell(_ request: RecordsRequest, today: CalendarDay) -> SafeHTML {
        guard let date = request.actionDate else { return "–" }
        let label = request.dueOn != nil ? "due" : "follow up"
        if request.isOverdue(today: today) { return "<strong class=\"overdue\">overdue</strong> since \(date.iso) (\(label))" }
        return request.status.awaitsAgency ? "\(label) \(date.iso)" : "<span class=\"muted\">\(label) \(date.iso)</span>"
    }

    static func table(_ requests: [RecordsRequest], id: String, caption: String, today: CalendarDay) -> SafeHTML {
        let rows = requests.map { (request) -> SafeHTML in
            """
            <tr class="request-row"><td data-label="Request"><a href="\(SiteURL.request(request.id).path)">#\(request.id)</a></td>
            <td data-label="Agency">\(Layout.agencyLink(request.agencyID, request.agencyName))</td><td data-label="State">\(request.stateCode ?? "–")</td>
            <td data-label="Status">\(statusBadge(request.status))</td><td data-label="Date">\(dateCell(request, today: today))</td>
            <td data-label="Filed">\(request.filedOn?.iso ?? "not yet")</td></tr>
            """
        }.joined(separator: "\n")
        return """
        <div class="table-wrap"><table id="\(id)"><caption>\(caption)</caption>
        <thead><tr><th scope="col">Request</th><th scope="col">Agency</th><th scope="col">State</th><th scope="col">Status</th><th scope="col">Deadline</th><th scope="col">Filed</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    static func list(_ model: ListModel) -> SafeHTML {
        let statusOptions = RequestStatus.allCases.map { "<option value=\"\($0.rawValue)\"\(model.filter.status == $0 ? " selected" : "")>\($0.label)</option>" as SafeHTML }.joined()
        let stateOptions = USState.all.map { "<option value=\"\($0.code)\"\(model.filter.stateCode == $0.code ? " selected" : "")>\($0.code)</option>" as SafeHTML }.joined()
        let needs: SafeHTML = model.needsAction.isEmpty ? "<p>Nothing is overdue or due in the next 7 days.</p>"
            : table(model.needsAction, id: "needs-action", caption: "Overdue or due within 7 days", today: model.today)
        return Layout.page(title: "Requests", current: .requests, viewer: model.viewer, body: """
        <h1>Public-records requests</h1>
        <p class="lede">Start a request from an agency's page (“File a request”), or many at once with a <a href="\(SiteURL.campaigns.path)" id="campaigns-link">campaign</a>.</p>
        <h2>Needs action</h2>
        \(needs)
        <h2>All requests</h2>
        <form method="get" action="\(SiteURL.requests.path)" class="filters" id="request-filter">
        <div class="field"><label for="status">Status</label><select id="status" name="status"><option value="">any</option>\(statusOptions)</select></div>
        <div class="field"><label for="state">State</label><select id="state" name="state"><option value="">any</option>\(stateOptions)</select></div>
        <div class="field"><label for="mine">Whose</label><select id="mine" name="mine"><option value="">everyone's</option><option value="1"\(model.filter.createdBy != nil ? " selected" : "")>mine</option></select></div>
        <div class="field"><button type="submit">Filter</button> <a href="\(SiteURL.requestsCSV.path)" id="requests-csv">Download all as CSV</a> · <a href="\(SiteURL.requestStatistics.path)" id="request-statistics">Statistics</a></div>
        </form>
        \(table(model.requests, id: "requests", caption: "\(model.requests.count) \(model.requests.count == 1 ? "request" : "requests")", today: model.today))
        """)
    }

    static func statistics(viewer: Viewer, byState: [RequestStatistics], byAgency: [RequestStatistics]) -> SafeHTML {
        func percent(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }
        func table(_ rows: [RequestStatistics], id: String, caption: String, first: String) -> SafeHTML {
            let body = rows.map { (row) -> SafeHTML in
                "<tr><td data-label=\"\(first)\">\(row.label)</td><td class=\"num\" data-label=\"Filed\">\(row.filed)</td><td class=\"num\" data-label=\"Answered\">\(percent(row.shareAnswered))</td><td class=\"num\" data-label=\"Denied\">\(percent(row.shareDenied))</td><td class=\"num\" data-label=\"Median days to answer\">\(row.medianDaysToAnswer.map { String(format: "%.1f", $0) } ?? "–")</td></tr>"
            }.joined()
            return "<div class=\"table-wrap\"><table id=\"\(id)\"><caption>\(caption)</caption><thead><tr><th scope=\"col\">\(first)</th><th scope=\"col\" class=\"num\">Filed</th><th scope=\"col\" class=\"num\">Answered</th><th scope=\"col\" class=\"num\">Denied</th><th scope=\"col\" class=\"num\">Median days to answer</th></tr></thead><tbody>\(body)</tbody></table></div>"
        }
        return Layout.page(title: "Request statistics", current: .requests, viewer: viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.requests.path)">Requests</a></p>
        <h1>How agencies answer</h1>
        <p class="lede">Over filed requests: the share answered (records, partial records, none found, or a denial), the share denied at least once, and the median calendar days from filing to the first answer.</p>
        \(table(byState, id: "stats-by-state", caption: "By state", first: "State"))
        \(table(byAgency, id: "stats-by-agency", caption: "By agency", first: "Agency"))
        """)
    }

    struct NewModel {
        var viewer: Viewer
        var agencyID: Int
        var agencyName: String
        var law: StateRecordsLaw?
        var recordsEmail: String?
        var portalURL: String?
        var requester: Requester
        /// Who the letter below was written for.
        var composedFor: Requester
        /// What was typed, when the form comes back (a problem, or the letter written again for another requester).
        var form: DraftState?
        var subject: String
        var letter: String
        var warnings: [String]
        var problems: [InputProblem]
        /// The residency warning was given: offer "file it anyway".
        var askResidency = false
        /// Requests to this agency still in play (a second one is likely a duplicate).
        var openRequests: [RecordsRequest] = []
    }

    /// The new-request form's values as typed.
    struct DraftState: Sendable {
        var requesterName: String?; var requesterEmail: String?; var requesterAddress: String?; var requesterState: String?
        var channel: String?; var portalKind: String?; var channelURL: String?
    }

    static func option(_ value: String, _ label: String, selected: String?) -> SafeHTML {
        "<option value=\"\(value)\"\(selected == value ? " selected" : "")>\(label)</option>"
    }

    static func new(_ model: NewModel) -> SafeHTML {
        let channel = model.form?.channel ?? (model.recordsEmail == nil && model.portalURL != nil ? "portal" : "email")
        let channels = FilingChannel.allCases.map { option($0.rawValue, $0.label, selected: channel) }.joined()
        let portals = ([option("", "—", selected: model.form?.portalKind ?? "")] + PortalKind.allCases.map { option($0.rawValue, $0.label, selected: model.form?.portalKind) }).joined()
        let states = ([option("", "—", selected: model.form?.requesterState ?? "")] + USState.all.map { option($0.code, $0.name, selected: model.form?.requesterState) }).joined()
        let lawText: SafeHTML = model.law.map { "\($0.lawName) (\($0.citation)): \($0.deadlineSummary) \(Layout.grade($0.confidence))" } ?? "state not known"
        var warningTexts = model.warnings
        if !model.openRequests.isEmpty {
            warningTexts.insert("This agency already has \(model.openRequests.count == 1 ? "an open request" : "\(model.openRequests.count) open requests") (\(model.openRequests.map { "#\($0.id), \($0.status.label)" }.joined(separator: "; "))). Check \(model.openRequests.count == 1 ? "it" : "them") before asking again.", at: 0)
        }
        let warnings = warningTexts.map { Forms.message($0, kind: .warning) }.joined()
        let openLinks: SafeHTML = model.openRequests.isEmpty ? "" : "<p id=\"open-requests\">Open: " + model.openRequests.map { "<a href=\"\(SiteURL.request($0.id).path)\">request #\($0.id)</a>" as SafeHTML }.joined(separator: ", ") + "</p>"
        let residencyAck: SafeHTML = model.askResidency ? """
        <label class="checkbox" for="residency_ack"><input type="checkbox" id="residency_ack" name="residency_ack" value="yes"> File it anyway: I understand the agency may refuse a requester who is not a resident</label>
        """ : ""
        return Layout.page(title: "New request: \(model.agencyName)", current: .requests, viewer: model.viewer, body: """
        <p class="crumbs">\(Layout.agencyLink(model.agencyID, model.agencyName))</p>
        <h1>New request to \(model.agencyName)</h1>
        <p>Law: \(lawText)</p>
        \(warnings)
        \(openLinks)
        \(Forms.problems(model.problems))
        <form method="post" action="\(SiteURL.requests.path)" class="stacked wide" id="new-request-form">
        \(Forms.csrf(model.viewer.csrfToken))
        <input type="hidden" name="agency" value="\(model.agencyID)">
        <input type="hidden" name="composed_name" value="\(model.composedFor.name)">
        <input type="hidden" name="composed_email" value="\(model.composedFor.email)">
        <input type="hidden" name="composed_state" value="\(model.composedFor.stateCode ?? "")">
        <label for="requester_name">Requester (signs the letter)</label><input id="requester_name" name="requester_name" required value="\(model.form?.requesterName ?? model.requester.name)">
        <label for="requester_email">Reply email</label><input type="email" id="requester_email" name="requester_email" required value="\(model.form?.requesterEmail ?? model.requester.email)">
        <label for="requester_state">Requester's state <span class="hint">(for states that answer residents only)</span></label><select id="requester_state" name="requester_state">\(states)</select>
        <label for="requester_address">Postal address <span class="hint">(needed for postal filing)</span></label><textarea id="requester_address" name="requester_address" rows="2">\(model.form?.requesterAddress ?? "")</textarea>
        \(residencyAck)
        <button type="submit" name="action" value="recompose" class="secondary" id="recompose">Write the letter again for this requester</button>
        <label for="channel">How it will be filed</label><select id="channel" name="channel">\(channels)</select>
        <label for="portal_kind">Portal <span class="hint">(if filed through one)</span></label><select id="portal_kind" name="portal_kind">\(portals)</select>
        <label for="channel_url">Portal or MuckRock address</label><input type="url" id="channel_url" name="channel_url" value="\(model.form?.channelURL ?? model.portalURL ?? "")">
        <label for="subject">Subject</label><input id="subject" name="subject" required value="\(model.subject)">
        <label for="letter">Letter <span class="hint">(edit freely; it is saved as you leave it)</span></label><textarea id="letter" name="letter" rows="24" required>\(model.letter)</textarea>
        <button type="submit" name="action" value="save" id="save-draft">Save draft</button>
        </form>
        """)
    }

    struct DetailModel {
        var viewer: Viewer
        var detail: RequestDetail
        var today: CalendarDay
        var problems: [InputProblem]
        var message: String?
        var canSendByEmail = false
        /// Files that came with this request's answers.
        var evidence: [EvidenceFile] = []
        /// The state's records law, for its residency rule.
        var law: StateRecordsLaw?
        /// The author, reviewers and admins may withdraw; admins may reopen.
        var mayWithdraw = false
        var mayReopen = false
    }

    /// What residency means for this request, or nil where the state answers anyone.
    static func residencyNote(_ request: RecordsRequest, law: StateRecordsLaw?) -> SafeHTML? {
        guard let law, law.residency == .yes else { return nil }
        if request.requester.stateCode == law.stateCode {
            if request.letter.contains("I am a resident of \(law.stateName).") {
                return "<p id=\"residency\">\(law.stateName) answers its residents only; the requester lives there, and the letter says so.</p>"
            }
            return Forms.message("\(law.stateName) answers its residents only. The requester lives there, but the letter does not say so: add “I am a resident of \(law.stateName).” before filing.", kind: .warning)
        }
        return Forms.message(LetterComposer.residencyWarning(law, requesterState: request.requester.stateCode), kind: .warning)
    }

    static func attachment(_ file: EvidenceFile) -> SafeHTML {
        "<a href=\"\(SiteURL.evidence(file.id).path)\" class=\"attachment\" id=\"evidence-\(file.id)\">#\(file.id) \(file.originalName)</a> <span class=\"hint\">(\(file.kind.label), \(EvidenceIntake.describe(bytes: file.size))\(file.isPublic ? ", public" : ""))</span>"
            + " <a class=\"edit-link\" href=\"\(SiteURL.newFinding(agency: file.agencyID).with([("evidence", String(file.id))]))\">enter what it shows</a>"
    }

    /// Attach a file from the agency's answer: stored as evidence about the agency, linked to this request.
    static func attachForm(_ model: DetailModel) -> SafeHTML {
        let request = model.detail.request
        let entries: SafeHTML = "<option value=\"\">the request in general</option>" + model.detail.communications.map {
            "<option value=\"\($0.id)\">\($0.occurredOn.iso) \($0.direction == .incoming ? "from" : "to") the agency: \(String($0.subject.prefix(60)))</option>"
        }.joined()
        return """
        <form method="post" action="\(SiteURL.agencyEvidence(request.agencyID).path)" enctype="multipart/form-data" class="stacked" id="attach-form">\(Forms.csrf(model.viewer.csrfToken))
        <input type="hidden" name="request_id" value="\(request.id)"><input type="hidden" name="back" value="\(SiteURL.request(request.id).path)">
        <label for="attach-file">Attach a file from the agency's answer <span class="hint">(PDF, PNG, JPEG, CSV, XLSX, ZIP, EML)</span></label><input type="file" id="attach-file" name="file" required>
        <label for="attach-communication">It came with</label><select id="attach-communication" name="communication_id">\(entries)</select>
        <label for="attach-received">Received on</label><input type="date" id="attach-received" name="received" max="\(model.today.iso)">
        \(EvidenceView.publicCheckbox(model.viewer, id: "attach-public"))
        <button type="submit">Attach</button></form>
        """
    }

    static func detail(_ model: DetailModel) -> SafeHTML {
        let request = model.detail.request
        let csrf = model.viewer.csrfToken
        let possible = (RequestTransitions.allowed[request.status] ?? []).filter { $0 != .filed && ($0 != .withdrawn || model.mayWithdraw) }.sorted { $0.rawValue < $1.rawValue }
        let reopenForm: SafeHTML = request.status == .withdrawn && model.mayReopen ? """
            <form method="post" action="\(SiteURL.requestAction(request.id, .reopen).path)" class="stacked" id="reopen-form">\(Forms.csrf(csrf))
            <label for="reopen-note">Why reopen it? <span class="hint">(kept in the audit trail)</span></label><input id="reopen-note" name="note" required maxlength="2000">
            <button type="submit">Reopen this request</button></form>
            """ : ""
        let statusForm: SafeHTML = possible.isEmpty ? "<p>This request is \(request.status.label); it cannot change status.</p>" + reopenForm : """
            <form method="post" action="\(SiteURL.requestAction(request.id, .status).path)" class="stacked" id="status-form">\(Forms.csrf(csrf))
            <label for="new-status">New status</label><select id="new-status" name="status">\(possible.map { option($0.rawValue, $0.label, selected: nil) }.joined())</select>
            <label for="status-date">On <span class="hint">(empty for today)</span></label><input type="date" id="status-date" name="date" max="\(model.today.iso)">
            <label for="status-note">Note</label><input id="status-note" name="note">
            <button type="submit">Change status</button></form>
            """
        let editForm: SafeHTML = request.status == .draft ? draftForm(model) : ""
        let fileForm: SafeHTML = request.status == .draft ? """
            <h2>File it</h2>
            <p>Send the letter (\(request.channel.label)), then record the day you sent it. The due date is counted from the day the agency received it.</p>
            \(filingHelp(model.detail))
            \(model.canSendByEmail && request.channel == .email && model.detail.agencyRecordsEmail != nil ? "<p>" + Forms.postButton(SiteURL.requestAction(request.id, .send).path, label: "Send it now by email", csrf: csrf, id: "send-email") + "</p><p>or record a filing you made yourself:</p>" : "")
            <form method="post" action="\(SiteURL.requestAction(request.id, .file).path)" class="stacked" id="file-form">\(Forms.csrf(csrf))
            <label for="filed_on">Filed on <span class="hint">(empty for today)</span></label><input type="date" id="filed_on" name="filed_on" max="\(model.today.iso)">
            <label for="received_on">Received by the agency on <span class="hint">(if later, e.g. by post)</span></label><input type="date" id="received_on" name="received_on">
            <label for="tracking_number">Tracking number <span class="hint">(if the agency gave one)</span></label><input id="tracking_number" name="tracking_number">
            <button type="submit">Mark as filed</button></form>
            """ : ""
        let due: SafeHTML = {
            guard request.filedOn != nil else { return "<p>Not filed yet.</p>" }
            if !request.status.awaitsAgency {
                // Answered, closed or with the requester: the date is history, not a to-do.
                return request.dueOn.map { "<p class=\"muted\" id=\"was-due\">The answer was due \($0.inWords); the request is now \(request.status.label).</p>" as SafeHTML } ?? ""
            }
            let date: SafeHTML = request.dueOn.map { "Due <strong id=\"due-on\">\($0.iso)</strong>" } ?? request.followUpOn.map { "No statutory due date; follow up on <strong id=\"follow-up-on\">\($0.iso)</strong>" } ?? ""
            let overdue = request.isOverdue(today: model.today) ? " <strong class=\"overdue\" id=\"overdue\">overdue</strong>" as SafeHTML : ""
            return "<p>\(date)\(overdue)</p><p class=\"basis\" id=\"due-basis\">Basis: \(request.dueBasis ?? "")</p>"
        }()
        let log = model.detail.communications.map { (entry) -> SafeHTML in
            let files = model.evidence.filter { $0.communicationID == entry.id }.map(attachment)
            return "<li class=\"log-entry log-\(entry.direction.rawValue)\"><strong>\(entry.occurredOn.iso)</strong> \(entry.direction == .incoming ? "from the agency" : "to the agency") by \(entry.channel.label): \(entry.subject)<details><summary>Text</summary><pre>\(entry.text)</pre></details>\(files.isEmpty ? "" : "<p>Attached: \(files.joined(separator: "; "))</p>" as SafeHTML)</li>"
        }.joined()
        let looseFiles = model.evidence.filter { $0.communicationID == nil }.map { "<li>\(attachment($0))</li>" as SafeHTML }.joined()
        let history = model.detail.history.map { "<li>\($0.occurredOn.iso): \($0.from.map { $0.label + " → " } ?? "")\($0.to.label)\($0.note.isEmpty ? "" : " (\($0.note))")</li>" as SafeHTML }.joined()
        let fees = model.detail.fees.map { "<li>\($0.occurredOn.iso) \($0.kind.rawValue) \(FeeEntry.dollars($0.amountCents))\($0.note.isEmpty ? "" : ": " + $0.note)</li>" as SafeHTML }.joined()
        let exemptions = model.detail.exemptions.map { "<li class=\"exemption\">\($0.citedText)\($0.libraryEntry.map { " <span class=\"muted\">(\($0.name))</span>" as SafeHTML } ?? "")</li>" as SafeHTML }.joined()
        let letters: SafeHTML = [
            request.status.awaitsAgency ? "<a class=\"button\" id=\"follow-up-letter\" href=\"\(SiteURL.requestLetter(request.id, .followUp).path)\">Write a follow-up</a>" as SafeHTML : "",
            [.denied, .partiallyFulfilled, .noResponsiveRecords, .appealing].contains(request.status) ? "<a class=\"button\" id=\"appeal-letter\" href=\"\(SiteURL.requestLetter(request.id, .appeal).path)\">Write the appeal</a>" as SafeHTML : "",
        ].filter { !$0.isEmpty }.joined(separator: " ")
        let channels = FilingChannel.allCases.map { option($0.rawValue, $0.label, selected: request.channel.rawValue) }.joined()
        let library = ([option("", "none fits", selected: "")] + ExemptionLibrary.all.map { option($0.id, $0.name, selected: nil) }).joined()
        return Layout.page(title: "Request #\(request.id): \(request.agencyName)", current: .requests, viewer: model.viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.requests.path)">Requests</a> › \(Layout.agencyLink(request.agencyID, request.agencyName))</p>
        <h1>Request #\(request.id) to \(request.agencyName)</h1>
        \(Forms.message(model.message))
        \(Forms.problems(model.problems))
        \(residencyNote(request, law: model.law) ?? "")
        <p>Status: <span id="request-status">\(statusBadge(request.status))</span> · by \(request.channel.label)\(request.channelURL.map { " · " + HTML.externalLink($0) } ?? "")\(request.trackingNumbers.isEmpty ? "" : " · tracking <span id=\"tracking-numbers\">\(request.trackingNumbers.joined(separator: ", "))</span>" as SafeHTML)</p>
        \(due)
        \(letters.isEmpty ? "" : "<p>\(letters)</p>" as SafeHTML)
        \(fileForm)
        <h2>The letter</h2>
        <p><strong>\(request.subject)</strong></p>
        <pre class="letter" id="letter-text">\(request.letter)</pre>
        \(editForm)
        \(request.channel != .email ? "" : model.detail.agencyRecordsEmail.map { "<p><a href=\"\(SiteURL.requestEML(request.id).path)\" id=\"download-eml\">Download as an email (.eml)</a> · <a href=\"\(RequestEmail.message(request, to: $0, now: Date()).mailto)\" id=\"mailto\">Open in your mail program</a></p>" as SafeHTML }
            ?? "<p id=\"no-records-email\">No records email is known for \(request.agencyName), so there is no email to download yet. <a href=\"\(SiteURL.recordsContact(request.agencyID).path)\">Correct this</a> by adding it, or file through the agency's portal or by post.</p>" as SafeHTML)
        <h2>Communications</h2>
        <ul class="log" id="communications">\(log.isEmpty ? "<li>Nothing logged yet.</li>" as SafeHTML : log)</ul>
        \(looseFiles.isEmpty ? "" : "<h3>Files received</h3><ul id=\"request-files\">\(looseFiles)</ul>" as SafeHTML)
        \(attachForm(model))
        <form method="post" action="\(SiteURL.requestAction(request.id, .log).path)" class="stacked" id="log-form">\(Forms.csrf(csrf))
        <label for="log-direction">Direction</label><select id="log-direction" name="direction"><option value="incoming">from the agency</option><option value="outgoing">to the agency</option></select>
        <label for="log-channel">By</label><select id="log-channel" name="channel">\(channels)</select>
        <label for="log-date">On <span class="hint">(empty for today)</span></label><input type="date" id="log-date" name="date" max="\(model.today.iso)">
        <label for="log-subject">Subject or summary</label><input id="log-subject" name="subject">
        <label for="log-text">Text</label><textarea id="log-text" name="text" rows="6"></textarea>
        <button type="submit">Add to log</button></form>
        <h2>Status</h2>
        \(statusForm)
        <h2>Exemptions the agency cited</h2>
        <ul id="exemptions">\(exemptions.isEmpty ? "<li>None recorded.</li>" as SafeHTML : exemptions)</ul>
        <form method="post" action="\(SiteURL.requestAction(request.id, .exemption).path)" class="stacked" id="exemption-form">\(Forms.csrf(csrf))
        <label for="cited_text">As the agency cited it</label><input id="cited_text" name="cited_text">
        <label for="exemption">Closest library entry <span class="hint">(its answer goes into the appeal)</span></label><select id="exemption" name="exemption">\(library)</select>
        <button type="submit">Record exemption</button></form>
        <h2>Fees</h2>
        <ul id="fees">\(fees.isEmpty ? "<li>None.</li>" as SafeHTML : fees)</ul>
        <form method="post" action="\(SiteURL.requestAction(request.id, .fee).path)" class="stacked" id="fee-form">\(Forms.csrf(csrf))
        <label for="fee-kind">Kind</label><select id="fee-kind" name="kind">\(FeeEntry.Kind.allCases.map { option($0.rawValue, $0.rawValue, selected: nil) }.joined())</select>
        <label for="fee-amount">Amount (dollars)</label><input id="fee-amount" name="amount" inputmode="decimal">
        <label for="fee-date">On <span class="hint">(empty for today)</span></label><input type="date" id="fee-date" name="date" max="\(model.today.iso)">
        <label for="fee-note">Note</label><input id="fee-note" name="note">
        <button type="submit">Add fee</button></form>
        <h2>Deadline changes</h2>
        <form method="post" action="\(SiteURL.requestAction(request.id, .extend).path)" class="stacked" id="extend-form">\(Forms.csrf(csrf))
        <label for="extend-days">Extension the agency claimed (days)</label><input id="extend-days" name="days" inputmode="numeric">
        <label for="extend-note">What they said</label><input id="extend-note" name="note">
        <button type="submit">Record extension</button></form>
        <form method="post" action="\(SiteURL.requestAction(request.id, .tracking).path)" class="stacked" id="tracking-form">\(Forms.csrf(csrf))
        <label for="tracking-add">Add a tracking number</label><input id="tracking-add" name="tracking_number">
        <button type="submit">Add</button></form>
        <h2>History</h2>
        <ul id="history">\(history)</ul>
        """)
    }

    /// A draft can still change: who signs it, how it is filed, its words.
    static func draftForm(_ model: DetailModel) -> SafeHTML {
        let request = model.detail.request
        let channels = FilingChannel.allCases.map { option($0.rawValue, $0.label, selected: request.channel.rawValue) }.joined()
        let portals = ([option("", "—", selected: request.portalKind?.rawValue ?? "")] + PortalKind.allCases.map { option($0.rawValue, $0.label, selected: request.portalKind?.rawValue) }).joined()
        let states = ([option("", "—", selected: request.requester.stateCode ?? "")] + USState.all.map { option($0.code, $0.name, selected: request.requester.stateCode) }).joined()
        return """
        <details id="edit-draft"><summary>Edit the draft (requester, channel, letter)</summary>
        <form method="post" action="\(SiteURL.requestAction(request.id, .draft).path)" class="stacked wide" id="draft-form">\(Forms.csrf(model.viewer.csrfToken))
        <label for="draft-requester-name">Requester (signs the letter)</label><input id="draft-requester-name" name="requester_name" required value="\(request.requester.name)">
        <label for="draft-requester-email">Reply email</label><input type="email" id="draft-requester-email" name="requester_email" required value="\(request.requester.email)">
        <label for="draft-requester-state">Requester's state</label><select id="draft-requester-state" name="requester_state">\(states)</select>
        <label for="draft-requester-address">Postal address</label><textarea id="draft-requester-address" name="requester_address" rows="2">\(request.requester.postalAddress ?? "")</textarea>
        <label for="draft-channel">How it will be filed</label><select id="draft-channel" name="channel">\(channels)</select>
        <label for="draft-portal-kind">Portal</label><select id="draft-portal-kind" name="portal_kind">\(portals)</select>
        <label for="draft-channel-url">Portal or MuckRock address</label><input type="url" id="draft-channel-url" name="channel_url" value="\(request.channelURL ?? "")">
        <label for="draft-subject">Subject</label><input id="draft-subject" name="subject" required value="\(request.subject)">
        <label for="draft-letter">Letter <span class="hint">(a changed requester's name and email are carried into it)</span></label><textarea id="draft-letter" name="letter" rows="20" required>\(request.letter)</textarea>
        <button type="submit">Save the draft</button></form></details>
        """
    }

    static func filingHelp(_ detail: RequestDetail) -> SafeHTML {
        switch detail.request.channel {
        case .email:
            return detail.agencyRecordsEmail.map { "<p>Email it to <strong>\($0)</strong>: download the .eml below or open it in your mail program.</p>" as SafeHTML }
                ?? "<p class=\"warning\">No records email is known for this agency; add it on the agency page or choose another channel.</p>"
        case .portal: return "<p>Paste the letter into the agency's portal\(detail.request.channelURL.map { " (\(HTML.externalLink($0)))" as SafeHTML } ?? "") and note the tracking number it gives.</p>"
        case .muckrock: return "<p>File it on MuckRock and keep the request's address.</p>"
        case .postal: return "<p>Print it, sign it and post it; record the day the agency received it if you know it.</p>"
        }
    }

    struct LetterModel {
        var viewer: Viewer
        var request: RecordsRequest
        var kind: RequestLetters.Kind
        var letter: LetterComposer.Letter
    }

    static func letter(_ model: LetterModel) -> SafeHTML {
        let title = model.kind == .appeal ? "Appeal" : "Follow-up"
        return Layout.page(title: "\(title): request #\(model.request.id)", current: .requests, viewer: model.viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.request(model.request.id).path)">Request #\(model.request.id)</a></p>
        <h1>\(title) for \(model.request.agencyName)</h1>
        \(model.letter.warnings.map { Forms.message($0, kind: .warning) }.joined())
        <p><strong id="generated-subject">\(model.letter.subject)</strong></p>
        <pre class="letter" id="generated-letter">\(model.letter.body)</pre>
        <p>Send it, then log it on the request (“to the agency”)\(model.kind == .appeal ? " and set the status to appealing" : "").</p>
        """)
    }
}
