import Foundation
@testable import HotlistCore
@testable import HotlistWeb
import Testing

/// The agency page's "Contract and who decides", the contract and officials forms, and renewals ahead.
@Suite struct ContractPageSnapshotTests {
    static let source = FactSource(url: "https://sparks.example.gov/agenda?item=7&x=\"1\"", title: "Council agenda & <minutes>")

    static var contracts: AgencyContracts {
        AgencyContracts(
            contracts: [ALPRContract(id: 3, agencyID: 1, vendor: Fixture.hostile, startDate: Fixture.day("2024-07-01"), termMonths: 24,
                                     endDate: Fixture.today.adding(days: 63), endKind: .renewal, amountCents: 12_500_050, cameraCount: 40, evidenceID: 5,
                                     source: source, confidence: .high, notes: "Auto-renews & <no vote>"),
                        ALPRContract(id: 2, agencyID: 1, vendor: "Flock Safety", startDate: Fixture.day("2022-07-01"), endDate: Fixture.day("2024-06-30"),
                                     endKind: .expiry, evidenceID: 6, source: source, confidence: .low)],
            body: GoverningBody(agencyID: 1, kind: .cityCouncil, name: "Sparks City Council", webPage: "https://sparks.example.gov/council", source: source),
            officials: [PublicOfficial(id: 8, agencyID: 1, name: "Ed Lawson", office: "Mayor", email: "mayor@sparks.example.gov", phone: "(775) 353-2291",
                                       webPage: "https://sparks.example.gov/mayor", termEnd: Fixture.day("2026-12-31"), source: source),
                        PublicOfficial(id: 9, agencyID: 1, name: Fixture.hostile, office: "Council member, Ward 3", source: source)],
            publicDocuments: [5])
    }

    static let renewals = [
        RenewalAhead(contractID: 3, agencyID: 1, agencyName: "Sparks NV PD", stateCode: "NV", vendor: "Flock Safety", date: Fixture.today.adding(days: 12),
                     kind: .renewal, daysLeft: 12, hasOpenQuestion: true, hasContradiction: true),
        RenewalAhead(contractID: 4, agencyID: 2, agencyName: Fixture.hostile, stateCode: nil, vendor: "Motorola & <Vigilant>", date: Fixture.today.adding(days: 99),
                     kind: .expiry, daysLeft: 99, hasOpenQuestion: false, hasContradiction: false),
    ]

    @Test func agencySection() {
        assertPage(AgencyView.render(.init(detail: Fixture.agencyDetail, now: Fixture.now, contracts: Self.contracts), viewer: Fixture.viewer(.volunteer)), named: "signed-in")
        assertPage(AgencyContractsSection.render(Self.contracts, agencyID: 1, today: Fixture.today, viewer: nil, importedRenewal: "2027-01-31"), named: "anonymous")
        assertPage(AgencyContractsSection.render(AgencyContracts(), agencyID: 1, today: Fixture.today, viewer: nil, importedRenewal: "2027-01-31"), named: "imported-renewal-only")
        assertPage(AgencyContractsSection.render(AgencyContracts(), agencyID: 1, today: Fixture.today, viewer: Fixture.viewer(.admin), importedRenewal: nil), named: "nothing")
    }

    @Test func contractForms() {
        let model = ContractsView.Model(viewer: Fixture.viewer(.volunteer), agencyID: 1, agencyName: Fixture.hostile, contracts: Self.contracts,
                                        values: ["vendor": "\"><script>", "amount_usd": "12k", "end_kind": "expiry", "confidence": "low"],
                                        problems: [InputProblem(file: "form", field: "amount_usd", problem: "\"12k\" is not an amount in US dollars", hint: "Write it as 125000.")])
        assertPage(ContractsView.contractsPage(model), named: "problems")
        assertPage(ContractsView.editContractPage(.init(viewer: Fixture.viewer(.volunteer), agencyID: 1, agencyName: "Sparks NV PD", contracts: Self.contracts,
                                                        values: ContractsView.values(Self.contracts.contracts[0])), contractID: 3), named: "edit")
    }

    @Test func officialForms() {
        let model = ContractsView.Model(viewer: Fixture.viewer(.reviewer), agencyID: 1, agencyName: "Sparks NV PD", contracts: Self.contracts,
                                        values: ["name": "A & B", "email": "not-mail"],
                                        problems: [InputProblem(file: "form", field: "email", problem: "\"not-mail\" is not an email address", hint: "Write it as mayor@city.example.gov.")])
        assertPage(ContractsView.officialsPage(model, bodyValues: ContractsView.values(Self.contracts.body), bodyProblems: []), named: "problems")
        assertPage(ContractsView.editOfficialPage(.init(viewer: Fixture.viewer(.volunteer), agencyID: 1, agencyName: "Sparks NV PD", contracts: Self.contracts,
                                                        values: ContractsView.values(Self.contracts.officials[0])), officialID: 8), named: "edit")
    }

    @Test func renewals() {
        assertPage(RenewalsView.page(Self.renewals, within: 120, viewer: nil), named: "two")
        assertPage(RenewalsView.page([], within: 30, viewer: Fixture.viewer(.volunteer)), named: "none")
        assertPage(RenewalsView.homeSection(Self.renewals), named: "home-section")
        #expect(RenewalsView.homeSection([]).markup.isEmpty)
    }
}
