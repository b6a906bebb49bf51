import Foundation
@testable import HotlistCore
@testable import HotlistWeb
import Testing

/// The council brief, its print document, the press summary and the letter page, with hostile names.
@Suite struct BriefPageSnapshotTests {
    static func model(_ detail: AgencyDetail = Fixture.agencyDetail, topic: NCICTopic? = Fixture.topics[0]) -> BriefView.Model {
        BriefView.Model(brief: AgencyBrief(detail: detail, topic: topic), now: Fixture.now, baseURL: "https://hotlist.example.org")
    }

    @Test func brief() {
        var detail = Fixture.agencyDetail
        detail.findings[0].evidenceIDs = [5, 6]
        let page = BriefView.page(Self.model(detail), viewer: nil)
        assertPage(page, named: "anonymous")
        assertPage(BriefView.printDocument(Self.model()), named: "print-document")
        assertPage(BriefView.page(Self.model(Fixture.emptyAgencyDetail, topic: nil), viewer: Fixture.viewer(.volunteer)), named: "no-data-volunteer")
        // Hostile text is escaped; the private file is never linked; the public one is named with its hash.
        #expect(!page.markup.contains("<script>alert(1)"))
        #expect(page.markup.contains("https://hotlist.example.org\(SiteURL.evidenceFile(5).path)"))
        #expect(!page.markup.contains(SiteURL.evidenceFile(6).path))
        #expect(page.markup.contains("1 more file held privately"))
        #expect(!page.markup.contains("Vera Volunteer"))
    }

    @Test func briefWithContractAndOfficials() {
        let source = FactSource(url: "https://sparks.example/council/agenda-12 ; /evidence/5", title: "Council agenda & <item 12>")
        let contracts = AgencyContracts(contracts: [ALPRContract(agencyID: 1, vendor: "Flock <Safety>", startDate: Fixture.day("2025-01-15"), endDate: Fixture.day("2027-01-15"),
                                                                 amountCents: 2_500_000, source: source, confidence: .high)],
                                        body: GoverningBody(agencyID: 1, kind: .cityCouncil, name: "Sparks City Council & <Co>", source: source),
                                        officials: [PublicOfficial(agencyID: 1, name: Fixture.hostile, office: "Mayor", email: "mayor@sparks.example", source: source)])
        let model = BriefView.Model(brief: AgencyBrief(detail: Fixture.agencyDetail, topic: Fixture.topics[0], contracts: contracts), now: Fixture.now, baseURL: "https://hotlist.example.org")
        let page = BriefView.printDocument(model)
        assertPage(page, named: "print-document")
        #expect(page.markup.contains("It renews on <strong class=\"contract-end\">January 15, 2027</strong>"))
        #expect(!page.markup.contains("<script>alert(1)"))
        #expect(model.brief.questions.contains { $0.hasPrefix("The ALPR contract with Flock <Safety> renews on January 15, 2027") })
        let recipient = OfficialsLetter.defaultRecipient(model.brief)
        #expect(recipient.name == "the members of the Sparks City Council & <Co>" && recipient.email == "mayor@sparks.example")
    }

    @Test func press() {
        let page = BriefView.press(Self.model(), viewer: nil)
        assertPage(page, named: "anonymous")
        #expect(!page.markup.contains("<script>alert(1)"))
        #expect(page.markup.contains("EFF &amp; friends reported (2025-06)"))
    }

    @Test func letter() {
        let letters = [AgencyLetter(id: 1, agencyID: 1, recipient: Fixture.hostile, recipientEmail: "clerk@city.example", subject: "Subject & <s>", body: "b",
                                    delivery: .eml, madeByLabel: "vera@example.org", createdAt: Fixture.now)]
        let model = BriefView.LetterModel(agencyID: 1, agencyName: Fixture.hostile, recipient: "the leadership of <Sparks>", recipientEmail: "records@sparks.example",
                                          subject: "S & <t>", body: "Dear </textarea><script>x</script>", canSendByEmail: true, letters: letters,
                                          problems: [InputProblem(file: "letter", field: "recipient", problem: "bad & <worse>", hint: "Fix it.")],
                                          message: "Logged.", mailto: "mailto:a@b.example?subject=x%20y")
        let page = BriefView.letterPage(model, viewer: Fixture.viewer(.volunteer))
        assertPage(page, named: "volunteer")
        #expect(!page.markup.contains("</textarea><script>"))
        assertPage(BriefView.letterPage(BriefView.LetterModel(agencyID: 2, agencyName: "Reno PD", recipient: "r", recipientEmail: "", subject: "s", body: "b",
                                                              canSendByEmail: false, letters: []), viewer: Fixture.viewer(.volunteer)), named: "empty")
    }
}
