import Foundation
import HotlistAPI
import HotlistCore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

@Suite struct APITests {
    /// Decodes a real answer through the type generated from the document: a missing or unknown
    /// key, a value of the wrong type or an undocumented enumerated value fails the test.
    @discardableResult
    static func decode<T: Decodable>(_ type: T.Type, _ page: FetchedPage, status: HTTPStatus = .ok, _ what: String) throws -> T {
        #expect(page.status == status, "\(what): \(page.status.code) \(page.body.prefix(300))")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do { return try decoder.decode(T.self, from: Data(page.body.utf8)) } catch {
            Issue.record("\(what) does not match \(T.self): \(error)")
            throw error
        }
    }

    @Test(arguments: TestBackend.available)
    func responsesMatchTheOpenAPIDocument(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let sparks = try await agencyID(db, "Sparks NV PD")
            let unresolved = try await agencyID(db, "Flock Safety - Admins")
            for path in ["/api/v1/agencies", "/api/v1/agencies?state=NV&alerts_ncic=true&prohibits_immigration=true"] {
                try Self.decode(Components.Schemas.AgencyList.self, try await app.fetch(path), path)
            }
            for id in [sparks, unresolved] {
                try Self.decode(Components.Schemas.AgencyDetail.self, try await app.fetch("/api/v1/agencies/\(id)"), "agency \(id)")
            }
            try Self.decode([Components.Schemas.NCICTopic].self, try await app.fetch("/api/v1/reference/ncic"), "ncic")
            try Self.decode([Components.Schemas.StateLaw].self, try await app.fetch("/api/v1/reference/states"), "states")
            try Self.decode(Components.Schemas.StateDetail.self, try await app.fetch("/api/v1/reference/states/NV"), "NV")
            try Self.decode([Components.Schemas.AgencyFinding].self, try await app.fetch("/api/v1/findings"), "findings")
            try Self.decode(Components.Schemas._Error.self, try await app.fetch("/api/v1/agencies?page=zero"), status: .badRequest, "page=zero")
            try Self.decode(Components.Schemas._Error.self, try await app.fetch("/api/v1/agencies/424242"), status: .notFound, "424242")
            // The served document is the YAML the types are generated from.
            let served = try #require(try await app.fetch("/api/v1/openapi.json").json)
            #expect(served == (try JSONValue.parse(String(decoding: OpenAPIDocument.shared.json, as: UTF8.self))))
            #expect(served["paths"]?["/api/v1/agencies"]?["get"]?["operationId"]?.string == "listAgencies")
            #expect(served["components"]?["responses"]?["NotFound"] != nil)
        }
    }

    @Test func theGeneratedTypesRefuseWhatTheDocumentDoesNotAllow() throws {
        // The contract check is only worth having if it can fail.
        let decoder = JSONDecoder()
        #expect(throws: Never.self) { try decoder.decode(Components.Schemas.Citation.self, from: Data(#"{"text":"t","source":"s","confidence":"high"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try decoder.decode(Components.Schemas.Citation.self, from: Data(#"{"text":"t","source":"s","confidence":"high","extra":1}"#.utf8)) }
        #expect(throws: DecodingError.self) { try decoder.decode(Components.Schemas.Citation.self, from: Data(#"{"text":"t","source":"s","confidence":"certain"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try decoder.decode(Components.Schemas.Citation.self, from: Data(#"{"text":"t","confidence":"high"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try decoder.decode(Components.Schemas.Link.self, from: Data(#"{"id":"1","name":"n","url":"/"}"#.utf8)) }
    }

    @Test(arguments: TestBackend.available)
    func listFiltersAndDetailContent(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let list = try #require(try await app.fetch("/api/v1/agencies?state=NV&sort=name").json)
            #expect(list["total"]?.int == 2)
            #expect(list["items"]?.array?.compactMap { $0["name"]?.string } == ["Reno NV PD", "Sparks NV PD"])
            let paged = try #require(try await app.fetch("/api/v1/agencies?sort=name&per_page=2").json)
            #expect(paged["next"]?.string == "/api/v1/agencies?sort=name&per_page=2&page=2")
            #expect(paged["page_count"]?.int == 4)
            let sparks = try await agencyID(db, "Sparks NV PD")
            let detail = try #require(try await app.fetch("/api/v1/agencies/\(sparks)").json)
            #expect(detail["alerts_ncic"]?.string == "yes")
            #expect(detail["prohibits_immigration"]?.string == "prohibits")
            #expect(detail["priority"]?["tier"]?.int == 1)
            #expect(detail["shares_with"]?.array?.count == 2)
            #expect(detail["snapshots"]?[0]?["thirty_day_counts"]?["hotlist_hits"]?.int == 1200)
            #expect(detail["records_law"]?["citation"]?.string?.contains("239.0107") == true)
            #expect(detail["sources"]?.array?.contains(.string(PrivateEyesDataset.credit)) == true)
            #expect(detail["snapshot_age_days"]?.int == 944)
        }
    }

    @Test(arguments: TestBackend.available)
    func errorsAreJSONAndNameTheParameter(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, _ in
            let unknown = try await app.fetch("/api/v1/agencies?alert_ncic=true")
            #expect(unknown.status == .badRequest)
            #expect(unknown.json?["error"]?["problems"]?[0]?["field"]?.string == "alert_ncic")
            let bad = try await app.fetch("/api/v1/agencies?prohibits_immigration=perhaps")
            #expect(bad.json?["error"]?["problems"]?[0]?["field"]?.string == "prohibits_immigration")
            let route = try await app.fetch("/api/v1/nothing")
            #expect(route.status == .notFound && route.headers.contentType == .json)
            let state = try await app.fetch("/api/v1/reference/states/QQ")
            #expect(state.status == .notFound && state.json?["error"]?["status"]?.int == 404)
            // Issue 11: where schemathesis found the API and its document disagreeing.
            for query in ["prohibits_immigration=0", "alerts_ncic=yes", "answered=TRUE", "page=100001", "answered=", "page="] {
                #expect(try await app.fetch("/api/v1/agencies?" + query).status == .badRequest, "\(query)")
            }
            #expect(try await app.fetch("/api/v1/agencies?prohibits_immigration=true&page=100000").status == .ok)
            // Every operation refuses parameters its document does not list, by name, and names a bad value.
            for (query, field) in [("/api/v1/reference/ncic?x=1", "x"), ("/api/v1/findings?immigration_violator=maybe", "immigration_violator"),
                                   ("/api/v1/findings?agency=1", "agency"), ("/api/v1/contradictions?rule=abc", "rule"), ("/api/v1/contradictions?rule=9", "rule"),
                                   ("/api/v1/contradictions?state=QQ", "state"), ("/api/v1/openapi.json?v=2", "v")] {
                let answer = try await app.fetch(query)
                #expect(answer.status == .badRequest && answer.json?["error"]?["problems"]?[0]?["field"]?.string == field, "\(query): \(answer.body)")
            }
            let trace = try await app.fetch("/api/v1/reference/ncic", method: .TRACE)
            #expect(trace.status == .methodNotAllowed && trace.headers.first(name: .allow) == "GET, HEAD")
            #expect(trace.json?["error"]?["status"]?.int == 405)
            let deletePage = try await app.fetch("/agencies", method: .DELETE)
            #expect(deletePage.status == .methodNotAllowed && deletePage.body.contains("does not answer DELETE"))
        }
    }
}
