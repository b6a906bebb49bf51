import Foundation
import HotlistCore
import SQLKit

/// What `import atlas` did, for the closing summary and `--json`.
public struct AtlasImportSummary: Codable, Sendable, Equatable, CustomStringConvertible {
    public struct Ambiguous: Codable, Sendable, Equatable {
        public var line: Int
        public var aosNumber: String
        public var agency: String
        public var state: String
        public var candidateIDs: [Int]

        public init(line: Int, aosNumber: String, agency: String, state: String, candidateIDs: [Int]) {
            self.line = line; self.aosNumber = aosNumber; self.agency = agency; self.state = state; self.candidateIDs = candidateIDs
        }

        enum CodingKeys: String, CodingKey { case line, aosNumber = "aos_number", agency, state, candidateIDs = "candidate_ids" }
    }

    enum CodingKeys: String, CodingKey {
        case matched, agenciesAdded = "agencies_added", entriesAdded = "entries_added", entriesUpdated = "entries_updated"
        case entriesUnchanged = "entries_unchanged", linksRecorded = "links_recorded", skipped, ambiguous, unknownColumns = "unknown_columns"
    }

    /// Rows matched to an agency already in the directory.
    public var matched = 0
    /// Agencies added, with the Atlas as their source.
    public var agenciesAdded = 0
    public var entriesAdded = 0
    public var entriesUpdated = 0
    public var entriesUnchanged = 0
    /// Links of the entries added or updated.
    public var linksRecorded = 0
    public var skipped: [String: Int] = [:]
    /// Rows two or more agencies could be: left alone, never guessed.
    public var ambiguous: [Ambiguous] = []
    public var unknownColumns: [String] = []

    public var changedAnything: Bool { agenciesAdded > 0 || entriesAdded > 0 || entriesUpdated > 0 }

    public var description: String {
        var lines = ["agencies already in the directory: \(matched) matched; agencies added: \(agenciesAdded)",
                     "Atlas entries: \(entriesAdded) added, \(entriesUpdated) updated, \(entriesUnchanged) unchanged; \(linksRecorded) links recorded"]
        lines += AtlasFile.SkipReason.allCases.map { "rows skipped, \($0.rawValue): \(skipped[$0.rawValue] ?? 0)" }
        lines.append("rows ambiguous, not imported: \(ambiguous.count)")
        lines += ambiguous.prefix(30).map { "  line \($0.line) (\($0.aosNumber)): \"\($0.agency)\" in \($0.state) could be agency \($0.candidateIDs.map(String.init).joined(separator: " or ")); add its ori to the file to choose" }
        if ambiguous.count > 30 { lines.append("  … and \(ambiguous.count - 30) more") }
        if !unknownColumns.isEmpty {
            lines.append("note: columns not imported: \(unknownColumns.joined(separator: ", ")). Known columns: \(AtlasFile.columns.joined(separator: ", ")).")
        }
        return lines.joined(separator: "\n")
    }
}

extension AtlasEntry: StoredAgencyFact {
    static let table = "agency_atlas_entries", entity = "atlas_entry"
    static var columns: [String] { AtlasEntryRow.columns }
    static func decode(_ row: any SQLRow) throws -> AtlasEntry {
        let stored = try row.decode(model: AtlasEntryRow.self)
        return AtlasEntry(id: try row.decode(column: "id", as: Int.self), agencyID: stored.agencyId, aosNumber: stored.aosNumber,
                          agencyName: stored.agencyName, stateCode: stored.stateCode, technology: stored.technology, vendor: stored.vendor,
                          summary: stored.summary, links: [stored.link1, stored.link2, stored.link3].compactMap { $0 })
    }
    var row: AtlasEntryRow { AtlasEntryRow(self) }
    var identity: String { aosNumber }
}

struct AtlasEntryRow: Codable, Equatable, Sendable {
    var agencyId: Int
    var aosNumber: String
    var agencyName: String
    var stateCode: String
    var technology: String
    var vendor: String
    var summary: String?
    var link1: String?
    var link2: String?
    var link3: String?

    enum CodingKeys: String, CodingKey {
        case agencyId = "agency_id", aosNumber = "aos_number", agencyName = "agency_name", stateCode = "state_code", technology, vendor, summary
        case link1 = "link_1", link2 = "link_2", link3 = "link_3"
    }

    static let columns = ["id", "agency_id", "aos_number", "agency_name", "state_code", "technology", "vendor", "summary", "link_1", "link_2", "link_3"]

    init(_ entry: AtlasEntry) {
        agencyId = entry.agencyID; aosNumber = entry.aosNumber; agencyName = entry.agencyName; stateCode = entry.stateCode
        technology = entry.technology; vendor = entry.vendor; summary = entry.summary
        link1 = entry.links.first; link2 = entry.links.dropFirst().first; link3 = entry.links.dropFirst(2).first
    }
}

/// Finds the directory agency an Atlas row is about: by ORI, then by name and state (the name as
/// stored, or the same kind of agency for the same place). Another state or another kind is never
/// a match, so a county sheriff is not the city police of the same name.
struct AtlasAgencyMatcher {
    private var byORI: [String: Set<Int>] = [:]
    private var byName: [String: Set<Int>] = [:]
    private var byPlace: [String: Set<Int>] = [:]

    init(sql: any SQLDatabase) async throws {
        for row in try await sql.select().columns("id", "ori", "name_search", "state_code", "kind", "place").from("agencies").all() {
            guard let state = try row.decode(column: "state_code", as: String?.self) else { continue }
            let id = try row.decode(column: "id", as: Int.self)
            if let ori = try row.decode(column: "ori", as: String?.self) { byORI[ori.uppercased(), default: []].insert(id) }
            byName[try row.decode(column: "name_search", as: String.self) + "|" + state, default: []].insert(id)
            if let place = try row.decode(column: "place", as: String?.self) {
                byPlace[Self.placeKey(place, kind: try row.decode(column: "kind", as: String.self), state: state), default: []].insert(id)
            }
        }
    }

    static func placeKey(_ place: String, kind: String, state: String) -> String {
        "\(state)|\(kind)|\(AgencyRow.searchText(place))"
    }

    func candidates(_ row: AtlasFile.Row) -> Set<Int> {
        if let ori = row.ori, let found = byORI[ori], !found.isEmpty { return found }
        var found = byName[AgencyRow.searchText(row.entry.agencyName) + "|" + row.entry.stateCode] ?? []
        // A place is only a name when the kind is known: "Springfield" alone could be anything.
        if row.kind != .other, let place = row.place {
            found.formUnion(byPlace[Self.placeKey(place, kind: row.kind.rawValue, state: row.entry.stateCode)] ?? [])
        }
        return found
    }
}

extension AgencyImporter {
    /// The Atlas rows about Flock license plate readers: each matched to one agency of the directory or
    /// added as a new one, and its entry (with the Atlas' links) stored; all in one audited transaction.
    public func importAtlas(_ file: AtlasFile) async throws -> AtlasImportSummary {
        try await HotlistDatabase.retryingWhenBusy { try await database.sqlTransaction { sql in
            var summary = AtlasImportSummary()
            summary.unknownColumns = file.unknownColumns
            for (reason, count) in file.skipped { summary.skipped[reason.rawValue] = count }
            let matcher = try await AtlasAgencyMatcher(sql: sql)
            var matched: [(row: AtlasFile.Row, agencyID: Int)] = []
            // Rows of one new agency (same name and state) add it once.
            var newAgencies: [String: (agency: Agency, rows: [AtlasFile.Row])] = [:]
            var newOrder: [String] = []
            for row in file.rows {
                let candidates = matcher.candidates(row)
                if candidates.count > 1 {
                    summary.ambiguous.append(.init(line: row.line, aosNumber: row.entry.aosNumber, agency: row.entry.agencyName,
                                                   state: row.entry.stateCode, candidateIDs: candidates.sorted()))
                } else if let id = candidates.first {
                    matched.append((row, id)); summary.matched += 1
                } else {
                    let key = row.entry.stateCode + "|" + AgencyRow.searchText(row.entry.agencyName)
                    if newAgencies[key] == nil { newOrder.append(key); newAgencies[key] = (Self.newAgency(row), []) }
                    newAgencies[key]!.rows.append(row)
                }
            }
            var counts = ImportSummary()
            var changes: [(key: String, before: Agency?, after: Agency)] = []
            let ids = try await upsertAgencies(newOrder.map { newAgencies[$0]!.agency }, sql: sql, summary: &counts, kind: "agencies",
                                               fields: [\.name, \.stateCode, \.kind, \.place, \.city, \.county, \.vendor, \.notes], providedFields: [:], changes: &changes)
            summary.agenciesAdded = counts.counts["agencies"]?.added ?? 0
            for key in newOrder {
                guard let id = ids[newAgencies[key]!.agency.externalKey] else { continue }
                matched += newAgencies[key]!.rows.map { ($0, id) }
            }
            for change in changes {
                try await AuditLog.append(AuditEntry(action: change.before == nil ? "agency.create" : "agency.update", entityType: "agency",
                                                     entityID: ids[change.key].map(String.init) ?? change.key,
                                                     before: change.before.map(Self.auditValues), after: Self.auditValues(change.after).merging(["source": AtlasFile.credit]) { current, _ in current }),
                                          by: actor, at: now, on: sql)
            }
            var entries = ImportSummary()
            let stored = Dictionary(try await StoredFacts.all(AtlasEntry.self, sql: sql).map { ($0.identity, $0) }) { first, _ in first }
            let facts = matched.sorted { $0.row.line < $1.row.line }.map { item -> AtlasEntry in
                var entry = item.row.entry; entry.agencyID = item.agencyID; return entry
            }
            try await StoredFacts.importAll(facts, kind: "entries", sql: sql, actor: actor, now: now, summary: &entries)
            summary.entriesAdded = entries.counts["entries"]?.added ?? 0
            summary.entriesUpdated = entries.counts["entries"]?.updated ?? 0
            summary.entriesUnchanged = entries.counts["entries"]?.unchanged ?? 0
            summary.linksRecorded = facts.filter { fact in stored[fact.identity].map { var mine = fact; mine.id = $0.id; return mine != $0 } ?? true }
                .reduce(0) { $0 + $1.links.count }
            if summary.changedAnything {
                try await DirectoryRevision.bump(sql)
                if summary.agenciesAdded > 0 { try await SignalsRefresher.refresh(sql: sql, summary: &counts) }
            }
            return summary
        } }
    }

    static func newAgency(_ row: AtlasFile.Row) -> Agency {
        let entry = row.entry
        return Agency(externalKey: "aos:\(entry.aosNumber)", name: entry.agencyName, stateCode: entry.stateCode, kind: row.kind, place: row.place,
                      ori: row.ori, city: row.city, county: row.county, vendor: "Flock Safety",
                      notes: "Added from the \(AtlasFile.credit), entry \(entry.aosNumber): \(AtlasFile.siteURL)")
    }
}

extension DirectoryQueries {
    /// The agency's Atlas of Surveillance entries, by AOS number, for its page's sources.
    public func atlasEntries(agencyID: Int) async throws -> [AtlasEntry] {
        try await atlasEntries(agencyIDs: [agencyID])[agencyID] ?? []
    }

    /// The entries of `agencyIDs`, each agency's by AOS number.
    func atlasEntries(agencyIDs: [Int]) async throws -> [Int: [AtlasEntry]] {
        Dictionary(grouping: try await sql.select().columns(AtlasEntry.columns.map { SQLColumn($0) }).from(AtlasEntry.table)
            .where("agency_id", .in, agencyIDs).orderBy("aos_number").all().map(AtlasEntry.decode), by: \.agencyID)
    }
}
