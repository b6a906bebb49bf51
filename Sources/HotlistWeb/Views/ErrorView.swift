/// A plain error page: what went wrong and what to do, never internals.
enum ErrorView {
    static func render(status: Int, title: String, message: String, problems: [(field: String?, text: String)] = [], viewer: Viewer? = nil) -> SafeHTML {
        let list: SafeHTML = problems.isEmpty ? "" : "<ul class=\"problems\">" + problems.map { "<li>\($0.field.map { "<strong>\($0)</strong>: " as SafeHTML } ?? "")\($0.text)</li>" as SafeHTML }.joined() + "</ul>"
        return Layout.page(title: title, viewer: viewer, body: """
        <h1>\(title)</h1>
        <p class="error-status">Error \(status)</p>
        <p>\(message)</p>
        \(list)
        <p><a href="\(SiteURL.home.path)">Home</a> · <a href="\(SiteURL.agencies.path)">All agencies</a></p>
        """)
    }
}
