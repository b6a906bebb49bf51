import Foundation
import HotlistCore
import Testing

@Suite struct AtlasFileTests {
    /// The fixture in the Atlas of Surveillance download's shape (BOM, quoted header, quoted cells).
    static let fixturePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/atlas/atlas-of-surveillance-sample.csv").path

    func parse(_ text: String) throws -> AtlasFile { try AtlasFile.parse(try CSVTable.parse(data: Data(text.utf8), file: "atlas.csv")) }

    func problems(_ text: String) -> [InputProblem] {
        do { _ = try parse(text); Issue.record("expected the file to be refused"); return [] } catch let problems as InputProblems { return problems.problems } catch {
            Issue.record("unexpected \(error)"); return []
        }
    }

    static let header = "AOSNUMBER,City,County,State,Agency,Type of LEA,Summary,Type of Juris,Technology,Vendor,Link 1,Link 2,Link 3\n"

    @Test func keepsOnlyFlockLicensePlateReaderRowsAndCountsTheRestByReason() throws {
        let file = try AtlasFile.read(path: Self.fixturePath)
        #expect(file.rows.map(\.entry.aosNumber) == ["AOS90001", "AOS90002", "AOS90003", "AOS90004", "AOS90005", "AOS90006", "AOS90007", "AOS90010"])
        #expect(file.skipped == [.notLicensePlateReaders: 3, .notFlockSafety: 1])
        #expect(file.unknownColumns.isEmpty)
        // A quoted cell with a comma, a newline and doubled quotes stays one cell; the next row's line counts the newline.
        let reno = file.rows[1]
        #expect(reno.line == 3 && reno.entry.summary == "Reno approved a Flock contract.\nThe council vote was 5-2, and the cameras went up in \"phase one\".")
        #expect(reno.entry.vendor == "Flock Safety, Vigilant Solutions" && reno.entry.links.count == 3)
        #expect(file.rows[2].line == 5 && file.rows[2].entry.technology == "ALPR")
        let sparks = file.rows[0]
        #expect(sparks.entry.agencyName == "Sparks Police Department" && sparks.entry.stateCode == "NV" && sparks.kind == .policeDepartment)
        #expect(sparks.place == "Sparks" && sparks.city == "Sparks" && sparks.county == "Washoe County")
        #expect(sparks.entry.links == ["https://atlas.example.org/sparks-flock", "https://news.example.com/sparks-cameras"])
        let sheriff = file.rows[5]
        #expect(sheriff.kind == .sheriffsOffice && sheriff.place == "Carson City")
        #expect(file.rows[6].kind == .policeDepartment && file.rows[6].place == "Carson City" && file.rows[6].entry.summary == nil)
    }

    @Test func matchesHeadersByNameInAnyCaseAndReportsUnknownColumns() throws {
        let file = try parse("""
            vendor,TECHNOLOGY,agency, state ,aos number,ORI,Latitude
            "Vigilant, Flock Safety",Automated License Plate Readers,Elko County Sheriff's Office,Nevada,AOS1,nv0070000,40.8
            """)
        #expect(file.unknownColumns == ["Latitude"])
        #expect(file.rows.count == 1 && file.rows[0].ori == "NV0070000" && file.rows[0].entry.stateCode == "NV" && file.rows[0].kind == .sheriffsOffice)
    }

    @Test func aVendorCellNamingFlockAmongOthersIsKeptAndOneWithoutItIsNot() throws {
        let file = try parse(Self.header + "AOS1,,,NV,A PD,,,,ALPR,Vigilant and Flock Safety,,,\nAOS2,,,NV,B PD,,,,ALPR,\"Flock Safety; Motorola\",,,\nAOS3,,,NV,C PD,,,,ALPR,Flockton Cameras,,,\nAOS4,,,NV,D PD,,,,ALPR,,,,\n")
        #expect(file.rows.map(\.entry.aosNumber) == ["AOS1", "AOS2"] && file.skipped == [.notFlockSafety: 2])
    }

    @Test func theTypeOfLEASaysTheKindWhenTheNameDoesNot() throws {
        let file = try parse(Self.header + "AOS1,Elko,,NV,Elko,Sheriff,,,ALPR,Flock Safety,,,\n")
        #expect(file.rows[0].kind == .sheriffsOffice)
    }

    @Test func findsEveryProblemInOnePassWithLineColumnAndField() {
        let found = problems(Self.header + """
            AOS1,Sparks,,NV,Sparks Police Department,Police,,,ALPR,Flock Safety,https://sparks.example.gov/flock,,
            ,Reno,,Atlantis,,Police,,,Automated License Plate Readers,Flock Safety,,,
            AOS1,Elko,,NV,Elko PD,Police,,,ALPR,Flock Safety,,,
            AOS4,Henderson,,XX,Henderson PD,Police,,,ALPR,Vigilant,,,
            AOS5,Ely,,NV,Ely PD,Police,,,ALPR,Flock Safety,not a link,,

            """)
        let described = found.map(\.description)
        #expect(described.contains("atlas.csv:6:11 (field \"link_1\"): \"not a link\" is not a web address. Write a full address starting with https://, or leave the cell empty."))
        #expect(found.contains { $0.line == 3 && $0.column == 1 && $0.field == "aosnumber" })
        #expect(found.contains { $0.line == 3 && $0.column == 4 && $0.field == "state" && $0.problem.contains("Atlantis") })
        #expect(found.contains { $0.line == 3 && $0.column == 5 && $0.field == "agency" })
        #expect(found.contains { $0.line == 4 && $0.column == 1 && $0.field == "aosnumber" && $0.problem == "AOS1 is on line 2 too" })
        // A row that is skipped (not Flock) is not checked.
        #expect(!found.contains { $0.line == 5 })
        #expect(found.count == 5)
    }

    @Test func aFileWithoutTheAtlasColumnsIsRefusedNamingThem() {
        let found = problems("name,state\nSparks NV PD,NV\n")
        #expect(found.count == 1 && found[0].problem.contains("\"aosnumber\"") && found[0].problem.contains("\"technology\"") && found[0].hint.contains("atlasofsurveillance.org"))
    }
}
