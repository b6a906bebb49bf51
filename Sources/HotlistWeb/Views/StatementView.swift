import HotlistCore

/// Agencies' public statements and policies.
enum StatementView {
    /// "Public statement, 2026-03-02, Chief of Police: “…” (source)".
    static func summary(_ statement: AgencyStatement) -> SafeHTML {
        let source: SafeHTML = statement.sourceURL.map { HTML.externalLink($0, text: "source") }
            ?? statement.evidenceID.map { "<a href=\"\(SiteURL.evidence($0).path)\">evidence #\($0)</a>" as SafeHTML } ?? ""
        return "<span class=\"statement\" id=\"statement-\(statement.id)\">\(statement.kind.label.capitalized), \(statement.saidOn.iso), \(statement.speaker): “\(statement.text)” \(source)\(statement.deniesImmigrationUse ? " <span class=\"badge\">says no immigration use</span>" as SafeHTML : "")</span>"
    }

    /// What the statement form shows again after a rejected submission: the values as typed.
    struct FormState: Sendable {
        var kind = "statement"
        var text = ""
        var speaker = ""
        var saidOn = ""
        var sourceURL = ""
        var evidenceID: String?
        var deniesImmigrationUse = false
    }

    static func form(viewer: Viewer, agency: AgencyLink, evidence: [EvidenceFile], form: FormState, problems: [InputProblem]) -> SafeHTML {
        let kind = form.kind
        let files: SafeHTML = "<option value=\"\">none</option>" + evidence.map { "<option value=\"\($0.id)\"\(form.evidenceID == String($0.id) ? " selected" : "")>#\($0.id) \($0.originalName)</option>" as SafeHTML }.joined()
        return Layout.page(title: "Record a statement: \(agency.name)", viewer: viewer, body: """
        <p class="crumbs"><a href="\(SiteURL.agency(agency.id).path)">\(agency.name)</a> › <a href="\(SiteURL.agencyEvidence(agency.id).path)">Evidence</a></p>
        <h1>Record a statement or policy</h1>
        <p class="lede">What \(agency.name) or its officials said or adopted about license-plate readers and immigration, quoted, with its source. It becomes public, and is held against what the records show, once a second person verifies it.</p>
        \(Forms.problems(problems))
        <form method="post" action="\(SiteURL.agencyStatements(agency.id).path)" class="stacked" id="statement-form">
        \(Forms.csrf(viewer.csrfToken))
        <fieldset><legend>Kind</legend>
        <label class="radio"><input type="radio" name="kind" value="statement" id="kind-statement"\(kind == "statement" ? " checked" : "")> Public statement</label>
        <label class="radio"><input type="radio" name="kind" value="policy" id="kind-policy"\(kind == "policy" ? " checked" : "")> Written policy (prohibited uses)</label>
        </fieldset>
        <label for="statement-text">The words, quoted</label><textarea id="statement-text" name="text" rows="3">\(form.text)</textarea>
        <label for="statement-speaker">Who said it <span class="hint">(office or name; for a policy, its title)</span></label><input type="text" id="statement-speaker" name="speaker" value="\(form.speaker)">
        <label for="statement-date">Date</label><input type="date" id="statement-date" name="said_on" value="\(form.saidOn)">
        <label for="statement-source">Source address</label><input type="url" id="statement-source" name="source_url" value="\(form.sourceURL)">
        <label for="statement-evidence">or an evidence file</label><select id="statement-evidence" name="evidence_id">\(files)</select>
        <label class="checkbox"><input type="checkbox" id="statement-denies" name="denies_immigration_use"\(form.deniesImmigrationUse ? " checked" : "")> It says ALPR data is not (or must not be) used for immigration enforcement</label>
        <button type="submit">Save for review</button>
        </form>
        """)
    }
}
