import HotlistCore

/// Where the data comes from and what it cannot tell.
enum AboutView {
    static func render(counts: DirectoryCounts, viewer: Viewer? = nil) -> SafeHTML {
        Layout.page(title: "About the data", current: .about, viewer: viewer, body: """
        <h1>About the data</h1>
        <h2>Agencies and portals</h2>
        <p>The directory starts from <a href="https://github.com/mcclatchy-southeast/private_eyes" rel="noopener noreferrer">Private Eyes</a>,
        The News &amp; Observer's collection of Flock Safety transparency portals (July 2023 to April 2024), published under the MIT licence:
        agency names, usage pages (cameras, retention, “Hotlists Alerted On”), policy pages (prohibited uses),
        data-sharing links and a survey of North Carolina agencies. Credit: <strong>The News &amp; Observer</strong>.
        The directory holds <strong id="about-count-agencies">\(HTML.number(counts.agencies))</strong> agencies and \(HTML.number(counts.sharingEdges)) sharing links
        (the same counts as the home page); agencies named in a report but missing from the portal data are added and say so.</p>
        <p>Each agency's state and kind are read from its name (“Adrian MI PD”, “Allegan County SO MI”). \(HTML.number(counts.unresolved))
        names could not be read with confidence; they keep no state and are listed for review with <code>hotlistwatch agencies unresolved</code>, never guessed.</p>
        <h2>What the portals cannot tell</h2>
        <p>A portal lists the hotlists an agency alerts on (“NCIC”), not the NCIC topics it ticked. Whether “Immigration Violator” is on
        is known only from public records. Snapshots are old; portals change.</p>
        <h2>Reference facts</h2>
        <p>State public-records laws, state ALPR and immigration laws and the NCIC files were researched for Hotlist Watch. Each row keeps its
        sources and a confidence grade (high, medium, low), shown wherever the fact appears.</p>
        <h2>Downloads</h2>
        <p>All public data as CSV, JSON, SQLite and an Atom feed, with its licence and a suggested citation: <a href="\(SiteURL.data.path)">data downloads</a>.</p>
        """)
    }
}
