import Foundation
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

/// Every address comes from `SiteURL`: each shape is a registered route, and each registered route
/// is a shape, so a link cannot point where no route answers and no route hides outside the table.
@Suite struct RouteTableTests {
    @Test func everySiteURLShapeIsARouteAndEveryRouteIsASiteURLShape() async throws {
        try await withFixtureApp(.sqlite) { app, _ in
            // setup: the registered patterns, "/requests/:requestID/file"; the API's catch-all 404 is the one route with no page.
            let registered = Set(app.routes.all.map { "/" + $0.path.string }.filter { !$0.hasSuffix("/**") })
            let shapes = SiteURL.everyShape.map(\.pattern)
            // validate: both ways, and each shape once.
            #expect(Set(shapes).count == shapes.count, "a shape is listed twice in SiteURL.everyShape")
            for shape in shapes { #expect(registered.contains(shape), "SiteURL shape \(shape) has no route") }
            for route in registered { #expect(shapes.contains(route), "route \(route) is not a SiteURL shape; add it to SiteURL") }
            #expect(registered.count >= 70, "expected every page, form and API route; found \(registered.count)")
        }
    }

    @Test func pathsFillTheShapesParameters() {
        #expect(SiteURL.requestAction(12, .reopen).path == "/requests/12/reopen")
        #expect(SiteURL.requestAction(12, .reopen).pattern == "/requests/:requestID/reopen")
        #expect(SiteURL.requestLetter(3, .followUp).path == "/requests/3/letters/follow-up")
        #expect(SiteURL.newRequest(agency: 9).path == "/requests/new?agency=9")
        #expect(SiteURL.api(.contradictions).path == "/api/v1/contradictions")
        #expect(SiteURL.home.path == "/")
    }

    @Test func onlyTheUploadShapesTakeAnEvidenceSizedBody() async throws {
        try await withFixtureApp(.sqlite) { app, _ in
            let uploads = app.routes.all.filter(\.isUploadRoute).map { "\($0.method) /\($0.path.string)" }.sorted()
            #expect(uploads == ["POST /agencies/:id/evidence", "POST /agencies/:id/hit-log", "POST /agencies/:id/hotlist-log"])
        }
    }
}
