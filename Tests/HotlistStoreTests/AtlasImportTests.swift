import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
import SQLKit
import Testing

@Suite struct AtlasImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures/atlas")
    static let actor = AuditActor.commandLine(systemUser: "tester")

    static func atlas() throws -> AtlasFile { try AtlasFile.read(path: fixtures.appendingPathComponent("atlas-of-surveillance-sample.csv").path) }

    /// The Private Eyes fixture (Sparks, Reno, Atherton…) plus Springfield MO, Carson City PD and Washoe County's sheriff twice.
    static func directory(_ db: HotlistDatabase) async throws {
        _ = try await PrivateEyesImportTests.importFixture(db)
        _ = try await AgencyImporter(db).importAgencyList(try AgencyListFile.read(path: fixtures.appendingPathComponent("directory-before-atlas.csv").path))
    }

    static func revision(_ db: HotlistDatabase) async throws -> Int {
        try await db.sql.select().column("revision").from("directory_state").first()!.decode(column: "revision", as: Int.self)
    }

    static func entries(_ db: HotlistDatabase, _ name: String) async throws -> [AtlasEntry] {
        try await DirectoryQueries(db).atlasEntries(agencyID: try await PrivateEyesImportTests.agencyID(db, name))
    }

    @Test(arguments: TestBackend.available)
    func matchesByNameAndStateAddsTheRestAndNeverMergesPlaces(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await Self.directory(db)
            let revisionBefore = try await Self.revision(db)
            // MUT
            let summary = try await AgencyImporter(db, by: Self.actor).importAtlas(try Self.atlas())
            // validate: the summary
            #expect(summary.matched == 5 && summary.agenciesAdded == 2 && summary.entriesAdded == 7 && summary.linksRecorded == 10)
            #expect(summary.skipped == ["not automated license plate readers": 3, "vendor is not Flock Safety": 1])
            let washoe = [try await PrivateEyesImportTests.agencyID(db, "Washoe County NV SO"), try await PrivateEyesImportTests.agencyID(db, "Washoe County Sheriff's Office")].sorted()
            #expect(summary.ambiguous == [.init(line: 12, aosNumber: "AOS90010", agency: "Washoe County Sheriff's Office", state: "NV", candidateIDs: washoe)])
            // validate: "Sparks Police Department", NV is the directory's "Sparks NV PD", with its links.
            #expect(try await Self.entries(db, "Sparks NV PD").map(\.links) == [["https://atlas.example.org/sparks-flock", "https://news.example.com/sparks-cameras"]])
            #expect(try await Self.entries(db, "Reno NV PD").map(\.aosNumber) == ["AOS90002"])
            #expect(try await Self.entries(db, "Atherton CA PD").map(\.aosNumber) == ["AOS90003"])
            // validate: Springfield, Missouri matched; Springfield, Illinois is a new agency of its own.
            #expect(try await Self.entries(db, "Springfield MO PD").map(\.aosNumber) == ["AOS90005"])
            let illinois = try #require(try await DirectoryQueries(db).list(AgencyFilter(text: "Springfield Police Department", state: "IL")).items.first)
            let added = try #require(try await DirectoryQueries(db).detail(id: illinois.id)).agency
            #expect(added.stateCode == "IL" && added.kind == .policeDepartment && added.vendor == "Flock Safety")
            #expect(added.notes?.contains("Atlas of Surveillance") == true && added.notes?.contains("AOS90004") == true && added.notes?.contains("https://atlasofsurveillance.org") == true)
            #expect(try await DirectoryQueries(db).atlasEntries(agencyID: illinois.id).map(\.aosNumber) == ["AOS90004"])
            // validate: the county sheriff is not the city police of the same place.
            #expect(try await Self.entries(db, "Carson City NV PD").map(\.aosNumber) == ["AOS90007"])
            #expect(try await Self.entries(db, "Carson City Sheriff's Office").map(\.aosNumber) == ["AOS90006"])
            // validate: the ambiguous row went nowhere.
            #expect(try await Self.entries(db, "Washoe County NV SO").isEmpty)
            #expect(try await Self.entries(db, "Washoe County Sheriff's Office").isEmpty)
            // validate: every change audited, and cached pages told.
            let entryAudit = try await AuditLog(db).events(AuditFilter(entityType: "atlas_entry"))
            #expect(entryAudit.count == 7 && entryAudit.allSatisfy { $0.action == "atlas_entry.add" && $0.actor.label == Self.actor.label })
            let created = try await AuditLog(db).events(AuditFilter(entityType: "agency")).filter { $0.action == "agency.create" && $0.after?["source"] != nil }
            #expect(created.count == 2)
            #expect(try await Self.revision(db) > revisionBefore)
        }
    }

    @Test(arguments: TestBackend.available)
    func importingTheSameFileAgainChangesNothing(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await Self.directory(db)
            _ = try await AgencyImporter(db, by: Self.actor).importAtlas(try Self.atlas())
            let before = try await DatabaseContents.rows(db)
            // MUT
            let again = try await AgencyImporter(db, by: Self.actor).importAtlas(try Self.atlas())
            // validate
            #expect(again.agenciesAdded == 0 && again.entriesAdded == 0 && again.entriesUpdated == 0 && again.entriesUnchanged == 7 && again.linksRecorded == 0)
            #expect(again.matched == 7 && !again.changedAnything)
            #expect(try await DatabaseContents.rows(db) == before)
        }
    }

    @Test(arguments: TestBackend.available)
    func aChangedLinkUpdatesTheEntryAndAnORIChoosesBetweenTwoCandidates(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await Self.directory(db)
            _ = try await AgencyImporter(db, by: Self.actor).importAtlas(try Self.atlas())
            let washoe = try await PrivateEyesImportTests.agencyID(db, "Washoe County NV SO")
            _ = try await AgencyImporter(db).importAgencyList(try AgencyListFile.parse(try CSVTable.parse(data: Data("name,state,ori\nWashoe County NV SO,NV,NV0160000\n".utf8), file: "ori.csv")))
            let text = "AOSNUMBER,State,Agency,Technology,Vendor,Link 1,ORI\n"
                + "AOS90001,NV,Sparks Police Department,Automated License Plate Readers,Flock Safety,https://atlas.example.org/sparks-flock-2,\n"
                + "AOS90010,NV,Washoe County Sheriff's Office,Automated License Plate Readers,Flock Safety,https://washoe.example.gov/flock,NV0160000\n"
            // MUT
            let summary = try await AgencyImporter(db, by: Self.actor).importAtlas(try AtlasFile.parse(try CSVTable.parse(data: Data(text.utf8), file: "atlas.csv")))
            // validate
            #expect(summary.entriesUpdated == 1 && summary.entriesAdded == 1 && summary.ambiguous.isEmpty && summary.linksRecorded == 2)
            #expect(try await Self.entries(db, "Sparks NV PD").map(\.links) == [["https://atlas.example.org/sparks-flock-2"]])
            #expect(try await DirectoryQueries(db).atlasEntries(agencyID: washoe).map(\.aosNumber) == ["AOS90010"])
            let audit = try await AuditLog(db).events(AuditFilter(entityType: "atlas_entry"))
            #expect(audit.filter { $0.action == "atlas_entry.update" }.map { $0.after?["link_1"] } == [.some("https://atlas.example.org/sparks-flock-2")])
        }
    }

    @Test(arguments: TestBackend.available)
    func aFileWithABadRowLeavesTheDatabaseExactlyAsItWas(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            try await Self.directory(db)
            let before = try await DatabaseContents.rows(db)
            let good = try String(contentsOf: Self.fixtures.appendingPathComponent("atlas-of-surveillance-sample.csv"), encoding: .utf8)
            let bad = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-bad-\(UUID().uuidString).csv")
            try (good + "\"AOS90013\",\"Elko\",\"Elko County\",\"NV\",\"Elko Police Department\",\"Police\",\"\",\"Municipal\",\"ALPR\",\"Flock Safety\",\"see the council minutes\",\"\",\"\"\n").write(to: bad, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: bad) }
            // MUT: as the command does, read the whole file first; the good rows above the bad one are not stored either.
            do {
                _ = try await AgencyImporter(db, by: Self.actor).importAtlas(try AtlasFile.read(path: bad.path))
                Issue.record("expected the file to be refused")
            } catch let problems as InputProblems {
                #expect(problems.description == "\(bad.path):15:11 (field \"link_1\"): \"see the council minutes\" is not a web address. Write a full address starting with https://, or leave the cell empty.")
            }
            // validate
            #expect(try await DatabaseContents.rows(db) == before)
        }
    }
}
