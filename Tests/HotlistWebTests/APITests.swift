import HotlistCore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

@Suite struct APITests {
    static func validator(_ app: Application) async throws -> JSONSchemaValidator {
        let document = try await app.fetch("/api/v1/openapi.json")
        #expect(document.status == .ok)
        return JSONSchemaValidator(document: try #require(document.json))
    }

    static func check(_ app: Application, _ validator: JSONSchemaValidator, _ path: String, operation: String, status: String = "200") async throws -> JSONValue {
        let response = try await app.fetch(path)
        #expect(String(response.status.code) == status, "\(path)")
        let json = try #require(response.json, "\(path) is not JSON")
        let schema = try #require(validator.responseSchema(operation, status: status), "no schema for \(operation) \(status)")
        let errors = validator.validate(json, against: schema)
        #expect(errors.isEmpty, "\(path): \(errors.prefix(5).joined(separator: "; "))")
        return json
    }

    @Test(arguments: TestBackend.available)
    func responsesMatchTheOpenAPIDocument(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let validator = try await Self.validator(app)
            let sparks = try await agencyID(db, "Sparks NV PD")
            let unresolved = try await agencyID(db, "Flock Safety - Admins")
            _ = try await Self.check(app, validator, "/api/v1/agencies", operation: "/api/v1/agencies")
            _ = try await Self.check(app, validator, "/api/v1/agencies?state=NV&alerts_ncic=true&prohibits_immigration=true", operation: "/api/v1/agencies")
            _ = try await Self.check(app, validator, "/api/v1/agencies/\(sparks)", operation: "/api/v1/agencies/{id}")
            _ = try await Self.check(app, validator, "/api/v1/agencies/\(unresolved)", operation: "/api/v1/agencies/{id}")
            _ = try await Self.check(app, validator, "/api/v1/reference/ncic", operation: "/api/v1/reference/ncic")
            _ = try await Self.check(app, validator, "/api/v1/reference/states", operation: "/api/v1/reference/states")
            _ = try await Self.check(app, validator, "/api/v1/reference/states/NV", operation: "/api/v1/reference/states/{code}")
            _ = try await Self.check(app, validator, "/api/v1/agencies?page=zero", operation: "/api/v1/agencies", status: "400")
            _ = try await Self.check(app, validator, "/api/v1/agencies/424242", operation: "/api/v1/agencies/{id}", status: "404")
        }
    }

    @Test func theValidatorCatchesAMismatch() throws {
        // The contract check is only worth having if it can fail.
        let schema = try JSONValue.parse(#"{"type":"object","properties":{"id":{"type":"integer"},"kind":{"type":"string","enum":["a"]}},"required":["id","kind"],"additionalProperties":false}"#)
        let validator = JSONSchemaValidator(document: .object([:]))
        #expect(validator.validate(try JSONValue.parse(#"{"id":1,"kind":"a"}"#), against: schema).isEmpty)
        #expect(validator.validate(try JSONValue.parse(#"{"id":"1","kind":"b","extra":true}"#), against: schema).count == 3)
        #expect(validator.validate(try JSONValue.parse(#"{"kind":"a"}"#), against: schema) == ["$: missing required \"id\""])
        #expect(!validator.validate(try JSONValue.parse(#"{"id":true,"kind":"a"}"#), against: schema).isEmpty, "a boolean is not an integer")
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
            let trace = try await app.fetch("/api/v1/reference/ncic", method: .TRACE)
            #expect(trace.status == .methodNotAllowed && trace.headers.first(name: .allow) == "GET, HEAD")
            #expect(trace.json?["error"]?["status"]?.int == 405)
            let deletePage = try await app.fetch("/agencies", method: .DELETE)
            #expect(deletePage.status == .methodNotAllowed && deletePage.body.contains("does not answer DELETE"))
        }
    }
}
