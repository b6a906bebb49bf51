import Foundation
import HotlistCore
import SQLKit
import ZIPFoundation

/// Builds an agency's records package from public data only: published evidence that was not
/// withdrawn, verified findings and verified statements. Who entered or verified them is left out,
/// and so are findings' notes (never shown publicly).
public struct RecordsPackageExporter: Sendable {
    let database: HotlistDatabase
    let blobs: EvidenceBlobs
    /// A package is built in memory; an agency with more public evidence than this is refused.
    let maxEvidenceBytes: Int

    public init(_ database: HotlistDatabase, evidenceDirectory: String, maxEvidenceBytes: Int = 512 * 1_048_576) {
        self.database = database; self.blobs = EvidenceBlobs(directory: evidenceDirectory); self.maxEvidenceBytes = maxEvidenceBytes
    }

    public func export(agencyID: Int, site: RecordsPackage.Manifest.Site, now: Date) async throws -> Data {
        let sql = database.sql
        guard let row = try await sql.select().columns("id", "name", "state_code", "ori").from("agencies").where("id", .equal, agencyID).first() else {
            throw RecordNotFound("agency \(agencyID)")
        }
        let siteURL = site.url.hasSuffix("/") ? String(site.url.dropLast()) : site.url
        let agencyURL = "\(siteURL)/agencies/\(agencyID)"
        let agency = RecordsPackage.AgencyRef(id: agencyID, name: try row.decode(column: "name", as: String.self), stateCode: try row.decode(column: "state_code", as: String?.self),
                                              ori: try row.decode(column: "ori", as: String?.self), url: agencyURL)
        let files = try await EvidenceStore.list(sql: sql) {
            $0.where("agency_id", .equal, agencyID).where("is_public", .equal, true).where("withdrawn_at", .is, SQLLiteral.null)
        }
        let total = files.reduce(0) { $0 + $1.size }
        guard total <= maxEvidenceBytes else {
            throw InputProblems([InputProblem(file: "agency \(agencyID)", problem: "its public evidence is \(ByteSize.describe(total)), more than a package holds here (\(ByteSize.describe(maxEvidenceBytes)))",
                                              hint: "An operator exports it with `hotlistwatch package export`, or sends the larger files separately.")])
        }
        var contents: [(path: String, data: Data)] = []
        var evidence: [RecordsPackage.Evidence] = []
        var pathByID: [Int: String] = [:]
        for file in files {
            let path = "\(RecordsPackage.evidenceFolder)\(file.id)-\(file.downloadName)"
            // Images leave as the public download serves them, without their metadata (camera, place, time).
            guard let data = try Self.publishable(blobs.read(file.sha256), kind: file.kind) else { continue }
            contents.append((path, data))
            pathByID[file.id] = path
            evidence.append(RecordsPackage.Evidence(path: path, sha256: EvidenceBlobs.sha256Hex(data), size: data.count, originalName: file.originalName, kind: file.kind.rawValue,
                                                    description: file.description, sourceURL: file.sourceURL, receivedOn: file.receivedOn?.iso))
        }
        let findings = try await FindingStore.latestVersions(sql: sql, agencyID: agencyID, verifiedOnly: true).map { version in
            RecordsPackage.Finding(finding: version.findingID, version: version.version, asOf: version.asOf.iso, topics: version.topics.mapValues(\.rawValue),
                                   otherHotlists: version.otherHotlists, evidence: version.evidenceIDs.compactMap { pathByID[$0] }, url: "\(agencyURL)#finding-\(version.findingID)")
        }
        let statements = try await StatementStore.list(sql: sql) { $0.where("agency_id", .equal, agencyID).where("verified_at", .isNot, SQLLiteral.null) }.map { statement in
            let document = statement.evidenceID.flatMap { pathByID[$0] }
            // Its only source a private file: the agency's page on this site is where it is published.
            let source = statement.sourceURL ?? (document == nil ? agencyURL : nil)
            return RecordsPackage.Statement(kind: statement.kind.rawValue, text: statement.text, speaker: statement.speaker, saidOn: statement.saidOn.iso,
                                            sourceURL: source, evidence: document, deniesImmigrationUse: statement.deniesImmigrationUse)
        }
        let records = RecordsPackage.Records(agency: agency, evidence: evidence, findings: findings, statements: statements)
        contents.insert((RecordsPackage.recordsName, RecordsPackage.encode(records)), at: 0)
        let stamp = ISO8601DateFormatter().string(from: now)
        var manifest = RecordsPackage.Manifest(site: RecordsPackage.Manifest.Site(name: site.name, url: siteURL), exportedAt: stamp, agency: agency, files: [])
        let readme = Data(RecordsPackage.readme(manifest).utf8)
        contents.insert((RecordsPackage.readmeName, readme), at: 0)
        manifest.files = contents.map { RecordsPackage.Manifest.File(path: $0.path, sha256: EvidenceBlobs.sha256Hex($0.data), size: $0.data.count) }
        let manifestData = RecordsPackage.encode(manifest)
        let sums = Data(RecordsPackage.checksums(manifest.files + [RecordsPackage.Manifest.File(path: RecordsPackage.manifestName, sha256: EvidenceBlobs.sha256Hex(manifestData),
                                                                                               size: manifestData.count)]).utf8)
        let archive = try Archive(accessMode: .create)
        for (path, data) in [(RecordsPackage.manifestName, manifestData), (RecordsPackage.checksumsName, sums)] + contents {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: now, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return archive.data ?? Data()
    }

    /// The bytes as the public may have them; nil for an image whose metadata cannot be removed.
    static func publishable(_ data: Data, kind: EvidenceKind) -> Data? {
        switch kind {
        case .jpeg: JPEGMetadata.stripped([UInt8](data)).map { Data($0) }
        case .png: PNGMetadata.stripped([UInt8](data)).map { Data($0) }
        default: data
        }
    }
}
