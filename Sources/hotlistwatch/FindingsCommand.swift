import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore
import HotlistWeb

struct FindingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings", abstract: "What records show about agencies' hotlist topics: enter, correct, verify (by a second person), list.",
        subcommands: [FindingsAdd.self, FindingsCorrect.self, FindingsVerify.self, FindingsList.self, FindingsShow.self])
}

/// The options that describe one version of a finding.
struct FindingOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Day the record shows the settings as they were (YYYY-MM-DD).") var asOf: String
    @Option(name: .customLong("evidence"), parsing: .singleValue, help: "Evidence id the finding rests on (repeat for several).") var evidence: [Int] = []
    @Option(name: .customLong("topic"), parsing: .singleValue, help: ArgumentHelp("A topic and what the record shows: immigration_violator=enabled (repeat). Settings: enabled, disabled, not_shown. Keys: \(FindingTopicKeys.list).", valueName: "key=setting"))
    var topics: [String] = []
    @Option(name: .customLong("other-hotlist"), parsing: .singleValue, help: "Another hotlist the record names (repeat).") var otherHotlists: [String] = []
    @Option(help: "Where in the file, anything a reviewer should check.") var note = ""

    func validate() throws {
        guard CalendarDay(iso: asOf) != nil else { throw ValidationError("--as-of \(asOf) is not a date; use YYYY-MM-DD.") }
        for topic in topics where !topic.contains("=") { throw ValidationError("--topic \(topic): write key=setting, for example immigration_violator=enabled.") }
        for topic in topics {
            let parts = topic.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            do { _ = try TopicSetting.parse(parts.count > 1 ? parts[1] : "", field: "--topic \(parts[0])") } catch {
                throw ValidationError("--topic \(topic): \(error.problems.map { "\($0.problem). \($0.hint)" }.joined(separator: " "))")
            }
        }
    }

    func draft(agencyID: Int) throws -> FindingDraft {
        var settings: [String: TopicSetting] = [:]
        for topic in topics {
            let parts = topic.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            settings[parts[0]] = try TopicSetting.parse(parts.count > 1 ? parts[1] : "", field: "--topic \(parts[0])")
        }
        return FindingDraft(agencyID: agencyID, asOf: CalendarDay(iso: asOf), topics: settings, otherHotlists: otherHotlists, note: note, evidenceIDs: evidence)
    }
}

func printFinding(_ version: FindingVersion) {
    print("Finding #\(version.findingID) version \(version.version), agency \(version.agencyID), records as of \(version.asOf.iso): Immigration Violator \(version.immigrationViolator.label).")
    for key in version.topics.keys.sorted() { print("    \(key): \(version.topics[key]!.label)") }
    if !version.otherHotlists.isEmpty { print("    other hotlists: \(version.otherHotlists.joined(separator: "; "))") }
    print("    evidence: \(version.evidenceIDs.map { "#\($0)" }.joined(separator: ", "))")
    print("    entered by \(version.enteredByLabel) at \(TimestampParser.iso8601(version.enteredAt)); " +
          (version.verifiedAt.map { "verified by \(version.verifiedByLabel ?? "") at \(TimestampParser.iso8601($0))" } ?? "NOT verified yet (not public)"))
}

struct FindingsAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Enter a finding (private until another person verifies it).",
                                                    discussion: "Example: hotlistwatch findings add --agency 12 --as-of 2026-10-01 --evidence 3 --topic immigration_violator=enabled --as you@example.org")
    @Option(help: "Agency id.") var agency: Int
    @OptionGroup var finding: FindingOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws { if actor.actingAs == nil { throw ValidationError("Give --as EMAIL: the person entering the finding (someone else verifies it).") } }

    func run() async throws {
        try await withDatabase(database) { db in
            let version = try await FindingStore(db).add(try finding.draft(agencyID: agency), by: try await actor.actor(db), now: Date())
            printFinding(version)
            print("Another person with the reviewer role verifies it with: hotlistwatch findings verify \(version.findingID) --as THEIR-EMAIL")
        }
    }
}

struct FindingsCorrect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "correct", abstract: "Correct a finding: a new version (the history stays), to be verified again.")
    @Argument(help: "Finding id.") var findingID: Int
    @OptionGroup var finding: FindingOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws { if actor.actingAs == nil { throw ValidationError("Give --as EMAIL: the person entering the correction (someone else verifies it).") } }

    func run() async throws {
        try await withDatabase(database) { db in
            guard let latest = try await FindingStore(db).history(findingID: findingID).last else { throw CommandFailure("there is no finding \(findingID); see `findings list`.") }
            printFinding(try await FindingStore(db).correct(findingID: findingID, try finding.draft(agencyID: latest.agencyID), by: try await actor.actor(db), now: Date()))
        }
    }
}

struct FindingsVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify someone else's finding (reviewers and admins), making it public.")
    @Argument(help: "Finding id.") var findingID: Int
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if actor.actingAs == nil { throw ValidationError("Give --as EMAIL: the reviewer who checked the finding against its evidence (not the person who entered it).") }
    }

    func run() async throws {
        try await withDatabase(database) { db in
            let actor = try await actor.actor(db)
            guard let userID = actor.userID, let reviewer = try await AccountStore(db).user(id: userID) else { throw CommandFailure("--as: no such account.") }
            printFinding(try await FindingStore(db).verify(findingID: findingID, reviewer: reviewer, by: actor, now: Date()))
        }
    }
}

struct FindingsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List findings (the newest version of each).")
    @Option(help: "Only this agency's findings.") var agency: Int?
    @Flag(help: "Only findings waiting for verification (the reviewer queue).") var unverified = false
    @Flag(help: "Only verified findings (what is public).") var verified = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws { if unverified && verified { throw ValidationError("--unverified and --verified exclude each other.") } }

    func run() async throws {
        try await withDatabase(database) { db in
            let store = FindingStore(db)
            var items = verified ? try await store.verified(agencyID: agency) : try await store.latest(agencyID: agency)
            if unverified { items = items.filter { !$0.isVerified } }
            if json {
                try CommandJSON.print(items.map { version in
                    ["finding_id": String(version.findingID), "version": String(version.version), "agency_id": String(version.agencyID), "as_of": version.asOf.iso,
                     "immigration_violator": version.immigrationViolator.rawValue, "verified": version.isVerified ? "yes" : "no",
                     "evidence": version.evidenceIDs.map(String.init).joined(separator: ",")]
                })
                return
            }
            if items.isEmpty { print(unverified ? "No findings waiting for verification." : "No findings."); return }
            for version in items {
                print("#\(version.findingID) v\(version.version)  agency \(version.agencyID)  as of \(version.asOf.iso)  Immigration Violator \(version.immigrationViolator.rawValue)  \(version.isVerified ? "verified" : "UNVERIFIED")  evidence \(version.evidenceIDs.map { "#\($0)" }.joined(separator: ","))")
            }
            print("\(items.count) finding\(items.count == 1 ? "" : "s").")
        }
    }
}

struct FindingsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show every version of a finding.")
    @Argument(help: "Finding id.") var findingID: Int
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            let history = try await FindingStore(db).history(findingID: findingID)
            if history.isEmpty { throw CommandFailure("there is no finding \(findingID); see `findings list`.") }
            history.forEach(printFinding)
        }
    }
}

struct StatementsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "statements", abstract: "Agencies' public statements and policies on ALPRs and immigration: record, verify, list.",
                                                    subcommands: [StatementsAdd.self, StatementsVerify.self, StatementsList.self])
}

struct StatementsAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a statement or policy (private until another person verifies it).")
    @Option(help: "Agency id.") var agency: Int
    @Option(help: "statement or policy.") var kind = "statement"
    @Option(help: "The words, quoted.") var text: String
    @Option(help: "Who said it (or the policy's title).") var speaker: String
    @Option(help: "When (YYYY-MM-DD).") var date: String
    @Option(name: .customLong("source-url"), help: "Where it was published.") var sourceURL: String?
    @Option(help: "Evidence id of the document.") var evidence: Int?
    @Flag(name: .customLong("denies-immigration-use"), help: "It says ALPR data is not (or must not be) used for immigration enforcement.") var denies = false
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if actor.actingAs == nil { throw ValidationError("Give --as EMAIL: the person recording the statement (someone else verifies it).") }
        guard AgencyStatement.Kind(rawValue: kind) != nil else { throw ValidationError("--kind \(kind): use statement or policy.") }
        guard CalendarDay(iso: date) != nil else { throw ValidationError("--date \(date) is not a date; use YYYY-MM-DD.") }
    }

    func run() async throws {
        try await withDatabase(database) { db in
            let statement = try await StatementStore(db).add(agencyID: agency, kind: AgencyStatement.Kind(rawValue: kind)!, text: text, speaker: speaker, saidOn: CalendarDay(iso: date),
                                                             sourceURL: sourceURL, evidenceID: evidence, deniesImmigrationUse: denies, by: try await actor.actor(db), now: Date())
            print("Recorded statement #\(statement.id) (not public until verified): hotlistwatch statements verify \(statement.id) --as REVIEWER-EMAIL")
        }
    }
}

struct StatementsVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify someone else's statement (reviewers and admins).")
    @Argument(help: "Statement id.") var statementID: Int
    @OptionGroup var actor: ActorOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws { if actor.actingAs == nil { throw ValidationError("Give --as EMAIL: the reviewer who checked it against its source.") } }

    func run() async throws {
        try await withDatabase(database) { db in
            let actor = try await actor.actor(db)
            guard let userID = actor.userID, let reviewer = try await AccountStore(db).user(id: userID) else { throw CommandFailure("--as: no such account.") }
            let statement = try await StatementStore(db).verify(statementID: statementID, reviewer: reviewer, by: actor, now: Date())
            print("Verified statement #\(statement.id); it is now public.")
        }
    }
}

struct StatementsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List recorded statements and policies.")
    @Option(help: "Only this agency's.") var agency: Int?
    @Flag(help: "Only verified ones (what is public).") var verified = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await withDatabase(database) { db in
            let items = try await StatementStore(db).list(agencyID: agency, verifiedOnly: verified)
            if items.isEmpty { print("No statements."); return }
            for item in items {
                print("#\(item.id)  agency \(item.agencyID)  \(item.kind.rawValue)  \(item.saidOn.iso)  \(item.speaker): “\(item.text)”  \(item.isVerified ? "verified" : "UNVERIFIED")\(item.deniesImmigrationUse ? "  [denies immigration use]" : "")")
            }
        }
    }
}

/// The topic keys `--topic` takes, from the bundled reference data, for `--help`.
enum FindingTopicKeys {
    static let list: String = ((try? BundledReferenceData.ncicTopics()) ?? []).map(\.key).joined(separator: ", ")
}
