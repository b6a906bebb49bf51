import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore

struct ImportContracts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contracts",
        abstract: "Import ALPR contracts from a CSV file.",
        discussion: """
        Columns are matched by header name, in any order and case: \(ContractFile.columns.joined(separator: ", ")). \
        Each row names its agency by agency_id, or ori, or agency and state; vendor, source_url and source_title are required. \
        end_kind is renewal (default) or expiry; confidence is high, medium (default) or low. \
        Rows match stored contracts by agency, vendor and start date.
        """)

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv")) var file: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let contracts: ContractFile
        do { contracts = try ContractFile.read(path: file) } catch {
            Console.error("nothing was imported. Fix these and run again:\n" + error.description)
            throw ExitCode(1)
        }
        try await withDatabase(database) { db in
            let summary = try await ContractStore(db).importContracts(contracts, by: try await actor.actor(db), now: Date())
            print("Imported \(file) into \(db.configuration)")
            print(summary.description)
        }
    }
}

struct ImportOfficials: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "officials",
        abstract: "Import governing bodies and their public officials from a CSV file.",
        discussion: """
        Columns are matched by header name, in any order and case: \(OfficialFile.columns.joined(separator: ", ")). \
        Each row names its agency by agency_id, or ori, or agency and state, the governing body that controls its contract \
        (body_kind: \(GoverningBodyKind.allCases.map(\.rawValue).joined(separator: ", ")); body_name) and one official. \
        name, office, source_url and source_title are required. Rows match stored officials by agency, name and office.
        """)

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv")) var file: String
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let officials: OfficialFile
        do { officials = try OfficialFile.read(path: file) } catch {
            Console.error("nothing was imported. Fix these and run again:\n" + error.description)
            throw ExitCode(1)
        }
        try await withDatabase(database) { db in
            let summary = try await ContractStore(db).importOfficials(officials, by: try await actor.actor(db), now: Date())
            print("Imported \(file) into \(db.configuration)")
            print(summary.description)
        }
    }
}

struct ContractsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "contracts", abstract: "ALPR contracts and their renewals.",
                                                    subcommands: [ContractsList.self])
}

struct ContractsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List contracts, soonest renewal or expiry first.")
    @Option(name: .customLong("renewing-within"), help: ArgumentHelp("Only contracts renewing or expiring in the next DAYS days (1-730).", valueName: "DAYS"))
    var renewingWithin: Int?
    @Option(help: "Only agencies in this state (two-letter code).") var state: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let renewingWithin, !(1...730).contains(renewingWithin) { throw ValidationError("--renewing-within \(renewingWithin): use a number of days from 1 to 730.") }
        if let state, USState.byCode(state) == nil { throw ValidationError("--state \(state) is not a U.S. state code.") }
    }

    struct Item: Encodable {
        var id: Int
        var agency_id: Int
        var agency: String
        var state: String?
        var vendor: String
        var start_date: String?
        var term_months: Int?
        var end_date: String?
        var end_kind: String
        var days_left: Int?
        var amount_usd: String?
        var cameras: Int?
        var evidence_id: Int?
        var source_url: String
        var source_title: String
        var confidence: String
        var notes: String
    }

    func run() async throws {
        let today = CalendarDay.today(Date())
        try await withDatabase(database) { db in
            let found = try await ContractStore(db).list(stateCode: state.flatMap { USState.byCode($0)?.code }, renewingWithin: renewingWithin, today: today)
            let items = found.map { listing in
                let contract = listing.contract
                return Item(id: contract.id ?? 0, agency_id: contract.agencyID, agency: listing.agencyName, state: listing.stateCode, vendor: contract.vendor,
                            start_date: contract.startDate?.iso, term_months: contract.termMonths, end_date: contract.endDate?.iso, end_kind: contract.endKind.rawValue,
                            days_left: contract.daysLeft(today: today), amount_usd: contract.amountCents.map(ALPRContract.dollars), cameras: contract.cameraCount,
                            evidence_id: contract.evidenceID, source_url: contract.source.url, source_title: contract.source.title,
                            confidence: contract.confidence.rawValue, notes: contract.notes)
            }
            if json { try CommandJSON.print(items); return }
            if items.isEmpty { print("No contracts."); return }
            for item in items {
                let end = item.end_date.map { "\(item.end_kind == "expiry" ? "expires" : "renews") \($0)\(item.days_left.map { $0 >= 0 ? " (in \($0) days)" : "" } ?? "")" } ?? "no end date"
                print("#\(item.id) \(item.agency) (\(item.state ?? "–")): \(item.vendor), \(end)\(item.amount_usd.map { ", \($0)" } ?? "")\(item.cameras.map { ", \($0) cameras" } ?? "")")
                print("    source: \(item.source_title) — \(item.source_url) (confidence \(item.confidence))")
            }
            print("\(items.count) contract\(items.count == 1 ? "" : "s").")
        }
    }
}
