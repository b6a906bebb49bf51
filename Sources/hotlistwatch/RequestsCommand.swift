import ArgumentParser
import Foundation
import HotlistAPI
import HotlistCore
import HotlistStore
import HotlistWeb

struct RequestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests", abstract: "Public-records requests: write, file, track, log replies, follow up and appeal.",
        discussion: "Statuses: \(RequestStatus.allCases.map(\.rawValue).joined(separator: ", ")). Every change is recorded in the audit trail.",
        subcommands: [RequestsNew.self, RequestsList.self, RequestsShow.self, RequestsStatus.self, RequestsLog.self, RequestsExtend.self,
                      RequestsFee.self, RequestsExemption.self, RequestsLetter.self, RequestsExport.self, RequestsStats.self])
}

/// Shared by the request commands: JSON output in the API's shapes.
enum CommandJSON {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// Reads a YYYY-MM-DD option, naming it when it is not one.
func calendarDay(_ text: String?, option: String, default fallback: CalendarDay) throws -> CalendarDay {
    guard let text else { return fallback }
    guard let day = CalendarDay(iso: text) else { throw ValidationError("\(option) \(text) is not a date; write it as YYYY-MM-DD.") }
    return day
}

struct RequestsNew: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Write a request to one agency under its state's law (a draft, or filed at once with --filed).",
        discussion: "Example: hotlistwatch requests new --agency 4841 --requester-name \"Vera V\" --requester-email vera@example.org --filed 2026-03-02")

    @Option(help: ArgumentHelp("The agency's id (see `agencies list`).", valueName: "id")) var agency: Int
    @Option(name: .customLong("requester-name"), help: "Who signs the letter.") var requesterName: String
    @Option(name: .customLong("requester-email"), help: "Where the agency should reply.") var requesterEmail: String
    @Option(name: .customLong("requester-address"), help: "Postal address (needed for postal filing).") var requesterAddress: String?
    @Option(name: .customLong("requester-state"), help: "The requester's state (for states that limit requests to residents).") var requesterState: String?
    @Option(help: ArgumentHelp("email, portal, muckrock or postal.", valueName: "channel")) var channel = "email"
    @Option(name: .customLong("portal-kind"), help: "govqa, nextrequest, justfoia or other.") var portalKind: String?
    @Option(help: ArgumentHelp("The portal's or MuckRock request's address.", valueName: "url")) var url: String?
    @Option(help: ArgumentHelp("Mark it filed on this day (YYYY-MM-DD).", valueName: "date")) var filed: String?
    @Option(help: "The agency's tracking number, if filed.") var tracking: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let filed, CalendarDay(iso: filed) == nil { throw ValidationError("--filed \(filed) is not a date; write it as YYYY-MM-DD.") }
    }

    func run() async throws {
        try await withDatabase(database) { db in
            guard let target = try await DirectoryQueries(db).agency(id: agency) else { throw CommandFailure("agency \(agency) does not exist. See `hotlistwatch agencies list`.") }
            let law = try await target.stateCode.asyncMap { try await ReferenceQueries(db).stateRecordsLaw($0) } ?? nil
            let now = Date()
            // The same reading as the web form and the API: every problem named at once, the letter written for us.
            let fields = RequestFields(requesterName: requesterName, requesterEmail: requesterEmail, requesterAddress: requesterAddress, requesterState: requesterState,
                                       channel: channel, portalKind: portalKind, channelURL: url, residencyAcknowledged: true)
            let parsed = NewRequestParser.parse(fields, agency: target, law: law, today: CalendarDay.today(now), source: .commandLine)
            if !parsed.problems.isEmpty { throw InputProblems(parsed.problems) }
            let who = try await actor.actor(db)
            var request = try await RequestStore(db).createDraft(parsed.draft, by: who, now: now)
            if let filed {
                request = try await RequestStore(db).file(requestID: request.id, filedOn: CalendarDay(iso: filed)!, trackingNumber: tracking,
                                                          calculator: try await ReferenceQueries(db).deadlineCalculator(), by: who, now: now)
            }
            for warning in parsed.warnings { Console.note("warning: " + warning) }
            print("Request \(request.id) to \(request.agencyName): \(request.status.label)")
            if let due = request.dueOn { print("due \(due.iso) (\(request.dueBasis ?? ""))") } else if let followUp = request.followUpOn { print("no statutory due date; follow up on \(followUp.iso)") }
        }
    }
}

struct RequestsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List requests, newest first.")
    @Option(help: "Only this status.") var status: String?
    @Option(help: "Only agencies in this state.") var state: String?
    @Option(help: "Only this campaign's requests.") var campaign: Int?
    @Flag(help: "Print JSON (the API's shapes).") var json = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let status, RequestStatus(rawValue: status) == nil { throw ValidationError("--status \(status): use one of \(RequestStatus.allCases.map(\.rawValue).joined(separator: ", ")).") }
        if let state, USState.byCode(state) == nil { throw ValidationError("--state \(state) is not a U.S. state code.") }
    }

    func run() async throws {
        try await withDatabase(database) { db in
            let requests = try await RequestStore(db).list(RequestFilter(status: status.flatMap(RequestStatus.init(rawValue:)), stateCode: state.flatMap { USState.byCode($0)?.code },
                                                                          campaignID: campaign, limit: 10_000))
            let today = CalendarDay.today(Date())
            if json { try CommandJSON.print(try requests.map { try Components.Schemas.Request($0, today: today) }); return }
            if requests.isEmpty { print("No requests."); return }
            for request in requests {
                let date = request.dueOn.map { "due \($0.iso)" } ?? request.followUpOn.map { "follow up \($0.iso)" } ?? ""
                print([String(request.id), request.status.rawValue, request.stateCode ?? "–", request.agencyName, date, request.isOverdue(today: today) ? "OVERDUE" : ""]
                        .joined(separator: "\t"))
            }
        }
    }
}

struct RequestsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One request: letter, dates, log, fees, exemptions, history.")
    @Argument(help: "The request's id.") var id: Int
    @Flag(help: "Print JSON (the API's shape).") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            guard let detail = try await RequestStore(db).detail(id: id) else { throw CommandFailure("request \(id) does not exist. See `hotlistwatch requests list`.") }
            let today = CalendarDay.today(Date())
            if json { try CommandJSON.print(try Components.Schemas.RequestDetail(detail, today: today)); return }
            let request = detail.request
            print("Request \(request.id): \(request.agencyName) (\(request.stateCode ?? "state unknown")), \(request.status.label)")
            print("  channel: \(request.channel.label)\(request.channelURL.map { " " + $0 } ?? "")")
            if let filed = request.filedOn { print("  filed: \(filed.iso)") }
            if let due = request.dueOn { print("  due: \(due.iso)\(request.isOverdue(today: today) ? " (OVERDUE)" : "")") }
            if let followUp = request.followUpOn { print("  follow up: \(followUp.iso)") }
            if let basis = request.dueBasis { print("  basis: \(basis)") }
            if !request.trackingNumbers.isEmpty { print("  tracking: \(request.trackingNumbers.joined(separator: ", "))") }
            print("\nSubject: \(request.subject)\n\n\(request.letter)\n")
            for entry in detail.communications { print("  \(entry.occurredOn.iso) \(entry.direction.rawValue) \(entry.channel.rawValue): \(entry.subject)") }
            for fee in detail.fees { print("  fee \(fee.occurredOn.iso) \(fee.kind.rawValue) \(FeeEntry.dollars(fee.amountCents)) \(fee.note)") }
            for exemption in detail.exemptions { print("  exemption: \(exemption.citedText)\(exemption.libraryEntry.map { " [\($0.name)]" } ?? "")") }
            for change in detail.history { print("  \(change.occurredOn.iso) \(change.from?.rawValue ?? "–") → \(change.to.rawValue) \(change.note)") }
        }
    }
}

struct RequestsStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Move a request to a new status (only moves the lifecycle allows; `filed` computes the due date).",
        discussion: "Example: hotlistwatch requests status 12 denied --date 2026-03-12 --note \"denied by email\"")
    @Argument(help: "The request's id.") var id: Int
    @Argument(help: ArgumentHelp("The new status.", valueName: "status")) var status: String
    @Option(help: "The day it happened (YYYY-MM-DD, default today).") var date: String?
    @Option(help: "For filed: the day the agency received it, if later.") var received: String?
    @Option(help: "For filed: the agency's tracking number.") var tracking: String?
    @Option(help: "A note for the history.") var note = ""
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let newStatus: RequestStatus
        do { newStatus = try RequestStatus.parse(status) } catch { throw ValidationError(error.problems.map { "\($0.problem). \($0.hint)" }.joined(separator: " ")) }
        let day = try calendarDay(date, option: "--date", default: CalendarDay.today(Date()))
        let receivedDay = try received.map { try calendarDay($0, option: "--received", default: day) }
        try await withDatabase(database) { db in
            let store = RequestStore(db), who = try await actor.actor(db)
            let request: RecordsRequest
            if newStatus == .filed {
                request = try await store.file(requestID: id, filedOn: day, receivedOn: receivedDay, trackingNumber: tracking,
                                               calculator: try await ReferenceQueries(db).deadlineCalculator(), by: who, now: Date())
            } else {
                request = try await store.changeStatus(requestID: id, to: newStatus, on: day, note: note, by: who, now: Date())
            }
            print("Request \(request.id) is now \(request.status.label).\(request.status.awaitsAgency ? request.dueOn.map { " Due \($0.iso)." } ?? "" : "")")
        }
    }
}

struct RequestsLog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Add a letter, reply, call or note to a request's communications log.")
    @Argument(help: "The request's id.") var id: Int
    @Option(help: "incoming (from the agency) or outgoing.") var direction = "incoming"
    @Option(help: "email, portal, muckrock or postal.") var channel = "email"
    @Option(help: "The day it happened (YYYY-MM-DD, default today).") var date: String?
    @Option(help: "Subject or one-line summary.") var subject = ""
    @Option(help: "The text (or use --text-file).") var text: String?
    @Option(name: .customLong("text-file"), help: "Read the text from this file.") var textFile: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard Communication.Direction(rawValue: direction) != nil else { throw ValidationError("--direction \(direction): use incoming or outgoing.") }
        guard FilingChannel(rawValue: channel) != nil else { throw ValidationError("--channel \(channel): use email, portal, muckrock or postal.") }
        if text != nil && textFile != nil { throw ValidationError("give --text or --text-file, not both.") }
    }

    func run() async throws {
        let day = try calendarDay(date, option: "--date", default: CalendarDay.today(Date()))
        var body = text ?? ""
        if let textFile {
            guard let data = FileManager.default.contents(atPath: textFile), let decoded = String(data: data, encoding: .utf8) else {
                throw ValidationError("--text-file \(textFile) cannot be read as UTF-8 text.")
            }
            body = decoded
        }
        try await withDatabase(database) { db in
            let entry = try await RequestStore(db).log(requestID: id, direction: Communication.Direction(rawValue: direction)!, channel: FilingChannel(rawValue: channel)!,
                                                       on: day, subject: subject, text: body, by: try await actor.actor(db), now: Date())
            print("Logged \(entry.direction.rawValue) \(entry.channel.rawValue) on \(entry.occurredOn.iso) for request \(id).")
        }
    }
}

struct RequestsExtend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extend", abstract: "Record an extension the agency claimed; the due date moves.")
    @Argument(help: "The request's id.") var id: Int
    @Option(help: "Days of extension, in the law's own kind of days.") var days: Int
    @Option(help: "What the agency said.") var note = ""
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            let request = try await RequestStore(db).extend(requestID: id, byDays: days, note: note, calculator: try await ReferenceQueries(db).deadlineCalculator(),
                                                            by: try await actor.actor(db), now: Date())
            print("Request \(id) now due \(request.dueOn?.iso ?? "–") (\(request.dueBasis ?? "")).")
        }
    }
}

struct RequestsFee: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fee", abstract: "Add a line to a request's fee ledger (estimate, invoice, payment, waiver).")
    @Argument(help: "The request's id.") var id: Int
    @Option(help: "estimate, invoice, payment or waiver.") var kind: String
    @Option(help: "Amount in dollars, such as 25.00.") var amount: String
    @Option(help: "The day (YYYY-MM-DD, default today).") var date: String?
    @Option(help: "A note.") var note = ""
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard FeeEntry.Kind(rawValue: kind) != nil else { throw ValidationError("--kind \(kind): use estimate, invoice, payment or waiver.") }
        guard FeeAmount.cents(amount) != nil else { throw ValidationError("--amount \(amount) is not an amount; write dollars and cents such as 25.00.") }
    }

    func run() async throws {
        let day = try calendarDay(date, option: "--date", default: CalendarDay.today(Date()))
        try await withDatabase(database) { db in
            let fee = try await RequestStore(db).addFee(requestID: id, kind: FeeEntry.Kind(rawValue: kind)!, amountCents: FeeAmount.cents(amount)!, on: day, note: note,
                                                        by: try await actor.actor(db), now: Date())
            print("Request \(id): \(fee.kind.rawValue) \(FeeEntry.dollars(fee.amountCents)) on \(fee.occurredOn.iso).")
        }
    }
}

struct RequestsExemption: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exemption", abstract: "Record an exemption the agency cited.",
        discussion: "Library: " + ExemptionLibrary.all.map { "\($0.id) (\($0.name))" }.joined(separator: ", "))
    @Argument(help: "The request's id.") var id: Int
    @Option(help: "The agency's words: statute and reason.") var cited: String
    @Option(help: "The library entry that fits, if any.") var library: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            let exemption = try await RequestStore(db).citeExemption(requestID: id, exemptionID: library, citedText: cited, by: try await actor.actor(db), now: Date())
            print("Request \(id): exemption recorded\(exemption.libraryEntry.map { " (\($0.name))" } ?? "").")
        }
    }
}

struct RequestsLetter: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter", abstract: "Print a follow-up (for an overdue request) or an appeal (for a denial) for a request.",
        discussion: "The appeal names the exemption the agency cited and answers it from the exemption library.")
    @Argument(help: "The request's id.") var id: Int
    @Argument(help: ArgumentHelp("follow-up or appeal.", valueName: "kind")) var kind: String
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard ["follow-up", "appeal"].contains(kind) else { throw ValidationError("the letter kind must be follow-up or appeal, not \(kind).") }
    }

    func run() async throws {
        try await withDatabase(database) { db in
            guard let detail = try await RequestStore(db).detail(id: id) else { throw CommandFailure("request \(id) does not exist.") }
            let letter = try await RequestLetters.compose(kind == "appeal" ? .appeal : .followUp, detail: detail, database: db, today: CalendarDay.today(Date()))
            for warning in letter.warnings { Console.note("warning: " + warning) }
            print("Subject: \(letter.subject)\n\n\(letter.body)")
        }
    }
}

struct RequestsExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write all requests as CSV: status, dates, days pending, tracking numbers, fees, exemptions.")
    @Option(help: "Write to this file instead of standard output.") var output: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            let text = try await RequestLetters.csv(db, today: CalendarDay.today(Date()))
            if let output {
                do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                    throw CommandFailure("cannot write \(output): \(error.localizedDescription)")
                }
                Console.note("Wrote \(output).")
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}

struct RequestsStats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "How agencies answer: median days to an answer, share answered, share denied.")
    @Option(help: "agency or state.") var by = "state"
    @OptionGroup var database: DatabaseOptions

    func validate() throws { guard RequestStatistics.Grouping(rawValue: by) != nil else { throw ValidationError("--by \(by): use agency or state.") } }

    func run() async throws {
        try await withDatabase(database) { db in
            let rows = try await RequestStore(db).statistics(by: RequestStatistics.Grouping(rawValue: by)!)
            if rows.isEmpty { print("No filed requests yet."); return }
            print(["", "FILED", "ANSWERED", "DENIED", "MEDIAN DAYS"].joined(separator: "\t"))
            for row in rows {
                let answered = row.shareAnswered.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
                let denied = row.shareDenied.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
                print([row.label, String(row.filed), answered, denied, row.medianDaysToAnswer.map { String(format: "%.1f", $0) } ?? "–"].joined(separator: "\t"))
            }
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
