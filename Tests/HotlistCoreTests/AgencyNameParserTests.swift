import Foundation
import Testing
@testable import HotlistCore

@Suite("AgencyNameParser")
struct AgencyNameParserTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        let name: String
        let state: String
        let kind: AgencyKind
        var place: String?
        var testDescription: String { name }
    }

    /// Name forms taken from the real agency list, with what they should give.
    static let resolvedExamples: [Expectation] = [
        .init(name: "Adrian MI PD", state: "MI", kind: .policeDepartment, place: "Adrian"),
        .init(name: "Abington Township PA PD", state: "PA", kind: .policeDepartment, place: "Abington Township"),
        .init(name: "Allen Park PD MI", state: "MI", kind: .policeDepartment, place: "Allen Park"),
        .init(name: "Allegan County SO MI", state: "MI", kind: .sheriffsOffice, place: "Allegan County"),
        .init(name: "Clayton County GA SO", state: "GA", kind: .sheriffsOffice, place: "Clayton County"),
        .init(name: "ACRATT -CA", state: "CA", kind: .other),
        .init(name: "AL - Troy University - Insight", state: "AL", kind: .university, place: "Troy University"),
        .init(name: "Metro East Auto Theft (IL)", state: "IL", kind: .taskForce),
        .init(name: "Jackson County Schools - AL", state: "AL", kind: .other, place: "Jackson County"),
        .init(name: "University of Wisconsin - Milwaukee WI PD", state: "WI", kind: .university,
              place: "University of Wisconsin - Milwaukee"),
        .init(name: "Cal State San Bernadino CA PD", state: "CA", kind: .university, place: "Cal State San Bernadino"),
        .init(name: "NC State Highway Patrol", state: "NC", kind: .statePolice),
        .init(name: "Delaware State Police", state: "DE", kind: .statePolice),
        .init(name: "Crestview Fl PD", state: "FL", kind: .policeDepartment, place: "Crestview"),
        .init(name: "Riverside County CA District Attorney", state: "CA", kind: .other, place: "Riverside County"),
        .init(name: "18th Judicial District Drug Task Force - TN PD", state: "TN", kind: .taskForce),
        .init(name: "NC Dept of Health and Human Resources NC PD", state: "NC", kind: .policeDepartment),
        .init(name: "18th Judicial District DA's Office- LA PD", state: "LA", kind: .policeDepartment),
        .init(name: "Georgia Bureau of Investigation", state: "GA", kind: .other),
        .init(name: "Missouri State Highway Patrol", state: "MO", kind: .statePolice),
        .init(name: "Colorado State Patrol", state: "CO", kind: .statePolice),
        .init(name: "Texas Department of Public Safety", state: "TX", kind: .statePolice),
        .init(name: "University of Iowa PD (IA)", state: "IA", kind: .university, place: "University of Iowa"),
        .init(name: "University of Kentucky", state: "KY", kind: .university, place: "University of Kentucky"),
        .init(name: "Middle Georgia State University Campus PD", state: "GA", kind: .university,
              place: "Middle Georgia State University"),
        .init(name: "GA State University PD", state: "GA", kind: .university, place: "GA State University"),
        .init(name: "UNC at Greensboro NC PD", state: "NC", kind: .university, place: "UNC at Greensboro"),
        .init(name: "Ohio Drug TF (HIDTA / Moreland Hills OH PD)", state: "OH", kind: .taskForce),
        .init(name: "Indiana HIDTA", state: "IN", kind: .taskForce),
        .init(name: "Northeast Ohio Regional Fusion Center", state: "OH", kind: .taskForce),
        .init(name: "Oklahoma Bureau of Narcotics", state: "OK", kind: .taskForce),
        .init(name: "Cook County IL Sheriff's PD", state: "IL", kind: .sheriffsOffice, place: "Cook County"),
        .init(name: "Haralson CSO (GA)", state: "GA", kind: .sheriffsOffice, place: "Haralson"),
        .init(name: "Glendora (CA) PD", state: "CA", kind: .policeDepartment, place: "Glendora"),
        .init(name: "Augusta KS DPS", state: "KS", kind: .policeDepartment, place: "Augusta"),
        .init(name: "Sringfield IL (PD)", state: "IL", kind: .policeDepartment, place: "Sringfield"),
        .init(name: "College Park GA PD", state: "GA", kind: .policeDepartment, place: "College Park"),
        .init(name: "Washington IL PD", state: "IL", kind: .policeDepartment, place: "Washington"),
        .init(name: "Town of Rutherford College (NC)", state: "NC", kind: .other, place: "Town of Rutherford College"),
        // Codes that look like other words.
        .init(name: "Adams County CO SO", state: "CO", kind: .sheriffsOffice, place: "Adams County"),
        .init(name: "Reeves CO TX SO", state: "TX", kind: .sheriffsOffice, place: "Reeves"),
        .init(name: "Wagoner CO SO OK", state: "OK", kind: .sheriffsOffice, place: "Wagoner"),
        .init(name: "Madison TWP (Franklin CO) OH PD", state: "OH", kind: .policeDepartment, place: "Madison TWP"),
        .init(name: "Anderson PD IN", state: "IN", kind: .policeDepartment, place: "Anderson"),
        .init(name: "Lake In The Hills IL PD", state: "IL", kind: .policeDepartment, place: "Lake In The Hills"),
        .init(name: "OR - Central Point PD", state: "OR", kind: .policeDepartment, place: "Central Point"),
        .init(name: "Harrah OK PD - original", state: "OK", kind: .policeDepartment, place: "Harrah"),
        .init(name: "Stonington ME PD", state: "ME", kind: .policeDepartment, place: "Stonington"),
        .init(name: "Addis LA PD", state: "LA", kind: .policeDepartment, place: "Addis"),
        .init(name: "LA County CA Sheriff", state: "CA", kind: .sheriffsOffice, place: "LA County"),
        .init(name: "Riverside County CA SD", state: "CA", kind: .sheriffsOffice, place: "Riverside County"),
        .init(name: "UT Health - Tyler (TX)", state: "TX", kind: .other),
        .init(name: "UT - North Ogden PD", state: "UT", kind: .policeDepartment, place: "North Ogden"),
        .init(name: "Georgia Department of Natural Resources - NOT IN USE", state: "GA", kind: .other),
        // Duplicates of real agencies still say where they are.
        .init(name: "Bristol RI PD (Do Not Use)", state: "RI", kind: .policeDepartment, place: "Bristol"),
        .init(name: "Little Flock AR PD", state: "AR", kind: .policeDepartment, place: "Little Flock"),
        .init(name: "Washington DC PD", state: "DC", kind: .policeDepartment, place: "Washington"),
        .init(name: "Salem OR. PD", state: "OR", kind: .policeDepartment, place: "Salem"),
    ]

    @Test(arguments: resolvedExamples)
    func resolvesRealNameForms(_ example: Expectation) {
        let parsed = AgencyNameParser.parse(example.name)
        #expect(parsed.state == example.state)
        #expect(parsed.kind == example.kind)
        #expect(parsed.unresolvedReason == nil)
        #expect(parsed.isResolved)
        if let place = example.place {
            #expect(parsed.place == place)
        }
    }

    @Test(arguments: [
        "Flock Safety - Admins", "Flock Safety PD Test Org", "Flock PD", "Flock LE Training",
        "Florida LE Flock Training", "Axon", "Genetec", "Verra Mobility", "Bailey Demo Cam",
        "Example PD", "Lynne Drake", "Western PA Demo Agency", "Indiana LE Demo",
    ])
    func vendorDemoAndTestAccountsStayUnresolved(_ name: String) {
        let parsed = AgencyNameParser.parse(name)
        #expect(parsed.state == nil)
        #expect(parsed.unresolvedReason == AgencyNameParser.Reason.vendorDemoOrTest)
        #expect(!parsed.isResolved)
    }

    @Test(arguments: ["Delete - Don't Use", "DNU", "do not use", "Z Do not use"])
    func placeholderAccountsStayUnresolved(_ name: String) {
        let parsed = AgencyNameParser.parse(name)
        #expect(parsed.state == nil)
        #expect(parsed.unresolvedReason == AgencyNameParser.Reason.placeholder)
    }

    @Test(arguments: [
        "Chagrin Valley Dispatch", "FBI", "MAGLOCLEN RISS", "NCRIC", "LAPD Sherman Oaks", "Butte County SO",
        // A state's name inside a place or a multi-state body is not a state.
        "Tennessee Valley Authority Police", "Oklahoma City Community College PD", "Kansas City Police",
        "Washington University PD", "Washington County SO", "NESPIN - New England State Police",
        "Cincinnati/Northern Kentucky Intl Airport PD", "Mississippi Power",
    ])
    func namesWithoutAStateStayUnresolved(_ name: String) {
        let parsed = AgencyNameParser.parse(name)
        #expect(parsed.state == nil)
        #expect(parsed.unresolvedReason == AgencyNameParser.Reason.noState)
    }

    @Test func conflictingStateCodesStayUnresolved() {
        let parsed = AgencyNameParser.parse("Cincinnati OH / Covington KY PD")
        #expect(parsed.state == nil)
        #expect(parsed.unresolvedReason == "two different state codes (KY, OH)")
        #expect(!parsed.isResolved)

        let real = AgencyNameParser.parse("Winston Count MS CO")
        #expect(real.state == nil)
        #expect(real.unresolvedReason == "two different state codes (CO, MS)")
    }

    @Test func onlyUppercaseTokensCountAsCodes() {
        #expect(AgencyNameParser.parse("Ridgefield Co PD").state == nil)
        #expect(AgencyNameParser.parse("Lake In PD").state == nil)
        #expect(AgencyNameParser.parse("Mountain View CO PD").state == "CO")
    }

    @Test func typeSuffixIsNeverAStateCode() {
        let parsed = AgencyNameParser.parse("Lincoln County SO PD")
        #expect(parsed.state == nil)
        #expect(parsed.kind == .sheriffsOffice)
    }

    @Test func kindsFromKeywords() {
        #expect(AgencyNameParser.parse("Davidson College NC PD").kind == .university)
        #expect(AgencyNameParser.parse("Buncombe County Anti Crime Task Force NC PD").kind == .taskForce)
        #expect(AgencyNameParser.parse("Utah County Major Crimes Taskforce UT").kind == .taskForce)
        #expect(AgencyNameParser.parse("Fort Bend County Const TX Pct 1").kind == .other)
        #expect(AgencyNameParser.parse("Kiowa County CO Sheriff").kind == .sheriffsOffice)
        #expect(AgencyNameParser.parse("Greenhills OH Police Department").kind == .policeDepartment)
        #expect(AgencyNameParser.parse("Indiana State Police IN PD").kind == .statePolice)
    }

    @Test func emptyNameIsUnresolved() {
        let parsed = AgencyNameParser.parse("  ")
        #expect(parsed.state == nil)
        #expect(parsed.unresolvedReason == AgencyNameParser.Reason.emptyName)
    }

    @Test func kindLabelsAndRawValues() {
        #expect(AgencyKind.allCases.count == 6)
        #expect(AgencyKind.policeDepartment.rawValue == "police_department")
        #expect(AgencyKind.sheriffsOffice.label == "Sheriff's office")
        #expect(AgencyKind.statePolice.label == "State police / highway patrol")
    }

    @Test func parsedNameRoundTripsThroughJSON() throws {
        let parsed = AgencyNameParser.parse("Allegan County SO MI")
        let data = try JSONEncoder().encode(parsed)
        #expect(try JSONDecoder().decode(ParsedAgencyName.self, from: data) == parsed)
        #expect(String(decoding: data, as: UTF8.self).contains("\"sheriffs_office\""))
    }
}
