import ArgumentParser
import Foundation
import HotlistAPI
import HotlistCore
import HotlistStore
import HotlistWeb

struct LawsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "laws", abstract: "State public-records and ALPR/immigration laws, with sources and confidence.",
                                                    subcommands: [LawsShow.self, LawsList.self])
}

struct LawsShow: AsyncParsableCommand, CreatesTheDatabase {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one state's laws.")
    @Argument(help: "Two-letter state code, e.g. NV.") var state: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard USState.byCode(state) != nil else { throw ValidationError("\"\(state)\" is not a U.S. state code; use two letters such as NV or DC.") }
    }

    func run() async throws {
        try await withDatabase(database) { db in
            let queries = ReferenceQueries(db)
            guard let law = try await queries.stateRecordsLaw(state) else {
                Console.error("no records law on file for \(state.uppercased())."); throw ExitCode(1)
            }
            let restrictions = try await queries.stateRestrictionLaws(state)
            if json { try JSONOutput.print(try Components.Schemas.StateDetail(law, restrictions: restrictions)); return }
            print("\(law.stateName): \(law.lawName)")
            print("  citation: \(law.citation)")
            print("  deadline: \(law.deadlineSummary)  [confidence \(law.confidence.rawValue)]")
            if !law.deadlineNote.isEmpty { print("  note: \(law.deadlineNote)") }
            print("  residents only: \(law.residency.rawValue)")
            print("  appeal: \(law.appealRouteText)\(law.appealRouteResearched ? "  (source: \(law.appealSource))" : "")")
            print("  sources: \(law.source)")
            if restrictions.isEmpty { print("No ALPR or immigration restriction law on file.") }
            for item in restrictions {
                print("\(item.lawName)  [confidence \(item.confidence.rawValue)]")
                print("  citation: \(item.citation)")
                print("  restricts: \(item.whatItRestricts)")
                print("  sources: \(item.source)")
            }
        }
    }
}

struct LawsList: AsyncParsableCommand, CreatesTheDatabase {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every state's records-law deadline.")
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            for law in try await ReferenceQueries(db).stateRecordsLaws() {
                print("\(law.stateCode)  \(law.deadlineSummary.padding(toLength: 30, withPad: " ", startingAt: 0))  \(law.confidence.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0))  \(law.citation)")
            }
        }
    }
}
