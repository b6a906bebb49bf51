import Foundation
import HotlistCore
import SQLKit

/// Reads of the agency directory. Only portable SQL, so SQLite and PostgreSQL answer alike.
public struct DirectoryQueries: Sendable {
    let sql: any SQLDatabase
    let memo: RevisionMemo?
    public init(_ database: HotlistDatabase) { sql = database.sql; memo = database.memo }
    init(sql: any SQLDatabase) { self.sql = sql; memo = nil }

    public func list(_ filter: AgencyFilter) async throws -> AgencyPage {
        let total = try await count(filter)
        let items = try await sorted(filter).limit(filter.perPage).offset((filter.page - 1) * filter.perPage).all().map { try Self.agencyRow($0).summary }
        return AgencyPage(items: items, total: total, page: filter.page, perPage: filter.perPage)
    }

    /// Every agency matching `filter` (all pages, in its sort order); `TooManyRows` when more than `limit` match.
    public func all(_ filter: AgencyFilter, limit: Int) async throws -> [AgencySummary] {
        let total = try await count(filter)
        guard total <= limit else { throw TooManyRows(matching: total, limit: limit) }
        return try await sorted(filter).limit(limit).all().map { try Self.agencyRow($0).summary }
    }

    private func count(_ filter: AgencyFilter) async throws -> Int {
        try await Self.apply(filter, to: sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("agencies")).first()
            .map { try $0.decode(column: "n", as: Int.self) } ?? 0
    }

    private func sorted(_ filter: AgencyFilter) -> SQLSelectBuilder {
        var query = Self.apply(filter, to: sql.select().columns(AgencyRow.columns.map { SQLColumn($0) }).from("agencies"))
        for order in Self.ordering(filter.sort) { query = query.orderBy(order) }
        return query.orderBy("id")
    }

    static func apply(_ filter: AgencyFilter, to query: SQLSelectBuilder) -> SQLSelectBuilder {
        var query = query
        if let text = filter.text {
            func escaped(_ text: String) -> String {
                text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            }
            for term in AgencySearchTerms(text).terms {
                switch term {
                case .fragment(let word):
                    query = query.where("name_search LIKE \(bind: "%" + escaped(word) + "%") ESCAPE '\\'" as SQLQueryString)
                case .anyOf(let forms):
                    // Whole words: pad the name with spaces so a form at either end matches too.
                    query = query.where(group: { group in
                        var group = group
                        for form in forms {
                            group = group.orWhere("(' ' || name_search || ' ') LIKE \(bind: "% " + escaped(form) + " %") ESCAPE '\\'" as SQLQueryString)
                        }
                        return group
                    })
                }
            }
        }
        if let state = filter.state { query = query.where("state_code", .equal, state) }
        if let kind = filter.kind { query = query.where("kind", .equal, kind.rawValue) }
        if let alerts = filter.alertsNCIC { query = query.where("alerts_ncic", alerts ? .equal : .notEqual, NCICAlertStatus.yes.rawValue) }
        if let prohibits = filter.prohibitsImmigration { query = query.where("immigration_policy", prohibits ? .equal : .notEqual, PolicyStatement.prohibits.rawValue) }
        if let hasPortal = filter.hasPortal { query = query.where("has_portal", .equal, hasPortal) }
        if let answered = filter.answered { query = query.where(SQLRaw((answered ? "" : "NOT ") + Self.answeredCondition)) }
        return query
    }

    /// A verified finding of ours, a report matched by exact name and state (as ContradictionQueries matches them), or one from a records package.
    static let answeredCondition = """
        (EXISTS (SELECT 1 FROM findings f JOIN finding_versions v ON v.finding_id = f.id WHERE f.agency_id = agencies.id AND v.verified_at IS NOT NULL) \
        OR EXISTS (SELECT 1 FROM reported_findings r WHERE r.name_search = agencies.name_search AND r.state_code = agencies.state_code) \
        OR EXISTS (SELECT 1 FROM package_reports p WHERE p.agency_id = agencies.id))
        """

    /// Those of `ids` that records already answered (a verified finding, or a matched report).
    public func answeredIDs(among ids: [Int]) async throws -> Set<Int> {
        var result = Set<Int>()
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            for row in try await sql.select().column("id").from("agencies").where("id", .in, chunk).where(SQLRaw(Self.answeredCondition)).all() {
                result.insert(try row.decode(column: "id", as: Int.self))
            }
        }
        return result
    }

    /// NULLs last on both databases (their defaults differ).
    static func ordering(_ sort: AgencySort) -> [any SQLExpression] {
        switch sort {
        case .priority: [SQLQueryString("priority_sort ASC"), SQLQueryString("name_search ASC")]
        case .name: [SQLQueryString("name_search ASC")]
        case .state: [SQLQueryString("CASE WHEN state_code IS NULL THEN 1 ELSE 0 END"), SQLQueryString("state_code ASC"), SQLQueryString("name_search ASC")]
        case .sharing: [SQLQueryString("(shares_with_count + receives_from_count) DESC"), SQLQueryString("name_search ASC")]
        case .cameras: [SQLQueryString("CASE WHEN camera_count IS NULL THEN 1 ELSE 0 END"), SQLQueryString("camera_count DESC"), SQLQueryString("name_search ASC")]
        case .snapshot: [SQLQueryString("CASE WHEN latest_snapshot_at IS NULL THEN 1 ELSE 0 END"), SQLQueryString("latest_snapshot_at DESC"), SQLQueryString("name_search ASC")]
        }
    }

    static func agencyRow(_ row: any SQLRow) throws -> AgencyRow {
        try AgencyRow(row: row)
    }

    /// A number that changes whenever an import changes the directory.
    /// Just the agency's id, name and state, for pages about its records.
    public func agency(id: Int) async throws -> AgencyLink? {
        guard let row = try await sql.select().columns("id", "name", "state_code").from("agencies").where("id", .equal, id).first() else { return nil }
        return AgencyLink(id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
                          stateCode: try row.decode(column: "state_code", as: String?.self))
    }

    public func revision() async throws -> Int {
        if let memo { return try await memo.revision(sql: sql) }
        return try await sql.select().column("revision").from("directory_state").where("id", .equal, 1).first()
            .map { try $0.decode(column: "revision", as: Int.self) } ?? 0
    }

    /// When the stored data last changed: the newest entry of the audit trail, which every change
    /// and every import writes. Downloads are dated by it, so the same data keeps the same bytes.
    public func lastChanged() async throws -> Date? {
        try await sql.select().column("occurred_at").from("audit_events").orderBy("occurred_at", .descending).limit(1).first()
            .map { try $0.decode(column: "occurred_at", as: Date.self) }
    }

    public func counts() async throws -> DirectoryCounts {
        func count(_ build: (SQLSelectBuilder) -> SQLSelectBuilder, from table: String = "agencies") async throws -> Int {
            try await build(sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)).first()
                .map { try $0.decode(column: "n", as: Int.self) } ?? 0
        }
        return DirectoryCounts(
            agencies: try await count { $0 },
            withPortal: try await count { $0.where("has_portal", .equal, true) },
            alertsNCIC: try await count { $0.where("alerts_ncic", .equal, "yes") },
            prohibitsImmigration: try await count { $0.where("immigration_policy", .equal, "prohibits") },
            prohibitsYetAlertsNCIC: try await count { $0.where("priority_tier", .equal, AskFirstRank.Tier.prohibitsYetAlertsNCIC.rawValue) },
            sharingEdges: try await count({ $0 }, from: "sharing_edges"),
            unresolved: try await count { $0.where("state_code", .is, SQLLiteral.null) })
    }

    /// Agencies whose state could not be read from the name, with the reason, for review.
    public func unresolved() async throws -> [(agency: Agency, reason: String)] {
        try await sql.select().columns(AgencyRow.columns.map { SQLColumn($0) }).from("agencies")
            .where("state_code", .is, SQLLiteral.null).orderBy("name_search").all()
            .map { let row = try Self.agencyRow($0); return (row.agency, row.unresolvedReason ?? "state not resolved") }
    }
}


