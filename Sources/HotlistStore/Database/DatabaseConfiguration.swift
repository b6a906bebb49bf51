import Foundation

/// Where the data lives: an SQLite file (the default), SQLite in memory (tests), or PostgreSQL.
public enum DatabaseConfiguration: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory
    /// `searchPath` puts every table in one schema; tests use it to give each test its own.
    case postgres(url: String, searchPath: String? = nil)

    public static let defaultSQLitePath = "hotlistwatch.sqlite"

    /// Flags first, then `DATABASE_URL`, then the default file.
    public static func resolve(databasePath: String?, databaseURL: String?, environment: [String: String]) throws(DatabaseConfigurationError) -> DatabaseConfiguration {
        if databasePath != nil && databaseURL != nil {
            throw DatabaseConfigurationError("use either --database PATH or --database-url URL, not both")
        }
        if let url = databaseURL ?? (databasePath == nil ? nonEmpty(environment["DATABASE_URL"] ?? environment["HOTLISTWATCH_DATABASE_URL"]) : nil) {
            return try fromURL(url)
        }
        return .sqliteFile(path: databasePath ?? nonEmpty(environment["HOTLISTWATCH_DATABASE"]) ?? defaultSQLitePath)
    }

    public static func fromURL(_ url: String) throws(DatabaseConfigurationError) -> DatabaseConfiguration {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            throw DatabaseConfigurationError("\"\(url)\" is not a database URL; write postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        switch scheme {
        case "postgres", "postgresql":
            guard components.host?.isEmpty == false, components.path.count > 1 else {
                throw DatabaseConfigurationError("the PostgreSQL URL needs a host and a database name: postgres://USER:PASSWORD@HOST:PORT/DATABASE")
            }
            return .postgres(url: url)
        case "sqlite":
            let path = components.path
            return path.isEmpty || path == ":memory:" ? .sqliteMemory : .sqliteFile(path: path)
        default:
            throw DatabaseConfigurationError("unsupported database scheme \"\(scheme)\"; use postgres://… or an SQLite file with --database PATH")
        }
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    /// Safe to print: the password is hidden.
    public var description: String {
        switch self {
        case .sqliteFile(let path): return "SQLite file \(path)"
        case .sqliteMemory: return "SQLite in memory"
        case .postgres(let url, _):
            guard var components = URLComponents(string: url) else { return "PostgreSQL" }
            if components.password != nil { components.password = "***" }
            return "PostgreSQL \(components.string ?? "")"
        }
    }

    public var isPostgres: Bool { if case .postgres = self { return true } else { return false } }
}

public struct DatabaseConfigurationError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
