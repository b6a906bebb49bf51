import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
import SQLKit
@testable import HotlistWeb
import Testing
import VaporTesting

@Suite struct ResponseCacheTests {
    @Test(arguments: TestBackend.available)
    func pagesAreReusedUntilAnImportChangesTheData(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let before = try await app.fetch("/agencies?state=NV")
            #expect(before.body.contains("2 agencies"))
            // setup: change a row behind the importer's back (no revision bump)
            try await db.sql.update("agencies").set("name", to: "Renamed NV PD").where("name", .equal, "Reno NV PD").run()
            // validate: the cached page is served, byte for byte
            let cached = try await app.fetch("/agencies?state=NV")
            #expect(cached.body == before.body)
            // MUT: an import that changes data bumps the revision
            let csv = "name,state\nCarson City SO NV,NV\n"
            let list = try AgencyListFile.parse(try CSVTable.parse(data: Data(csv.utf8), file: "list.csv"))
            _ = try await AgencyImporter(db).importAgencyList(list)
            let after = try await app.fetch("/agencies?state=NV")
            #expect(after.body.contains("3 agencies"))
            #expect(after.body.contains("Renamed NV PD"))
            let api = try await app.fetch("/api/v1/agencies?state=NV")
            #expect(api.json?["total"]?.int == 3)
        }
    }

    /// The generated API handlers answer public reads through the same cache (APIOperationRules' `cached`).
    @Test(arguments: TestBackend.available)
    func apiReadsAreReusedForAnonymousVisitorsOnly(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let reno = try await agencyID(db, "Reno NV PD")
            let paths = ["/api/v1/agencies?state=NV", "/api/v1/agencies/\(reno)"]
            var before: [String] = []
            for path in paths { before.append(try await app.fetch(path).body) }
            // setup: change a row behind the importer's back (no revision bump)
            try await db.sql.update("agencies").set("name", to: "Renamed NV PD").where("name", .equal, "Reno NV PD").run()
            // validate: anonymous readers get the kept answers, byte for byte; a token holder a fresh one.
            for (path, body) in zip(paths, before) {
                let cached = try await app.fetch(path)
                #expect(cached.status == .ok && cached.body == body && !cached.body.contains("Renamed"), "\(path)")
            }
            let token = try await makeAPIToken(db, try await addPerson(db, "vera@example.org", .volunteer))
            #expect(try await app.fetch(paths[1], headers: .bearer(token, json: false)).body.contains("Renamed NV PD"))
            // Errors are not kept: a wrong parameter stays wrong, and a missing agency stays missing.
            #expect(try await app.fetch("/api/v1/agencies/424242").status == .notFound)
            #expect(try await app.fetch("/api/v1/agencies/424242").status == .notFound)
            #expect(try await app.fetch("/api/v1/agencies?state=NV&x=1").status == .badRequest)
        }
    }

    @Test(arguments: TestBackend.available)
    func onlyImportsThatChangeSomethingBumpTheRevision(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            let queries = DirectoryQueries(db)
            #expect(try await queries.revision() == 0)
            let dataset = try PrivateEyesDataset.read(directory: try PrivateEyesFixture.write())
            _ = try await AgencyImporter(db).importPrivateEyes(dataset)
            #expect(try await queries.revision() == 1)
            _ = try await AgencyImporter(db).importPrivateEyes(dataset)
            #expect(try await queries.revision() == 1, "an import that changes nothing leaves caches valid")
        }
    }

    @Test(arguments: TestBackend.available)
    func errorsAreNeverCached(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, _ in
            let first = try await app.fetch("/agencies/424242")
            let second = try await app.fetch("/agencies/424242")
            let bad = try await app.fetch("/agencies?page=x")
            #expect(first.status == .notFound && second.status == .notFound)
            #expect(bad.status == .badRequest)
        }
    }
}
