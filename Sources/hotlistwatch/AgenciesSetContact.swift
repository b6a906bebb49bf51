import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore

struct AgenciesSetContact: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-contact", abstract: "Correct where an agency takes records requests (recorded in the audit trail).",
        discussion: "Both values are replaced: an option left out clears that value. Example: hotlistwatch agencies set-contact 42 --email records@city.example.gov --as you@example.org")

    @Argument(help: ArgumentHelp("The agency's id (see `agencies list`).", valueName: "id")) var id: Int
    @Option(help: ArgumentHelp("Records email.", valueName: "email")) var email: String?
    @Option(name: .customLong("portal-url"), help: ArgumentHelp("Records portal address (https://…).", valueName: "url")) var portalURL: String?
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let contact: RecordsContact
        do { contact = try RecordsContact.validated(email: email, portalURL: portalURL) } catch let problems as InputProblems {
            Console.error("nothing was changed. " + problems.problems.map { "--\($0.field == "portal_url" ? "portal-url" : ($0.field ?? "")): \($0.problem). \($0.hint)" }.joined(separator: "\n"))
            throw ExitCode(1)
        }
        try await withDatabase(database) { db in
            let before = try await RecordsContactEditor(db).replace(agencyID: id, with: contact, by: try await actor.actor(db), now: Date())
            if before == contact { print("Agency \(id): records contact unchanged.") } else {
                print("Agency \(id): records email \(contact.email ?? "none"), portal \(contact.portalURL ?? "none") (was \(before.email ?? "none"), \(before.portalURL ?? "none")).")
            }
        }
    }
}
