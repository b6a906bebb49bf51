import Foundation
import HotlistAPI
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

@Suite struct EvidencePageTests {
    static let pdf = Data("%PDF-1.7\n% NCIC topic settings, exported 2026-10-01\n1 0 obj <<>> endobj\n".utf8)

    /// A JPEG with an EXIF segment holding a GPS marker (see EvidenceRulesTests for the layout).
    static func jpegWithExif() -> Data {
        func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] { [0xFF, marker, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload }
        return Data([0xFF, 0xD8] + segment(0xE0, Array("JFIF\0\u{1}\u{1}".utf8)) + segment(0xE1, Array("Exif\0\0MM\0*GPSLatitude 39.53".utf8))
                    + segment(0xDB, Array(repeating: 1, count: 65)) + segment(0xDA, [1, 1, 0, 0, 63, 0]) + [0x12, 0x34, 0x56, 0xFF, 0xD9])
    }

    static func evidenceID(fromRedirect page: FetchedPage) -> Int? {
        guard let location = page.headers.first(name: .location), location.hasPrefix("/evidence/") else { return nil }
        return Int(location.dropFirst("/evidence/".count).prefix { $0.isNumber })
    }

    @Test(arguments: TestBackend.available)
    func uploadDownloadAndWhoMaySeeWhat(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let atherton = try await agencyID(db, "Atherton CA PD")
            let volunteer = try await addPerson(db, "vol@example.org", .volunteer, name: "Vera Volunteer")
            var session = try await makeSession(db, volunteer)
            _ = try await session.get(app, SiteURL.agencyEvidence(atherton).path)
            // MUT: upload a private PDF.
            let uploaded = try await session.upload(app, SiteURL.agencyEvidence(atherton).path, [("received", "2026-10-02"), ("description", "NCIC settings")],
                                                    fileName: "settings.pdf", bytes: Self.pdf)
            // validate
            #expect(uploaded.status == .seeOther)
            let id = try #require(Self.evidenceID(fromRedirect: uploaded))
            let page = try await session.get(app, SiteURL.evidence(id).path)
            #expect(page.text(ofID: "evidence-sha256") == EvidenceBlobs.sha256Hex(Self.pdf))
            #expect(page.text(ofID: "evidence-kind") == "PDF document")
            let download = try await app.fetchBytes(SiteURL.evidenceFile(id).path, headers: session.headers)
            #expect(download.status == .ok && download.body == Self.pdf, "identical bytes back")
            #expect(download.headers.first(name: .contentDisposition)?.contains("settings.pdf") == true)
            #expect(download.headers.first(name: "X-Evidence-SHA256") == EvidenceBlobs.sha256Hex(Self.pdf))
            // Private: anonymous visitors see neither page nor file.
            #expect(try await app.fetch(SiteURL.evidence(id).path).status == .notFound)
            #expect(try await app.fetchBytes(SiteURL.evidenceFile(id).path).status == .notFound)

            // Volunteers cannot publish; a reviewer does, after checking the file.
            _ = try await session.get(app, SiteURL.agencyEvidence(atherton).path)
            let refusedPublic = try await session.upload(app, SiteURL.agencyEvidence(atherton).path, [("public", "on")], fileName: "screen.jpg", bytes: Self.jpegWithExif())
            #expect(refusedPublic.status == .badRequest && refusedPublic.body.contains("only reviewers and admins publish files"))
            let photo = try await session.upload(app, SiteURL.agencyEvidence(atherton).path, [], fileName: "screen.jpg", bytes: Self.jpegWithExif())
            let photoID = try #require(Self.evidenceID(fromRedirect: photo))
            #expect(try await app.fetchBytes(SiteURL.evidenceFile(photoID).path).status == .notFound)
            #expect(try await session.post(app, SiteURL.evidenceVisibility(photoID).path, [("public", "yes")]).status == .forbidden)
            var reviewer = try await makeSession(db, try await addPerson(db, "rev@example.org", .reviewer))
            _ = try await reviewer.get(app, SiteURL.evidence(photoID).path)
            #expect(try await reviewer.post(app, SiteURL.evidenceVisibility(photoID).path, [("public", "yes")]).status == .seeOther)
            // A public JPEG: visitors get it without EXIF; signed-in people get the original.
            let publicCopy = try await app.fetchBytes(SiteURL.evidenceFile(photoID).path)
            #expect(publicCopy.status == .ok && !publicCopy.body.isEmpty)
            #expect(!String(decoding: publicCopy.body, as: UTF8.self).contains("Exif") && !String(decoding: publicCopy.body, as: UTF8.self).contains("GPSLatitude"))
            #expect(try await app.fetchBytes(SiteURL.evidenceFile(photoID).path, headers: session.headers).body == Self.jpegWithExif())
            let publicPage = try await app.fetch(SiteURL.evidence(photoID).path)
            #expect(publicPage.status == .ok && !publicPage.body.contains("vol@example.org") && !publicPage.body.contains("Vera"), "uploaders are not published")

            // Bad files: named, nothing stored.
            let before = try await EvidenceStore(db, directory: "unused").list().count
            _ = try await session.get(app, SiteURL.agencyEvidence(atherton).path)
            let mislabelled = try await session.upload(app, SiteURL.agencyEvidence(atherton).path, [], fileName: "settings.pdf", bytes: Self.jpegWithExif())
            #expect(mislabelled.status == .badRequest && mislabelled.body.contains("the name says PDF document but the bytes are a JPEG image"))
            let empty = try await session.upload(app, SiteURL.agencyEvidence(atherton).path, [], fileName: "empty.pdf", bytes: Data())
            #expect(empty.status == .badRequest && empty.body.contains("the file is empty"))
            #expect(try await EvidenceStore(db, directory: "unused").list().count == before)
        }
    }

    @Test(arguments: TestBackend.available)
    func filesOverTheLimitAreRefusedAndNothingIsStored(backend: TestBackend) async throws {
        try await withFixtureApp(backend, maxEvidenceSize: 1_000) { app, db in
            let atherton = try await agencyID(db, "Atherton CA PD")
            var session = try await makeSession(db, try await addPerson(db, "vol@example.org", .volunteer))
            _ = try await session.get(app, SiteURL.agencyEvidence(atherton).path)
            // Over the file limit but within the body allowance: the form says why.
            let over = try await session.upload(app, SiteURL.agencyEvidence(atherton).path, [], fileName: "big.pdf", bytes: Self.pdf + Data(repeating: 0x20, count: 2_000))
            #expect(over.status == .badRequest && over.body.contains("over the limit of 1000 bytes"))
            // Far over: refused before the body is read.
            let huge = try await session.upload(app, SiteURL.agencyEvidence(atherton).path, [], fileName: "huge.pdf", bytes: Self.pdf + Data(repeating: 0x20, count: 400_000))
            #expect(huge.status == .payloadTooLarge && huge.body.contains("Nothing was stored"))
            #expect(try await EvidenceStore(db, directory: "unused").list().isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func aFindingReachesThePublicOnlyAfterASecondPersonVerifiesIt(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let atherton = try await agencyID(db, "Atherton CA PD")
            let volunteer = try await addPerson(db, "vol@example.org", .volunteer, name: "Vera Volunteer")
            let reviewer = try await addPerson(db, "rev@example.org", .reviewer, name: "Rita Reviewer")
            var entering = try await makeSession(db, volunteer)
            _ = try await entering.get(app, SiteURL.agencyEvidence(atherton).path)
            let file = try #require(Self.evidenceID(fromRedirect: try await entering.upload(app, SiteURL.agencyEvidence(atherton).path, [], fileName: "settings.pdf", bytes: Self.pdf)))
            let form = try await entering.get(app, SiteURL.newFinding(agency: atherton).with([("evidence", String(file))]))
            #expect(form.body.contains("id=\"evidence-\(file)\" checked"), "the file it came from is ticked")
            // A finding without evidence is refused and the form says so.
            let noEvidence = try await entering.post(app, SiteURL.agencyFindings(atherton).path, [("as_of", "2026-10-01"), ("topic_immigration_violator", "enabled")])
            #expect(noEvidence.status == .badRequest && noEvidence.body.contains("a finding needs at least one evidence file"))
            // MUT: the volunteer enters it.
            let created = try await entering.post(app, SiteURL.agencyFindings(atherton).path,
                                                  [("evidence", String(file)), ("as_of", "2026-10-01"), ("topic_immigration_violator", "enabled"), ("topic_stolen_vehicle", "enabled"),
                                                   ("other_hotlists", "CA DOJ stolen vehicles"), ("note", "page 2")])
            #expect(created.status == .seeOther)
            let findingPath = try #require(created.headers.first(name: .location)?.split(separator: "?").first.map(String.init))
            let findingID = try #require(Int(findingPath.dropFirst("/findings/".count)))
            // validate: not public yet.
            func publicView() async throws -> (page: FetchedPage, api: FetchedPage) {
                (try await app.fetch(SiteURL.agency(atherton).path), try await app.fetch(SiteURL.api(.agency(atherton)).path))
            }
            var (page, api) = try await publicView()
            #expect(!page.body.contains("finding-\(findingID)") && !page.body.contains("id=\"rule-2\""))
            #expect(api.json?["findings"]?.array?.isEmpty == true)
            #expect(try await app.fetch(SiteURL.findings.path).body.contains("id=\"no-findings\""))
            // The volunteer cannot verify (not a reviewer); the queue shows it to reviewers.
            #expect(try await entering.post(app, SiteURL.findingVerify(findingID).path, [("version", "1")]).status == .forbidden)
            // Issue 10: a volunteer is told a reviewer must verify, not "another reviewer".
            let ownPage = try await entering.get(app, SiteURL.finding(findingID).path)
            #expect(ownPage.body.contains("a reviewer (someone other than you) must verify it") && !ownPage.body.contains("another reviewer"))
            var reviewing = try await makeSession(db, reviewer)
            let queue = try await reviewing.get(app, SiteURL.review.path)
            #expect(queue.body.contains("Finding #\(findingID) v1"))
            #expect(queue.body.contains("id=\"evidence-queue\"") && queue.body.contains("settings.pdf"), "the private file waits for a publish decision")
            // Send back with a reason: the author sees it, and it leaves the queue.
            let reviewPage = try await reviewing.get(app, SiteURL.finding(findingID).path)
            #expect(reviewPage.body.contains("id=\"send-back-form\"") && reviewPage.body.contains("name=\"version\" value=\"1\""))
            #expect(try await reviewing.post(app, SiteURL.findingSendBack(findingID).path, [("version", "1"), ("reason", "")]).status == .badRequest)
            let sentBack = try await reviewing.post(app, SiteURL.findingSendBack(findingID).path, [("version", "1"), ("reason", "Page 2 does not show the date.")])
            #expect(sentBack.status == .seeOther)
            #expect(try await entering.get(app, SiteURL.finding(findingID).path).body.contains("Page 2 does not show the date."))
            #expect(try await entering.get(app, SiteURL.home.path).body.contains("id=\"sent-back\""))
            #expect(!(try await reviewing.get(app, SiteURL.review.path).body.contains("Finding #\(findingID) v1")))
            // The author answers with a correction (version 2), which the reviewer then checks.
            let answered = try await entering.post(app, SiteURL.findingCorrect(findingID).path,
                                                   [("evidence", String(file)), ("as_of", "2026-10-01"), ("topic_immigration_violator", "enabled"), ("topic_stolen_vehicle", "enabled"),
                                                    ("other_hotlists", "CA DOJ stolen vehicles"), ("note", "page 2, dated 2026-10-01")])
            #expect(answered.status == .seeOther)
            #expect(try await reviewing.get(app, SiteURL.review.path).body.contains("Finding #\(findingID) v2"))
            // A verify without the version the reviewer saw, or with an old one, is refused.
            #expect(try await reviewing.post(app, SiteURL.findingVerify(findingID).path, []).status == .badRequest)
            #expect(try await reviewing.post(app, SiteURL.findingVerify(findingID).path, [("version", "1")]).body.contains("version 2 has been saved since"))
            #expect(try await entering.get(app, SiteURL.home.path).text(ofID: "mine-waiting") == "1 of yours waits for a second person to verify it.")
            #expect(try await reviewing.get(app, SiteURL.home.path).body.contains("1 finding, statement or audit log waits for your review"))
            // MUT: the reviewer verifies.
            _ = try await reviewing.get(app, SiteURL.finding(findingID).path)
            let verified = try await reviewing.post(app, SiteURL.findingVerify(findingID).path, [("version", "2")])
            #expect(verified.status == .seeOther)
            // validate: public now, with the contradiction and without anyone's name.
            (page, api) = try await publicView()
            #expect(page.body.contains("id=\"finding-\(findingID)\""))
            let list = try await app.fetch(SiteURL.findings.path)
            #expect(list.body.contains("/agencies/\(atherton)#finding-\(findingID)") && list.body.contains("Stolen Vehicle"))
            #expect(try await app.fetch(SiteURL.findings.path + "?state=NV").body.contains("id=\"no-findings\""))
            #expect(try await app.fetch(SiteURL.findings.path + "?state=ZZ").status == .badRequest)
            #expect(page.body.contains("class=\"status-immigration_violator_enabled\">Immigration Violator enabled (records as of 2026-10-01, verified finding #\(findingID))"))
            #expect(page.body.contains("id=\"rule-2\""), "California restricts immigration use: rule 2")
            #expect(page.body.contains("held privately"), "a private file is named, not linked")
            let finding = try #require(api.json?["findings"]?.array?.first)
            #expect(finding["immigration_violator"]?.string == "enabled" && finding["topics"]?["stolen_vehicle"]?.string == "enabled")
            #expect(finding["evidence"]?.array?.first?["url"] == nil, "no download address for a private file")
            #expect(api.json?["status"]?["code"]?.string == "immigration_violator_enabled")
            // The whole list, checked against the OpenAPI document, and filtered.
            let listed = try await app.fetch(SiteURL.api(.findings).path)
            try APITests.decode([Components.Schemas.AgencyFinding].self, listed, "findings")
            let all = try #require(listed.json)
            #expect(all.array?.count == 1 && all[0]?["agency"]?["name"]?.string == "Atherton CA PD")
            try APITests.decode(Components.Schemas.AgencyDetail.self, try await app.fetch(SiteURL.api(.agency(atherton)).path), "Atherton")
            #expect(try await app.fetch(SiteURL.api(.findings).path + "?state=NV").json?.array?.isEmpty == true)
            #expect(try await app.fetch(SiteURL.api(.findings).path + "?immigration_violator=disabled").json?.array?.isEmpty == true)
            #expect(try await app.fetch(SiteURL.api(.findings).path + "?immigration_violator=maybe").status == .badRequest)
            for text in ["vol@example.org", "rev@example.org", "Vera", "Rita"] {
                #expect(!page.body.contains(text) && !api.body.contains(text) && !all.description.contains(text), "\(text) must not be published")
            }
            // A correction from the web form is a new version; the public keeps version 1 until it is verified.
            let correctForm = try await entering.get(app, SiteURL.findingCorrect(findingID).path)
            #expect(correctForm.body.contains("id=\"topic-immigration_violator-enabled\" checked"), "the form starts from the latest version")
            let corrected = try await entering.post(app, SiteURL.findingCorrect(findingID).path, [("evidence", String(file)), ("as_of", "2026-10-01"), ("topic_immigration_violator", "disabled")])
            #expect(corrected.status == .seeOther)
            #expect(try await entering.get(app, SiteURL.finding(findingID).path).body.contains("id=\"version-3\""))
            #expect(try await app.fetch(SiteURL.api(.agency(atherton)).path).json?["findings"]?[0]?["version"]?.int == 2)
            // A reviewer cannot verify their own work.
            let own = try await reviewing.post(app, SiteURL.agencyFindings(atherton).path, [("evidence", String(file)), ("as_of", "2026-11-01"), ("topic_immigration_violator", "disabled")])
            let ownID = try #require(Int(own.headers.first(name: .location)?.split(separator: "?").first?.dropFirst("/findings/".count) ?? ""))
            _ = try await reviewing.get(app, SiteURL.finding(ownID).path)
            let refused = try await reviewing.post(app, SiteURL.findingVerify(ownID).path, [("version", "1")])
            #expect(refused.status == .badRequest && refused.body.contains("you entered version 1, so you cannot verify it"))
        }
    }

    @Test(arguments: TestBackend.available)
    func hotlistLogsShowWhenListsChangedButNotWhoOrWhichPlate(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let atherton = try await agencyID(db, "Atherton CA PD")
            var session = try await makeSession(db, try await addPerson(db, "vol@example.org", .volunteer))
            _ = try await session.get(app, SiteURL.agencyEvidence(atherton).path)
            let bad = try await session.upload(app, SiteURL.agencyHotlistLog(atherton).path, [], fileName: "log.csv",
                                               bytes: Data("Timestamp,User,Event Type,Entity Type,Entity Details\nsoon,Ofc. Smith,Created,Hotlist,x\n".utf8))
            #expect(bad.status == .badRequest && bad.body.contains("&quot;soon&quot; is not a time"))
            let log = "Timestamp,User,Event Type,Entity Type,Entity Details\n46023.5,Ofc. Smith,Hotlist Created,Hotlist,NCIC Immigration Violator\n2026-02-03T04:05:06Z,Ofc. Smith,Entry Deleted,Hotlist Entry,Plate 7ABC123\n"
            let good = try await session.upload(app, SiteURL.agencyHotlistLog(atherton).path, [("received", "2026-11-01")], fileName: "log.csv", bytes: Data(log.utf8))
            #expect(good.status == .seeOther)
            let page = try await app.fetch(SiteURL.agency(atherton).path)
            #expect(page.body.contains("id=\"hotlist-history\"") && page.body.contains("Entry Deleted"))
            #expect(!page.body.contains("Ofc. Smith") && !page.body.contains("7ABC123"), "officers and plates are withheld from the public")
            let api = try await app.fetch(SiteURL.api(.agency(atherton)).path)
            #expect(api.json?["hotlist_history"]?.array?.count == 2 && !api.body.contains("7ABC123"))
            #expect(try await session.get(app, SiteURL.agencyEvidence(atherton).path).body.contains("7ABC123"), "signed-in people see the details")
        }
    }

    @Test(arguments: TestBackend.available)
    func hitLogsAreCountedAndImmigrationViolatorRowsWaitForASecondPerson(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let atherton = try await agencyID(db, "Atherton CA PD")
            var session = try await makeSession(db, try await addPerson(db, "vol@example.org", .volunteer))
            let workspace = try await session.get(app, SiteURL.agencyEvidence(atherton).path)
            #expect(workspace.body.contains("id=\"hit-log-form\"") && workspace.body.contains("No hit log imported."))
            let bad = try await session.upload(app, SiteURL.agencyHitLog(atherton).path, [], fileName: "hits.csv", bytes: Data("Hit Time,Plate\n2026-01-01,7ABC123\n".utf8))
            #expect(bad.status == .badRequest && bad.body.contains("no column for a list"))
            let log = "Hit Time,Plate,Hotlist,Reason\n2026-01-02 10:00,7ABC123,NCIC,Stolen Vehicle\n2026-02-03 11:00,8XYZ999,NCIC,IMMIGRATION VIOLATOR\n"
            let good = try await session.upload(app, SiteURL.agencyHitLog(atherton).path, [("received", "2026-11-01")], fileName: "hits.csv", bytes: Data(log.utf8))
            #expect(good.status == .seeOther && good.headers.first(name: .location)?.contains("notice=hit-log-drafted") == true)
            // Public: the ordinary counts, not the Immigration Violator row until the draft is verified; never a plate.
            var page = try await app.fetch(SiteURL.agency(atherton).path)
            #expect(page.body.contains("id=\"hit-counts\"") && page.body.contains("<td>Stolen Vehicle</td>") && page.body.contains("id=\"hit-counts-awaiting\""))
            #expect(!page.body.contains("<td>Immigration Violator</td>") && !page.body.contains("7ABC123") && !page.body.contains("8XYZ999"))
            #expect(try await session.get(app, SiteURL.agencyEvidence(atherton).path).body.contains("<td>Immigration Violator</td>"), "signed-in people see every count")
            let draft = try #require(try await FindingStore(db).queue().first { $0.agencyID == atherton })
            #expect(draft.asOf.iso == "2026-02-03")
            let reviewer = try await addPerson(db, "rev@example.org", .reviewer)
            _ = try await FindingStore(db).verify(findingID: draft.findingID, reviewer: reviewer, by: .user(reviewer, channel: .web), now: Date())
            page = try await app.fetch(SiteURL.agency(atherton).path)
            #expect(page.body.contains("<td>Immigration Violator</td>") && !page.body.contains("id=\"hit-counts-awaiting\""))
        }
    }

    @Test(arguments: TestBackend.available)
    func statementsAreRecordedWithASourceAndPublishedOnceVerified(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            let reno = try await agencyID(db, "Reno NV PD")
            var volunteer = try await makeSession(db, try await addPerson(db, "vol@example.org", .volunteer))
            _ = try await volunteer.get(app, SiteURL.newStatement(agency: reno).path)
            let fields = [("kind", "statement"), ("text", "Our plate readers are never used for immigration enforcement."), ("speaker", "Chief of Police"),
                          ("said_on", "2026-05-05"), ("denies_immigration_use", "on")]
            let unsourced = try await volunteer.post(app, SiteURL.agencyStatements(reno).path, fields)
            #expect(unsourced.status == .badRequest && unsourced.body.contains("a statement needs a source"))
            #expect(unsourced.body.contains("Chief of Police"), "what was typed is kept")
            let saved = try await volunteer.post(app, SiteURL.agencyStatements(reno).path, fields + [("source_url", "https://news.example/reno-chief")])
            #expect(saved.status == .seeOther)
            #expect(!(try await app.fetch(SiteURL.agency(reno).path).body.contains("never used for immigration")), "unverified: not public")
            var reviewer = try await makeSession(db, try await addPerson(db, "rev@example.org", .reviewer))
            let queue = try await reviewer.get(app, SiteURL.review.path)
            let statementID = try #require(queue.body.range(of: "/statements/").map { Int(queue.body[$0.upperBound...].prefix { $0.isNumber }) } ?? nil)
            #expect(try await reviewer.post(app, SiteURL.statementVerify(statementID).path, []).status == .seeOther)
            let page = try await app.fetch(SiteURL.agency(reno).path)
            #expect(page.body.contains("id=\"agency-statements\"") && page.body.contains("never used for immigration enforcement"))
            #expect(page.body.contains("https://news.example/reno-chief"))
        }
    }
}
