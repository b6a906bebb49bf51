import ArgumentParser
import Foundation
import HotlistAPI
import HotlistCore
import HotlistStore
import HotlistWeb

struct DueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "due", abstract: "Requests that are overdue, or due in the next days, soonest first.")
    @Option(help: "Look this many days ahead.") var within = 7
    @Option(help: "Only requests created by this person (email).") var person: String?
    @Option(help: "Only this campaign's requests.") var campaign: Int?
    @Flag(help: "Print JSON (the API's shapes).") var json = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws { guard (0...365).contains(within) else { throw ValidationError("--within must be between 0 and 365 days.") } }

    func run() async throws {
        try await withDatabase(database) { db in
            let today = CalendarDay.today(Date())
            let personID = try await person.asyncMap { try await requireAccount(db, $0).id }
            let requests = try await RequestStore(db).due(today: today, withinDays: within, createdBy: personID, campaignID: campaign)
            if json { try CommandJSON.print(try requests.map { try Components.Schemas.Request($0, today: today) }); return }
            if requests.isEmpty { print("Nothing overdue or due in the next \(within) days."); return }
            for request in requests {
                let date = request.actionDate!
                let when = request.isOverdue(today: today) ? "OVERDUE since \(date.iso) (\(today.ordinal - date.ordinal) days)" : "due \(date.iso)"
                print("\(request.id)\t\(when)\t\(request.agencyName) (\(request.stateCode ?? "–"))\t\(request.status.label)")
            }
        }
    }
}
