import ArgumentParser
import Foundation
import HotlistCore

@main
struct HotlistWatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hotlistwatch",
        abstract: "Find out whether your local police scan license plates for ICE, and prove it.",
        discussion: """
        Data lives in ./hotlistwatch.sqlite unless --database PATH or --database-url postgres://… (or DATABASE_URL) says otherwise.
        Start here: hotlistwatch serve --demo
        First admin: hotlistwatch users add you@example.org --role admin
        """,
        subcommands: [ServeCommand.self, MigrateCommand.self, ImportCommand.self, AgenciesCommand.self, LawsCommand.self, DeadlineCommand.self, ContradictionsCommand.self, ContractsCommand.self, EvidenceCommand.self, FindingsCommand.self, StatementsCommand.self, RequestsCommand.self, CampaignsCommand.self, DueCommand.self, UsersCommand.self, AuditCommand.self, AuditLogCommand.self, HitLogCommand.self, SourcesCommand.self, BackupCommand.self, RestoreCommand.self, PublishCommand.self, PackageCommand.self, BriefCommand.self]
    )

    /// Exit codes: 64 ("Error:", with the usage of the command that was run) when the command line
    /// cannot be taken: an unknown option, a missing argument, a value the command refuses; 1
    /// ("error:") for everything else: bad input files, records not found, refused changes.
    /// ArgumentParser's own `main` prints the top-level usage for a refusal raised while running a
    /// subcommand; this one prints that subcommand's.
    static func main() async {
        var parsed: (any ParsableCommand)?
        do {
            var command = try parseAsRoot()
            parsed = command
            if var asyncCommand = command as? any AsyncParsableCommand { try await asyncCommand.run() } else { try command.run() }
        } catch let error as ValidationError {
            guard let command = parsed else { exit(withError: error) }
            FileHandle.standardError.write(Data("Error: \(error.message)\nUsage: \(usageString(for: type(of: command)))\n  See '\(helpCommandLine(for: type(of: command)))' for more.\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch let failure as CommandFailure {
            // Commands that never open the database (a plain audit-log scan) end here, not in withDatabase.
            Console.error(failure.description)
            Foundation.exit(1)
        } catch let problems as InputProblems {
            Console.error("Fix these and run again:\n" + problems.description)
            Foundation.exit(1)
        } catch let problem as InputProblem {
            Console.error(problem.description)
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }

    /// "hotlistwatch requests status --help".
    static func helpCommandLine(for command: any ParsableCommand.Type) -> String {
        var names: [String] = []
        var current: (any ParsableCommand.Type)? = command
        while let type = current, type != HotlistWatchCommand.self {
            names.insert(type.configuration.commandName ?? "", at: 0)
            current = parent(of: type, in: HotlistWatchCommand.self)
        }
        return (["hotlistwatch"] + names + ["--help"]).joined(separator: " ")
    }

    private static func parent(of child: any ParsableCommand.Type, in root: any ParsableCommand.Type) -> (any ParsableCommand.Type)? {
        for sub in root.configuration.subcommands {
            if sub == child { return root }
            if let found = parent(of: child, in: sub) { return found }
        }
        return nil
    }
}
