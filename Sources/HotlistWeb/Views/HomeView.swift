import HotlistCore
import HotlistStore

/// The front page: what this is, the counts, and the agencies to ask first.
enum HomeView {
    struct Model {
        var counts: DirectoryCounts
        var topPriority: [AgencySummary]
        /// The signed-in person's requests that are overdue or due within a week.
        var needsAction: [RecordsRequest]? = nil
        var today: CalendarDay? = nil
        /// Findings, statements and audit logs waiting for a second person: (all waiting, of them entered by the viewer).
        var awaitingReview: (all: Int, mine: Int)? = nil
        var viewerMayReview = false
        /// The viewer's findings a reviewer sent back, to correct.
        var sentBack: [FindingVersion] = []
        /// States that answer residents only: code → name.
        var residentsOnly: [String: String] = [:]
        /// The national counts, the map and the charts.
        var overview: PublicFaceQueries.Overview? = nil
        /// Contracts renewing or expiring soon: the moment a council decides.
        var renewals: [RenewalAhead] = []
    }

    static func needsAction(_ model: Model) -> SafeHTML {
        guard let requests = model.needsAction, let today = model.today else { return "" }
        let body: SafeHTML = requests.isEmpty ? "<p id=\"needs-action-none\">None of your requests is overdue or due in the next 7 days. <a href=\"\(SiteURL.requests.path)\">All requests</a></p>"
            : RequestsView.table(requests, id: "needs-action", caption: "Your requests: overdue or due within 7 days", today: today)
        var review: SafeHTML = ""
        if let waiting = model.awaitingReview {
            if model.viewerMayReview, waiting.all - waiting.mine > 0 {
                let others = waiting.all - waiting.mine
                review = "<p id=\"review-waiting\"><a href=\"\(SiteURL.review.path)\">\(others == 1 ? "1 finding, statement or audit log waits" : "\(others) findings, statements or audit logs wait") for your review</a>.</p>"
            }
            if waiting.mine > 0 {
                review += "<p id=\"mine-waiting\">\(waiting.mine) of yours wait\(waiting.mine == 1 ? "s" : "") for a second person to verify \(waiting.mine == 1 ? "it" : "them").</p>"
            }
        }
        if !model.sentBack.isEmpty {
            review += "<p id=\"sent-back\">Sent back to you to correct: " + model.sentBack.map { "<a href=\"\(SiteURL.finding($0.findingID).path)\">finding #\($0.findingID)</a>" as SafeHTML }.joined(separator: ", ") + ".</p>"
        }
        return "<section class=\"needs-action\" aria-labelledby=\"needs-action-heading\"><h2 id=\"needs-action-heading\">Needs action</h2>\(body)\(review)</section>"
    }

    /// Which of the agencies listed need a requester who lives in their state.
    static func residencyNote(_ model: Model) -> SafeHTML {
        let needing = model.topPriority.filter { $0.stateCode.map { model.residentsOnly[$0] != nil } ?? false }
        guard !needing.isEmpty else { return "" }
        let states = Set(needing.compactMap(\.stateCode)).sorted().compactMap { model.residentsOnly[$0] }
        return "<p id=\"needs-in-state\"><strong>In-state requester needed</strong> for \(needing.count) of these (\(states.joined(separator: ", ")) answer\(states.count == 1 ? "s" : "") residents only): "
            + needing.map { Layout.agencyLink($0.id, $0.name) }.joined(separator: ", ") + ".</p>"
    }

    static func render(_ model: Model, viewer: Viewer? = nil) -> SafeHTML {
        let counts = model.counts
        let tiers = AskFirstRank.Tier.allCases.map { "<li><strong>\($0.rawValue). \($0.title).</strong> \($0.explanation)</li>" as SafeHTML }.joined()
        let prohibitsYetNCIC = SiteURL.agencies(AgencyFilter(alertsNCIC: true, prohibitsImmigration: true))
        return Layout.page(title: "Do your police scan license plates for ICE?", current: .home, viewer: viewer, body: """
        \(needsAction(model))
        <h1>Hotlist Watch</h1>
        <p class="lede">Police license-plate cameras compare every passing car against NCIC hotlists. One NCIC topic,
        <strong>Immigration Violator</strong>, is filled only by ICE, mostly with administrative warrants no judge signed.
        Agencies choose topics in a drop-down that their public portals do not show; only a public-records request reveals it.
        Hotlist Watch helps you find which agencies to ask, and shows what their portals already say.</p>
        \(model.overview.map(StatesView.dashboard) ?? "")\(RenewalsView.homeSection(model.renewals))<section aria-labelledby="counts-heading">
        <h2 id="counts-heading">The directory</h2>
        <dl class="counts">
        <div><dt>Agencies</dt><dd id="count-agencies">\(HTML.number(counts.agencies))</dd></div>
        <div><dt>With a transparency portal</dt><dd id="count-portals">\(HTML.number(counts.withPortal))</dd></div>
        <div><dt>Portal lists NCIC</dt><dd id="count-ncic">\(HTML.number(counts.alertsNCIC))</dd></div>
        <div><dt>Portal forbids immigration enforcement</dt><dd id="count-prohibits">\(HTML.number(counts.prohibitsImmigration))</dd></div>
        <div><dt>Both: forbids it, yet alerts on NCIC</dt><dd id="count-both"><a href="\(prohibitsYetNCIC)">\(HTML.number(counts.prohibitsYetAlertsNCIC))</a></dd></div>
        <div><dt>Data-sharing links</dt><dd id="count-edges">\(HTML.number(counts.sharingEdges))</dd></div>
        </dl>
        <p><a class="button" href="\(SiteURL.agencies.path)">Browse all agencies</a></p>
        </section>
        <section aria-labelledby="priority-heading">
        <h2 id="priority-heading">Ask these first</h2>
        \(Layout.agencyTable(model.topPriority, id: "priority-agencies", caption: "The \(model.topPriority.count) agencies at the top of the request priority"))
        \(residencyNote(model))
        <h3>How the priority is ranked</h3>
        <ol class="tiers">\(tiers)</ol>
        <p>Within a tier, agencies in states whose laws restrict ALPR data sharing or help with immigration enforcement come first,
        then those whose data reaches the most other organisations. The ranking uses each agency's latest portal snapshot,
        which may be old: a portal's word is a lead, not proof. Only records show whether Immigration Violator is ticked.</p>
        </section>
        """)
    }
}
