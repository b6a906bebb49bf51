import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore
import HotlistWeb

/// --evidence-dir / --max-evidence-size, shared by `serve` and the evidence commands.
struct EvidenceOptions: ParsableArguments {
    @Option(name: .customLong("evidence-dir"), help: ArgumentHelp("Folder for evidence files (default: ./hotlistwatch-evidence, or HOTLISTWATCH_EVIDENCE_DIR).", valueName: "path"))
    var directoryOption: String?
    @Option(name: .customLong("max-evidence-size"), help: ArgumentHelp("Largest evidence file accepted (bytes, or with k/m/g; default 50m).", valueName: "size"))
    var maxSizeText = "50m"

    var directory: String { directoryOption ?? ProcessInfo.processInfo.environment["HOTLISTWATCH_EVIDENCE_DIR"] ?? ServeSettings.defaultEvidenceDirectory }

    func maxSize() throws -> Int {
        guard let size = ByteSize.parse(maxSizeText) else { throw ValidationError("--max-evidence-size \(maxSizeText) is not a size; write bytes or a number with k, m or g (for example 50m).") }
        return size
    }

    func validate() throws { _ = try maxSize() }

    func store(_ database: HotlistDatabase) throws -> EvidenceStore {
        EvidenceStore(database, directory: directory, intake: EvidenceIntake(maxBytes: try maxSize()))
    }
}

struct EvidenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evidence", abstract: "Files that records responses bring: add, list, check their integrity, import hotlist action logs.",
                                                    subcommands: [EvidenceAdd.self, EvidenceList.self, EvidencePublish.self, EvidenceVerify.self, EvidenceImportLog.self])
}

/// Reads a file named on the command line, with a message a person can act on.
func readInputFile(_ path: String) throws -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CommandFailure("\(path): no such file.") }
    guard !isDirectory.boolValue else { throw CommandFailure("\(path) is a folder; give a file.") }
    guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("\(path): cannot be read by this user.") }
    return data
}

struct EvidenceAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Store a file as evidence about an agency (content-addressed, never modified).",
                                                    discussion: "Accepted: PDF, PNG, JPEG, CSV, XLSX, ZIP, EML. The type is read from the bytes and must agree with the name. The same bytes added twice are stored once.")
    @Argument(help: "The file.") var file: String
    @Option(help: "Agency id (see `agencies list`); defaults to the request's agency.") var agency: Int?
    @Option(help: "The request whose answer brought the file.") var request: Int?
    @Option(name: .customLong("source-url"), help: "Where the file was published, if it was.") var sourceURL: String?
    @Option(help: "Day the answer arrived (YYYY-MM-DD).") var received: String?
    @Option(help: "What the file is.") var description = ""
    @Flag(name: .customLong("public"), help: "Publish the file (only if it holds no personal data: plates, officers' or residents' names; with --as, reviewers and admins only).") var isPublic = false
    @OptionGroup var actor: ActorOptions
    @OptionGroup var evidence: EvidenceOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if agency == nil && request == nil { throw ValidationError("Give --agency ID (or --request ID to use the request's agency).") }
        if let received, CalendarDay(iso: received) == nil { throw ValidationError("--received \(received) is not a date; use YYYY-MM-DD.") }
    }

    func run() async throws {
        try await withDatabase(database) { db in
            let data = try readInputFile(file)
            var agencyID = agency
            if agencyID == nil, let request, let found = try await RequestStore(db).request(id: request) { agencyID = found.agencyID }
            guard let agencyID else { throw CommandFailure("request \(request ?? 0) does not exist; see `requests list`.") }
            let submission = EvidenceSubmission(agencyID: agencyID, requestID: request, originalName: (file as NSString).lastPathComponent, sourceURL: sourceURL,
                                                receivedOn: received.flatMap { CalendarDay(iso: $0) }, isPublic: isPublic, description: description)
            let who = try await actor.actor(db)
            try await requirePublisher(db, who, publishing: isPublic)
            let added = try await evidence.store(db).add(data, submission, by: who, now: Date())
            let item = added.evidence
            if added.wasAlreadyStored {
                print("Already stored: evidence #\(item.id) has these exact bytes (SHA-256 \(item.sha256)). Nothing new was stored.")
            } else {
                print("Stored evidence #\(item.id): \(item.originalName), \(item.kind.label), \(ByteSize.describe(item.size)), SHA-256 \(item.sha256), \(item.isPublic ? "public" : "private").")
            }
        }
    }
}

/// Publishing is for reviewers and admins; an operator at the command line without --as is trusted as for every other data command.
func requirePublisher(_ db: HotlistDatabase, _ actor: AuditActor, publishing: Bool) async throws {
    guard publishing, let userID = actor.userID, let account = try await AccountStore(db).user(id: userID) else { return }
    if !PermissionTable.allows(account.role, .publishEvidence) {
        throw CommandFailure("\(account.email) is a \(account.role.label): only reviewers and admins publish files. Add it without --public and ask a reviewer.")
    }
}

struct EvidencePublish: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "publish", abstract: "Publish an evidence file (or with --private take it back), after checking it holds no personal data.")
    @Argument(help: "Evidence id.") var evidenceID: Int
    @Flag(name: .customLong("private"), help: "Make it private again.") var makePrivate = false
    @OptionGroup var actor: ActorOptions
    @OptionGroup var evidence: EvidenceOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws { if actor.actingAs == nil { throw ValidationError("Give --as EMAIL: the reviewer who checked the file.") } }

    func run() async throws {
        try await withDatabase(database) { db in
            let who = try await actor.actor(db)
            try await requirePublisher(db, who, publishing: true)
            let file = try await evidence.store(db).setPublic(evidenceID: evidenceID, !makePrivate, by: who, now: Date())
            print("Evidence #\(file.id) (\(file.originalName)) is now \(file.isPublic ? "public" : "private").")
        }
    }
}

struct EvidenceList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List evidence files.")
    @Option(help: "Only this agency's files.") var agency: Int?
    @Option(help: "Only files from this request.") var request: Int?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var evidence: EvidenceOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            let files = try await evidence.store(db).list(agencyID: agency, requestID: request)
            if json {
                try CommandJSON.print(files.map { ["id": String($0.id), "sha256": $0.sha256, "agency_id": String($0.agencyID), "request_id": $0.requestID.map(String.init) ?? "",
                                                   "name": $0.originalName, "kind": $0.kind.rawValue, "size": String($0.size), "public": $0.isPublic ? "yes" : "no",
                                                   "received_on": $0.receivedOn?.iso ?? ""] })
                return
            }
            if files.isEmpty { print("No evidence files."); return }
            for file in files {
                print("#\(file.id)  agency \(file.agencyID)\(file.requestID.map { "  request \($0)" } ?? "")  \(file.kind.rawValue)  \(ByteSize.describe(file.size))  \(file.isPublic ? "public " : "private")  \(file.sha256.prefix(16))…  \(file.originalName)")
            }
            print("\(files.count) file\(files.count == 1 ? "" : "s").")
        }
    }
}

struct EvidenceVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Re-hash every stored file; report missing or altered ones (exit 1 if any).")
    @Flag(name: .customLong("remove-temporary"), help: "Delete the temporary files of interrupted uploads (only while no upload is running).")
    var removeTemporary = false
    @OptionGroup var evidence: EvidenceOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let report = try await withDatabase(database) { db in try await evidence.store(db).verify() }
        for problem in report.problems {
            let records = problem.evidenceIDs.map { "#\($0)" }.joined(separator: ", ")
            switch problem.outcome {
            case .missing: Console.error("MISSING  \(problem.sha256) (evidence \(records)): the file is not in \(evidence.directory).")
            case .unreadable: Console.error("UNREADABLE  \(problem.sha256) (evidence \(records)): the file cannot be read.")
            case .altered(let actual): Console.error("ALTERED  \(problem.sha256) (evidence \(records)): its bytes now hash to \(actual).")
            case .intact: break
            }
        }
        for hash in report.unreferenced { print("note: \(hash) is in the store but no evidence record points at it.") }
        if !report.temporary.isEmpty {
            if removeTemporary {
                for path in report.temporary { try? FileManager.default.removeItem(atPath: path) }
                print("Removed \(report.temporary.count) temporary file\(report.temporary.count == 1 ? "" : "s") of interrupted uploads.")
            } else {
                for path in report.temporary { print("note: \(path) is a temporary file of an upload that is running or was interrupted (not evidence).") }
                print("Delete them with --remove-temporary once no upload is running.")
            }
        }
        print("Checked \(report.checked) file\(report.checked == 1 ? "" : "s"): \(report.isClean ? "all intact" : "\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s")").")
        if !report.isClean { throw ExitCode(1) }
    }
}

struct EvidenceImportLog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import-log", abstract: "Import a Flock hotlist action log export (.xlsx or .csv) into the agency's hotlist change history.",
                                                    discussion: "Columns, matched by header name: Timestamp, User, Event Type, Entity Type, Entity Details (XLSX: the first worksheet). Times: Excel serial numbers, ISO 8601 or M/D/YYYY h:mm, read as UTC. The file is kept as evidence; a bad line refuses the whole file.")
    @Argument(help: "The export (.xlsx or .csv).") var file: String
    @Option(help: "Agency id.") var agency: Int
    @Option(help: "The request whose answer brought the log.") var request: Int?
    @Option(help: "Day the answer arrived (YYYY-MM-DD).") var received: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var evidence: EvidenceOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let received, CalendarDay(iso: received) == nil { throw ValidationError("--received \(received) is not a date; use YYYY-MM-DD.") }
    }

    func run() async throws {
        try await withDatabase(database) { db in
            let data = try readInputFile(file)
            let submission = EvidenceSubmission(agencyID: agency, requestID: request, originalName: (file as NSString).lastPathComponent, receivedOn: received.flatMap { CalendarDay(iso: $0) })
            let imported = try await HotlistLogStore(db, evidence: try evidence.store(db)).importLog(data, submission, by: try await actor.actor(db), now: Date())
            print("Imported \(imported.actions) hotlist action\(imported.actions == 1 ? "" : "s") (\(TimestampParser.iso8601(imported.first)) to \(TimestampParser.iso8601(imported.last))), kept as evidence #\(imported.evidenceID).")
        }
    }
}
