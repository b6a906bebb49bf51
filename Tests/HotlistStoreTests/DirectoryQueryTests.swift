import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
import Testing

@Suite struct DirectoryQueryTests {
    @Test(arguments: TestBackend.available)
    func filtersCombine(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let queries = DirectoryQueries(db)
            func names(_ filter: AgencyFilter) async throws -> [String] { try await queries.list(filter).items.map(\.name).sorted() }
            #expect(try await names(AgencyFilter(state: "NV")) == ["Reno NV PD", "Sparks NV PD"])
            #expect(try await names(AgencyFilter(alertsNCIC: true)) == ["Reno NV PD", "Sparks NV PD"])
            #expect(try await names(AgencyFilter(alertsNCIC: true, prohibitsImmigration: true)) == ["Sparks NV PD"])
            #expect(try await names(AgencyFilter(prohibitsImmigration: true)) == ["Atherton CA PD", "Sparks NV PD"])
            #expect(try await names(AgencyFilter(hasPortal: false)) == ["Abington PD", "Abington Township PA PD", "Akron OH PD", "Blue Island IL PD", "Flock Safety - Admins"])
            #expect(try await names(AgencyFilter(state: "CA", kind: .policeDepartment)) == ["Atherton CA PD"])
            #expect(try await names(AgencyFilter(text: "spar")) == ["Sparks NV PD"], "search ignores case")
            #expect(try await names(AgencyFilter(text: "%")) == [], "LIKE wildcards in the search are literal")
            #expect(try await names(AgencyFilter(text: "_")) == [])
            // Issue 10, defect 7: the names people use, both ways.
            #expect(try await names(AgencyFilter(text: "Sparks Police Department")) == ["Sparks NV PD"])
            #expect(try await names(AgencyFilter(text: "sparks police")) == ["Sparks NV PD"])
            #expect(try await names(AgencyFilter(text: "Reno Nevada PD")) == ["Reno NV PD"])
            #expect(try await names(AgencyFilter(text: "Atherton Sheriff")) == [], "a police department is not a sheriff's office")
            #expect(try await names(AgencyFilter(text: "Blue Island Police Dept")) == ["Blue Island IL PD"])
        }
    }

    @Test(arguments: TestBackend.available)
    func sortingAndPaging(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let queries = DirectoryQueries(db)
            let byName = try await queries.list(AgencyFilter(sort: .name, perPage: 4))
            // Six from the portal data, two added from EFF's report (Abington PD MA, Akron OH PD).
            #expect(byName.total == 8 && byName.pageCount == 2 && byName.hasNext && !byName.hasPrevious)
            #expect(byName.items.map(\.name) == ["Abington PD", "Abington Township PA PD", "Akron OH PD", "Atherton CA PD"])
            let second = try await queries.list(AgencyFilter(sort: .name, page: 2, perPage: 4))
            #expect(second.items.map(\.name) == ["Blue Island IL PD", "Flock Safety - Admins", "Reno NV PD", "Sparks NV PD"] && !second.hasNext)
            // NULL states sort last on both databases.
            let byState = try await queries.list(AgencyFilter(sort: .state))
            #expect(byState.items.last?.name == "Flock Safety - Admins")
            #expect(byState.items.first?.stateCode == "CA")
            let byCameras = try await queries.list(AgencyFilter(sort: .cameras))
            #expect(byCameras.items.prefix(2).map(\.name) == ["Sparks NV PD", "Atherton CA PD"])
            let bySharing = try await queries.list(AgencyFilter(sort: .sharing))
            #expect(bySharing.items.first?.name == "Sparks NV PD")
            let past = try await queries.list(AgencyFilter(page: 9))
            #expect(past.items.isEmpty && past.total == 8)
        }
    }

    @Test(arguments: TestBackend.available)
    func agencyListImportMatchesUpdatesAndReportsUnknownColumns(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let csv = """
            Name,State,ORI,Records Email,Contract Renewal Date,Favourite Colour
            Sparks NV PD,NV,NV0160200,records@cityofsparks.us,2027-06-30,blue
            Lowell PD,MA,,,,
            Lowell PD,MA,,,,
            """
            let file = try AgencyListFile.parse(try CSVTable.parse(data: Data(csv.utf8), file: "mine.csv"))
            #expect(file.unknownColumns == ["Favourite Colour"])
            let actor = AuditActor.commandLine(systemUser: "tester")
            let summary = try await AgencyImporter(db, by: actor).importAgencyList(file)
            #expect(summary.counts["agencies"]?.updated == 1)
            #expect(summary.counts["agencies"]?.added == 1)
            #expect(summary.counts["agencies"]?.skipped == 1)
            #expect(summary.notices.contains { $0.contains("Favourite Colour") })
            let sparks = try #require(try await DirectoryQueries(db).detail(id: try await PrivateEyesImportTests.agencyID(db, "Sparks NV PD")))
            #expect(sparks.agency.ori == "NV0160200" && sparks.agency.recordsEmail == "records@cityofsparks.us" && sparks.agency.contractRenewal == "2027-06-30")
            #expect(sparks.signals.alertsNCIC == .yes, "signals survive an identity update")
            // Abington PD (MA), added from EFF's report, was never merged with Abington Township PA PD.
            let abington = try await DirectoryQueries(db).list(AgencyFilter(text: "Abington", sort: .name))
            #expect(abington.items.map(\.stateCode) == ["MA", "PA"])
            // The trail names the operator and keeps Sparks' values before and after.
            let sparksEvents = try await AuditLog(db).events(AuditFilter(entityType: "agency", entityID: String(sparks.agency.id!)))
            #expect(sparksEvents.count == 1)
            #expect(sparksEvents.first?.action == "agency.update" && sparksEvents.first?.actor.label == "cli:tester")
            #expect(sparksEvents.first?.before?["records_email"] == .some(nil))
            #expect(sparksEvents.first?.after?["records_email"] == "records@cityofsparks.us")
            #expect(try await AuditLog(db).count(AuditFilter(entityType: "agency")) == 2, "one update, one new agency")
            // Running it again changes nothing, and records nothing.
            let again = try await AgencyImporter(db, by: actor).importAgencyList(file)
            #expect(!again.changedAnything)
            #expect(try await AuditLog(db).count(AuditFilter(entityType: "agency")) == 2)
        }
    }
}
