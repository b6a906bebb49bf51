import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore

struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sources", abstract: "How well the reference data is sourced.",
                                                    subcommands: [SourcesCheck.self])
}

struct SourcesCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Per reference file: rows by the best class of their sources (official, reputable secondary, other), and the rows resting on other sources only.",
        discussion: "Exits 1 when a row graded high rests on other sources only. Classes come from source_classes.csv in the reference folder.")
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let check = try ReferenceSourceCheck.run()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(check), as: UTF8.self))
        } else {
            print("file                              rows  official  reputable  other   high/medium/low")
            for file in check.files {
                let grades = "\(file.byGrade["high"] ?? 0)/\(file.byGrade["medium"] ?? 0)/\(file.byGrade["low"] ?? 0)"
                print("\(file.file.padding(toLength: 32, withPad: " ", startingAt: 0))  \(pad(file.rows, 4))  \(pad(file.official, 8))  \(pad(file.reputable, 9))  \(pad(file.other, 5))   \(grades)")
            }
            let total = check.files.reduce(0) { $0 + $1.rows }
            print("\(check.otherRows.count) of \(total) rows rest on other sources only; \(check.violations.count) of them graded high.")
            for row in check.otherRows {
                print("  other: \(row.file) \(row.row) [\(row.confidence.rawValue)]")
            }
        }
        if !check.violations.isEmpty {
            for row in check.violations { Console.error("\(row.file): \(row.row) is graded high but its best source is \"other\" (\(row.sources)). Find an official or reputable source, or lower the grade.") }
            throw ExitCode(1)
        }
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
