import Foundation
import HotlistAPI
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
            func check<T: Decodable>(_ type: T.Type, _ page: FetchedPage, status: HTTPStatus = .ok, _ what: String) throws -> JSONValue {
                try APITests.decode(T.self, page, status: status, what)
                return try #require(page.json)
            }
            let vera = try await addPerson(db, "vera@example.org", .volunteer)
            let token = try await makeAPIToken(db, vera)
            let sparks = try await agencyID(db, "Sparks NV PD")
            // Anonymous scripts are refused: requests name their requesters.
            #expect(try await app.fetch("/api/v1/requests").status == .unauthorized)
            // MUT: create with the standard letter, then file.
            let created = try check(Components.Schemas.Request.self, try await app.fetch("/api/v1/requests", method: .POST, headers: .bearer(token),
                                                        body: #"{"agency_id": \#(sparks), "requester_name": "Vera", "requester_email": "vera@example.org"}"#),
                                    status: .created, "create")
            let id = try #require(created["id"]?.int)
            #expect(created["status"]?.string == "draft")
            let filed = try check(Components.Schemas.Request.self, try await app.fetch("/api/v1/requests/\(id)/status", method: .POST, headers: .bearer(token),
                                                      body: #"{"status": "filed", "date": "2026-03-02", "tracking_number": "R-9"}"#), "file")
            #expect(filed["due_on"]?.string == "2026-03-09" && filed["tracking_numbers"]?[0]?.string == "R-9")
            let detail = try check(Components.Schemas.RequestDetail.self, try await app.fetch("/api/v1/requests/\(id)", headers: .bearer(token)), "detail")
            #expect(detail["letter"]?.string?.contains("NRS 239.0107") == true)
            #expect(detail["history"]?.array?.count == 2)
            let list = try check([Components.Schemas.Request].self, try await app.fetch("/api/v1/requests?state=NV", headers: .bearer(token)), "list")
            #expect(list.array?.count == 1)
            _ = try check([Components.Schemas.Campaign].self, try await app.fetch("/api/v1/campaigns", headers: .bearer(token)), "campaigns")
            _ = try check(Components.Schemas.Me.self, try await app.fetch("/api/v1/me", headers: .bearer(token)), "me")
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
            let resident = try check(Components.Schemas.Request.self, try await app.fetch("/api/v1/requests", method: .POST, headers: .bearer(token),
                                                         body: #"{"agency_id": \#(richmond), "requester_name": "V", "requester_email": "v@example.org", "requester_state": "VA"}"#),
                                     status: .created, "resident")
            let residentID = try #require(resident["id"]?.int)
            #expect(try await RequestStore(db).detail(id: residentID)?.request.letter.contains("I am a resident of Virginia.") == true)
            let notBool = try await app.fetch("/api/v1/requests", method: .POST, headers: .bearer(token),
                                              body: #"{"agency_id": \#(richmond), "requester_name": "V", "requester_email": "v@example.org", "residency_acknowledged": "yes"}"#)
            #expect(notBool.status == .badRequest && notBool.json?["error"]?["problems"]?[0]?["field"]?.string == "residency_acknowledged")
            // Bodies stay strict: each refusal names the field, and nothing is stored.
            let before = try await RequestStore(db).list(try RequestFilter.parse([:], limit: 1_000)).count
            let valid = #"{"agency_id": \#(sparks), "requester_name": "V", "requester_email": "v@example.org"}"#
            for (body, field) in [(#"{"agency_id": \#(sparks), "agency_id": 1, "requester_name": "V", "requester_email": "v@example.org"}"#, nil as String?),
                                  (#"{"requester_name": "V", "requester_email": "v@example.org"}"#, "agency_id"),
                                  (#"{"agency_id": \#(sparks), "requester_name": 7, "requester_email": "v@example.org"}"#, "requester_name"),
                                  (#"{"agency_id": \#(sparks), "requester_name": " ", "requester_email": "v@example.org"}"#, "requester_name"),
                                  (#"{"agency_id": \#(sparks), "requester_name": "V", "requester_email": "v@example.org", "channel": "fax"}"#, "channel"),
                                  (#"{"agency_id": \#(sparks), "requester_name": "V", "requester_email": "v@example.org", "cc": "x", "bcc": "y"}"#, "bcc"),
                                  (#"{"agency_id": null, "requester_name": "V", "requester_email": "v@example.org"}"#, "agency_id"),
                                  ("[1]", nil), ("{", nil)] {
                let answer = try await app.fetch("/api/v1/requests", method: .POST, headers: .bearer(token), body: body)
                try APITests.decode(Components.Schemas._Error.self, answer, status: .badRequest, body)
                #expect(answer.json?["error"]?["problems"]?[0]?["field"]?.string == field, "\(body): \(answer.body)")
            }
            let typeMismatch = try await app.fetch("/api/v1/requests", method: .POST, headers: .bearer(token), body: #"{"agency_id": 1.5, "requester_name": "V", "requester_email": "v@example.org"}"#)
            #expect(typeMismatch.status == .badRequest && typeMismatch.body.contains("must be a whole number"), "\(typeMismatch.body)")
            let unknownFields = try await app.fetch("/api/v1/requests", method: .POST, headers: .bearer(token), body: #"{"agency_id": 1, "cc": "x", "bcc": "y"}"#)
            #expect(unknownFields.json?["error"]?["problems"]?.array?.compactMap { $0["field"]?.string } == ["bcc", "cc"])
            var plain = HTTPHeaders.bearer(token, json: false)
            plain.contentType = .plainText
            #expect(try await app.fetch("/api/v1/requests", method: .POST, headers: plain, body: valid).status == .unsupportedMediaType)
            #expect(try await app.fetch("/api/v1/requests", method: .POST, headers: .bearer(token, json: false), body: valid).status == .unsupportedMediaType)
            #expect(try await app.fetch("/api/v1/requests", method: .POST, headers: .bearer(token)).status == .badRequest)
            #expect(try await RequestStore(db).list(try RequestFilter.parse([:], limit: 1_000)).count == before)
            let badPath = try await app.fetch("/api/v1/requests/abc", headers: .bearer(token))
            #expect(badPath.status == .notFound && badPath.headers.contentType == .json, "\(badPath.body)")
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
            let list = try #require(try await app.fetch("/api/v1/contradictions?rule=1").json)
            try APITests.decode([Components.Schemas.Contradiction].self, try await app.fetch("/api/v1/contradictions?rule=1"), "contradictions")
            #expect(list.array?.first?["agency_name"]?.string == "Sparks NV PD")
            #expect(list.array?.first?["citations"]?[0]?["confidence"]?.string == "high")
            let detail = try #require(try await app.fetch("/api/v1/agencies/\(sparks)").json)
            try APITests.decode(Components.Schemas.AgencyDetail.self, try await app.fetch("/api/v1/agencies/\(sparks)"), "agency")
            #expect(detail["contradictions"]?.array?.contains { $0["rule"]?.int == 1 } == true)
            #expect(detail["status"]?["code"]?.string == "immigration_violator_enabled")
            #expect(page.body.contains("id=\"agency-status\" class=\"status-immigration_violator_enabled\">Immigration Violator enabled (reported by EFF"))
            #expect(try await app.fetch("/api/v1/contradictions?rule=9").status == .badRequest)
        }
    }
}
