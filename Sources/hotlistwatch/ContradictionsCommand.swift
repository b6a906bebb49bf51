import ArgumentParser
import Foundation
import HotlistAPI
import HotlistCore
import HotlistStore
import HotlistWeb

struct ContradictionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "contradictions", abstract: "Where what agencies do contradicts their own policy, their statements or state law.",
                                                    subcommands: [ContradictionsList.self])
}

struct ContradictionsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List contradictions, with their explanation and citations.",
        discussion: "Rules: " + ContradictionRule.allCases.map { "\($0.rawValue) \($0.title)" }.joined(separator: "; ") + ".")
    @Option(help: "Only this rule (1-8).") var rule: Int?
    @Option(help: "Only agencies in this state.") var state: String?
    @Flag(help: "Print JSON (the API's shapes).") var json = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let rule, ContradictionRule(rawValue: rule) == nil { throw ValidationError("--rule \(rule): use a rule number from 1 to \(ContradictionRule.allCases.count).") }
        if let state, USState.byCode(state) == nil { throw ValidationError("--state \(state) is not a U.S. state code.") }
    }

    func run() async throws {
        try await withDatabase(database) { db in
            let found = try await ContradictionQueries(db).contradictions(rule: rule.flatMap(ContradictionRule.init(rawValue:)), stateCode: state.flatMap { USState.byCode($0)?.code })
            if json { try CommandJSON.print(try found.map(Components.Schemas.Contradiction.init)); return }
            if found.isEmpty { print("No contradictions."); return }
            for item in found {
                print("[\(item.rule.id)] \(item.agencyName) (\(item.stateCode ?? "–")): \(item.explanation)")
                for citation in item.citations { print("    source: \(citation.text) — \(citation.source) (confidence \(citation.confidence.label))") }
            }
            print("\(found.count) contradiction\(found.count == 1 ? "" : "s").")
        }
    }
}
