import ArgumentParser
import Foundation
import HotlistAPI
import HotlistCore
import HotlistStore
import HotlistWeb

struct AgenciesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agencies", abstract: "List, show and review agencies in the directory.",
        subcommands: [AgenciesList.self, AgenciesShow.self, AgenciesUnresolved.self, AgenciesSetContact.self])
}

/// --json output: the API's own shapes (generated from HotlistAPI/openapi.yaml), so scripts can use either.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

struct AgenciesList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List agencies, filtered and sorted as on the web directory.")

    @Option(name: .customLong("search"), help: "Text the name contains.") var text: String?
    @Option(help: "Two-letter state code.") var state: String?
    @Option(help: "Kind: \(AgencyKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: String?
    @Option(name: .customLong("alerts-ncic"), help: "true or false.") var alertsNCIC: String?
    @Option(name: .customLong("prohibits-immigration"), help: "true or false.") var prohibitsImmigration: String?
    @Option(name: .customLong("has-portal"), help: "true or false.") var hasPortal: String?
    @Option(help: "true: records already answered (a verified finding or a report); false: not yet.") var answered: String?
    @Option(help: "Sort: \(AgencySort.allCases.map(\.rawValue).joined(separator: ", ")).") var sort: String?
    @Option(help: "Page number.") var page: String?
    @Option(name: .customLong("per-page"), help: "Rows per page (1-200).") var perPage: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        var parameters: [String: String] = [:]
        for (name, value) in [("q", text), ("state", state), ("kind", kind), ("alerts_ncic", alertsNCIC), ("prohibits_immigration", prohibitsImmigration),
                              ("has_portal", hasPortal), ("answered", answered), ("sort", sort), ("page", page), ("per_page", perPage)] {
            if let value { parameters[name] = value }
        }
        let filter: AgencyFilter
        do { filter = try AgencyFilter.parse(parameters) } catch {
            // Name the command-line option, not the web parameter; a value the filter refuses is a usage error.
            throw ValidationError(error.problems.map { "--\(($0.field == "q" ? "search" : $0.field ?? "").replacingOccurrences(of: "_", with: "-")): \($0.problem). \($0.hint)" }.joined(separator: "\n"))
        }
        try await withDatabase(database) { db in
            let result = try await DirectoryQueries(db).list(filter)
            if json { try JSONOutput.print(try Components.Schemas.AgencyList(result, filter: filter, now: Date())); return }
            print("\(result.total) agencies (page \(result.page) of \(result.pageCount))")
            for item in result.items {
                let state = item.stateCode ?? "--"
                print("\(String(item.id).padding(toLength: 6, withPad: " ", startingAt: 0)) \(state)  P\(item.priority.tier.rawValue)  \(item.signals.alertsNCIC.label.padding(toLength: 16, withPad: " ", startingAt: 0))  \(item.name)")
            }
        }
    }
}

struct AgenciesShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one agency: portal data, sharing, state law.")

    @Argument(help: "The agency's id (from `agencies list`).") var id: Int
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            guard let detail = try await DirectoryQueries(db).detail(id: id) else {
                Console.error("no agency with id \(id). Find ids with `hotlistwatch agencies list --search NAME`.")
                throw ExitCode(1)
            }
            if json { try JSONOutput.print(try Components.Schemas.AgencyDetail(detail, now: Date())); return }
            let agency = detail.agency
            print(agency.name)
            print("  state: \(agency.stateCode ?? "unresolved (\(agency.unresolvedReason ?? ""))")   kind: \(agency.kind.label)")
            if let url = agency.flockPortalURL { print("  portal: \(url)") }
            print("  \(detail.signals.alertsNCIC.label)\(detail.signals.ncicEvidence.map { " (\"\($0)\")" } ?? "")")
            print("  \(detail.signals.immigrationPolicy.label)\(detail.signals.immigrationEvidence.map { " (\"\($0)\")" } ?? "")")
            print("  priority \(detail.priority.tier.rawValue): \(detail.priority.tier.title)")
            for reason in detail.priority.reasons { print("    - \(reason)") }
            if let latest = detail.snapshots.first(where: { $0.hotlistsRaw != nil }) { print("  hotlists: \(latest.hotlists.lists.joined(separator: "; "))") }
            print("  can search its data: \(detail.sharesWith.count); it can search: \(detail.receivesFrom.count)")
            if let law = detail.recordsLaw { print("  records law: \(law.lawName), \(law.citation); \(law.deadlineSummary) (confidence \(law.confidence.rawValue))") }
            print("  snapshots: \(detail.snapshots.count); source: \(PrivateEyesDataset.credit)")
        }
    }
}

struct AgenciesUnresolved: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unresolved", abstract: "List agencies whose state could not be read from the name, for review.")
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    struct Item: Encodable { var id: Int?; var name: String; var reason: String }

    func run() async throws {
        try await withDatabase(database) { db in
            let items = try await DirectoryQueries(db).unresolved()
            if json { try JSONOutput.print(items.map { Item(id: $0.agency.id, name: $0.agency.name, reason: $0.reason) }); return }
            print("\(items.count) agencies need a state (fix them with `hotlistwatch import agencies FILE.csv` giving name and state)")
            for item in items { print("\(String(item.agency.id ?? 0).padding(toLength: 6, withPad: " ", startingAt: 0)) \(item.agency.name)  — \(item.reason)") }
        }
    }
}
