import Foundation
import HotlistCore
import HotlistStore

/// The /data page: every download with its size and last change, each table's columns, the licence and a citation.
enum DataView {
    static func render(files: [PublicDataCache.Served], catalog: [PublicTable], baseURL: String, viewer: Viewer? = nil) -> SafeHTML {
        let byName = Dictionary(files.map { ($0.file.name, $0) }, uniquingKeysWith: { first, _ in first })
        let generatedAt = files.first?.generatedAt
        let about = PublicDataAbout(generatedAt: generatedAt ?? Date(timeIntervalSince1970: 0), baseURL: baseURL)
        func download(_ name: String) -> SafeHTML {
            guard let served = byName[name] else { return "" }
            return "<li><a href=\"\(SiteURL.dataFile(name).path)\" class=\"data-file\" data-name=\"\(name)\">\(name)</a> <span class=\"data-size\">(\(served.file.bytes.count < 1_000 ? "" : "\(ByteCountFormatter.string(fromByteCount: Int64(served.file.bytes.count), countStyle: .file)), ")\(HTML.number(served.file.bytes.count)) bytes; last changed \(TimestampParser.iso8601(served.generatedAt)))</span></li>"
        }
        func columns(_ table: PublicTable) -> SafeHTML {
            "<dl class=\"data-columns\">" + table.columns.map { "<dt><code>\($0.name)</code></dt><dd>\($0.meaning)</dd>" as SafeHTML }.joined() + "</dl>"
        }
        let downloadable = catalog.filter { PublicDataFiles.downloadTables.contains($0.name) }
        let tables: SafeHTML = downloadable.map { table in
            let stem = table.name.replacingOccurrences(of: "_", with: "-")
            return """
            <section class="data-table" id="table-\(table.name)">
            <h3>\(table.title)</h3>
            <p>\(table.description)</p>
            <ul>\(download(stem + ".csv"))\(download(stem + ".json"))</ul>
            <details><summary>Columns of \(table.title.lowercased())</summary>\(columns(table))</details>
            </section>
            """ as SafeHTML
        }.joined()
        let sqliteTables: SafeHTML = catalog.map { "<li><code>\($0.name)</code>: \($0.description)</li>" as SafeHTML }.joined()
        let otherColumns: SafeHTML = catalog.filter { !PublicDataFiles.downloadTables.contains($0.name) }.map { table in
            "<details><summary>Columns of <code>\(table.name)</code></summary>\(columns(table))</details>" as SafeHTML
        }.joined()
        let credits: SafeHTML = PublicDataAbout.credits.map { "<li><strong>\($0.0)</strong>: \($0.1)</li>" as SafeHTML }.joined()
        return Layout.page(title: "Data downloads", current: .data, description: "Hotlist Watch's public data as CSV, JSON, SQLite and an Atom feed.", viewer: viewer, body: """
        <h1>Data downloads</h1>
        <p>Everything public on Hotlist Watch, for spreadsheets, pandas and Datasette. Findings and statements appear only once a second person has verified them;
        others' reports are labelled with who reported them. No names of volunteers or requesters, no private evidence.
        The data as of \(generatedAt.map(TimestampParser.iso8601) ?? "its first download") (its last recorded change); the files change when the data does.</p>
        <h2>Licence and citation</h2>
        <p id="data-licence">\(PublicDataAbout.licence)</p>
        <p>Suggested citation: <q id="data-citation">\(about.citation)</q></p>
        <ul>\(credits)</ul>
        <p>Every download carries a <code>Link: &lt;\(PublicDataAbout.licenceURL)&gt;; rel="license"</code> header. JSON files open with
        <code>licence</code>, <code>citation</code> and <code>generated_at</code> beside the data. CSV files stay plain CSV (a header row, then data) so every
        parser reads them; their licence and citation are on this page and in CITATION.txt:</p>
        <ul>\(download(PublicDataFiles.citationName))</ul>
        <h2>Tables</h2>
        \(tables)
        <h2>The whole data set as SQLite</h2>
        <ul>\(download(PublicDataFiles.sqliteName))</ul>
        <p>One file for Datasette (<code>datasette hotlistwatch-public.sqlite</code>) or pandas (<code>pandas.read_sql("SELECT * FROM agencies", sqlite3.connect(…))</code>).
        Tables: <code>about</code> (licence, citation, credits, generation time), <code>columns</code> (every column explained), and:</p>
        <ul>\(sqliteTables)</ul>
        \(otherColumns)
        <h2>Feed</h2>
        <ul>\(download(PublicDataFiles.feedName))</ul>
        <p>An Atom feed of newly verified findings (dated by their verification) and of contradictions. Contradictions are computed from the data,
        not stored, so each is dated by the newest dated fact it rests on: a finding's or report's as-of day, a statement's day, or a portal snapshot's date.
        A contradiction that appears because of a fact dated in the past therefore carries that past date; its entry id stays the same as long as it holds.</p>
        <h2>The directory, filtered</h2>
        <p>Any directory search downloads whole (every page, at most \(HTML.number(PublicDataFiles.maxFilteredAgencies)) rows): add <code>format=csv</code> or
        <code>format=json</code> to its address, e.g. <a href="\(SiteURL.agencies.with([("state", "NV"), ("format", "csv")]))">\(SiteURL.agencies.with([("state", "NV"), ("format", "csv")]))</a>.</p>
        """)
    }
}
