import Foundation
import HotlistCore
import SQLKit

/// One file of the public data set: where it goes under the site's root, its type and its bytes.
public struct PublicDataFile: Sendable, Equatable {
    /// Relative to the site's root, e.g. "data/agencies.csv" (served at /data/agencies.csv).
    public var path: String
    public var contentType: String
    public var bytes: [UInt8]

    public init(path: String, contentType: String, bytes: [UInt8]) { self.path = path; self.contentType = contentType; self.bytes = bytes }

    /// The file's name within /data.
    public var name: String { String(path.dropFirst("data/".count)) }
}

/// The public data set as files: the web routes serve them and `publish` writes them, from this one place.
public enum PublicDataFiles {
    /// Tables offered as CSV and JSON downloads (the SQLite file holds every table).
    public static let downloadTables = ["agencies", "findings", "statements", "contradictions", "search_audits", "search_audit_counts", "request_statistics"]
    public static let feedName = "feed.atom"
    public static let sqliteName = "hotlistwatch-public.sqlite"
    public static let citationName = "CITATION.txt"

    /// Every file name under /data, in the order the /data page lists them.
    public static let names: [String] = downloadTables.flatMap { ["\(fileStem($0)).csv", "\(fileStem($0)).json"] } + [feedName, sqliteName, citationName]

    static func fileStem(_ table: String) -> String { table.replacingOccurrences(of: "_", with: "-") }

    /// The most agencies the whole-directory file holds; a directory larger than this is an error to fix, not a silent cut.
    public static let maxAgencies = 100_000
    /// The most rows `/agencies?format=csv|json` answers with; beyond it, narrow the filter or take /data/agencies.csv.
    public static let maxFilteredAgencies = 10_000

    public static func contentType(of name: String) -> String {
        if name.hasSuffix(".csv") { return "text/csv; charset=utf-8; header=present" }
        if name.hasSuffix(".json") { return "application/json; charset=utf-8" }
        if name.hasSuffix(".atom") { return "application/atom+xml; charset=utf-8" }
        if name.hasSuffix(".sqlite") { return "application/vnd.sqlite3" }
        return "text/plain; charset=utf-8"
    }

    /// Every public data file, generated now from `database`.
    public static func all(_ database: HotlistDatabase, now: Date, baseURL: String) async throws -> [PublicDataFile] {
        try await render(try await dataSet(database, now: now, baseURL: baseURL))
    }

    /// One file by its name under /data, or nil when there is no such file.
    public static func file(named name: String, _ database: HotlistDatabase, now: Date, baseURL: String) async throws -> PublicDataFile? {
        guard names.contains(name) else { return nil }
        return try await render(try await dataSet(database, now: now, baseURL: baseURL), only: name).first
    }

    /// The files of `set`; all of them, or only the one named.
    public static func render(_ set: PublicDataSet, only: String? = nil) async throws -> [PublicDataFile] {
        var files: [PublicDataFile] = []
        func add(_ name: String, _ bytes: @autoclosure () throws -> [UInt8]) rethrows {
            guard only == nil || only == name else { return }
            files.append(PublicDataFile(path: "data/" + name, contentType: contentType(of: name), bytes: try bytes()))
        }
        let tables = Dictionary(set.tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in downloadTables {
            guard let table = tables[name] else { continue }
            add("\(fileStem(name)).csv", Array(table.csv().utf8))
            add("\(fileStem(name)).json", Array(table.json(about: set.about).utf8))
        }
        add(feedName, Array(set.atomFeed().utf8))
        if only == nil || only == sqliteName {
            files.append(PublicDataFile(path: "data/" + sqliteName, contentType: contentType(of: sqliteName), bytes: try await PublicDataSQLite.write(set)))
        }
        add(citationName, Array(set.about.citationText(files: names.filter { $0 != citationName }).utf8))
        return files
    }

    /// The agencies matching `filter` (every page of it, in its sort order), for the directory's CSV and JSON.
    /// Throws `TooManyRows` when more than `limit` match.
    public static func agencies(_ database: HotlistDatabase, filter: AgencyFilter, limit: Int = maxFilteredAgencies) async throws -> PublicTable {
        let queries = DirectoryQueries(database)
        let agencies = try await queries.all(filter, limit: limit)
        return PublicDataSet.agencyTable(agencies, answered: try await queries.answeredIDs(among: agencies.map(\.id)))
    }

    /// Reads everything public. Only verified findings and statements; reports keep their reporter.
    public static func dataSet(_ database: HotlistDatabase, now: Date, baseURL: String) async throws -> PublicDataSet {
        let directory = DirectoryQueries(database)
        let agencies = try await directory.all(AgencyFilter(sort: .state), limit: maxAgencies)
        let contradictionQueries = ContradictionQueries(database)
        let reported = try await contradictionQueries.reportedFindings().map { PublicDataSet.ReportedFinding(finding: $0.finding, agencyID: $0.agencyID) }
        let verifiedFindings = try await FindingStore(database).verified()
        let statements = try await StatementStore(database).list(verifiedOnly: true)
        let reference = ReferenceQueries(database)
        let snapshots = try await database.sql.select().column("*").from("portal_snapshots").orderBy("agency_id").orderBy("snapshot_key").all()
            .map { row in
                let stored = try row.decode(model: SnapshotRow.self)
                return PublicDataSet.Snapshot(agencyID: stored.agencyId, snapshot: stored.snapshot)
            }
        // Contradictions are computed, not stored: each is dated by the newest dated fact it rests on.
        var newestFact: [Int: Date] = [:]
        func note(_ id: Int, _ date: Date?) {
            guard let date else { return }
            newestFact[id] = max(newestFact[id] ?? date, date)
        }
        for (id, outcomes) in try await contradictionQueries.outcomeHistory() { for outcome in outcomes { note(id, TimestampParser.parse(outcome.asOf)) } }
        for statement in statements { note(statement.agencyID, TimestampParser.parse(statement.saidOn.iso)) }
        for agency in agencies { note(agency.id, agency.signals.latestSnapshotAt) }
        // A verified audit log is a fact from the day a second person checked it (rule 8 rests on it).
        for log in try await SearchAuditStore(database).list(verifiedOnly: true) { note(log.agencyID, log.verifiedAt) }
        let contradictions = try await contradictionQueries.contradictions().map { item in
            let ids = [item.agencyID].compactMap { $0 } + item.related.map(\.id)
            return PublicDataSet.DatedContradiction(contradiction: item, restsOnFactsOf: ids.compactMap { newestFact[$0] }.max())
        }
        var set = PublicDataSet(about: PublicDataAbout(generatedAt: now, baseURL: baseURL), agencies: agencies,
                             answeredAgencyIDs: try await directory.answeredIDs(among: agencies.map(\.id)),
                             verifiedFindings: verifiedFindings, reportedFindings: reported, verifiedStatements: statements,
                             contradictions: contradictions, requestStatisticsByState: try await RequestStore(database).statistics(by: .state),
                             snapshots: snapshots, ncicTopics: try await reference.ncicTopics(), recordsLaws: try await reference.stateRecordsLaws(),
                             restrictionLaws: try await reference.stateRestrictionLaws())
        set.searchAudits = try await SearchAuditStore(database).list(verifiedOnly: true)
        return set
    }
}

/// More rows match than one answer may carry.
public struct TooManyRows: Error, Sendable, Equatable {
    public var matching: Int
    public var limit: Int
    public init(matching: Int, limit: Int) { self.matching = matching; self.limit = limit }
}

extension PublicDataFiles {
    /// The directory filtered as on /agencies, every page of it, as "csv" or "json".
    public static func filteredAgencies(_ database: HotlistDatabase, filter: AgencyFilter, format: String, now: Date, baseURL: String) async throws -> PublicDataFile {
        let table = try await agencies(database, filter: filter)
        let name = "agencies.\(format)"
        let text = format == "json" ? table.json(about: PublicDataAbout(generatedAt: now, baseURL: baseURL)) : table.csv()
        return PublicDataFile(path: "data/" + name, contentType: contentType(of: name), bytes: Array(text.utf8))
    }
}
