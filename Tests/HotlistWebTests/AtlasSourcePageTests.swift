import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
import Testing

@Suite struct AtlasSourcePageTests {
    @Test(arguments: TestBackend.available)
    func theAgencyPageNamesItsAtlasEntryAndLinksAmongItsSourcesAfterAnImport(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let sparks = try await agencyID(db, "Sparks NV PD")
            // A first visit caches the page without the Atlas.
            #expect(try await !app.fetch("/agencies/\(sparks)").body.contains("atlas-entry"))
            let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures/atlas/atlas-of-surveillance-sample.csv")
            // MUT
            _ = try await AgencyImporter(db).importAtlas(try AtlasFile.read(path: fixture.path))
            // validate: the import told the cache; the entry is credited and its links are there.
            let sources = try #require(try await app.fetch("/agencies/\(sparks)").body.components(separatedBy: "id=\"sources\"").last)
            #expect(sources.contains("<li class=\"atlas-entry\"><a href=\"https://atlasofsurveillance.org\" rel=\"noopener noreferrer\">Atlas of Surveillance</a> (by EFF and the University of Nevada, Reno Reynolds School of Journalism), entry AOS90001: Automated License Plate Readers, Flock Safety; its sources: <a href=\"https://atlas.example.org/sparks-flock\" rel=\"noopener noreferrer\">https://atlas.example.org/sparks-flock</a>, <a href=\"https://news.example.com/sparks-cameras\" rel=\"noopener noreferrer\">https://news.example.com/sparks-cameras</a>.</li>"))
            // The body-camera row of the same agency is not about Flock license plate readers.
            #expect(!sources.contains("AOS90009"))
        }
    }
}
