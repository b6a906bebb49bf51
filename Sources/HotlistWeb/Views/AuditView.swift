import Foundation
import HotlistCore

/// The audit trail for admins, newest first, filtered by person or entity.
enum AuditView {
    struct Model {
        var viewer: Viewer
        var events: [AuditEvent]
        var total: Int
        var filter: AuditFilter
        var page: Int
        var pageSize: Int
        var people: [UserAccount]
    }

    static func render(_ model: Model) -> SafeHTML {
        let rows = model.events.map { (event) -> SafeHTML in
            let changes = event.changedFields.map { (field) -> SafeHTML in
                "<li><code>\(field)</code>: \(value(event.before?[field] ?? nil)) → \(value(event.after?[field] ?? nil))</li>"
            }.joined()
            return """
            <tr class="audit-row"><td data-label="When">\(TimestampParser.iso8601(event.occurredAt))</td>
            <td data-label="Who">\(event.actor.label)</td><td data-label="Via">\(event.actor.channel.rawValue)\(event.actor.clientAddress.map { " · " + $0 } ?? "")</td>
            <td data-label="What"><code>\(event.action)</code></td>
            <td data-label="Entity"><a href="\(SiteURL.audit, query: [("entity", event.entityType), ("entity_id", event.entityID)])">\(event.entityType) \(event.entityID)</a></td>
            <td data-label="Change"><ul class="changes">\(changes)</ul></td></tr>
            """
        }.joined(separator: "\n")
        var query: [(String, String)] = []
        if let id = model.filter.userID { query.append(("person", String(id))) }
        if let type = model.filter.entityType { query.append(("entity", type)) }
        if let id = model.filter.entityID { query.append(("entity_id", id)) }
        let pages = max(1, (model.total + model.pageSize - 1) / model.pageSize)
        let previous: SafeHTML = model.page > 1 ? "<a rel=\"prev\" href=\"\(SiteURL.audit, query: query + [("page", String(model.page - 1))])\">Newer</a>" as SafeHTML : ""
        let next: SafeHTML = model.page < pages ? "<a rel=\"next\" href=\"\(SiteURL.audit, query: query + [("page", String(model.page + 1))])\">Older</a>" as SafeHTML : ""
        let personOptions: SafeHTML = model.people.map { "<option value=\"\($0.id)\"\(model.filter.userID == $0.id ? " selected" : "")>\($0.email)</option>" as SafeHTML }.joined()
        let entityOptions: SafeHTML = AuditFilter.entityTypes.map { "<option value=\"\($0)\"\(model.filter.entityType == $0 ? " selected" : "")>\($0)</option>" as SafeHTML }.joined()
        return Layout.page(title: "Audit trail", current: .audit, viewer: model.viewer, body: """
        <h1>Audit trail</h1>
        <p class="lede">Every change to stored data: who, when, through what, and the values before and after. Nothing here can be edited or deleted.</p>
        <form method="get" action="\(SiteURL.audit.path)" class="filters" id="audit-filter">
        <div class="field"><label for="person">Person</label><select id="person" name="person"><option value="">anyone</option>\(personOptions)</select></div>
        <div class="field"><label for="entity">Entity</label><select id="entity" name="entity"><option value="">any</option>\(entityOptions)</select></div>
        <div class="field"><label for="entity_id">Entity id</label><input id="entity_id" name="entity_id" value="\(model.filter.entityID ?? "")"></div>
        <div class="field"><button type="submit">Filter</button> <a href="\(SiteURL.auditCSV, query: query)" id="audit-csv">Download as CSV</a></div>
        </form>
        <div class="table-wrap"><table id="audit"><caption>\(HTML.number(model.total)) \(model.total == 1 ? "entry" : "entries"), page \(model.page) of \(pages)</caption>
        <thead><tr><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">Via</th><th scope="col">What</th><th scope="col">Entity</th><th scope="col">Change</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        <nav class="pager" aria-label="Pages">\(previous) \(next)</nav>
        """)
    }

    private static func value(_ text: String?) -> SafeHTML {
        guard let text else { return "<em>empty</em>" }
        return "<q>\(text)</q>"
    }
}
