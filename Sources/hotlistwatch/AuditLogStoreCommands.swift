import ArgumentParser
import Foundation
import HotlistCore
import HotlistAPI
import HotlistStore
import HotlistWeb

/// What `audit-log scan --agency` needs to store a log against the agency that released it.
struct AuditLogStoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Store the log and its counts against this agency (see `agencies list`): the agency that released it.", valueName: "id"))
    var agency: Int?
    @Option(help: ArgumentHelp("""
        Whose searches the log lists (required with --agency): network = searches of the agency's cameras by every organisation it \
        shares with (Flock's "Network Audit"); organization = searches run by the agency's own users ("Organization Audit"); \
        portal = the transparency portal's search audit.
        """, valueName: "network|organization|portal"))
    var kind: SearchAuditKind?
    @Option(help: "The records request whose answer brought the log.") var request: Int?
    @Option(name: [.customLong("received"), .customLong("received-on")], help: "Day the answer arrived (YYYY-MM-DD); --received-on as with hit-log import.")
    var received: String?
    @Option(name: .customLong("source-url"), help: "Where the log was published, if it was.") var sourceURL: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var evidence: EvidenceOptions
    @OptionGroup var database: DatabaseOptions

    func validate(files: [String]) throws {
        guard agency != nil else {
            if kind != nil || request != nil || received != nil || sourceURL != nil {
                throw ValidationError("--kind, --request, --received and --source-url describe a log stored with --agency ID; add --agency, or leave them out to only scan.")
            }
            return
        }
        if files.count != 1 { throw ValidationError("with --agency, name one log per run: each is stored as its own evidence file (you named \(files.count)).") }
        if kind == nil {
            throw ValidationError("with --agency, say whose searches the log lists: --kind network (searches of the agency's cameras by others), --kind organization (searches by its own users) or --kind portal (the transparency portal's search audit).")
        }
        if actor.actingAs == nil {
            throw ValidationError("with --agency, say who stores the log: --as EMAIL (your account). A second person verifies the counts, so the first must be named.")
        }
        if let received, CalendarDay(iso: received) == nil { throw ValidationError("--received \(received) is not a date; use YYYY-MM-DD.") }
    }

    /// The evidence record for the log; the request, when given, must be about the same agency.
    func submission(_ db: HotlistDatabase, name: String) async throws -> EvidenceSubmission {
        guard let agency else { throw CommandFailure("--agency is required to store a log.") }
        guard try await DirectoryQueries(db).agency(id: agency) != nil else { throw CommandFailure("--agency \(agency): no such agency. Find its id with `hotlistwatch agencies list --search NAME`.") }
        if let request {
            guard let found = try await RequestStore(db).request(id: request) else { throw CommandFailure("--request \(request): no such request; see `requests list`.") }
            if found.agencyID != agency { throw CommandFailure("--request \(request) is about agency \(found.agencyID), not agency \(agency).") }
        }
        return EvidenceSubmission(agencyID: agency, requestID: request, originalName: name, sourceURL: sourceURL, receivedOn: received.flatMap { CalendarDay(iso: $0) })
    }
}

extension SearchAuditKind: ExpressibleByArgument {}

struct AuditLogListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Audit logs stored against agencies, with their immigration searches and whether they are verified.")
    @Option(help: "Only this agency's logs.") var agency: Int?
    @Flag(help: "Only logs waiting for a second person (the reviewer queue).") var unverified = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            var logs = try await SearchAuditStore(db).list(agencyID: agency)
            if unverified { logs = logs.filter { !$0.isVerified } }
            let names = try await agencyNames(db, logs.map(\.agencyID))
            if json { try CommandJSON.print(try logs.map { try Components.Schemas.SearchAudit($0, agency: AgencyLink(id: $0.agencyID, name: names[$0.agencyID] ?? "", stateCode: nil)) }); return }
            guard !logs.isEmpty else { print(unverified ? "No audit log is waiting for verification." : "No audit log is stored\(agency.map { " for agency \($0)" } ?? "").") ; return }
            for log in logs {
                print("#\(log.id)  \(names[log.agencyID] ?? "agency \(log.agencyID)")  \(log.kind.rawValue)  \(log.period)  "
                    + "\(SearchAuditLog.count(log.searches(.immigration))) citing immigration of \(log.searches.formatted())  "
                    + (log.verifiedAt.map { "verified \(CalendarDay.today($0).iso) by \(log.verifiedByLabel ?? "?")" } ?? "NOT VERIFIED"))
            }
        }
    }
}

struct AuditLogShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One stored audit log: its counts by category, organisation and month, and the file to check them against before verifying.")
    @Argument(help: "The audit log's number (see `audit-log list`).") var id: Int
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            guard let log = try await SearchAuditStore(db).log(id: id) else {
                throw CommandFailure("audit log \(id) does not exist; see `hotlistwatch audit-log list`.")
            }
            let agency = try await DirectoryQueries(db).agency(id: log.agencyID) ?? AgencyLink(id: log.agencyID, name: "agency \(log.agencyID)", stateCode: nil)
            if json { try printJSON(log, agency: agency); return }
            print(AuditLogText.describe(log, agencyName: agency.name))
        }
    }
}

struct AuditLogVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify someone else's audit-log counts (reviewers and admins), making them public.",
                                                    discussion: "Check the counts (`audit-log show ID`) against the log itself (the evidence file it names) first.")
    @Argument(help: "The audit log's number.") var id: Int
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws { if actor.actingAs == nil { throw ValidationError("Give --as EMAIL: the reviewer who checked the counts against the log (not the person who stored it).") } }

    func run() async throws {
        try await withDatabase(database) { db in
            let who = try await actor.actor(db)
            guard let userID = who.userID, let reviewer = try await AccountStore(db).user(id: userID) else { throw CommandFailure("--as: no such account.") }
            let store = SearchAuditStore(db)
            guard try await store.log(id: id) != nil else { throw CommandFailure("audit log \(id) does not exist; `hotlistwatch audit-log list --unverified` lists the logs waiting.") }
            let log = try await store.verify(logID: id, reviewer: reviewer, by: who, now: Date())
            let name = try await agencyNames(db, [log.agencyID])[log.agencyID] ?? "agency \(log.agencyID)"
            print("Verified audit log #\(log.id): \(log.headline(agencyName: name)). It is now on the agency's page, in the API, briefs and exports.")
        }
    }
}

/// A stored log in the API's shape, so scripts read the command line and the API alike.
func printJSON(_ log: SearchAuditLog, agency: AgencyLink) throws {
    try CommandJSON.print(try Components.Schemas.SearchAudit(log, agency: agency))
}

private func agencyNames(_ db: HotlistDatabase, _ ids: [Int]) async throws -> [Int: String] {
    var names: [Int: String] = [:]
    for id in Set(ids) { names[id] = try await DirectoryQueries(db).agency(id: id)?.name }
    return names
}

/// A stored log as a reviewer reads it before verifying.
enum AuditLogText {
    static func describe(_ log: SearchAuditLog, agencyName: String) -> String {
        var text = "Audit log #\(log.id): \(agencyName), \(log.kind.label), \(log.period)\n"
        text += "  File: \(log.fileName), evidence #\(log.evidenceID), SHA-256 \(log.sha256)\(log.receivedOn.map { ", received \($0.iso)" } ?? "")\n"
        text += "  Rows read \(log.rowsRead.formatted()), skipped \(log.rowsSkipped.formatted()); classifier rules \(log.rulesVersion)\n"
        text += "  Stored \(CalendarDay.today(log.scannedAt).iso) by \(log.scannedByLabel); "
            + (log.verifiedAt.map { "verified \(CalendarDay.today($0).iso) by \(log.verifiedByLabel ?? "?")\n" } ?? "NOT VERIFIED: not public yet\n")
        text += "  \(log.headline(agencyName: agencyName))\n\nSearches by category:\n"
        for category in ReasonCategory.allCases { text += "  \(category.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0))\(log.searches(category).formatted())\n" }
        for category in ReasonCategory.allCases where category != .ordinary && log.searches(category) > 0 {
            text += "\n\(category.rawValue) searches by organisation:\n"
            for organization in log.organizations(category) { text += "  \(organization.searches.formatted().padding(toLength: 10, withPad: " ", startingAt: 0))\(organization.name.isEmpty ? "(not in the file)" : organization.name)\n" }
            text += "by month: " + log.months(category).map { "\($0.month) \($0.searches.formatted())" }.joined(separator: ", ") + "\n"
        }
        return text
    }
}
