import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import VaporTesting

/// The instant test apps start at.
let testStart = TimestampParser.parse("2026-11-27T12:00:00Z")!

/// Fast bcrypt and no sign-in slow-down, so tests spend their time on behaviour, not on waiting.
let testSecurity = SecuritySettings(passwordHashCost: 4, throttle: SignInThrottlePolicy(freeFailures: 3, delayStep: 0, maximumDelay: 0, accountLockAfter: 5,
                                                                                           addressLockAfter: 12, window: 900, lockDuration: 900))

/// A test app on a fresh database of `backend`, loaded with the small Private Eyes fixture and a fixed clock.
func withFixtureApp(_ backend: TestBackend, clock: any TimeSource = FixedClock(testStart), security: SecuritySettings = testSecurity, maxBodySize: Int = 1_048_576,
                    smtp: SMTPConfiguration? = nil, maxEvidenceSize: Int = 50 * 1_048_576, chromium: ChromiumPDF? = nil, _ body: (Application, HotlistDatabase) async throws -> Void) async throws {
    try await backend.withDatabase { db in
        _ = try await AgencyImporter(db).importPrivateEyes(try PrivateEyesDataset.read(directory: try PrivateEyesFixture.write()))
        // Each app gets its own evidence folder, removed afterwards.
        let evidence = FileManager.default.temporaryDirectory.appendingPathComponent("hw-web-evidence-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: evidence) }
        // The cache checks the revision on every request here, so tests see imports at once.
        let app = try await makeApp(AppConfiguration(database: db, clock: clock, maxBodySize: maxBodySize, cacheRevisionCheckMilliseconds: 0, security: security, smtp: smtp,
                                                     evidenceDirectory: evidence, maxEvidenceSize: maxEvidenceSize, chromium: chromium),
                                    environment: .testing)
        do {
            try await body(app, db)
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

struct FetchedPage {
    var status: HTTPStatus
    var headers: HTTPHeaders
    var body: String
    var json: JSONValue? { try? JSONValue.parse(body) }

    /// The text right inside the element with this id (up to the next tag).
    func text(ofID id: String) -> String? {
        body.range(of: "id=\"\(id)\">").map { String(body[$0.upperBound...].prefix { $0 != "<" }) }
    }
}

extension Application {
    func fetch(_ path: String, method: HTTPMethod = .GET, headers: HTTPHeaders = [:], body: String? = nil) async throws -> FetchedPage {
        var page: FetchedPage?
        try await testing().test(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            page = FetchedPage(status: response.status, headers: response.headers, body: response.body.string)
        }
        return page!
    }

    /// The raw bytes of an answer (downloads), with a raw body (uploads).
    func fetchBytes(_ path: String, method: HTTPMethod = .GET, headers: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws -> (status: HTTPStatus, headers: HTTPHeaders, body: Data) {
        var result: (HTTPStatus, HTTPHeaders, Data)?
        try await testing().test(method, path, headers: headers, body: body) { response in
            var buffer = response.body
            result = (response.status, response.headers, buffer.readData(length: buffer.readableBytes) ?? Data())
        }
        return result!
    }
}

/// A multipart/form-data body: text fields and one file, as a browser sends an upload form.
func multipartBody(fields: [(String, String)], fileField: String = "file", fileName: String, fileBytes: Data) -> (contentType: String, body: ByteBuffer) {
    let boundary = "----hotlistwatch-test-\(UUID().uuidString)"
    var body = ByteBuffer()
    for (name, value) in fields {
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
    }
    body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
    body.writeBytes(fileBytes)
    body.writeString("\r\n--\(boundary)--\r\n")
    return ("multipart/form-data; boundary=\(boundary)", body)
}

func agencyID(_ db: HotlistDatabase, _ name: String) async throws -> Int {
    try await DirectoryQueries(db).list(AgencyFilter(text: name)).items.first { $0.name == name }!.id
}
