import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
import SQLKit
import Testing

@Suite struct PrivateEyesImportTests {
    static func importFixture(_ db: HotlistDatabase) async throws -> ImportSummary {
        try await AgencyImporter(db).importPrivateEyes(try PrivateEyesDataset.read(directory: try PrivateEyesFixture.write()))
    }

    static func agencyID(_ db: HotlistDatabase, _ name: String) async throws -> Int {
        let page = try await DirectoryQueries(db).list(AgencyFilter(text: name))
        return try #require(page.items.first { $0.name == name }).id
    }

    @Test(arguments: TestBackend.available)
    func importStoresEverythingAndSecondRunChangesNothing(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            // MUT
            let first = try await Self.importFixture(db)
            let second = try await Self.importFixture(db)
            // validate
            #expect(first.counts["agencies"]?.added == 6)
            // EFF's report names two agencies the portal data lacks: added, saying where they come from.
            #expect(first.counts["agencies from reports"]?.added == 2)
            #expect(first.counts["portal snapshots"]?.added == 6)
            #expect(first.counts["sharing edges"]?.added == 4)
            #expect(first.counts["URL checks"]?.added == 2)
            #expect(first.counts["survey entries"]?.added == 1)
            #expect(!second.changedAnything)
            #expect(second.counts["agencies"]?.unchanged == 6)
            #expect(second.counts["sharing edges"]?.unchanged == 4)
            let counts = try await DirectoryQueries(db).counts()
            #expect(counts.agencies == 8 && counts.sharingEdges == 4)
            let abington = try #require(try await DirectoryQueries(db).list(AgencyFilter(text: "Abington PD", state: "MA")).items.first)
            #expect(try await DirectoryQueries(db).detail(id: abington.id)?.agency.notes == "Added from EFF's report (2026-06-25); not in the portal data.")
        }
    }

    @Test(arguments: TestBackend.available)
    func signalsAndPriorityComeFromTheLatestSnapshots(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await Self.importFixture(db)
            let queries = DirectoryQueries(db)
            let sparks = try #require(try await queries.detail(id: try await Self.agencyID(db, "Sparks NV PD")))
            #expect(sparks.agency.stateCode == "NV" && sparks.agency.kind == .policeDepartment)
            #expect(sparks.signals.alertsNCIC == .yes)
            #expect(sparks.signals.ncicEvidence == "NCIC")
            #expect(sparks.signals.immigrationPolicy == .prohibits)
            #expect(sparks.signals.sharesWithCount == 2 && sparks.signals.receivesFromCount == 2)
            #expect(sparks.priority.tier == .prohibitsYetAlertsNCIC)
            #expect(sparks.snapshots.count == 2)
            #expect(sparks.snapshots.first?.page == .usage, "newest first")
            #expect(sparks.sharesWith.map(\.name) == ["Blue Island IL PD", "Reno NV PD"])
            #expect(sparks.receivesFrom.map(\.name) == ["Atherton CA PD", "Reno NV PD"])
            #expect(sparks.recordsLaw?.stateCode == "NV")
            #expect(sparks.urlChecks.first?.statusCode == 200)

            let reno = try #require(try await queries.detail(id: try await Self.agencyID(db, "Reno NV PD")))
            #expect(reno.signals.alertsNCIC == .yes, "the long spelling of NCIC counts")
            #expect(reno.signals.immigrationPolicy == .silent)
            #expect(reno.priority.tier == .alertsNCICWithoutProhibition)
            let usage = try #require(reno.snapshots.first { $0.page == .usage })
            #expect(usage.dataRetentionDays == nil && usage.dataRetentionRaw == "-Infinity days")
            #expect(usage.hotlistHits30Days == nil)

            let atherton = try #require(try await queries.detail(id: try await Self.agencyID(db, "Atherton CA PD")))
            #expect(atherton.signals.alertsNCIC == .notListed)
            #expect(atherton.signals.immigrationPolicy == .prohibits)
            #expect(atherton.priority.tier == .prohibitsHotlistsUnclear)
            #expect(atherton.priority.reasons.contains { $0.contains("CA has a state law") })
            #expect(atherton.sharesWith.map(\.stateCode) == ["NV"])

            let blueIsland = try #require(try await queries.detail(id: try await Self.agencyID(db, "Blue Island IL PD")))
            #expect(blueIsland.signals.hasPortal == false && blueIsland.priority.tier == .noPortalData)

            // Tier 1 sorts first.
            let ranked = try await queries.list(AgencyFilter(sort: .priority))
            #expect(ranked.items.first?.name == "Sparks NV PD")
        }
    }

    @Test(arguments: TestBackend.available)
    func unresolvedNamesKeepNoStateAndAreListed(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await Self.importFixture(db)
            let unresolved = try await DirectoryQueries(db).unresolved()
            #expect(unresolved.map(\.agency.name) == ["Flock Safety - Admins"])
            #expect(unresolved.first?.agency.stateCode == nil)
            #expect(try await DirectoryQueries(db).counts().unresolved == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func aFailureMidImportLeavesTheDatabaseAsItWas(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            // setup: make the fourth stage of the import fail inside the transaction
            try await db.sql.drop(table: "url_checks").run()
            // MUT
            await #expect(throws: (any Error).self) { _ = try await Self.importFixture(db) }
            // validate: the agencies, snapshots and edges written before the failure were rolled back
            for table in ["agencies", "portal_snapshots", "sharing_edges"] {
                let count = try await db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()
                #expect(try count?.decode(column: "n", as: Int.self) == 0, "\(table) must be empty")
            }
        }
    }

    @Test func badFilesAreRejectedBeforeTheDatabaseIsTouched() throws {
        // A directory that does not exist
        #expect(throws: InputProblems.self) { try PrivateEyesDataset.read(directory: "/nonexistent/private_eyes") }
        // A missing file is named
        let missing = try PrivateEyesFixture.write(overrides: ["agency_access20240426.csv": nil])
        do { _ = try PrivateEyesDataset.read(directory: missing); Issue.record("expected an error") } catch {
            #expect(error.description.contains("agency_access"))
        }
        // A sharing row naming an unknown agency: file, line, column and field
        let unknown = try PrivateEyesFixture.write(overrides: ["agency_access20240426.csv": "src_agency,external_agency,src_agency_id,external_agency_id\nA,B,1,99\n"])
        do { _ = try PrivateEyesDataset.read(directory: unknown); Issue.record("expected an error") } catch {
            let problem = try #require(error.problems.first)
            #expect(problem.file.hasSuffix("agency_access20240426.csv"))
            #expect(problem.line == 2 && problem.column == 4 && problem.field == "external_agency_id")
            #expect(problem.problem.contains("99"))
        }
        // Two agencies sharing one id
        let duplicate = try PrivateEyesFixture.write(overrides: ["agency20240426.csv": "id,name,notes\n1,Sparks NV PD,NA\n1,Reno NV PD,NA\n"])
        do { _ = try PrivateEyesDataset.read(directory: duplicate); Issue.record("expected an error") } catch {
            #expect(error.problems.first?.line == 3)
            #expect(error.description.contains("line 2"))
        }
        // A wrong header
        let header = try PrivateEyesFixture.write(overrides: ["agency20240426.csv": "ident,title\n1,Sparks NV PD\n"])
        do { _ = try PrivateEyesDataset.read(directory: header); Issue.record("expected an error") } catch {
            #expect(error.description.contains("missing column"))
        }
        // An unbalanced quote
        let quote = try PrivateEyesFixture.write(overrides: ["agency20240426.csv": "id,name,notes\n1,\"Sparks NV PD,NA\n2,Reno NV PD,NA\n"])
        do { _ = try PrivateEyesDataset.read(directory: quote); Issue.record("expected an error") } catch {
            #expect(error.problems.first?.line == 2)
        }
    }

    @Test(arguments: TestBackend.available)
    func theWholeDemoDataSetImports(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            let directory = try #require(BundledReferenceData.demoDirectory())
            let summary = try await AgencyImporter(db).importPrivateEyes(try PrivateEyesDataset.read(directory: directory))
            #expect(summary.counts["sharing edges"]?.added == 37_099)
            #expect(summary.counts["agencies"]?.added == 5_153, "5,152 listed plus Providence RI PD, found only in the policy file")
            let queries = DirectoryQueries(db)
            let counts = try await queries.counts()
            #expect(counts.prohibitsYetAlertsNCIC > 100)
            let sparks = try #require(try await queries.list(AgencyFilter(text: "Sparks NV PD")).items.first)
            #expect(sparks.stateCode == "NV")
            // California's portals list "California SVS", not NCIC; they must not count as NCIC.
            let california = try await queries.list(AgencyFilter(state: "CA", alertsNCIC: true, perPage: 200))
            let californiaAll = try await queries.list(AgencyFilter(state: "CA", hasPortal: true, perPage: 200))
            #expect(california.total < californiaAll.total)
            // Abington PD in Massachusetts is not Abington Township, Pennsylvania.
            let abington = try await queries.list(AgencyFilter(text: "Abington"))
            #expect(abington.items.allSatisfy { $0.stateCode != "MA" || !$0.name.contains("Township") })
        }
    }
}
