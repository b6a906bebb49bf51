import HotlistCore
import HotlistStore
import Vapor

/// How the people behind a piece of work are named to whoever is looking. The stored label is the
/// person's email (the audit trail's); emails are shown only to the person themselves and to admins.
/// Other volunteers and reviewers see the display name and role, which is all they need to know
/// who to ask.
struct PeopleLabels: Sendable {
    let viewer: Viewer?
    let people: [Int: UserAccount]

    static func load(_ request: Request) async throws -> PeopleLabels {
        let everyone = try await AccountStore(request.database).users()
        return PeopleLabels(viewer: request.viewer, people: Dictionary(everyone.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    func label(_ id: Int?, _ stored: String) -> String {
        let seesEmails = viewer?.account.role == .admin
        guard let id, let person = people[id] else {
            // Work done at the command line without --as carries the operator's system account.
            return seesEmails ? stored : (stored.hasPrefix("cli:") || stored == "system" ? "an operator" : "someone")
        }
        if seesEmails || viewer?.account.id == id { return "\(person.displayName) (\(person.email))" }
        return "\(person.displayName) (\(person.role.rawValue))"
    }

    func shown(_ versions: [FindingVersion]) -> [FindingVersion] {
        versions.map { version in
            var version = version
            version.enteredByLabel = label(version.enteredByID, version.enteredByLabel)
            if let verifier = version.verifiedByLabel { version.verifiedByLabel = label(version.verifiedByID, verifier) }
            return version
        }
    }

    func shown(_ statements: [AgencyStatement]) -> [AgencyStatement] {
        statements.map { statement in
            var statement = statement
            statement.enteredByLabel = label(statement.enteredByID, statement.enteredByLabel)
            if let verifier = statement.verifiedByLabel { statement.verifiedByLabel = label(statement.verifiedByID, verifier) }
            return statement
        }
    }

    func shown(_ logs: [SearchAuditLog]) -> [SearchAuditLog] {
        logs.map { log in
            var log = log
            log.scannedByLabel = label(log.scannedByID, log.scannedByLabel)
            return log
        }
    }

    func shown(_ file: EvidenceFile) -> EvidenceFile {
        var file = file
        file.uploaderLabel = label(file.uploaderID, file.uploaderLabel)
        return file
    }
}
