import Foundation
import HotlistCore
import Testing

@Suite struct AgencyListFileTests {
    func parse(_ text: String) throws(InputProblems) -> AgencyListFile {
        let table: CSVTable
        do { table = try CSVTable.parse(data: Data(text.utf8), file: "list.csv") } catch { throw InputProblems([InputProblem(error)]) }
        return try AgencyListFile.parse(table)
    }

    @Test func matchesColumnsByHeaderNameInAnyOrderAndCase() throws {
        let file = try parse("Records Email,NAME,state,Kind,Flock Portal URL,contract renewal\nfoia@sparks.gov,Sparks NV PD,Nevada,PD,https://transparency.flocksafety.com/sparks-nv-pd,2027-01-31\n")
        let agency = try #require(file.rows.first?.agency)
        #expect(agency.name == "Sparks NV PD" && agency.stateCode == "NV" && agency.kind == .policeDepartment)
        #expect(agency.recordsEmail == "foia@sparks.gov" && agency.contractRenewal == "2027-01-31")
        #expect(agency.flockPortalURL == "https://transparency.flocksafety.com/sparks-nv-pd")
        #expect(file.unknownColumns.isEmpty)
        #expect(file.rows.first?.providedFields == ["name", "state", "kind", "records_email", "flock_portal_url", "contract_renewal_date"])
    }

    @Test func reportsEveryBadCellWithLineColumnAndField() {
        do {
            _ = try parse("name,state,ori,records_email,website,contract_renewal_date\nA PD,ZZ,12,not-an-email,ftp://x,31/12/2027\n,NV,,,,\n")
            Issue.record("expected an error")
        } catch {
            let byField = Dictionary(grouping: error.problems, by: { $0.field ?? "" })
            #expect(byField["state"]?.first?.line == 2 && byField["state"]?.first?.column == 2)
            #expect(byField["ori"]?.first?.problem.contains("ORI") == true)
            #expect(byField["records_email"] != nil && byField["website"] != nil)
            #expect(byField["contract_renewal_date"]?.first?.hint.contains("YYYY-MM-DD") == true)
            #expect(byField["name"]?.first?.line == 3)
        }
    }

    @Test func duplicatesAreSkippedOrRejected() throws {
        let same = try parse("name,state\nSparks NV PD,NV\nSparks NV PD,NV\n")
        #expect(same.rows.count == 1 && same.duplicatesSkipped.count == 1)
        #expect(throws: InputProblems.self) { try parse("name,state,city\nSparks NV PD,NV,Sparks\nSparks NV PD,NV,Reno\n") }
    }

    @Test func unknownColumnsAreReportedAndTheStateFallsBackToTheName() throws {
        let file = try parse("name,notes about it\nAllegan County SO MI,hello\n")
        #expect(file.unknownColumns == ["notes about it"])
        #expect(file.rows.first?.agency.stateCode == "MI" && file.rows.first?.agency.kind == .sheriffsOffice)
    }

    @Test func aFileWithoutANameColumnIsRejected() {
        #expect(throws: InputProblems.self) { try parse("agency,state\nSparks,NV\n") }
    }
}
