import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore

struct HitLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hit-log", abstract: "Hotlist hit (alert) logs: import an agency's export, show its hits per month, list and topic.",
                                                    subcommands: [HitLogImport.self, HitLogShow.self])
}

struct HitLogImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a hotlist hit log export (.xlsx or .csv) as evidence and count its hits per month, list and topic.",
        discussion: """
        Columns are matched by header name (the layout of real exports is inferred): a time (Hit Time, Alert Time, Date, Timestamp, …), \
        a list (Hotlist, List Name, List, …) and optionally a topic (Reason, NCIC Code, Topic, Hit Reason, Alert Type, …). \
        Plates, cameras and names are read past and never stored. A bad row refuses the whole file. \
        Hits labelled Immigration Violator become a draft finding (enabled, as of the latest such hit) that a second person verifies.
        """)
    @Argument(help: "The export (.xlsx or .csv).") var file: String
    @Option(help: "Agency id.") var agency: Int
    @Option(help: "The request whose answer brought the log.") var request: Int?
    @Option(name: .customLong("source-url"), help: "Where the log was published, if it was.") var sourceURL: String?
    @Option(name: .customLong("received-on"), help: "Day the answer arrived (YYYY-MM-DD).") var receivedOn: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var evidence: EvidenceOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let receivedOn, CalendarDay(iso: receivedOn) == nil { throw ValidationError("--received-on \(receivedOn) is not a date; use YYYY-MM-DD.") }
    }

    func run() async throws {
        try await withDatabase(database) { db in
            let data = try readInputFile(file)
            let submission = EvidenceSubmission(agencyID: agency, requestID: request, originalName: (file as NSString).lastPathComponent, sourceURL: sourceURL,
                                                receivedOn: receivedOn.flatMap { CalendarDay(iso: $0) })
            let imported = try await HitLogStore(db, evidence: try evidence.store(db)).importLog(data, submission, by: try await actor.actor(db), now: Date())
            let summary = imported.summary
            print("Imported \(summary.rows) hit\(summary.rows == 1 ? "" : "s") (\(summary.first.iso) to \(summary.last.iso)) as \(summary.counts.count) count\(summary.counts.count == 1 ? "" : "s") by month, list and topic; the log is evidence #\(imported.evidenceID).")
            if !summary.columnsNotKept.isEmpty { print("Not kept: \(summary.columnsNotKept.joined(separator: ", ")).") }
            for earlier in imported.overlapping {
                print("note: import #\(earlier.id) (evidence #\(earlier.evidenceID)) also covers days from \(earlier.first) to \(earlier.last); counts add up, so a hit in both exports is counted twice.")
            }
            if let span = summary.immigrationViolator, let finding = imported.draftFindingID {
                print("\(span.hits) hit\(span.hits == 1 ? "" : "s") labelled Immigration Violator (\(span.first.iso) to \(span.last.iso)): "
                      + (imported.draftWasPending ? "draft finding #\(finding) already waits for a second person." : "draft finding #\(finding) waits for a second person to verify it (see `findings list --unverified`)."))
            }
        }
    }
}

struct HitLogShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "An agency's imported hit logs and their counts (Immigration Violator rows included, verified or not).")
    @Option(help: "Agency id.") var agency: Int
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    struct Output: Encodable {
        struct Import: Encodable {
            var id: Int
            var evidence_id: Int
            var hits: Int
            var first_day: String
            var last_day: String
            var finding_id: Int?
        }
        struct Count: Encodable {
            var month: String
            var list: String
            var topic: String
            var hits: Int
            var immigration_violator: Bool
        }
        var agency_id: Int
        var imports: [Import]
        var counts: [Count]
    }

    func run() async throws {
        try await withDatabase(database) { db in
            guard try await DirectoryQueries(db).agency(id: agency) != nil else { throw CommandFailure("agency \(agency) does not exist; see `agencies list`.") }
            let imports = try await HitLogStore.imports(db, agencyID: agency)
            let counts = try await HitLogStore.counts(db, agencyID: agency)
            if json {
                try CommandJSON.print(Output(agency_id: agency,
                                             imports: imports.map { .init(id: $0.id, evidence_id: $0.evidenceID, hits: $0.rows, first_day: $0.first, last_day: $0.last, finding_id: $0.findingID) },
                                             counts: counts.map { .init(month: $0.month, list: $0.list, topic: $0.topic, hits: $0.hits, immigration_violator: $0.isImmigrationViolator) }))
                return
            }
            if imports.isEmpty { print("No hit logs imported for agency \(agency)."); return }
            for item in imports {
                print("Import #\(item.id): evidence #\(item.evidenceID), \(item.rows) hit\(item.rows == 1 ? "" : "s") from \(item.first) to \(item.last)\(item.findingID.map { ", draft finding #\($0)" } ?? "")")
            }
            let listWidth = min(40, counts.map(\.list.count).max() ?? 4)
            for count in counts {
                print("\(count.month)  \(count.list.padding(toLength: max(listWidth, count.list.count), withPad: " ", startingAt: 0))  \(String(count.hits).leftPadded(6))  \(count.topic.isEmpty ? "-" : count.topic)\(count.isImmigrationViolator ? "  [Immigration Violator]" : "")")
            }
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
