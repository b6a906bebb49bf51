import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore

struct CampaignsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "campaigns", abstract: "One request to many agencies, chosen by a directory filter.",
                                                    subcommands: [CampaignsNew.self, CampaignsList.self])
}

struct CampaignsNew: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a campaign: a draft request to every agency the filter matches, each under its state's law.",
        discussion: "Example: hotlistwatch campaigns new \"Nevada NCIC topics\" --state NV --alerts-ncic true --prohibits-immigration true --requester-name \"Vera V\" --requester-email vera@example.org")
    @Argument(help: "The campaign's name.") var name: String
    @Option(help: "What it is for.") var description = ""
    @Option(help: "Directory filter: state code.") var state: String?
    @Option(name: .customLong("alerts-ncic"), help: "Directory filter: true or false.") var alertsNCIC: String?
    @Option(name: .customLong("prohibits-immigration"), help: "Directory filter: true or false.") var prohibitsImmigration: String?
    @Option(help: "Directory filter: kind of agency.") var kind: String?
    @Option(help: "Directory filter: false = only agencies no record has answered yet (ask first).") var answered: String?
    @Option(help: "Directory filter: text in the name.") var search: String?
    @Option(name: .customLong("requester-name"), help: "Who signs the letters.") var requesterName: String
    @Option(name: .customLong("requester-email"), help: "Where agencies should reply.") var requesterEmail: String
    @Option(name: .customLong("requester-state"), help: "The requester's state (residency-limited states).") var requesterState: String?
    @Option(name: .customLong("template-subject"), help: "Your own subject line (with --template-file).") var templateSubject: String?
    @Option(name: .customLong("template-file"), help: "Your own letter body, with {{variables}} (see `requests letter --help`).") var templateFile: String?
    @Option(name: .customLong("in-state-requester"), help: "For a residents-only state: STATE=NAME <EMAIL>, e.g. VA=\"Rita R <rita@example.org>\". Without one, that state's agencies are skipped. Repeatable.")
    var inStateRequesters: [String] = []
    @Flag(name: .customLong("include-open"), help: "Also agencies that already have an open request (skipped by default).") var includeOpen = false
    @Flag(name: .customLong("include-answered"), help: "Also agencies that records already answered (skipped by default).") var includeAnswered = false
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    /// "VA=Rita R <rita@example.org>" → ("VA", Rita).
    static func parseInStateRequester(_ text: String) throws -> (String, Requester) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let state = USState.byCode(parts[0].trimmingCharacters(in: .whitespaces)),
              let open = parts[1].lastIndex(of: "<"), let close = parts[1].lastIndex(of: ">"), open < close else {
            throw ValidationError("--in-state-requester \"\(text)\": write it as STATE=NAME <EMAIL>, e.g. VA=\"Rita R <rita@example.org>\".")
        }
        let name = parts[1][..<open].trimmingCharacters(in: .whitespaces), email = parts[1][parts[1].index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        return (state.code, Requester(name: name, email: email, stateCode: state.code))
    }

    func run() async throws {
        let inState = Dictionary(try inStateRequesters.map(Self.parseInStateRequester), uniquingKeysWith: { _, last in last })
        var parameters: [String: String] = [:]
        parameters["state"] = state; parameters["alerts_ncic"] = alertsNCIC; parameters["prohibits_immigration"] = prohibitsImmigration
        parameters["kind"] = kind; parameters["q"] = search; parameters["answered"] = answered
        let filter: AgencyFilter
        do { filter = try AgencyFilter.parse(parameters) } catch {
            throw ValidationError(error.problems.map { "--\($0.field?.replacingOccurrences(of: "_", with: "-") ?? "filter"): \($0.problem). \($0.hint)" }.joined(separator: "\n"))
        }
        var template: LetterTemplate?
        if let templateFile {
            guard let data = FileManager.default.contents(atPath: templateFile), let body = String(data: data, encoding: .utf8) else {
                throw ValidationError("--template-file \(templateFile) cannot be read as UTF-8 text.")
            }
            template = LetterTemplate(name: templateFile, subject: templateSubject ?? StandardLetters.initialRequest.subject, body: body)
        }
        try await withDatabase(database) { db in
            let created = try await CampaignStore(db).create(name: name, description: description, filter: filter, template: template,
                                                             requester: Requester(name: requesterName, email: requesterEmail, stateCode: requesterState.flatMap { USState.byCode($0)?.code }),
                                                             inStateRequesters: inState, includeOpen: includeOpen, includeAnswered: includeAnswered,
                                                             today: CalendarDay.today(Date()), by: try await actor.actor(db), now: Date())
            print("Campaign \(created.campaign.id) \"\(created.campaign.name)\": \(created.requests.count) draft request\(created.requests.count == 1 ? "" : "s") (filter: \(created.campaign.agencyFilter)).")
            for skipped in created.skipped { Console.note("skipped: " + skipped) }
            for warning in created.warnings { Console.note("warning: " + warning) }
        }
    }
}

struct CampaignsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List campaigns.")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            let campaigns = try await CampaignStore(db).campaigns()
            if campaigns.isEmpty { print("No campaigns."); return }
            for campaign in campaigns { print("\(campaign.id)\t\(campaign.name)\t\(campaign.agencyFilter)") }
        }
    }
}
