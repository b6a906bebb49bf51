import Foundation
import Testing
@testable import HotlistCore

@Suite("USState")
struct USStateTests {
    @Test func hasFiftyStatesPlusDC() {
        #expect(USState.all.count == 51)
        #expect(Set(USState.all.map(\.code)).count == 51)
        #expect(Set(USState.all.map(\.name)).count == 51)
        #expect(USState.all.allSatisfy { $0.code.count == 2 && $0.code == $0.code.uppercased() })
        #expect(USState.byCode("DC")?.name == "District of Columbia")
    }

    @Test func looksUpCodesInAnyCase() {
        #expect(USState.byCode("nv") == USState(code: "NV", name: "Nevada"))
        #expect(USState.byCode("Nv")?.code == "NV")
        #expect(USState.byCode(" MI ")?.name == "Michigan")
        #expect(USState.byCode("PD") == nil)
        #expect(USState.byCode("SO") == nil)
        #expect(USState.byCode("") == nil)
        #expect(USState.byCode("Nevada") == nil)
    }

    @Test func looksUpNamesInAnyCase() {
        #expect(USState.byName("Nevada")?.code == "NV")
        #expect(USState.byName("nevada")?.code == "NV")
        #expect(USState.byName("  north   CAROLINA ")?.code == "NC")
        #expect(USState.byName("district of columbia")?.code == "DC")
        #expect(USState.byName("NV") == nil)
        #expect(USState.byName("New England") == nil)
    }

    @Test func roundTripsThroughJSON() throws {
        let state = try #require(USState.byCode("GA"))
        let decoded = try JSONDecoder().decode(USState.self, from: JSONEncoder().encode(state))
        #expect(decoded == state)
    }
}
