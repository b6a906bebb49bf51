import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Read the audit trail of every change to stored data.",
                                                    subcommands: [AuditExport.self])
}

struct AuditExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the audit trail as CSV (oldest first), to a file or standard output.",
        discussion: "Columns: \(AuditCSV.header.joined(separator: ", ")). before/after hold the changed entity's values as JSON.")

    @Option(help: ArgumentHelp("Write to this file instead of standard output (written whole, then renamed into place).", valueName: "file.csv")) var output: String?
    @Option(help: ArgumentHelp("Only changes made by this person.", valueName: "email")) var person: String?
    @Option(help: ArgumentHelp("Only this kind of entity: \(AuditFilter.entityTypes.joined(separator: ", ")).", valueName: "type")) var entity: String?
    @Option(name: .customLong("entity-id"), help: ArgumentHelp("Only this entity id (with --entity).", valueName: "id")) var entityID: String?
    @Option(help: ArgumentHelp("Only changes on or after this day (YYYY-MM-DD) or instant (ISO 8601).", valueName: "date")) var since: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let entity, !AuditFilter.entityTypes.contains(entity) {
            throw ValidationError("--entity \(entity) is not an entity type; use one of: \(AuditFilter.entityTypes.joined(separator: ", ")).")
        }
        if let since, TimestampParser.parse(since) == nil { throw ValidationError("--since \(since) is not a date; write it as YYYY-MM-DD.") }
        if entityID != nil && entity == nil { throw ValidationError("--entity-id needs --entity (for example --entity agency --entity-id 42).") }
    }

    func run() async throws {
        try await withDatabase(database) { db in
            var filter = AuditFilter(entityType: entity, entityID: entityID, since: since.flatMap(TimestampParser.parse))
            if let person { filter.userID = try await requireAccount(db, person).id }
            var text = AuditCSV.line(AuditCSV.header)
            var count = 0
            try await AuditLog(db).forEachEvent(filter) { event in
                text += AuditCSV.line(AuditCSV.row(event)); count += 1
            }
            if let output {
                let url = URL(fileURLWithPath: output)
                let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
                do {
                    try Data(text.utf8).write(to: temporary)
                    _ = try? FileManager.default.removeItem(at: url)
                    try FileManager.default.moveItem(at: temporary, to: url)
                } catch {
                    try? FileManager.default.removeItem(at: temporary)
                    throw CommandFailure("cannot write \(output): \(error.localizedDescription). Check the folder exists and is writable.")
                }
                Console.note("Wrote \(count) audit entr\(count == 1 ? "y" : "ies") to \(output).")
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}
