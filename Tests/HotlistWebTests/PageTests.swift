import HotlistCore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

@Suite struct PageTests {
    @Test(arguments: TestBackend.available)
    func homeShowsCountsAndTopPriority(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let page = try await app.fetch("/")
            #expect(page.status == .ok)
            #expect(page.headers.contentType == .html)
            #expect(page.body.contains("<dd id=\"count-agencies\">8</dd>"))
            // Issue 10, defect 5: About says the same number as the home page.
            #expect(try await app.fetch("/about").body.contains("<strong id=\"about-count-agencies\">8</strong>"))
            #expect(page.body.contains("<dd id=\"count-both\"><a href=\"/agencies?alerts_ncic=true&amp;prohibits_immigration=true\">1</a></dd>"))
            // Sparks (tier 1) heads the priority table, linked to its page.
            let table = try #require(page.body.components(separatedBy: "id=\"priority-agencies\"").last)
            let sparks = try await agencyID(db, "Sparks NV PD")
            #expect(table.range(of: "/agencies/\(sparks)")!.lowerBound < table.range(of: "Reno NV PD")!.lowerBound)
            #expect(page.body.contains("How the priority is ranked"))
        }
    }

    @Test(arguments: TestBackend.available)
    func directoryFiltersSortsAndPages(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, _ in
            let nevada = try await app.fetch("/agencies?state=NV&sort=name")
            #expect(nevada.status == .ok)
            #expect(nevada.body.contains("2 agencies"))
            #expect(nevada.body.contains("<option value=\"NV\" selected>"))
            #expect(!nevada.body.contains("Atherton CA PD"))
            let both = try await app.fetch("/agencies?alerts_ncic=true&prohibits_immigration=true")
            #expect(both.body.contains("Sparks NV PD") && !both.body.contains("Reno NV PD"))
            let paged = try await app.fetch("/agencies?sort=name&per_page=2&page=2")
            #expect(paged.body.contains("rel=\"prev\" href=\"/agencies?sort=name&amp;per_page=2\""))
            #expect(paged.body.contains("rel=\"next\" href=\"/agencies?sort=name&amp;per_page=2&amp;page=3\""))
            #expect(paged.body.contains("Page 2 of 4"))
            // Issue 10, defect 5: a page past the end is a 404 that names the last page, not an empty 200.
            let past = try await app.fetch("/agencies?sort=name&per_page=2&page=999")
            #expect(past.status == .notFound && past.body.contains("There is no page 999: these results have 4 pages."))
            // Defect 7: the names people use, on the page too.
            #expect(try await app.fetch("/agencies?q=Sparks+Police+Department").body.contains("Sparks NV PD"))
            let none = try await app.fetch("/agencies?q=zzzz")
            #expect(none.body.contains("No agency matches"))
        }
    }

    @Test(arguments: TestBackend.available)
    func agencyPageShowsPortalDataSharingAndSources(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let sparks = try await agencyID(db, "Sparks NV PD")
            let reno = try await agencyID(db, "Reno NV PD")
            let page = try await app.fetch("/agencies/\(sparks)")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1 id=\"agency-name\">Sparks NV PD</h1>"))
            #expect(page.body.contains("<li class=\"ncic\">NCIC</li>"))
            #expect(page.body.contains("<li class=\"immigration\">Immigration enforcement</li>"))
            // Issue 10, defect 6: answered by EFF's report, the priority says so; the verdict comes before the portal data.
            #expect(page.body.contains("Request priority: already answered by records (portal tier 1: Prohibits immigration enforcement, yet alerts on NCIC)"))
            let verdict = try #require(page.body.range(of: "id=\"agency-status\""))
            let portal = try #require(page.body.range(of: "id=\"signals\""))
            #expect(verdict.lowerBound < portal.lowerBound)
            #expect(page.body.contains("<article class=\"contradiction\" id=\"rule-1\"><h3>Immigration Violator enabled against the agency&#39;s own policy</h3>"), "plain titles")
            #expect(!page.body.contains("(rule-1)"))
            let shares = try #require(page.body.components(separatedBy: "id=\"shares-with\"").last?.components(separatedBy: "</section>").first)
            #expect(shares.contains("href=\"/agencies/\(reno)\">Reno NV PD</a>"))
            #expect(shares.contains("Blue Island IL PD"))
            #expect(shares.contains("1 of them are outside Nevada"))
            #expect(page.body.contains("id=\"receives-from\""))
            #expect(page.body.contains("The News &amp; Observer"))
            #expect(page.body.contains("NRS 239.0107"))
            // The fixed clock makes the age deterministic: 2024-04-26 to 2026-11-27.
            #expect(page.body.contains("(944 days old)"))
        }
    }

    @Test(arguments: TestBackend.available)
    func referencePagesShowSourcesAndMarkWeakGrades(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, _ in
            let ncic = try await app.fetch("/reference/ncic")
            #expect(ncic.body.contains("“Immigration Violator”"))
            #expect(ncic.body.contains("ICE only"))
            #expect(ncic.body.contains("class=\"grade grade-low\""))
            #expect(ncic.body.contains("href=\"https://www.eff.org/deeplinks/2026/06/are-your-local-police-using-flock-safety-alprs-scan-immigrants\""))
            let states = try await app.fetch("/reference/states")
            #expect(states.body.components(separatedBy: "<tr><th scope=\"row\">").count == 52)
            #expect(states.body.contains("class=\"grade grade-medium\""))
            let nevada = try await app.fetch("/reference/states/nv")
            #expect(nevada.status == .ok)
            #expect(nevada.body.contains("<dd id=\"deadline\">5 business days</dd>"))
            #expect(nevada.body.contains("NRS 239.0107"))
            let california = try await app.fetch("/reference/states/CA")
            #expect(california.body.contains("Not verified as enacted."))
            let alabama = try await app.fetch("/reference/states/AL")
            #expect(alabama.body.contains("Residents of Alabama only"))
            // Issue 10: never "from memory"; an unsourced route is "not yet researched", a sourced one shows its source.
            #expect(!alabama.body.contains("memory"))
            let georgia = try await app.fetch("/reference/states/GA")
            #expect(georgia.body.contains("<dd id=\"appeal-route\"><span class=\"grade grade-low\">not yet researched</span>"))
            let illinois = try await app.fetch("/reference/states/IL")
            #expect(illinois.body.contains("<dd id=\"appeal-route\">") && illinois.body.contains("(source: ") && !illinois.body.contains("not yet researched</span></dd>"))
            #expect(try await app.fetch("/favicon.ico").status == .ok)
        }
    }

    @Test(arguments: TestBackend.available)
    func badRequestsGetClearErrorPages(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, _ in
            let missing = try await app.fetch("/agencies/99999")
            #expect(missing.status == .notFound)
            #expect(missing.body.contains("Not found"))
            for path in ["/agencies/abc", "/agencies/-1", "/reference/states/ZZ", "/nothing/here"] {
                #expect(try await app.fetch(path).status == .notFound, "\(path)")
            }
            let bad = try await app.fetch("/agencies?page=abc&state=XX")
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("<strong>page</strong>") && bad.body.contains("<strong>state</strong>"))
            #expect(!bad.body.contains("Abort") && !bad.body.contains("Fatal"))
            // Text from the query is escaped, never echoed as markup.
            let search = try await app.fetch("/agencies?q=%3Cscript%3Ealert(1)%3C/script%3E")
            #expect(search.status == .ok)
            #expect(!search.body.contains("<script>") && search.body.contains("&lt;script&gt;"))
        }
    }

    @Test(arguments: TestBackend.available)
    func everyResponseCarriesSecurityHeaders(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, _ in
            for path in ["/", "/agencies/99999", "/api/v1/agencies", "/static/style.css"] {
                let page = try await app.fetch(path)
                let policy = page.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(policy.contains("script-src 'none'") && policy.contains("frame-ancestors 'none'"), "\(path)")
                #expect(page.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(page.headers.first(name: "Referrer-Policy") == "no-referrer")
            }
            // The stylesheet is served from the binary, so the server runs from any directory.
            let css = try await app.fetch("/static/style.css")
            #expect(css.status == .ok && css.body.contains(".grade-low"))
        }
    }
}
