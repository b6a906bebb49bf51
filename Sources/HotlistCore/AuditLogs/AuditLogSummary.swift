import Foundation

/// What a scan of one or more audit logs found: searches per searching organisation, month and
/// category, and what it could not read. Holds no names, user names or plates.
public struct AuditLogSummary: Sendable, Codable, Equatable {
    public struct Group: Sendable, Codable, Equatable {
        /// The searching organisation ("" when the layout has no organisation column, "***" kept as redacted).
        public var organization: String
        /// "2025-03", or "unknown" when the search time could not be read.
        public var month: String
        public var category: ReasonCategory
        public var searches: Int
        public var networksSearched: Int
        public var devicesSearched: Int

        public init(organization: String, month: String, category: ReasonCategory, searches: Int, networksSearched: Int, devicesSearched: Int) {
            self.organization = organization; self.month = month; self.category = category
            self.searches = searches; self.networksSearched = networksSearched; self.devicesSearched = devicesSearched
        }
    }

    public struct FileSummary: Sendable, Codable, Equatable {
        public var file: String
        public var format: String
        public var bytes: Int
        public var rowsRead: Int
        public var rowsSkipped: Int
    }

    public struct Warning: Sendable, Codable, Equatable {
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String
    }

    public var files: [FileSummary] = []
    public var rowsRead = 0
    public var rowsSkipped = 0
    /// Rows left out, by why.
    public var skippedBy: [String: Int] = [:]
    /// Rows kept with a cell that needed care (Latin-1 text, an unreadable date or count), by kind.
    public var warningsBy: [String: Int] = [:]
    /// The first warnings, in full.
    public var warnings: [Warning] = []
    /// Rows whose reason is redacted ("***") or empty.
    public var reasonsRedactedOrEmpty = 0
    public var searchesByCategory: [String: Int] = [:]
    public var groups: [Group] = []

    public static let maxWarnings = 50

    /// The summary of a copy (the evidence store's) told by the name people know the file by.
    public mutating func relabel(file path: String, as name: String) {
        for index in files.indices where files[index].file == path { files[index].file = name }
        for index in warnings.indices where warnings[index].file == path { warnings[index].file = name }
    }

    public init() {}
}
