import FluentKit
import Foundation
import HotlistCore
import SQLKit

/// Stores data sets of agencies. Each import runs in one transaction, adds what is new, updates what
/// changed, leaves the rest alone (so running it twice changes nothing), and then recomputes signals.
///
/// Every import is audited: a data set import as one entry with its counts (a first import adds
/// tens of thousands of rows), a user's agency list as one entry per agency added or changed.
public struct AgencyImporter: Sendable {
    let database: HotlistDatabase
    let actor: AuditActor
    let now: Date

    public init(_ database: HotlistDatabase, by actor: AuditActor = .system, now: Date = Date()) {
        self.database = database; self.actor = actor; self.now = now
    }

    public func importPrivateEyes(_ dataset: PrivateEyesDataset) async throws -> ImportSummary {
        // All or nothing, so a write refused as busy (another writer got there first) runs again.
        try await HotlistDatabase.retryingWhenBusy { try await database.sqlTransaction { sql in
            var summary = ImportSummary()
            summary.notices = dataset.notices
            let ids = try await upsertAgencies(dataset.agencies, sql: sql, summary: &summary, kind: "agencies",
                                               fields: [\.name, \.stateCode, \.kind, \.place, \.unresolvedReason, \.flockPortalURL, \.vendor, \.city, \.county, \.notes])
            try await addReportedAgencies(sql: sql, summary: &summary)
            try await insertSnapshots(dataset.snapshots, ids: ids, sql: sql, summary: &summary)
            try await insertEdges(dataset.edges, ids: ids, sql: sql, summary: &summary)
            try await insertURLChecks(dataset.urlChecks, ids: ids, sql: sql, summary: &summary)
            try await upsertSurvey(dataset.survey, ids: ids, sql: sql, summary: &summary)
            try await SignalsRefresher.refresh(sql: sql, summary: &summary)
            try await Self.bumpRevision(sql, if: summary)
            if summary.changedAnything {
                var counts: AuditValues = [:]
                for (kind, count) in summary.counts { counts[kind] = "\(count.added) added, \(count.updated) updated, \(count.unchanged) unchanged, \(count.skipped) skipped" }
                try await AuditLog.append(AuditEntry(action: "dataset.import", entityType: "dataset", entityID: "private_eyes", before: nil, after: counts),
                                          by: actor, at: now, on: sql)
            }
            return summary
        } }
    }

    /// Agencies named in a report but missing from the directory (Abington PD, Massachusetts) are
    /// added under the report's name, saying where they come from: a reader who searches for one
    /// must find it, and never a similarly named agency instead.
    func addReportedAgencies(sql: any SQLDatabase, summary: inout ImportSummary) async throws {
        var known = Set<String>()
        for row in try await sql.select().columns("name_search", "state_code").from("agencies").all() {
            known.insert("\(try row.decode(column: "name_search", as: String.self))|\(try row.decode(column: "state_code", as: String?.self) ?? "")")
        }
        var missing: [Agency] = []
        for row in try await sql.select().columns("agency_name", "state_code", "reported_by", "as_of").from("reported_findings").orderBy("id").all() {
            let name = try row.decode(column: "agency_name", as: String.self), state = try row.decode(column: "state_code", as: String.self)
            let key = "\(AgencyRow.searchText(name))|\(state)"
            guard known.insert(key).inserted else { continue }
            let reportedBy = try row.decode(column: "reported_by", as: String.self), asOf = try row.decode(column: "as_of", as: String.self)
            missing.append(Agency(externalKey: "reported:\(state):\(name)", name: name, stateCode: state, kind: AgencyNameParser.parse(name).kind,
                                  notes: "Added from \(reportedBy)'s report (\(asOf)); not in the portal data."))
        }
        guard !missing.isEmpty else { return }
        _ = try await upsertAgencies(missing, sql: sql, summary: &summary, kind: "agencies from reports", fields: [\.name, \.stateCode, \.notes])
    }

    /// Tells running servers that what they rendered is out of date.
    static func bumpRevision(_ sql: any SQLDatabase, if summary: ImportSummary) async throws {
        guard summary.changedAnything else { return }
        try await sql.update("directory_state").set("revision", to: SQLRaw("revision + 1")).where("id", .equal, 1).run()
    }

    /// A user's own list: rows match existing agencies by ORI, then by name and state; only the
    /// columns a row fills in overwrite what is stored.
    public func importAgencyList(_ file: AgencyListFile) async throws -> ImportSummary {
        // All or nothing, so a write refused as busy (another writer got there first) runs again.
        try await HotlistDatabase.retryingWhenBusy { try await database.sqlTransaction { sql in
            var summary = ImportSummary()
            if !file.unknownColumns.isEmpty {
                summary.notices.append("columns not imported (not known to Hotlist Watch): \(file.unknownColumns.joined(separator: ", ")). Known columns: \(AgencyListFile.columns.joined(separator: ", ")).")
            }
            summary.notices += file.duplicatesSkipped
            summary.record("agencies", \.skipped, file.duplicatesSkipped.count)
            let existing = try await sql.select().columns("id", "external_key", "name_search", "state_code", "ori").from("agencies").all()
            var byORI: [String: String] = [:], byName: [String: String] = [:]
            for row in existing {
                let key = try row.decode(column: "external_key", as: String.self)
                if let ori = try row.decodeNil(column: "ori") ? nil : row.decode(column: "ori", as: String.self) { byORI[ori] = key }
                let state = try row.decodeNil(column: "state_code") ? "" : row.decode(column: "state_code", as: String.self)
                byName[try row.decode(column: "name_search", as: String.self) + "|" + state] = key
            }
            var agencies: [Agency] = []
            var fieldsByKey: [String: Set<String>] = [:]
            for row in file.rows {
                var agency = row.agency
                let nameKey = AgencyRow.searchText(agency.name) + "|" + (agency.stateCode ?? "")
                agency.externalKey = agency.ori.flatMap { byORI[$0] } ?? byName[nameKey]
                    ?? "list:" + (agency.ori ?? nameKey)
                fieldsByKey[agency.externalKey] = row.providedFields
                agencies.append(agency)
            }
            var changes: [(key: String, before: Agency?, after: Agency)] = []
            let ids = try await upsertAgencies(agencies, sql: sql, summary: &summary, kind: "agencies", fields: nil, providedFields: fieldsByKey, changes: &changes)
            try await SignalsRefresher.refresh(sql: sql, summary: &summary)
            try await Self.bumpRevision(sql, if: summary)
            for change in changes {
                try await AuditLog.append(AuditEntry(action: change.before == nil ? "agency.create" : "agency.update", entityType: "agency",
                                                     entityID: ids[change.key].map(String.init) ?? change.key,
                                                     before: change.before.map(Self.auditValues), after: Self.auditValues(change.after)), by: actor, at: now, on: sql)
            }
            return summary
        } }
    }

    static let listColumnFields: [String: WritableKeyPath<Agency, String?>] = [
        "ori": \.ori, "city": \.city, "county": \.county, "website": \.website, "records_email": \.recordsEmail,
        "records_portal_url": \.recordsPortalURL, "flock_portal_url": \.flockPortalURL, "contract_renewal_date": \.contractRenewal,
    ]

    /// Returns external key → id for every agency in the database after the upsert.
    private func upsertAgencies(_ agencies: [Agency], sql: any SQLDatabase, summary: inout ImportSummary, kind: String,
                                fields: [PartialKeyPath<Agency>]?, providedFields: [String: Set<String>] = [:]) async throws -> [String: Int] {
        var ignored: [(key: String, before: Agency?, after: Agency)] = []
        return try await upsertAgencies(agencies, sql: sql, summary: &summary, kind: kind, fields: fields, providedFields: providedFields, changes: &ignored)
    }

    /// The identity fields an agency list can set, as the audit trail records them.
    static func auditValues(_ agency: Agency) -> AuditValues {
        var values: AuditValues = ["name": agency.name, "state": agency.stateCode, "kind": agency.kind.rawValue]
        for (column, keyPath) in listColumnFields { values[column] = agency[keyPath: keyPath] }
        return values
    }

    func upsertAgencies(_ agencies: [Agency], sql: any SQLDatabase, summary: inout ImportSummary, kind: String,
                                fields: [PartialKeyPath<Agency>]?, providedFields: [String: Set<String>],
                                changes: inout [(key: String, before: Agency?, after: Agency)]) async throws -> [String: Int] {
        var existing: [String: AgencyRow] = [:]
        for row in try await sql.select().columns(AgencyRow.columns.map { SQLColumn($0) }).from("agencies").all() {
            let decoded = try AgencyRow(row: row)
            existing[decoded.externalKey] = decoded
        }
        var inserts: [AgencyRow] = []
        for incoming in agencies {
            guard let current = existing[incoming.externalKey] else {
                inserts.append(AgencyRow(incoming))
                changes.append((incoming.externalKey, nil, incoming))
                summary.record(kind, \.added)
                continue
            }
            var merged = current.agency
            if let fields {
                for field in fields { Self.copy(field, from: incoming, to: &merged) }
            } else {
                let provided = providedFields[incoming.externalKey] ?? []
                merged.name = incoming.name
                if provided.contains("state") || merged.stateCode == nil { merged.stateCode = incoming.stateCode; merged.unresolvedReason = incoming.unresolvedReason }
                if provided.contains("kind") { merged.kind = incoming.kind }
                for (column, keyPath) in Self.listColumnFields where provided.contains(column) { merged[keyPath: keyPath] = incoming[keyPath: keyPath] }
            }
            if merged == current.agency { summary.record(kind, \.unchanged); continue }
            // Identity changes here; signals and priority keep their stored values until the refresh below.
            let updated = AgencyRow(merged, signals: current.signals, priority: current.priority)
            try await sql.update("agencies").set(model: updated, nilEncodingStrategy: .asNil)
                .where("id", .equal, current.id!).run()
            summary.record(kind, \.updated)
            changes.append((incoming.externalKey, current.agency, merged))
        }
        try await sql.insertBatched(into: "agencies", inserts, batchSize: 300)
        var ids: [String: Int] = [:]
        for row in try await sql.select().columns("id", "external_key").from("agencies").all() {
            ids[try row.decode(column: "external_key", as: String.self)] = try row.decode(column: "id", as: Int.self)
        }
        return ids
    }

    private static func copy(_ field: PartialKeyPath<Agency>, from source: Agency, to target: inout Agency) {
        switch field {
        case let path as WritableKeyPath<Agency, String>: target[keyPath: path] = source[keyPath: path]
        case let path as WritableKeyPath<Agency, String?>: target[keyPath: path] = source[keyPath: path]
        case let path as WritableKeyPath<Agency, AgencyKind>: target[keyPath: path] = source[keyPath: path]
        default: break
        }
    }

    private func insertSnapshots(_ snapshots: [AgencySnapshot], ids: [String: Int], sql: any SQLDatabase, summary: inout ImportSummary) async throws {
        var existing = Set<String>()
        for row in try await sql.select().columns("agency_id", "snapshot_key").from("portal_snapshots").all() {
            existing.insert("\(try row.decode(column: "agency_id", as: Int.self))#\(try row.decode(column: "snapshot_key", as: String.self))")
        }
        var inserts: [SnapshotRow] = []
        for item in snapshots {
            guard let id = ids[item.agencyKey] else { summary.record("portal snapshots", \.skipped); continue }
            let row = SnapshotRow(item.snapshot, agencyID: id)
            if existing.insert("\(id)#\(row.snapshotKey)").inserted { inserts.append(row); summary.record("portal snapshots", \.added) } else { summary.record("portal snapshots", \.unchanged) }
        }
        try await sql.insertBatched(into: "portal_snapshots", inserts, batchSize: 200)
    }

    private struct EdgeRow: Codable {
        var ownerId: Int; var viewerId: Int; var source: String
        enum CodingKeys: String, CodingKey { case ownerId = "owner_id", viewerId = "viewer_id", source }
    }

    private func insertEdges(_ edges: [SharingEdge], ids: [String: Int], sql: any SQLDatabase, summary: inout ImportSummary) async throws {
        var existing = Set<Int64>()
        for row in try await sql.select().columns("owner_id", "viewer_id").from("sharing_edges").all() {
            existing.insert(Int64(try row.decode(column: "owner_id", as: Int.self)) << 32 | Int64(try row.decode(column: "viewer_id", as: Int.self)))
        }
        var inserts: [EdgeRow] = []
        for edge in edges {
            guard let owner = ids[edge.ownerKey], let viewer = ids[edge.viewerKey] else { summary.record("sharing edges", \.skipped); continue }
            if existing.insert(Int64(owner) << 32 | Int64(viewer)).inserted {
                inserts.append(EdgeRow(ownerId: owner, viewerId: viewer, source: PrivateEyesDataset.credit))
                summary.record("sharing edges", \.added)
            } else { summary.record("sharing edges", \.unchanged) }
        }
        try await sql.insertBatched(into: "sharing_edges", inserts, batchSize: 2000)
    }

    private func insertURLChecks(_ checks: [URLCheck], ids: [String: Int], sql: any SQLDatabase, summary: inout ImportSummary) async throws {
        var existing = Set<String>()
        for row in try await sql.select().columns("agency_id", "url").from("url_checks").all() {
            existing.insert("\(try row.decode(column: "agency_id", as: Int.self))#\(try row.decode(column: "url", as: String.self))")
        }
        var inserts: [URLCheckRow] = []
        for check in checks {
            guard let id = ids[check.agencyKey] else { summary.record("URL checks", \.skipped); continue }
            if existing.insert("\(id)#\(check.url)").inserted {
                inserts.append(URLCheckRow(agencyId: id, url: check.url, lastAttempt: check.lastAttempt, statusCode: check.statusCode, notes: check.notes))
                summary.record("URL checks", \.added)
            } else { summary.record("URL checks", \.unchanged) }
        }
        try await sql.insertBatched(into: "url_checks", inserts, batchSize: 1000)
    }

    private func upsertSurvey(_ entries: [SurveyEntry], ids: [String: Int], sql: any SQLDatabase, summary: inout ImportSummary) async throws {
        var existing: [Int: SurveyRow] = [:]
        for row in try await sql.select().column("*").from("survey_entries").all() {
            let decoded = try row.decode(model: SurveyRow.self)
            existing[decoded.agencyId] = decoded
        }
        var inserts: [SurveyRow] = []
        for entry in entries {
            guard let id = ids[entry.agencyKey] else { summary.record("survey entries", \.skipped); continue }
            let row = SurveyRow(entry, agencyID: id)
            if let current = existing[id] {
                if current == row { summary.record("survey entries", \.unchanged); continue }
                try await sql.update("survey_entries").set(model: row, nilEncodingStrategy: .asNil).where("agency_id", .equal, id).run()
                summary.record("survey entries", \.updated)
            } else {
                inserts.append(row); existing[id] = row
                summary.record("survey entries", \.added)
            }
        }
        try await sql.insertBatched(into: "survey_entries", inserts, batchSize: 300)
    }
}
