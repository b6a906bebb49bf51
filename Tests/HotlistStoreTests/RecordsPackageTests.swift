import Foundation
import HotlistCore
import HotlistStore
import HotlistTestSupport
import SQLKit
import Testing
import ZIPFoundation

@Suite struct RecordsPackageTests {
    static let site = RecordsPackage.Manifest.Site(name: "Nevada Plate Watch", url: "https://plates.example.org")
    static let publicPDF = Data("%PDF-1.7\n% NCIC settings export, public\n1 0 obj <<>> endobj\n".utf8)
    static let privatePNG = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("PRIVATE-PLATE-7XYZ123".utf8))
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// The exporting site: Sparks NV PD with a public and a private file, a verified and an
    /// unverified finding, a verified and an unverified statement.
    static func exportingSite(_ db: HotlistDatabase, folder: String) async throws -> (agencyID: Int, package: Data) {
        _ = try await PrivateEyesImportTests.importFixture(db)
        let sparks = try await PrivateEyesImportTests.agencyID(db, "Sparks NV PD")
        let volunteer = try await storePerson(db, "volunteer-name@example.org", .volunteer)
        let reviewer = try await storePerson(db, "reviewer-name@example.org", .reviewer)
        let store = EvidenceStore(db, directory: folder)
        let entered = AuditActor.user(volunteer, channel: .web), checked = AuditActor.user(reviewer, channel: .web)
        let pdf = try await store.add(publicPDF, EvidenceSubmission(agencyID: sparks, originalName: "settings.pdf", receivedOn: CalendarDay(iso: "2026-10-02"),
                                                                    isPublic: true, description: "Settings page"), by: checked, now: now).evidence
        let png = try await store.add(privatePNG, EvidenceSubmission(agencyID: sparks, originalName: "audit.png"), by: entered, now: now).evidence
        let findings = FindingStore(db)
        let verified = try await findings.add(FindingDraft(agencyID: sparks, asOf: CalendarDay(iso: "2026-09-30"), topics: [NCICTopic.immigrationViolatorKey: .enabled],
                                                           note: "NOTE-BY-VOLUNTEER", evidenceIDs: [pdf.id, png.id]), by: entered, now: now)
        _ = try await findings.verify(findingID: verified.findingID, reviewer: reviewer, by: checked, now: now)
        _ = try await findings.add(FindingDraft(agencyID: sparks, asOf: CalendarDay(iso: "2026-10-01"), topics: [NCICTopic.immigrationViolatorKey: .disabled],
                                                note: "UNVERIFIED-FINDING", evidenceIDs: [pdf.id]), by: entered, now: now)
        let statements = StatementStore(db)
        let said = try await statements.add(agencyID: sparks, kind: .publicStatement, text: "Our ALPR data is never used for immigration enforcement.", speaker: "Chief of Police",
                                            saidOn: CalendarDay(iso: "2026-08-01"), sourceURL: "https://sparks.example.gov/news/alpr", evidenceID: nil, deniesImmigrationUse: true, by: entered, now: now)
        _ = try await statements.verify(statementID: said.id, reviewer: reviewer, by: checked, now: now)
        _ = try await statements.add(agencyID: sparks, kind: .publicStatement, text: "UNVERIFIED-STATEMENT", speaker: "Mayor", saidOn: CalendarDay(iso: "2026-08-02"),
                                     sourceURL: "https://sparks.example.gov/x", evidenceID: nil, deniesImmigrationUse: false, by: entered, now: now)
        let package = try await RecordsPackageExporter(db, evidenceDirectory: folder).export(agencyID: sparks, site: site, now: now)
        return (sparks, package)
    }

    /// A package exported from a site of its own, thrown away afterwards.
    static func exportedPackage(_ backend: TestBackend) async throws -> Data {
        try await backend.withDatabase { source in try await withEvidenceFolder { folder in try await exportingSite(source, folder: folder).package } }
    }

    static func entries(_ package: Data) throws -> [String: Data] {
        let archive = try Archive(data: package, accessMode: .read)
        var result: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            result[entry.path] = data
        }
        return result
    }

    /// Writes a ZIP holding `entries` in order (names may repeat) and returns its path.
    static func zip(_ entries: [(String, Data)], in folder: String) throws -> String {
        let path = "\(folder)-\(UUID().uuidString).zip"
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return path
    }

    /// What a refused import must leave exactly as it was.
    static func footprint(_ db: HotlistDatabase, folder: String) async throws -> [String] {
        var result: [String] = []
        for table in ["evidence_files", "package_reports", "agency_statements", "audit_events", "agencies"] { result.append("\(table)=\(try await rowCount(db, table))") }
        return result + storedFiles(folder)
    }

    @Test(arguments: TestBackend.available)
    func exportCarriesOnlyPublicVerifiedDataAndImportsAsReportsTwiceWithoutChange(backend: TestBackend) async throws {
        let package = try await Self.exportedPackage(backend)
        let files = try Self.entries(package)
        // validate: the package's shape, and nothing private, unverified or personal in any byte.
        #expect(Set(files.keys).isSuperset(of: ["manifest.json", "SHA256SUMS", "README.txt", "records.json"]))
        #expect(files.keys.filter { $0.hasPrefix("evidence/") }.count == 1, "the public file only")
        let everything = files.values.reduce(package, +)
        for secret in ["volunteer-name", "reviewer-name", "PRIVATE-PLATE", "UNVERIFIED-FINDING", "UNVERIFIED-STATEMENT", "NOTE-BY-VOLUNTEER", "audit.png"] {
            #expect(everything.range(of: Data(secret.utf8)) == nil, "\(secret) must not be in the package")
        }
        let manifest = try JSONDecoder().decode(ManifestProbe.self, from: files["manifest.json"]!)
        #expect(manifest.format == 1 && manifest.site.url == "https://plates.example.org" && manifest.files.count == files.count - 2)
        for file in manifest.files { #expect(EvidenceBlobs.sha256Hex(files[file.path]!) == file.sha256) }
        #expect(String(decoding: files["README.txt"]!, as: UTF8.self).contains("sha256sum -c SHA256SUMS"))

        try await backend.withDatabase { target in
            try await withEvidenceFolder { folder in
                _ = try await PrivateEyesImportTests.importFixture(target)
                let sparks = try await PrivateEyesImportTests.agencyID(target, "Sparks NV PD")
                let path = try Self.zip(files.sorted { $0.key < $1.key }, in: folder)
                defer { try? FileManager.default.removeItem(atPath: path) }
                let importer = RecordsPackageImporter(target, evidence: EvidenceStore(target, directory: folder))
                let historyBefore = try await ContradictionQueries(target).outcomeHistory(agencyID: sparks)[sparks]?.count ?? 0
                // MUT
                let first = try await importer.importPackage(path, by: .commandLine(systemUser: "operator"), now: Self.now)
                #expect(first.agencyID == sparks && first.evidenceAdded == 1 && first.reportsAdded == 1 && first.statementsAdded == 1)
                let stored = try await EvidenceStore(target, directory: folder).list(agencyID: sparks)
                #expect(stored.count == 1 && stored[0].isPublic == false && stored[0].sha256 == EvidenceBlobs.sha256Hex(Self.publicPDF))
                // Reported by the sending site, linked to it, never verified here.
                let reports = try await ContradictionQueries(target).reportedFindings().filter { $0.agencyID == sparks && $0.finding.reporterURL != nil }
                #expect(reports.count == 1)
                #expect(reports.first?.finding.reportedBy == "Nevada Plate Watch" && reports.first?.finding.reporterURL == "https://plates.example.org")
                #expect(reports.first?.finding.outcome == .immigrationViolatorEnabled && reports.first?.finding.verifiedFindingID == nil)
                #expect(try await FindingStore(target).verified(agencyID: sparks).isEmpty)
                #expect(try await StatementStore(target).list(agencyID: sparks, verifiedOnly: true).isEmpty)
                // It takes part in the contradiction rules' history like any other report.
                #expect(try await ContradictionQueries(target).outcomeHistory(agencyID: sparks)[sparks]?.count == historyBefore + 1)
                #expect(try await AuditLog(target).events(AuditFilter(entityType: "agency")).contains { $0.action == "package.import" && $0.entityID == String(sparks) })

                // Twice: nothing changes.
                let before = try await Self.footprint(target, folder: folder)
                let second = try await importer.importPackage(path, by: .commandLine(systemUser: "operator"), now: Self.now)
                #expect(!second.changedAnything && second.evidenceAlreadyHeld == 1 && second.reportsAlreadyHeld == 1 && second.statementsAlreadyHeld == 1)
                #expect(try await Self.footprint(target, folder: folder) == before)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func aTamperedUnsafeOrOversizePackageIsRefusedWholeAndStoresNothing(backend: TestBackend) async throws {
        let package = try await Self.exportedPackage(backend)
        let files = try Self.entries(package)
        let evidencePath = try #require(files.keys.first { $0.hasPrefix("evidence/") })
        var tampered = files
        tampered[evidencePath] = Data("%PDF-1.7\n% NCIC settings export, edited\n1 0 obj <<>> endobj\n".utf8)
        var missing = files
        missing[evidencePath] = nil
        var extra = files
        extra["evidence/added-later.pdf"] = Self.publicPDF
        var malformed = files
        malformed["manifest.json"] = Data("{\"format\": 1, \"site\": ".utf8)
        let ordered = { (entries: [String: Data]) in entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
        let cases: [(name: String, entries: [(String, Data)], limits: RecordsPackage.Limits, expected: String)] = [
            ("tampered", ordered(tampered), .init(), "\(evidencePath)): its SHA-256 is"),
            ("missing", ordered(missing), .init(), "\(evidencePath)): listed in manifest.json, but missing"),
            ("extra", ordered(extra), .init(), "evidence/added-later.pdf): this file is in the package but not in manifest.json"),
            ("malformed", ordered(malformed), .init(), "(manifest.json): it is not valid JSON"),
            ("zip slip", ordered(files) + [("../../outside.pdf", Self.publicPDF)], .init(), "(../../outside.pdf): the name climbs out of the package"),
            ("absolute", ordered(files) + [("/etc/cron.d/x", Self.publicPDF)], .init(), "(/etc/cron.d/x): the name is an absolute path"),
            ("duplicate", ordered(files) + [(evidencePath, Self.publicPDF)], .init(), "\(evidencePath)): two entries have this name"),
            ("entry too big", ordered(files), .init(maxEntryBytes: 64), "unpacks to more than 64 bytes"),
            ("total too big", ordered(files), .init(maxTotalBytes: 1_000), "the package unpacks to more than"),
            ("too many", ordered(files), .init(maxEntries: 3), "the package has more than 3 entries"),
        ]
        try await backend.withDatabase { target in
            try await withEvidenceFolder { folder in
                _ = try await PrivateEyesImportTests.importFixture(target)
                let before = try await Self.footprint(target, folder: folder)
                for item in cases {
                    let path = try Self.zip(item.entries, in: folder)
                    defer { try? FileManager.default.removeItem(atPath: path) }
                    // MUT
                    do {
                        _ = try await RecordsPackageImporter(target, evidence: EvidenceStore(target, directory: folder), limits: item.limits)
                            .importPackage(path, by: .commandLine(systemUser: "operator"), now: Self.now)
                        Issue.record("\(item.name): imported")
                    } catch let problems as InputProblems {
                        #expect(problems.description.contains(item.expected), "\(item.name): \(problems.description)")
                    }
                    #expect(try await Self.footprint(target, folder: folder) == before, "\(item.name): nothing stored, no stray files")
                }
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func anAgencyNotInTheDirectoryIsRefusedAndNeverMatchedToASimilarName(backend: TestBackend) async throws {
        let package = try await Self.exportedPackage(backend)
        try await backend.withDatabase { target in
            try await withEvidenceFolder { folder in
                // An empty directory: Sparks NV PD is not there, and nothing is added for it.
                let path = try Self.zip(try Self.entries(package).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, in: folder)
                defer { try? FileManager.default.removeItem(atPath: path) }
                let before = try await Self.footprint(target, folder: folder)
                // MUT
                await #expect { try await RecordsPackageImporter(target, evidence: EvidenceStore(target, directory: folder)).importPackage(path, by: .system, now: Self.now) } throws: { error in
                    (error as? InputProblems)?.description.contains("no agency in the directory has the ORI or the exact name and state of Sparks NV PD (NV)") == true
                }
                #expect(try await Self.footprint(target, folder: folder) == before)
            }
        }
    }

    struct ManifestProbe: Decodable {
        struct Site: Decodable { var name: String; var url: String }
        struct File: Decodable { var path: String; var sha256: String; var size: Int }
        var format: Int
        var site: Site
        var files: [File]
    }
}
