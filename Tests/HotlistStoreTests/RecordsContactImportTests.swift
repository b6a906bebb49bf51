import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
import Testing

@Suite struct RecordsContactImportTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/examples/records-contacts.csv").path
    static let now = TimestampParser.parse("2026-11-30T12:00:00Z")!
    static let actor = AuditActor.commandLine(systemUser: "tester")

    static func file(_ text: String) throws -> RecordsContactFile { try RecordsContactFile.parse(try CSVTable.parse(data: Data(text.utf8), file: "contacts.csv")) }

    @Test(arguments: TestBackend.available)
    func importsContactsAuditedPerAgencyLikeAWebEditAndASecondRunChangesNothing(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let sparks = try await PrivateEyesImportTests.agencyID(db, "Sparks NV PD"), atherton = try await PrivateEyesImportTests.agencyID(db, "Atherton CA PD")
            let editor = RecordsContactEditor(db)
            // MUT
            let summary = try await editor.importContacts(try RecordsContactFile.read(path: Self.example), by: Self.actor, now: Self.now)
            // validate
            #expect(summary.counts["records contacts"]?.updated == 2)
            #expect(try await editor.contact(agencyID: sparks) == RecordsContact(email: "records@sparks.example.gov", portalURL: "https://sparks.example.gov/public-records"))
            #expect(try await editor.contact(agencyID: atherton) == RecordsContact(email: nil, portalURL: "https://atherton.example.gov/records"))
            let audit = try await AuditLog(db).events(AuditFilter(entityType: "agency", entityID: String(sparks)))
            #expect(audit.count == 1 && audit[0].action == "agency.records_contact.update" && audit[0].actor.label == Self.actor.label)
            #expect(audit[0].before?["records_email"] == .some(nil) && audit[0].after?["records_email"] == "records@sparks.example.gov")
            #expect(audit[0].after?["source_url"] == "https://sparks.example.gov/police/contact" && audit[0].after?["note"] == "Listed on the department's contact page")
            // validate: the same file again is unchanged and records nothing.
            let auditCount = try await AuditLog(db).count(AuditFilter())
            let again = try await editor.importContacts(try RecordsContactFile.read(path: Self.example), by: Self.actor, now: Self.now)
            #expect(again.counts["records contacts"]?.unchanged == 2 && !again.changedAnything)
            #expect(try await AuditLog(db).count(AuditFilter()) == auditCount)
            // validate: an empty cell keeps what is stored; agency_id names the agency too.
            _ = try await editor.importContacts(try Self.file("agency_id,records_email,source_url\n\(atherton),clerk@atherton.example.gov,https://atherton.example.gov/clerk\n"), by: Self.actor, now: Self.now)
            #expect(try await editor.contact(agencyID: atherton) == RecordsContact(email: "clerk@atherton.example.gov", portalURL: "https://atherton.example.gov/records"))
        }
    }

    @Test(arguments: TestBackend.available)
    func anUnknownAgencyRefusesTheWholeFileAndNeverCreatesOne(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            _ = try await PrivateEyesImportTests.importFixture(db)
            let sparks = try await PrivateEyesImportTests.agencyID(db, "Sparks NV PD")
            let before = try await DatabaseContents.rows(db)
            let text = "agency,state,ori,records_email,source_url\nSparks NV PD,NV,,new@sparks.example.gov,https://sparks.example.gov\nNowhere PD,NV,,a@nowhere.example.gov,https://a.example.gov\n,,ZZ0000000,b@x.example.gov,https://a.example.gov\n"
            // MUT
            do {
                _ = try await RecordsContactEditor(db).importContacts(try Self.file(text), by: Self.actor, now: Self.now)
                Issue.record("expected the file to be refused")
            } catch let problems as InputProblems {
                let found = problems.problems.map(\.description)
                #expect(found.count == 2)
                #expect(found.contains { $0.hasPrefix("contacts.csv:3:1 (field \"agency\"): no agency in the directory matches \"Nowhere PD\" in NV.") })
                #expect(found.contains { $0.hasPrefix("contacts.csv:4:3 (field \"ori\"): no agency in the directory matches ORI ZZ0000000.") })
            }
            // validate: the good row above is not stored either.
            #expect(try await RecordsContactEditor(db).contact(agencyID: sparks)?.email == nil)
            #expect(try await DatabaseContents.rows(db) == before)
        }
    }
}
