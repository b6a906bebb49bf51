import Foundation

/// A records package: one agency's public evidence files, verified findings and statements, sent
/// from one Hotlist Watch site to another (a local group to EFF or a newsroom). It is a ZIP with
/// `manifest.json` (every other file's SHA-256 and size, the exporting site, the time, the format),
/// `records.json` (what the records show), `SHA256SUMS` (for `sha256sum -c`), `README.txt` and
/// `evidence/…`. Who entered or verified anything is never in it.
public enum RecordsPackage {
    public static let format = 1
    public static let manifestName = "manifest.json"
    public static let recordsName = "records.json"
    public static let checksumsName = "SHA256SUMS"
    public static let readmeName = "README.txt"
    public static let evidenceFolder = "evidence/"

    /// Bounds on what an imported package may cost; the defaults suit an evidence store whose files are at most 50 MB.
    public struct Limits: Sendable, Equatable {
        public var maxEntries: Int
        public var maxEntryBytes: Int
        public var maxTotalBytes: Int
        public init(maxEntries: Int = 2_000, maxEntryBytes: Int = 64 * 1_048_576, maxTotalBytes: Int = 1_024 * 1_048_576) {
            self.maxEntries = maxEntries; self.maxEntryBytes = maxEntryBytes; self.maxTotalBytes = maxTotalBytes
        }
    }

    /// Why a name inside the archive cannot be a file of the package, or nil when it can: no
    /// absolute paths, no `..`, `.` or empty parts, no backslashes or control characters.
    public static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "the entry has no name" }
        if name.count > 255 { return "the name is longer than 255 characters" }
        if name.hasPrefix("/") || name.hasPrefix("~") { return "the name is an absolute path" }
        if name.contains("\\") { return "the name contains a backslash" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "the name contains a control character" }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains("..") { return "the name climbs out of the package with \"..\"" }
        if parts.contains(where: { $0.isEmpty || $0 == "." }) { return "the name has an empty or \".\" part" }
        return nil
    }

    /// The lines of `SHA256SUMS`: "hash  path", as `sha256sum` writes them.
    public static func checksums(_ files: [Manifest.File]) -> String {
        files.map { "\($0.sha256)  \($0.path)\n" }.joined()
    }

    /// Reads `SHA256SUMS` back into path → hash; nil for a line not in that shape.
    public static func parseChecksums(_ text: String) -> [String: String]? {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 64, parts[1].hasPrefix(" "), result[String(parts[1].dropFirst())] == nil else { return nil }
            result[String(parts[1].dropFirst())] = String(parts[0])
        }
        return result
    }

    public static func readme(_ manifest: Manifest) -> String {
        """
        Records package from \(manifest.site.name) (\(manifest.site.url))
        Agency: \(manifest.agency.name)\(manifest.agency.stateCode.map { ", \($0)" } ?? "")\(manifest.agency.ori.map { " (ORI \($0))" } ?? "")
        Exported: \(manifest.exportedAt)   Format: \(manifest.format)

        What this is
        These are the public records that \(manifest.site.name) holds about this agency's automated
        license plate readers: the evidence files it has published (records-request answers,
        portal captures), the findings that two of its people verified against those files, and the
        agency's statements and policies they verified. Names of the volunteers who entered or
        verified them are not included. records.json lists the findings and statements, each with
        its sources; evidence/ holds the files.

        How to check it
        manifest.json lists every file with its SHA-256 and size. SHA256SUMS holds the same hashes
        (and manifest.json's) in the format of sha256sum; in this folder, run:

            sha256sum -c SHA256SUMS

        Every line must say OK. Another Hotlist Watch site imports the package with
        `hotlistwatch package import FILE.zip`, which checks every hash before storing anything and
        records the findings as reported by \(manifest.site.name), not as verified by itself.

        """
    }

    // MARK: the two JSON files

    public struct Manifest: Codable, Sendable, Equatable {
        public struct Site: Codable, Sendable, Equatable {
            public var name: String
            public var url: String
            public init(name: String, url: String) { self.name = name; self.url = url }
        }
        public struct File: Codable, Sendable, Equatable {
            public var path: String
            public var sha256: String
            public var size: Int
            public init(path: String, sha256: String, size: Int) { self.path = path; self.sha256 = sha256; self.size = size }
        }
        public var format: Int
        public var site: Site
        /// ISO 8601, UTC.
        public var exportedAt: String
        public var agency: AgencyRef
        /// Every file in the package except manifest.json and SHA256SUMS.
        public var files: [File]
        public init(format: Int = RecordsPackage.format, site: Site, exportedAt: String, agency: AgencyRef, files: [File]) {
            self.format = format; self.site = site; self.exportedAt = exportedAt; self.agency = agency; self.files = files
        }
    }

    public struct AgencyRef: Codable, Sendable, Equatable {
        /// The agency's id on the exporting site.
        public var id: Int
        public var name: String
        public var stateCode: String?
        public var ori: String?
        /// Its page on the exporting site.
        public var url: String
        public init(id: Int, name: String, stateCode: String?, ori: String?, url: String) {
            self.id = id; self.name = name; self.stateCode = stateCode; self.ori = ori; self.url = url
        }
    }

    public struct Records: Codable, Sendable, Equatable {
        public var agency: AgencyRef
        public var evidence: [Evidence]
        public var findings: [Finding]
        public var statements: [Statement]
        public init(agency: AgencyRef, evidence: [Evidence], findings: [Finding], statements: [Statement]) {
            self.agency = agency; self.evidence = evidence; self.findings = findings; self.statements = statements
        }
    }

    public struct Evidence: Codable, Sendable, Equatable {
        /// Where the file is in the package, under evidence/.
        public var path: String
        public var sha256: String
        public var size: Int
        public var originalName: String
        public var kind: String
        public var description: String
        /// Where the file was published, if it was.
        public var sourceURL: String?
        public var receivedOn: String?
        public init(path: String, sha256: String, size: Int, originalName: String, kind: String, description: String, sourceURL: String?, receivedOn: String?) {
            self.path = path; self.sha256 = sha256; self.size = size; self.originalName = originalName; self.kind = kind
            self.description = description; self.sourceURL = sourceURL; self.receivedOn = receivedOn
        }
    }

    public struct Finding: Codable, Sendable, Equatable {
        public var finding: Int
        public var version: Int
        public var asOf: String
        /// NCIC topic key → enabled, disabled or not_shown.
        public var topics: [String: String]
        public var otherHotlists: [String]
        /// The evidence files it rests on, as package paths (public ones only).
        public var evidence: [String]
        /// The finding on the exporting site.
        public var url: String
        public init(finding: Int, version: Int, asOf: String, topics: [String: String], otherHotlists: [String], evidence: [String], url: String) {
            self.finding = finding; self.version = version; self.asOf = asOf; self.topics = topics; self.otherHotlists = otherHotlists
            self.evidence = evidence; self.url = url
        }
    }

    public struct Statement: Codable, Sendable, Equatable {
        public var kind: String
        public var text: String
        public var speaker: String
        public var saidOn: String
        public var sourceURL: String?
        /// The document as a package path, when it is public.
        public var evidence: String?
        public var deniesImmigrationUse: Bool
        public init(kind: String, text: String, speaker: String, saidOn: String, sourceURL: String?, evidence: String?, deniesImmigrationUse: Bool) {
            self.kind = kind; self.text = text; self.speaker = speaker; self.saidOn = saidOn; self.sourceURL = sourceURL
            self.evidence = evidence; self.deniesImmigrationUse = deniesImmigrationUse
        }
    }

    public static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every type here encodes; a failure would be a programming error.
        return (try? encoder.encode(value)) ?? Data()
    }

    public static func decode<T: Decodable>(_ type: T.Type, _ data: Data, entry: String, package: String) throws(InputProblems) -> T {
        let decoder = JSONDecoder()
        do { return try decoder.decode(type, from: data) } catch {
            let reason: String
            switch error as? DecodingError {
            case .keyNotFound(let key, let context)?: reason = "\"\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))\" is missing"
            case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?: reason = "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type"
            default: reason = "it is not valid JSON"
            }
            throw InputProblems([InputProblem(file: "\(package) (\(entry))", problem: reason, hint: "The package is damaged or was not made by hotlistwatch package export; ask its sender for a new export.")])
        }
    }

    // MARK: checking a package before anything is stored

    /// Checks the unpacked entries against the manifest and SHA256SUMS, and records.json against
    /// the manifest: every file listed is present with its size and hash, no file is unlisted, and
    /// every evidence path the records name is a listed file. Every problem is named at once.
    /// `sha256Hex` hashes bytes (Core holds no cryptography; the store passes its own).
    public static func verify(entries: [String: Data], package: String, sha256Hex: (Data) -> String) throws(InputProblems) -> (manifest: Manifest, records: Records) {
        func problem(_ entry: String, _ text: String, _ hint: String = "The package was changed or damaged after it was made; ask its sender for a new export.") -> InputProblem {
            InputProblem(file: "\(package) (\(entry))", problem: text, hint: hint)
        }
        guard let manifestData = entries[manifestName] else {
            throw InputProblems([problem(manifestName, "the package has no manifest.json", "Is this a records package made by hotlistwatch package export?")])
        }
        let manifest = try decode(Manifest.self, manifestData, entry: manifestName, package: package)
        var problems: [InputProblem] = []
        if manifest.format != format {
            throw InputProblems([problem(manifestName, "format \(manifest.format) is not one this version reads (it reads format \(format))", "Update hotlistwatch, or ask for an export in format \(format).")])
        }
        var listed: [String: Manifest.File] = [:]
        for file in manifest.files {
            if let bad = nameProblem(file.path) { problems.append(problem(file.path, "listed in manifest.json, but \(bad)")); continue }
            if [manifestName, checksumsName].contains(file.path) || listed[file.path] != nil {
                problems.append(problem(file.path, "manifest.json lists this file twice")); continue
            }
            listed[file.path] = file
            guard let data = entries[file.path] else { problems.append(problem(file.path, "listed in manifest.json, but missing from the package")); continue }
            if data.count != file.size { problems.append(problem(file.path, "is \(data.count) bytes; manifest.json says \(file.size)")) }
            let actual = sha256Hex(data)
            if actual != file.sha256.lowercased() { problems.append(problem(file.path, "its SHA-256 is \(actual); manifest.json says \(file.sha256)")) }
        }
        for name in entries.keys.sorted() where listed[name] == nil && name != manifestName && name != checksumsName {
            problems.append(problem(name, "this file is in the package but not in manifest.json"))
        }
        if let sums = entries[checksumsName] {
            if let lines = String(data: sums, encoding: .utf8).flatMap(parseChecksums) {
                let expected = listed.mapValues { $0.sha256.lowercased() }.merging([manifestName: sha256Hex(manifestData)]) { $1 }
                if lines != expected { problems.append(problem(checksumsName, "SHA256SUMS does not list the same files and hashes as the package holds")) }
            } else { problems.append(problem(checksumsName, "SHA256SUMS is not in the shape \"hash  path\" per line")) }
        } else { problems.append(problem(checksumsName, "the package has no SHA256SUMS")) }
        if !problems.isEmpty { throw InputProblems(problems) }
        guard let recordsData = entries[recordsName] else { throw InputProblems([problem(recordsName, "the package has no records.json")]) }
        let records = try decode(Records.self, recordsData, entry: recordsName, package: package)
        let evidencePaths = Set(records.evidence.map(\.path))
        for item in records.evidence {
            guard item.path.hasPrefix(evidenceFolder), let file = listed[item.path] else { problems.append(problem(recordsName, "evidence \"\(item.path)\" is not a file under evidence/ listed in manifest.json")); continue }
            if file.sha256.lowercased() != item.sha256.lowercased() { problems.append(problem(recordsName, "evidence \"\(item.path)\" has another hash in records.json than in manifest.json")) }
        }
        let references = records.findings.flatMap(\.evidence) + records.statements.compactMap(\.evidence)
        for path in references where !evidencePaths.contains(path) { problems.append(problem(recordsName, "a finding or statement names evidence \"\(path)\", which records.json does not list")) }
        if records.agency != manifest.agency { problems.append(problem(recordsName, "records.json is about another agency than manifest.json")) }
        if !problems.isEmpty { throw InputProblems(problems) }
        return (manifest, records)
    }
}
