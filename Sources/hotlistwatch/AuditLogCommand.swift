import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore

struct AuditLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit-log", abstract: "Read Flock search audit logs: which searches cite immigration, protests or abortion.",
        subcommands: [AuditLogScanCommand.self, AuditLogListCommand.self, AuditLogShowCommand.self, AuditLogVerifyCommand.self, AuditLogClassifyCommand.self,
                      AuditLogEvaluateCommand.self])
}

struct AuditLogScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan", abstract: "Count searches per searching organisation, month and category in audit exports (CSV or XLSX).",
        discussion: """
        Reads Flock organisation and network audits and the transparency portal's search audit, of any size, \
        streaming. Rows it cannot read are skipped and counted, with the first few shown by line and column. \
        Names, user names and plates are never shown; --out drops those columns.

        With --agency, the log is stored against the agency that released it: the file goes into the \
        evidence store (never public), its counts into the database, waiting for a second person to \
        verify them (`audit-log verify`) before the agency's page, the API, briefs and exports show them.
        """)

    @Argument(help: ArgumentHelp("Audit exports (.csv or .xlsx).", valueName: "file")) var files: [String] = []
    @Flag(help: "Print the summary as JSON.") var json = false
    @Option(help: ArgumentHelp("Write the flagged rows (any category but ordinary) to this CSV, without the Name, License Plate and Text Prompt columns.", valueName: "flagged.csv"))
    var out: String?
    @OptionGroup var storing: AuditLogStoreOptions
    @Flag(help: "With --out: keep the Name, user name, License Plate and Text Prompt columns, each value replaced by a keyed hash (HMAC-SHA256) that is the same for the same value in every export of this installation.")
    var includeIdentities = false
    @Option(help: ArgumentHelp("The installation's identity key for --include-identities, made on first use (default: ./\(IdentityHasher.defaultKeyPath), or \(IdentityHasher.keyPathVariable)).", valueName: "path"))
    var identityKey: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one audit export to scan, for example: hotlistwatch audit-log scan audit.csv") }
        if includeIdentities && out == nil { throw ValidationError("--include-identities applies to the --out file; add --out flagged.csv") }
        if identityKey != nil && !includeIdentities { throw ValidationError("--identity-key is used only with --include-identities") }
        try storing.validate(files: files)
        if storing.agency != nil && out != nil {
            throw ValidationError("--out writes flagged rows from a plain scan; store the log with --agency, and write the rows in a separate run without --agency.")
        }
    }

    func run() async throws {
        guard storing.agency != nil else { return try scanAndReport() }
        let file = files[0], name = (files[0] as NSString).lastPathComponent
        try await withDatabase(storing.database) { db in
            let who = try await storing.actor.actor(db)
            let submission = try await storing.submission(db, name: name)
            var summary = AuditLogSummary()
            let log = try await SearchAuditStore(db, evidence: try storing.evidence.store(db)).importLog(fileAt: file, kind: storing.kind!, submission, by: who, now: Date()) { copy in
                let scan = AuditLogScan()
                // Errors name the file the user gave, not the stored copy the scan reads.
                do { try scanFile(copy, with: scan) } catch var problem as InputProblem {
                    if problem.file == copy { problem.file = name }
                    throw InputProblems([problem])
                } catch var problems as InputProblems {
                    for index in problems.problems.indices where problems.problems[index].file == copy { problems.problems[index].file = name }
                    throw problems
                } catch let failure as CommandFailure {
                    throw CommandFailure(failure.description.replacingOccurrences(of: copy, with: name))
                }
                summary = scan.summary
                summary.relabel(file: copy, as: name)
                try Self.checkKind(storing.kind!, summary, file: name)
                return summary
            }
            let agencyName = try await DirectoryQueries(db).agency(id: log.agencyID)?.name ?? "agency \(log.agencyID)"
            if json { try printJSON(log, agency: AgencyLink(id: log.agencyID, name: agencyName, stateCode: nil)); return }
            print(AuditLogReport.text(summary), terminator: "")
            print("""

                Stored as audit log #\(log.id) against \(agencyName): \(log.headline(agencyName: agencyName)).
                The file is evidence #\(log.evidenceID) (private: it names officers and plates).
                The counts are not public until another person with the reviewer role checks them against the file
                and verifies them: "Verify these counts" on the agency's page (signed in), or
                  hotlistwatch audit-log verify \(log.id) --as THEIR-EMAIL
                """)
        }
    }

    /// An organisation audit lists one organisation's own searches; one naming several is a network
    /// audit, and stored as "by its own users" it would credit others' searches to the agency.
    static func checkKind(_ kind: SearchAuditKind, _ summary: AuditLogSummary, file: String) throws {
        guard kind == .organization else { return }
        var names: [String: String] = [:]
        for group in summary.groups {
            let name = group.organization.trimmingCharacters(in: .whitespaces)
            if name.isEmpty || name.allSatisfy({ $0 == "*" }) { continue }
            names[name.lowercased()] = names[name.lowercased()] ?? name
        }
        guard names.count > 1 else { return }
        let shown = names.values.sorted().prefix(5).joined(separator: ", ")
        throw InputProblems([InputProblem(file: file, field: "Org Name", problem: "an organization audit lists the searches of one organisation's users, but this log names \(names.count) organisations (\(shown)\(names.count > 5 ? ", …" : ""))",
                                          hint: "If it lists searches of the agency's cameras by the organisations it shares with, store it with --kind network.")])
    }

    func scanAndReport() throws {
        let scan = AuditLogScan()
        var writer: FlaggedRowsFile?
        if let out { writer = try FlaggedRowsFile(path: out) }
        var headerWritten = false
        var currentFile = ""
        // Only with --out: rows handed out in order keep a scan on one core.
        if let writer {
            let export = try flaggedRowsExport()
            scan.onFlagged = { record, columns, categories, rules in
                if !headerWritten { writer.write(export.header(columns)); headerWritten = true }
                writer.write(export.row(record, columns, file: currentFile, categories: categories, rules: rules))
            }
        }
        do {
            for file in files {
                currentFile = file
                try scanFile(file, with: scan)
            }
        } catch let problem as InputProblem {
            writer?.discard()
            throw CommandFailure(problem.description)
        } catch let problems as InputProblems {
            writer?.discard()
            throw CommandFailure(problems.problems.map(\.description).joined(separator: "\n"))
        }
        if let writer {
            if !headerWritten { writer.write(["File", "Line", "Categories", "Rules"]) }
            try writer.finish()
        }
        if json { try CommandJSON.print(scan.summary) } else { print(AuditLogReport.text(scan.summary), terminator: "") }
        if let out { Console.note(includeIdentities ? "Wrote the flagged rows to \(out), names, user names and plates replaced by keyed hashes." : "Wrote the flagged rows, without names or plates, to \(out).") }
    }

    private func scanFile(_ file: String, with scan: AuditLogScan) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        let source = try AuditLogFileSource(path: file)
        var head = [UInt8](repeating: 0, count: 512)
        let headCount = try head.withUnsafeMutableBytes { buffer throws(InputProblem) in try source.read(into: buffer) }
        head.removeSubrange(headCount...)
        switch try AuditLogFormat.detect(name: file, head: head) {
        case .xlsx:
            // A workbook is unpacked whole (with XLSXWorkbook's limits); CSV streams.
            guard size <= XLSXWorkbook.maxPartBytes else {
                throw CommandFailure("\(file): the workbook is \(ByteSize.describe(size)), more than the \(ByteSize.describe(XLSXWorkbook.maxPartBytes)) an XLSX export may be. Export the audit log as CSV, which is read in a stream whatever its size.")
            }
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let rows = try XLSXWorkbook.firstSheetRows(data, file: file)
            try scan.scanRows(file: file, rows: rows.map { ($0.number, $0.cells) }, fileBytes: data.count)
        case .csv:
            let progress = isatty(STDERR_FILENO) == 1 ? ProgressLine(total: size) : nil
            let show = progress.map { line in { (rows: Int, bytes: Int) in line.show(rows: rows, bytes: bytes) } }
            if Self.isRegularFile(file) {
                // Opened again at any offset, so a large file is read on two cores.
                try scan.scanCSV(file: file, fileBytes: size, open: { offset throws(InputProblem) in try AuditLogFileSource(path: file, offset: offset) },
                                 progress: show)
            } else {
                try scan.scanCSV(file: file, source: PrefixedSource(head: head, rest: source), fileBytes: size, progress: show)
            }
            progress?.clear()
        }
    }
}

extension AuditLogScanCommand {
    /// What --out writes: without the identity columns, or with --include-identities their values hashed.
    func flaggedRowsExport() throws -> AuditLogFlaggedRows {
        guard includeIdentities else { return AuditLogFlaggedRows() }
        let path = IdentityHasher.keyPath(option: identityKey, environment: ProcessInfo.processInfo.environment)
        let hasher: IdentityHasher
        let existed = FileManager.default.fileExists(atPath: path)
        do { hasher = try IdentityHasher.loadOrCreate(path: path) } catch { throw CommandFailure(error.description) }
        if !existed {
            // Said out loud: run from another folder, a new key would silently make hashes that match nothing before.
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            Console.note("Made a new identity key at \(absolute) (readable by you only). Back it up and use it for every export (--identity-key or \(IdentityHasher.keyPathVariable)): hashes match only under the same key.")
        }
        return AuditLogFlaggedRows(identities: { hasher.hash($0) })
    }

    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }
}

/// The bytes already read to tell CSV from XLSX, then the rest of the file.
private struct PrefixedSource: AuditLogByteSource {
    var head: AuditLogDataSource
    let rest: AuditLogFileSource
    init(head: [UInt8], rest: AuditLogFileSource) { self.head = AuditLogDataSource(head); self.rest = rest }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputProblem) -> Int {
        let count = try head.read(into: buffer)
        return count > 0 ? count : try rest.read(into: buffer)
    }
}

/// "1,234,567 rows · 512 MB of 2.4 GB · 480,000 rows/s · 4 s left" on one terminal line.
private final class ProgressLine {
    let total: Int
    let started = Date()
    var shown = false
    init(total: Int) { self.total = total }

    func show(rows: Int, bytes: Int) {
        let elapsed = Date().timeIntervalSince(started)
        guard elapsed > 0.5 else { return }
        let left = bytes > 0 && total > bytes ? Double(total - bytes) * elapsed / Double(bytes) : 0
        let text = "\r\(rows.formatted()) rows · \(ByteSize.describe(bytes)) of \(ByteSize.describe(total)) · "
            + "\(Int(Double(rows) / elapsed).formatted()) rows/s · \(Int(left.rounded())) s left   "
        FileHandle.standardError.write(Data(text.utf8))
        shown = true
    }

    func clear() { if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
}

/// The flagged-rows CSV: written to a hidden partial file a megabyte at a time, renamed into place at the end.
private final class FlaggedRowsFile {
    let url: URL
    let partial: URL
    let handle: FileHandle
    var pending = Data()

    init(path: String) throws {
        url = URL(fileURLWithPath: path)
        partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil), let handle = try? FileHandle(forWritingTo: partial) else {
            throw CommandFailure("cannot write \(path). Check the folder exists and is writable.")
        }
        self.handle = handle
    }

    func write(_ fields: [String]) {
        pending.append(contentsOf: AuditCSV.line(fields).utf8)
        if pending.count >= 1 << 20 { handle.write(pending); pending.removeAll(keepingCapacity: true) }
    }

    func finish() throws {
        handle.write(pending)
        try? handle.close()
        do {
            _ = try? FileManager.default.removeItem(at: url)
            try FileManager.default.moveItem(at: partial, to: url)
        } catch {
            discard()
            throw CommandFailure("cannot write \(url.path): \(error.localizedDescription). Check the folder is writable.")
        }
    }

    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: partial)
    }
}

/// The scan summary as a person reads it: files, skipped rows, then sensitive searches by organisation and month.
enum AuditLogReport {
    static func text(_ summary: AuditLogSummary) -> String {
        var text = ""
        for file in summary.files {
            text += "\(file.file) (\(file.format.uppercased()), \(ByteSize.describe(file.bytes))): \(file.rowsRead.formatted()) rows read, \(file.rowsSkipped.formatted()) skipped\n"
        }
        // The lines below are totals over every file: say so when there are several.
        if summary.files.count > 1 { text += "All \(summary.files.count) files: \(summary.rowsRead.formatted()) rows read, \(summary.rowsSkipped.formatted()) skipped\n" }
        for (why, count) in summary.skippedBy.sorted(by: { $0.key < $1.key }) { text += "  skipped \(count.formatted()): \(why)\n" }
        for (kind, count) in summary.warningsBy.sorted(by: { $0.key < $1.key }) { text += "  warnings \(count.formatted()): \(kind)\n" }
        for warning in summary.warnings.prefix(10) { text += "  \(warning.file):\(warning.line):\(warning.column): \(warning.message)\n" }
        if summary.reasonsRedactedOrEmpty > 0 { text += "  \(summary.reasonsRedactedOrEmpty.formatted()) rows with an empty or redacted (***) reason\n" }
        text += "\nSearches by category:\n"
        for category in ReasonCategory.allCases {
            text += "  \(category.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0))\((summary.searchesByCategory[category.rawValue] ?? 0).formatted())\n"
        }
        let flagged = summary.groups.filter { $0.category != .ordinary }
        guard !flagged.isEmpty else { return text + "\nNo search cites immigration, a protest, reproductive health or another sensitive reason.\n" }
        text += "\nSensitive searches by searching organisation and month:\n"
        text += "  Organisation                              Month    Category             Searches  Networks searched\n"
        for group in flagged {
            let name = group.organization.isEmpty ? "(not in the file)" : group.organization.allSatisfy { $0 == "*" } ? "(redacted)" : String(group.organization.prefix(40))
            text += "  \(name.padding(toLength: 42, withPad: " ", startingAt: 0))\(group.month.padding(toLength: 9, withPad: " ", startingAt: 0))"
                + "\(group.category.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0))\(pad(group.searches, 9))  \(pad(group.networksSearched, 17))\n"
        }
        return text
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let text = number.formatted()
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

struct AuditLogClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify", abstract: "Classify search reasons read one per line from standard input.",
        discussion: """
        Writes one JSON object per line: {"reason": …, "categories": […], "rules": […]}. Categories: \
        \(ReasonCategory.allCases.map(\.rawValue).joined(separator: ", ")).
        """)

    func run() throws {
        let classifier = ReasonClassifier.standard
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = Data()
        while let line = readLine(strippingNewline: true) {
            let reason = line.hasSuffix("\r") ? String(line.dropLast()) : line
            let result = classifier.classify(reason)
            output.append(try encoder.encode(ClassifiedReason(reason: reason, categories: result.categories.map(\.rawValue), rules: result.rules)))
            output.append(0x0A)
            if output.count >= 1 << 16 { FileHandle.standardOutput.write(output); output.removeAll(keepingCapacity: true) }
        }
        FileHandle.standardOutput.write(output)
    }
}

private struct ClassifiedReason: Encodable {
    let reason: String
    let categories: [String]
    let rules: [String]
}

struct AuditLogEvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate", abstract: "Measure the reason classifier on a labelled set: precision and recall per category.",
        discussion: """
        Reads lines of reason<TAB>categories<TAB>source (categories separated by spaces, ordinary for none; \
        # starts a comment), for example data/audit_log_reasons/heldout_reasons.tsv, and prints precision \
        and recall per sensitive category, then each reason classified differently from its label.
        """)

    @Argument(help: ArgumentHelp("The labelled reasons (.tsv).", valueName: "file")) var file: String
    @Flag(help: "Print the figures as JSON.") var json = false

    func run() throws {
        let data = try readInputFile(file)
        guard let text = String(data: data, encoding: .utf8) else { throw CommandFailure("\(file): not UTF-8 text. Save the labelled reasons as UTF-8.") }
        let evaluation: ReasonEvaluation
        do { evaluation = try ReasonEvaluation(labelled: text, file: file) } catch { throw CommandFailure(error.description) }
        if json { try CommandJSON.print(evaluation) } else { print(evaluation.report, terminator: "") }
    }
}
