/// A plain error page: what went wrong and what to do, never internals.
enum ErrorView {
    static func render(status: Int, title: String, message: String, problems: [(field: String?, text: String)] = [], viewer: Viewer? = nil) -> String {
        let list = problems.isEmpty ? "" : "<ul class=\"problems\">" + problems.map { "<li>\($0.field.map { "<strong>\(HTML.escape($0))</strong>: " } ?? "")\(HTML.escape($0.text))</li>" }.joined() + "</ul>"
        return Layout.page(title: title, viewer: viewer, body: """
        <h1>\(HTML.escape(title))</h1>
        <p class="error-status">Error \(status)</p>
        <p>\(HTML.escape(message))</p>
        \(list)
        <p><a href="\(SiteURL.home.path)">Home</a> · <a href="\(SiteURL.agencies.path)">All agencies</a></p>
        """)
    }
}
