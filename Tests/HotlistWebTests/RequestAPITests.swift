import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

@Suite struct RequestAPITests {
    @Test(arguments: TestBackend.available)
    func aScriptCreatesFilesAndReadsRequestsInTheDocumentedShapes(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let validator = try await APITests.validator(app)
            func check(_ page: FetchedPage, _ path: String, method: String = "get", status: String = "200") throws -> JSONValue {
                #expect(String(page.status.code) == status, "\(method) \(path): \(page.body.prefix(300))")
                let json = try #require(page.json)
                let schema = try #require(validator.responseSchema(path, method: method, status: status), "no schema for \(method) \(path) \(status)")
                let errors = validator.validate(json, against: schema)
                #expect(errors.isEmpty, "\(path): \(errors.prefix(5).joined(separator: "; "))")
                return json
            }
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let token = try await makeAPIToken(db, vera)
            let sparks = try await agencyID(db, "Sparks NV PD")
            // Anonymous scripts are refused: requests name their requesters.
            #expect(try await app.fetch("/api/v1/requests").status == .unauthorized)
            // MUT: create with the standard letter, then file.
            let created = try check(try await app.fetch("/api/v1/requests", method: .POST, headers: .bearer(token),
                                                        body: #"{"agency_id": \#(sparks), "requester_name": "Vera", "requester_email": "vera@example.org"}"#),
                                    "/api/v1/requests", method: "post", status: "201")
            let id = try #require(created["id"]?.int)
            #expect(created["status"]?.string == "draft")
            let filed = try check(try await app.fetch("/api/v1/requests/\(id)/status", method: .POST, headers: .bearer(token),
                                                      body: #"{"status": "filed", "date": "2026-03-02", "tracking_number": "R-9"}"#),
                                  "/api/v1/requests/{id}/status", method: "post")
            #expect(filed["due_on"]?.string == "2026-03-09" && filed["tracking_numbers"]?[0]?.string == "R-9")
            let detail = try check(try await app.fetch("/api/v1/requests/\(id)", headers: .bearer(token)), "/api/v1/requests/{id}")
            #expect(detail["letter"]?.string?.contains("NRS 239.0107") == true)
            #expect(detail["history"]?.array?.count == 2)
            let list = try check(try await app.fetch("/api/v1/requests?state=NV", headers: .bearer(token)), "/api/v1/requests")
            #expect(list.array?.count == 1)
            _ = try check(try await app.fetch("/api/v1/campaigns", headers: .bearer(token)), "/api/v1/campaigns")
            // Bad input: an impossible move, an unknown field, a bad date, a missing agency: named, nothing changed.
            let impossible = try await app.fetch("/api/v1/requests/\(id)/status", method: .POST, headers: .bearer(token), body: #"{"status": "draft"}"#)
            #expect(impossible.status == .badRequest && impossible.body.contains("cannot become draft"))
            let unknown = try await app.fetch("/api/v1/requests/\(id)/status", method: .POST, headers: .bearer(token), body: #"{"status": "denied", "when": "today"}"#)
            #expect(unknown.status == .badRequest && unknown.json?["error"]?["problems"]?[0]?["field"]?.string == "when")
            let badDate = try await app.fetch("/api/v1/requests/\(id)/status", method: .POST, headers: .bearer(token), body: #"{"status": "denied", "date": "03/10/2026"}"#)
            #expect(badDate.status == .badRequest && badDate.json?["error"]?["problems"]?[0]?["field"]?.string == "date")
            let noAgency = try await app.fetch("/api/v1/requests", method: .POST, headers: .bearer(token), body: #"{"agency_id": "7", "requester_name": "V", "requester_email": "v@example.org"}"#)
            #expect(noAgency.status == .badRequest && noAgency.json?["error"]?["problems"]?[0]?["field"]?.string == "agency_id")
            #expect(try await RequestStore(db).request(id: id)?.status == .filed)
            #expect(try await app.fetch("/api/v1/requests/999999", headers: .bearer(token)).status == .notFound)
            let badFilter = try await app.fetch("/api/v1/requests?status=lost", headers: .bearer(token))
            #expect(badFilter.status == .badRequest && badFilter.json?["error"]?["problems"]?[0]?["field"]?.string == "status")
            // Issue 10, defect 3: residents-only states are checked through the API too.
            _ = try await AgencyImporter(db).importAgencyList(try AgencyListFile.parse(try CSVTable.parse(data: Data("Name,State\nRichmond VA PD,VA\n".utf8), file: "va.csv")))
            let richmond = try await agencyID(db, "Richmond VA PD")
            let outsider = try await app.fetch("/api/v1/requests", method: .POST, headers: .bearer(token),
                                               body: #"{"agency_id": \#(richmond), "requester_name": "V", "requester_email": "v@example.org", "requester_state": "NV"}"#)
            #expect(outsider.status == .badRequest && outsider.json?["error"]?["problems"]?[0]?["field"]?.string == "requester_state")
            #expect(outsider.body.contains("Virginia answers public-records requests from its residents only"))
            let acknowledged = try await app.fetch("/api/v1/requests", method: .POST, headers: .bearer(token),
                                                   body: #"{"agency_id": \#(richmond), "requester_name": "V", "requester_email": "v@example.org", "requester_state": "NV", "residency_acknowledged": true}"#)
            #expect(acknowledged.status == .created)
            let resident = try check(try await app.fetch("/api/v1/requests", method: .POST, headers: .bearer(token),
                                                         body: #"{"agency_id": \#(richmond), "requester_name": "V", "requester_email": "v@example.org", "requester_state": "VA"}"#),
                                     "/api/v1/requests", method: "post", status: "201")
            let residentID = try #require(resident["id"]?.int)
            #expect(try await RequestStore(db).detail(id: residentID)?.request.letter.contains("I am a resident of Virginia.") == true)
            let notBool = try await app.fetch("/api/v1/requests", method: .POST, headers: .bearer(token),
                                              body: #"{"agency_id": \#(richmond), "requester_name": "V", "requester_email": "v@example.org", "residency_acknowledged": "yes"}"#)
            #expect(notBool.status == .badRequest && notBool.json?["error"]?["problems"]?[0]?["field"]?.string == "residency_acknowledged")
        }
    }
}

@Suite struct ContradictionPageTests {
    @Test(arguments: TestBackend.available)
    func agencyPagesAndTheAPIShowReportedFindingsAndContradictionsWithSources(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let sparks = try await agencyID(db, "Sparks NV PD")
            let page = try await app.fetch(SiteURL.agency(sparks).path)
            #expect(page.body.contains("Immigration Violator enabled (reported by EFF, 2026-06-25)"))
            #expect(page.body.contains("Reported by EFF, not verified from our own evidence."))
            #expect(page.body.contains("id=\"rule-1\"") && page.body.contains("https://www.eff.org/deeplinks/2026/06/"))
            let validator = try await APITests.validator(app)
            let list = try await APITests.check(app, validator, "/api/v1/contradictions?rule=1", operation: "/api/v1/contradictions")
            #expect(list.array?.first?["agency_name"]?.string == "Sparks NV PD")
            #expect(list.array?.first?["citations"]?[0]?["confidence"]?.string == "high")
            let detail = try await APITests.check(app, validator, "/api/v1/agencies/\(sparks)", operation: "/api/v1/agencies/{id}")
            #expect(detail["contradictions"]?.array?.contains { $0["rule"]?.int == 1 } == true)
            #expect(detail["status"]?["code"]?.string == "immigration_violator_enabled")
            #expect(page.body.contains("id=\"agency-status\" class=\"status-immigration_violator_enabled\">Immigration Violator enabled (reported by EFF"))
            #expect(try await app.fetch("/api/v1/contradictions?rule=9").status == .badRequest)
        }
    }
}
