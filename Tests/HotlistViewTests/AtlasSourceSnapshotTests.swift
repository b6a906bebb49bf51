import Foundation
@testable import HotlistCore
@testable import HotlistWeb
import Testing

/// The agency page's sources with Atlas of Surveillance entries (credited, links escaped).
@Suite struct AtlasSourceSnapshotTests {
    @Test func agencyWithAtlasEntries() {
        let entries = [
            AtlasEntry(agencyID: 1, aosNumber: "AOS90001", agencyName: "Sparks Police Department", stateCode: "NV", technology: "Automated License Plate Readers",
                       vendor: "Flock Safety, <Vigilant> & Co", summary: "not shown", links: ["https://news.example.com/a?b=1&c=<x>", "https://atlas.example.org/sparks"]),
            AtlasEntry(agencyID: 1, aosNumber: "AOS90002", agencyName: "Sparks PD", stateCode: "NV", technology: "ALPR", vendor: "Flock Safety", summary: nil, links: []),
        ]
        var detail = Fixture.emptyAgencyDetail
        detail.atlasEntries = entries
        assertPage(AgencyView.render(.init(detail: detail, now: Fixture.now)), named: "atlas-sources")
    }
}
