import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

/// The load benchmark found the server crashing on every stop under load: requests still running
/// read the application's storage after Vapor had cleared it.
@Suite struct ShutdownTests {
    @Test func aRequestInFlightKeepsWhatItNeedsAfterShutdown() async throws {
        try await TestBackend.sqlite.withDatabase { db in
            let app = try await makeApp(AppConfiguration(database: db, clock: FixedClock(testStart), maxBodySize: 4_096, security: testSecurity,
                                                         evidenceDirectory: FileManager.default.temporaryDirectory.path, maxEvidenceSize: 1_000),
                                        environment: .testing)
            let request = Request(application: app, on: app.eventLoopGroup.any())
            _ = try await AppServicesMiddleware().respond(to: request, chainingTo: AsyncBasicResponder { _ in Response(status: .ok) })
            try await app.asyncShutdown()
            #expect(app.storage[AppServicesKey.self] == nil, "Vapor cleared the application's storage")
            // What a handler reads mid-request still answers, from the request's own copy.
            #expect(request.clock.now() == testStart)
            #expect(request.bodyLimit == 4_096)
            #expect(request.evidenceSettings.maxFileSize == 1_000)
            #expect(request.security.passwordHashCost == testSecurity.passwordHashCost)
            #expect(try await ReferenceQueries(request.database).stateRecordsLaws().count == 51)
        }
    }
}
