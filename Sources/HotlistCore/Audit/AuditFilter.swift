import Foundation

/// Which audit entries to show or export.
public struct AuditFilter: Sendable, Equatable {
    public var userID: Int?
    public var entityType: String?
    public var entityID: String?
    public var since: Date?
    public var limit: Int
    public var offset: Int

    public init(userID: Int? = nil, entityType: String? = nil, entityID: String? = nil, since: Date? = nil, limit: Int = 100, offset: Int = 0) {
        self.userID = userID; self.entityType = entityType; self.entityID = entityID; self.since = since; self.limit = limit; self.offset = offset
    }

    /// Entity types the trail records, for filters and validation.
    public static let entityTypes = ["user", "api_token", "agency", "dataset", "request", "campaign", "evidence", "finding", "statement", "package_report"]

    /// Reads a filter from query parameters (`person`, `entity`, `entity_id`, `page`), naming each bad one.
    public static func parse(_ query: [String: String], pageSize: Int = 50) throws -> (filter: AuditFilter, page: Int) {
        var filter = AuditFilter(limit: pageSize)
        var problems: [InputProblem] = []
        var page = 1
        for (name, raw) in query {
            let value = raw.trimmingCharacters(in: .whitespaces)
            if value.isEmpty { continue }
            switch name {
            case "person":
                if let id = Int(value), id > 0 { filter.userID = id } else {
                    problems.append(InputProblem(file: "query", field: name, problem: "\"\(value)\" is not a person's id", hint: "Pick a person from the list."))
                }
            case "entity":
                if entityTypes.contains(value) { filter.entityType = value } else {
                    problems.append(InputProblem(file: "query", field: name, problem: "\"\(value)\" is not an entity type", hint: "Use one of: \(entityTypes.joined(separator: ", "))."))
                }
            case "entity_id":
                filter.entityID = String(value.prefix(100))
            case "page":
                if let number = Int(value), number >= 1, number <= 100_000 { page = number } else {
                    problems.append(InputProblem(file: "query", field: name, problem: "\"\(value)\" is not a page number", hint: "Use a whole number from 1."))
                }
            default:
                problems.append(InputProblem(file: "query", field: name, problem: "unknown parameter \"\(name)\"", hint: "Known: person, entity, entity_id, page."))
            }
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        filter.offset = (page - 1) * pageSize
        return (filter, page)
    }
}
