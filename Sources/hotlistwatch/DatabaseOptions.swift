import ArgumentParser
import Foundation
import HotlistCore
import HotlistStore

/// --database / --database-url, shared by every command that touches data.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database"), help: ArgumentHelp("SQLite database file (default: ./hotlistwatch.sqlite).", valueName: "path"))
    var databasePath: String?

    @Option(name: .customLong("database-url"), help: ArgumentHelp("PostgreSQL URL, postgres://user:password@host:port/database (or set DATABASE_URL).", valueName: "url"))
    var databaseURL: String?

    func configuration() throws -> DatabaseConfiguration {
        do {
            return try DatabaseConfiguration.resolve(databasePath: databasePath, databaseURL: databaseURL, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CommandFailure("\(error.description)")
        }
    }

    /// The same database options again, for commands the program suggests (passwords in URLs are hidden).
    var commandLineSuffix: String {
        if let databasePath { return "--database \(databasePath)" }
        if databaseURL != nil { return "--database-url …" }
        return ""
    }

    /// Opens the database, migrating it first so every command sees the current schema.
    /// `create`: a missing SQLite file is made (serve, migrate, import, the first user). Other commands
    /// work on data that must already be there: a mistyped path is an error, not a new empty database.
    func open(create: Bool = true) async throws -> HotlistDatabase {
        let configuration = try configuration()
        if case .sqliteFile(let path) = configuration, !create, !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure("there is no database at \(path). Check --database (or HOTLISTWATCH_DATABASE); 'hotlistwatch migrate --database \(path)' creates a new one.")
        }
        if case .sqliteFile(let path) = configuration {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
                throw CommandFailure("cannot create the database \(path): the folder \(directory) does not exist. Create it or pass another --database path.")
            }
        }
        let database = try HotlistDatabase(configuration)
        do {
            try await database.migrate()
        } catch {
            await database.shutdown()
            throw CommandFailure("cannot open \(configuration): \(Self.explain(error)). Check the path or URL and that the server is running.")
        }
        return database
    }

    /// PostgreSQL's errors describe themselves generically on purpose; their reflection says what happened
    /// (refused connection, wrong password) without the URL.
    static func explain(_ error: any Error) -> String {
        let plain = String(describing: error)
        let text = plain.contains("Generic description") ? String(reflecting: error) : plain
        return text.count > 400 ? String(text.prefix(400)) + "…" : text
    }
}

/// An error for people: printed to stderr as it is, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("error: " + text + "\n").utf8))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Commands that may start a new SQLite database; every other command needs an existing one.
protocol CreatesTheDatabase {}

extension AsyncParsableCommand {
    /// Runs `body` with an open database, closes it, and turns failures into clear stderr output.
    func withDatabase<T>(_ options: DatabaseOptions, _ body: (HotlistDatabase) async throws -> T) async throws -> T {
        let database: HotlistDatabase
        do { database = try await options.open(create: self is any CreatesTheDatabase) } catch { Console.error(String(describing: error)); throw ExitCode(1) }
        do {
            let result = try await body(database)
            await database.shutdown()
            return result
        } catch let exit as ExitCode {
            await database.shutdown(); throw exit
        } catch let problems as InputProblems {
            await database.shutdown()
            Console.error("nothing was changed. Fix these and run again:\n" + problems.description)
            throw ExitCode(1)
        } catch let problem as InputProblem {
            await database.shutdown()
            Console.error("nothing was changed. \(problem.description)")
            throw ExitCode(1)
        } catch {
            await database.shutdown()
            Console.error(String(describing: error))
            throw ExitCode(1)
        }
    }
}
