import ArgumentParser

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
        subcommands: [ServeCommand.self, MigrateCommand.self, ImportCommand.self, AgenciesCommand.self, LawsCommand.self, DeadlineCommand.self, ContradictionsCommand.self, EvidenceCommand.self, FindingsCommand.self, StatementsCommand.self, RequestsCommand.self, CampaignsCommand.self, DueCommand.self, UsersCommand.self, AuditCommand.self, SourcesCommand.self]
    )
}
