import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore

struct DeadlineCommand: AsyncParsableCommand, CreatesTheDatabase {
    static let configuration = CommandConfiguration(
        commandName: "deadline", abstract: "When must an agency answer? The statutory due date for a request, and how it was counted.",
        discussion: """
        Counts from the day after receipt: business days skip weekends and federal and state holidays; a calendar-day \
        deadline that lands on a closed day moves to the next business day only where the state's law says so. States \
        with "promptly" or no deadline get no due date ("due": null) and a follow-up date instead.
        Example: hotlistwatch deadline --state NV --received 2026-03-02
        """)

    @Option(help: ArgumentHelp("Two-letter state code of the agency.", valueName: "XX")) var state: String
    @Option(help: ArgumentHelp("The day the agency received the request, YYYY-MM-DD.", valueName: "date")) var received: String
    @Option(help: ArgumentHelp("Days of extension the agency claimed (in the law's own kind of days).", valueName: "days")) var extensionDays = 0
    @Option(name: .customLong("follow-up-days"), help: "Business days to the follow-up date where the law sets no number of days.") var followUpDays = 10
    @Flag(help: "Print JSON: {\"state\", \"received\", \"due\", \"basis\", …}.") var json = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard USState.byCode(state) != nil else { throw ValidationError("--state \(state) is not a U.S. state code; use two letters such as NV or DC.") }
        guard CalendarDay(iso: received) != nil else { throw ValidationError("--received \(received) is not a date; write it as YYYY-MM-DD, for example 2026-03-02.") }
        guard (1...90).contains(followUpDays) else { throw ValidationError("--follow-up-days must be between 1 and 90.") }
        guard (0...365).contains(extensionDays) else { throw ValidationError("--extension-days must be between 0 and 365.") }
    }

    struct Output: Encodable {
        var state: String
        var received: String
        var due: String?
        var followUp: String?
        var basis: String
        var skipped: [String]
        enum CodingKeys: String, CodingKey { case state, received, due, followUp = "follow_up", basis, skipped }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(state, forKey: .state)
            try container.encode(received, forKey: .received)
            try container.encode(due, forKey: .due) // null, not absent, where the law sets no days
            try container.encode(followUp, forKey: .followUp)
            try container.encode(basis, forKey: .basis)
            try container.encode(skipped, forKey: .skipped)
        }
    }

    func run() async throws {
        let code = USState.byCode(state)!.code
        let day = CalendarDay(iso: received)!
        try await withDatabase(database) { db in
            guard let law = try await ReferenceQueries(db).stateRecordsLaw(code) else {
                throw CommandFailure("no records-law reference row for \(code).")
            }
            let deadline = try await ReferenceQueries(db).deadlineCalculator(followUpBusinessDays: followUpDays).deadline(law: law, received: day, extensionDays: extensionDays)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let output = Output(state: code, received: day.iso, due: deadline.due?.iso, followUp: deadline.followUp?.iso, basis: deadline.basis, skipped: deadline.skipped)
                print(String(decoding: try encoder.encode(output), as: UTF8.self))
                return
            }
            if let due = deadline.due { print(due.iso) } else { print("no statutory due date; follow up on \(deadline.followUp?.iso ?? "?")") }
            print(deadline.basis)
            if !deadline.skipped.isEmpty { print("skipped: " + deadline.skipped.joined(separator: "; ")) }
        }
    }
}
