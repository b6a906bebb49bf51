import HotlistCore

/// The forms to add, correct and remove an agency's ALPR contracts, its governing body and its
/// public officials. Forms keep what was typed and list every problem at once.
enum ContractsView {
    /// What a form shows: typed text by field name.
    typealias Values = [String: String]

    struct Model {
        var viewer: Viewer
        var agencyID: Int
        var agencyName: String
        var contracts: AgencyContracts
        /// The add form's (or the edit form's) values and problems.
        var values: Values = [:]
        var problems: [InputProblem] = []
        var notice: String? = nil
    }

    static func values(_ contract: ALPRContract) -> Values {
        var values: Values = ["vendor": contract.vendor, "end_kind": contract.endKind.rawValue, "source_url": contract.source.url,
                              "source_title": contract.source.title, "confidence": contract.confidence.rawValue, "notes": contract.notes]
        values["start_date"] = contract.startDate?.iso; values["term_months"] = contract.termMonths.map(String.init)
        values["end_date"] = contract.endDate?.iso; values["cameras"] = contract.cameraCount.map(String.init)
        values["amount_usd"] = contract.amountCents.map { ALPRContract.dollars($0).replacingOccurrences(of: "$", with: "").replacingOccurrences(of: ",", with: "") }
        values["evidence_id"] = contract.evidenceID.map(String.init)
        return values
    }

    static func values(_ official: PublicOfficial) -> Values {
        var values: Values = ["name": official.name, "office": official.office, "source_url": official.source.url, "source_title": official.source.title]
        values["email"] = official.email; values["phone"] = official.phone; values["web_page"] = official.webPage
        values["term_start"] = official.termStart?.iso; values["term_end"] = official.termEnd?.iso
        return values
    }

    static func values(_ body: GoverningBody?) -> Values {
        guard let body else { return [:] }
        var values: Values = ["body_kind": body.kind.rawValue, "body_name": body.name, "source_url": body.source.url, "source_title": body.source.title]
        values["body_web_page"] = body.webPage
        return values
    }

    /// The contracts page: each contract with its edit and remove buttons, and the add form.
    static func contractsPage(_ model: Model) -> SafeHTML {
        let items = model.contracts.contracts.map { contract -> SafeHTML in
            let id = contract.id ?? 0
            return item("contract", id: id, "<strong>\(contract.vendor)</strong> \(AgencyContractsSection.dates(contract, today: nil))", model: model,
                        edit: .agencyContract(model.agencyID, contract: id), remove: .agencyContractRemove(model.agencyID, contract: id))
        }.joined()
        return Layout.page(title: "Contracts: \(model.agencyName)", viewer: model.viewer, body: """
        \(header(model, title: "ALPR contracts"))
        \(items.isEmpty ? "<p>No contract on record yet.</p>" as SafeHTML : "<ul id=\"contract-list\">\(items)</ul>")
        <h2 id="add-contract-heading">Add a contract</h2>
        \(Forms.problems(model.problems))
        \(contractForm(model, action: SiteURL.agencyContracts(model.agencyID).path, button: "Add the contract"))
        """)
    }

    /// A stored contract or official in a list, with its edit link and remove button.
    static func item(_ kind: String, id: Int, _ text: SafeHTML, model: Model, edit: SiteURL, remove: SiteURL) -> SafeHTML {
        """
        <li id="\(kind)-item-\(id)">\(text)
        <a class="edit-link" href="\(edit.path)">Edit</a>
        \(Forms.postButton(remove.path, label: "Remove", csrf: model.viewer.csrfToken, id: "remove-\(kind)-\(id)", style: "secondary"))</li>
        """
    }

    static func editContractPage(_ model: Model, contractID: Int) -> SafeHTML {
        Layout.page(title: "Edit contract: \(model.agencyName)", viewer: model.viewer, body: """
        \(header(model, title: "Edit a contract"))
        \(Forms.problems(model.problems))
        \(contractForm(model, action: SiteURL.agencyContract(model.agencyID, contract: contractID).path, button: "Save"))
        """)
    }

    static func header(_ model: Model, title: String) -> SafeHTML {
        """
        <p class="crumbs"><a href="\(SiteURL.agency(model.agencyID).path)">\(model.agencyName)</a></p>
        <h1>\(title)</h1>
        \(Forms.message(model.notice))
        <p class="lede">Every fact needs a source (the contract, a council agenda, a city page). Your change is saved with your name in the audit trail (seen by admins only) and shows on the agency's public page at once, with its source.</p>
        """
    }

    static func contractForm(_ model: Model, action: String, button: String) -> SafeHTML {
        let values = model.values
        let kinds = ContractDateKind.allCases.map { "<option value=\"\($0.rawValue)\"\(values["end_kind"] == $0.rawValue ? " selected" : "")>\($0 == .renewal ? "renewal (renews on that date)" : "expiry (runs out on that date)")</option>" as SafeHTML }.joined()
        let grades = Confidence.allCases.map { "<option value=\"\($0.rawValue)\"\((values["confidence"] ?? "medium") == $0.rawValue ? " selected" : "")>\($0.rawValue)</option>" as SafeHTML }.joined()
        return """
        <form method="post" action="\(action)" class="stacked" id="contract-form">
        \(Forms.csrf(model.viewer.csrfToken))
        \(field("vendor", "Vendor", values, hint: "e.g. Flock Safety"))
        \(field("start_date", "Start date", values, type: "date"))
        \(field("term_months", "Term in months", values, type: "number"))
        \(field("end_date", "Renewal or expiry date", values, type: "date"))
        <label for="end_kind">That date is the contract's</label><select id="end_kind" name="end_kind">\(kinds)</select>
        \(field("amount_usd", "Amount in US dollars", values, hint: "e.g. 125000 or 125,000.00"))
        \(field("cameras", "Number of cameras", values, type: "number"))
        \(field("evidence_id", "Signed document: evidence record number", values, type: "number", hint: "optional; upload it under the agency's evidence first"))
        \(field("source_url", "Source address", values, type: "url", hint: "required"))
        \(field("source_title", "Source title", values, hint: "required, e.g. City council agenda, 2025-03-11, item 7"))
        <label for="confidence">Confidence <span class="hint">(high: the contract or an official record)</span></label><select id="confidence" name="confidence">\(grades)</select>
        <label for="notes">Notes</label><textarea id="notes" name="notes" rows="3">\(values["notes"] ?? "")</textarea>
        <button type="submit">\(button)</button>
        </form>
        """
    }

    static func field(_ name: String, _ label: String, _ values: Values, type: String = "text", hint: String? = nil) -> SafeHTML {
        let hintText: SafeHTML = hint.map { " <span class=\"hint\">(\($0))</span>" } ?? ""
        return "<label for=\"\(name)\">\(label)\(hintText)</label><input type=\"\(type)\" id=\"\(name)\" name=\"\(name)\" value=\"\(values[name] ?? "")\">"
    }

    /// The governing body's form, the officials with edit and remove buttons, and the add form.
    static func officialsPage(_ model: Model, bodyValues: Values, bodyProblems: [InputProblem]) -> SafeHTML {
        let items = model.contracts.officials.map { official -> SafeHTML in
            let id = official.id ?? 0
            return item("official", id: id, "<strong>\(official.name)</strong>, \(official.office)", model: model,
                        edit: .agencyOfficial(model.agencyID, official: id), remove: .agencyOfficialRemove(model.agencyID, official: id))
        }.joined()
        let kinds = GoverningBodyKind.allCases.map { "<option value=\"\($0.rawValue)\"\(bodyValues["body_kind"] == $0.rawValue ? " selected" : "")>\($0.label)</option>" as SafeHTML }.joined()
        let removeBody: SafeHTML = model.contracts.body == nil ? "" : Forms.postButton(SiteURL.agencyGoverningBodyRemove(model.agencyID).path, label: "Remove the governing body", csrf: model.viewer.csrfToken, id: "remove-body", style: "secondary")
        return Layout.page(title: "Who decides: \(model.agencyName)", viewer: model.viewer, body: """
        \(header(model, title: "Who decides the contract"))
        <h2 id="body-heading">Governing body</h2>
        \(Forms.problems(bodyProblems))
        <form method="post" action="\(SiteURL.agencyGoverningBody(model.agencyID).path)" class="stacked" id="body-form">
        \(Forms.csrf(model.viewer.csrfToken))
        <label for="body_kind">Kind</label><select id="body_kind" name="body_kind">\(kinds)</select>
        \(field("body_name", "Name", bodyValues, hint: "e.g. Reno City Council"))
        \(field("body_web_page", "Web page", bodyValues, type: "url"))
        <label for="body_source_url">Source address <span class="hint">(required)</span></label><input type="url" id="body_source_url" name="source_url" value="\(bodyValues["source_url"] ?? "")">
        <label for="body_source_title">Source title <span class="hint">(required)</span></label><input type="text" id="body_source_title" name="source_title" value="\(bodyValues["source_title"] ?? "")">
        <button type="submit">Save the governing body</button>
        </form>
        \(removeBody)
        <h2 id="officials-heading">Public officials</h2>
        \(items.isEmpty ? "<p>No officials on record yet.</p>" as SafeHTML : "<ul id=\"official-list\">\(items)</ul>")
        <h3 id="add-official-heading">Add an official</h3>
        \(Forms.problems(model.problems))
        \(officialForm(model, action: SiteURL.agencyOfficials(model.agencyID).path, button: "Add the official"))
        """)
    }

    static func editOfficialPage(_ model: Model, officialID: Int) -> SafeHTML {
        Layout.page(title: "Edit official: \(model.agencyName)", viewer: model.viewer, body: """
        \(header(model, title: "Edit an official"))
        \(Forms.problems(model.problems))
        \(officialForm(model, action: SiteURL.agencyOfficial(model.agencyID, official: officialID).path, button: "Save"))
        """)
    }

    static func officialForm(_ model: Model, action: String, button: String) -> SafeHTML {
        let values = model.values
        return """
        <form method="post" action="\(action)" class="stacked" id="official-form">
        \(Forms.csrf(model.viewer.csrfToken))
        <p class="hint">Only public office contact details: officials are public figures; never a private address or number.</p>
        \(field("name", "Name", values))
        \(field("office", "Office", values, hint: "e.g. Mayor; Council member, Ward 3; City manager"))
        \(field("email", "Public email", values, type: "email"))
        \(field("phone", "Office phone", values, type: "tel"))
        \(field("web_page", "Web page", values, type: "url"))
        \(field("term_start", "Term starts", values, type: "date"))
        \(field("term_end", "Term ends", values, type: "date"))
        \(field("source_url", "Source address", values, type: "url", hint: "required"))
        \(field("source_title", "Source title", values, hint: "required, e.g. City of Reno, Council members page"))
        <button type="submit">\(button)</button>
        </form>
        """
    }
}
