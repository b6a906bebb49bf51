import Foundation
@testable import HotlistCore
@testable import HotlistWeb
import Testing

/// The agency page's hotlist hit counts: newest month first, names escaped, the waiting rows noted.
@Suite struct HitCountsSnapshotTests {
    @Test func agencyWithHitCounts() {
        var detail = Fixture.emptyAgencyDetail
        detail.hitCounts = [HitCount(month: "2026-01", list: "NCIC", topic: "Stolen Vehicle", hits: 1_204),
                            HitCount(month: "2026-02", list: "Custom <list> & co", topic: "", hits: 3),
                            HitCount(month: "2026-02", list: "NCIC", topic: "Immigration Violator", hits: 2)]
        detail.hitCountsAwaitingReview = true
        let page = AgencyView.render(.init(detail: detail, now: Fixture.now))
        #expect(page.markup.contains("id=\"hit-counts-awaiting\"") && !page.markup.contains("<list>"))
        assertPage(page, named: "hit-counts")
    }

    @Test func nothingImportedShowsNoSection() {
        #expect(!AgencyView.render(.init(detail: Fixture.emptyAgencyDetail, now: Fixture.now)).markup.contains("hit-counts"))
    }
}
