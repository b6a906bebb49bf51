import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

/// Issue 13: the public data set as files, with validators, a licence, and nothing private in any byte.
@Suite struct DataOutTests {
    /// A verified finding at Atherton, an unverified one at Reno (with a note that must never leave), by named volunteers.
    static func seed(_ app: Application, _ db: HotlistDatabase) async throws -> (verified: Int, unverified: Int, reviewer: UserAccount) {
        let atherton = try await agencyID(db, "Atherton CA PD"), reno = try await agencyID(db, "Reno NV PD")
        let vera = try await addPerson(db, "vera@example.org", .volunteer, name: "Vera Volunteer")
        let rita = try await addPerson(db, "rita@example.org", .reviewer, name: "Rita Reviewer")
        var author = try await makeSession(db, vera)
        var ids: [Int] = []
        for (agency, note) in [(atherton, "VERIFIED-WORKING-NOTE"), (reno, "UNVERIFIED-DRAFT-NOTE")] {
            let file = try #require(EvidencePageTests.evidenceID(fromRedirect: try await author.upload(app, SiteURL.agencyEvidence(agency).path, [], fileName: "private-settings.pdf", bytes: EvidencePageTests.pdf)))
            let created = try await author.post(app, SiteURL.agencyFindings(agency).path, [("evidence", String(file)), ("as_of", "2026-10-01"), ("topic_immigration_violator", "enabled"), ("note", note)])
            ids.append(try #require(Int(created.headers.first(name: .location)?.split(separator: "?").first?.dropFirst("/findings/".count) ?? "")))
        }
        _ = try await FindingStore(db).verify(findingID: ids[0], reviewer: rita, by: .user(rita, channel: .web), now: testStart)
        return (ids[0], ids[1], rita)
    }

    @Test(arguments: TestBackend.available)
    func everyFileHoldsThePublicDataAndNothingPrivate(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let seeded = try await Self.seed(app, db)
            var files: [String: Data] = [:]
            for name in PublicDataFiles.names {
                let answer = try await app.fetchBytes(SiteURL.dataFile(name).path)
                #expect(answer.status == .ok, "\(name)")
                #expect(answer.headers.first(name: .link)?.contains("<\(PublicDataAbout.licenceURL)>; rel=\"license\"") == true, "\(name)")
                files[name] = answer.body
            }
            for (name, bytes) in files {
                for secret in ["Vera Volunteer", "vera@example.org", "Rita Reviewer", "rita@example.org", "UNVERIFIED-DRAFT-NOTE", "VERIFIED-WORKING-NOTE", "private-settings.pdf"] {
                    #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(name) holds \(secret)")
                }
            }
            let findingsCSV = String(decoding: try #require(files["findings.csv"]), as: UTF8.self)
            #expect(findingsCSV.hasPrefix("finding_ref,kind,reported_by,"))
            #expect(findingsCSV.contains("hotlistwatch-finding-\(seeded.verified),verified,Hotlist Watch,"))
            #expect(!findingsCSV.contains("hotlistwatch-finding-\(seeded.unverified),"))
            let json = try JSONValue.parse(String(decoding: try #require(files["findings.json"]), as: UTF8.self))
            #expect(json["licence"]?.string?.contains("CC BY 4.0") == true)
            #expect(json["citation"]?.string?.contains("Hotlist Watch") == true)
            // Dated by the data's last recorded change, so the same data keeps the same bytes.
            #expect(json["generated_at"]?.string == TimestampParser.iso8601(try #require(try await DirectoryQueries(db).lastChanged())))
            #expect(json["findings"]?.array?.contains { (row: JSONValue) in row["finding_ref"]?.string == "hotlistwatch-finding-\(seeded.verified)" && row["agency_name"]?.string == "Atherton CA PD" } == true)
            #expect(try JSONValue.parse(String(decoding: try #require(files["contradictions.json"]), as: UTF8.self))["contradictions"]?.array != nil)
            #expect(try JSONValue.parse(String(decoding: try #require(files["agencies.json"]), as: UTF8.self))["agencies"]?.array?.count == (try await DirectoryQueries(db).counts().agencies))
            let feed = String(decoding: try #require(files["feed.atom"]), as: UTF8.self)
            #expect(feed.contains("<id>urn:hotlistwatch:finding:\(seeded.verified):v1</id>"))
            #expect(!feed.contains("urn:hotlistwatch:finding:\(seeded.unverified):"))
            let sqlite = try #require(files["hotlistwatch-public.sqlite"])
            #expect(sqlite.starts(with: Data("SQLite format 3\0".utf8)))
            #expect(sqlite.range(of: Data("hotlistwatch-finding-\(seeded.verified)".utf8)) != nil)
            #expect(String(decoding: try #require(files["CITATION.txt"]), as: UTF8.self).contains("The News & Observer"))
            // The page lists every file with its size.
            let page = try await app.fetch(SiteURL.data.path)
            #expect(page.status == .ok)
            for name in PublicDataFiles.names { #expect(page.body.contains("data-name=\"\(name)\""), "\(name)") }
            #expect(page.body.contains("\(HTML.number(try #require(files["findings.csv"]).count)) bytes"))
            #expect(try await app.fetch("/data/users.csv").status == .notFound)
        }
    }

    @Test(arguments: TestBackend.available)
    func downloadsAnswerConditionalRequestsAndChangeWithTheData(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let path = SiteURL.dataFile("findings.csv").path
            let first = try await app.fetchBytes(path)
            let etag = try #require(first.headers.first(name: .eTag)), modified = try #require(first.headers.first(name: .lastModified))
            // A burst costs one generation: the same bytes, the same validator.
            let again = try await app.fetchBytes(path)
            #expect(again.headers.first(name: .eTag) == etag && again.body == first.body)
            let byTag = try await app.fetchBytes(path, headers: ["If-None-Match": "\"other\", \(etag)"])
            #expect(byTag.status == .notModified && byTag.body.isEmpty)
            #expect(byTag.headers.first(name: .eTag) == etag)
            #expect(try await app.fetchBytes(path, headers: ["If-Modified-Since": modified]).status == .notModified)
            #expect(try await app.fetchBytes(path, headers: ["If-None-Match": "\"other\""]).status == .ok)
            #expect(try await app.fetchBytes(path, headers: ["If-Modified-Since": "Sat, 01 Jan 2000 00:00:00 GMT"]).status == .ok)
            // A verified finding bumps the revision: new bytes, new validator, and the old one no longer matches.
            let seeded = try await Self.seed(app, db)
            let changed = try await app.fetchBytes(path, headers: ["If-None-Match": etag])
            #expect(changed.status == .ok && changed.headers.first(name: .eTag) != etag)
            #expect(String(decoding: changed.body, as: UTF8.self).contains("hotlistwatch-finding-\(seeded.verified)"))
        }
    }

    @Test(arguments: TestBackend.available)
    func theDirectoryDownloadsWholeWithinItsRowBound(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let csv = try await app.fetch("/agencies?state=NV&per_page=1&format=csv")
            #expect(csv.status == .ok)
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            #expect(csv.headers.first(name: .eTag) != nil)
            let lines = csv.body.split(separator: "\r\n")
            #expect(lines.first?.hasPrefix("id,name,state,") == true)
            // Every page, not one: both NV agencies although a page holds one.
            #expect(lines.count == 1 + (try await DirectoryQueries(db).list(AgencyFilter(state: "NV")).total))
            #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",")[2] == "NV" })
            let json = try await app.fetch("/agencies?state=NV&format=json")
            #expect(json.json?["agencies"]?.array?.count == lines.count - 1)
            #expect(json.json?["licence"]?.string != nil)
            #expect(try await app.fetch("/agencies?state=NV&format=xml").status == .badRequest)
            // The bound: more matching rows than allowed is an error naming the count, never a silent cut.
            await #expect(throws: TooManyRows(matching: 2, limit: 1)) { try await PublicDataFiles.agencies(db, filter: AgencyFilter(state: "NV"), limit: 1) }
            #expect(try await PublicDataFiles.agencies(db, filter: AgencyFilter(state: "NV"), limit: 2).rows.count == 2)
        }
    }
}
