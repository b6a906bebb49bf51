import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import VaporTesting

/// A test app on a fresh database of `backend`, loaded with the small Private Eyes fixture and a fixed clock.
func withFixtureApp(_ backend: TestBackend, _ body: (Application, HotlistDatabase) async throws -> Void) async throws {
    try await backend.withDatabase { db in
        _ = try await AgencyImporter(db).importPrivateEyes(try PrivateEyesDataset.read(directory: try PrivateEyesFixture.write()))
        // The cache checks the revision on every request here, so tests see imports at once.
        let app = try await makeApp(AppConfiguration(database: db, clock: FixedClock(TimestampParser.parse("2026-11-27T12:00:00Z")!),
                                                     cacheRevisionCheckMilliseconds: 0),
                                    environment: .testing)
        do {
            try await body(app, db)
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

struct FetchedPage {
    var status: HTTPStatus
    var headers: HTTPHeaders
    var body: String
    var json: JSONValue? { try? JSONValue.parse(body) }
}

extension Application {
    func fetch(_ path: String) async throws -> FetchedPage {
        var page: FetchedPage?
        try await testing().test(.GET, path) { response in
            page = FetchedPage(status: response.status, headers: response.headers, body: response.body.string)
        }
        return page!
    }
}

func agencyID(_ db: HotlistDatabase, _ name: String) async throws -> Int {
    try await DirectoryQueries(db).list(AgencyFilter(text: name)).items.first { $0.name == name }!.id
}
