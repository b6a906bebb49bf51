import Foundation
import HotlistCore
import Testing

@Suite struct RecordsContactFileTests {
    func parse(_ text: String) throws -> RecordsContactFile { try RecordsContactFile.parse(try CSVTable.parse(data: Data(text.utf8), file: "contacts.csv")) }

    @Test func readsRowsByHeaderNameAndNamesAgenciesThreeWays() throws {
        let file = try parse("""
            Agency_ID,ORI,Agency,State,Email,Portal URL,Source,Notes,Phone
            7,,,,Records@Sparks.Example.gov,,https://sparks.example.gov/contact,front desk,775-555-0100
            ,nv0160200,,,,https://reno.example.gov/records,https://reno.example.gov,,
            ,,Elko PD,nv,elko@example.gov,https://elko.example.gov/r,https://elko.example.gov,,
            """)
        #expect(file.unknownColumns == ["Phone"])
        #expect(file.rows.map(\.agency) == [.id(7), .ori("NV0160200"), .nameAndState("Elko PD", "NV")])
        #expect(file.rows[0].email == "records@sparks.example.gov" && file.rows[0].portalURL == nil && file.rows[0].note == "front desk")
        #expect(file.rows[1].email == nil && file.rows[1].portalURL == "https://reno.example.gov/records" && file.rows[1].sourceURL == "https://reno.example.gov")
    }

    @Test func checksCellsAsTheWebFormDoesAndFindsEveryProblemAtOnce() {
        do {
            _ = try parse("""
                agency,state,records_email,records_portal_url,source_url
                Sparks NV PD,NV,not-an-email,ftp://x,https://sparks.example.gov
                Reno NV PD,Atlantis,,,
                Sparks NV PD,NV,a@b.example.gov,,https://a.example.gov
                ,,,,https://a.example.gov
                """)
            Issue.record("expected the file to be refused")
        } catch let problems as InputProblems {
            let found = problems.problems.map(\.description)
            #expect(found.contains("contacts.csv:2:3 (field \"records_email\"): \"not-an-email\" is not an email address. Write it as records@city.example.gov, or leave it empty."))
            #expect(found.contains { $0.hasPrefix("contacts.csv:2:4 (field \"records_portal_url\"): \"ftp://x\" is not a web address") })
            #expect(found.contains { $0.hasPrefix("contacts.csv:3:2 (field \"state\"): \"Atlantis\" is not a U.S. state") })
            #expect(found.contains { $0.hasPrefix("contacts.csv:3:3 (field \"records_email\"): the row gives neither") })
            #expect(found.contains { $0.hasPrefix("contacts.csv:3:5 (field \"source_url\"): the source is empty") })
            #expect(found.contains { $0.hasPrefix("contacts.csv:4:1 (field \"agency\"): \"Sparks NV PD\" in NV is on line 2 too") } == false)
            #expect(found.contains { $0.hasPrefix("contacts.csv:5:1 (field \"agency\"): the row names no agency") })
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func theSameAgencyTwiceAndAMissingSourceColumnAreRefused() {
        #expect(throws: InputProblems.self) { try parse("agency,state,records_email,source_url\nA PD,NV,a@a.example.gov,https://a.example.gov\nA PD,NV,b@a.example.gov,https://a.example.gov\n") }
        do { _ = try parse("agency,state,records_email\nA PD,NV,a@a.example.gov\n"); Issue.record("expected a refusal") } catch let problems as InputProblems {
            #expect(problems.problems.count == 1 && problems.problems[0].problem == "missing column \"source_url\"")
        } catch { Issue.record("unexpected \(error)") }
    }
}
