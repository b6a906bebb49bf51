/// A directory search: what the web page's form and the API's query string ask for.
public struct AgencyFilter: Codable, Sendable, Equatable {
    public var text: String?
    public var state: String?
    public var kind: AgencyKind?
    public var alertsNCIC: Bool?
    public var prohibitsImmigration: Bool?
    public var hasPortal: Bool?
    /// Records already answered the question (a verified finding or a report such as EFF's); false = ask first.
    public var answered: Bool?
    public var sort: AgencySort
    public var page: Int
    public var perPage: Int

    public static let defaultPerPage = 50
    public static let maxPerPage = 200
    public static let parameterNames = ["q", "state", "kind", "alerts_ncic", "prohibits_immigration", "has_portal", "answered", "sort", "page", "per_page"]

    public init(text: String? = nil, state: String? = nil, kind: AgencyKind? = nil, alertsNCIC: Bool? = nil,
                prohibitsImmigration: Bool? = nil, hasPortal: Bool? = nil, answered: Bool? = nil, sort: AgencySort = .priority,
                page: Int = 1, perPage: Int = AgencyFilter.defaultPerPage) {
        self.answered = answered
        self.text = text; self.state = state; self.kind = kind; self.alertsNCIC = alertsNCIC
        self.prohibitsImmigration = prohibitsImmigration; self.hasPortal = hasPortal; self.sort = sort
        self.page = page; self.perPage = perPage
    }

    /// Reads query parameters; every bad value is reported at once, naming the parameter.
    /// Empty values mean "any", so an untouched form field filters nothing.
    public static func parse(_ parameters: [String: String]) throws(InputProblems) -> AgencyFilter {
        var filter = AgencyFilter()
        var problems: [InputProblem] = []
        func bad(_ name: String, _ problem: String, _ hint: String) {
            problems.append(InputProblem(file: "query", field: name, problem: problem, hint: hint))
        }
        func value(_ name: String) -> String? {
            guard let raw = parameters[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        func bool(_ name: String) -> Bool? {
            guard let raw = value(name) else { return nil }
            // Exactly true or false, as the OpenAPI document says ("0" or "yes" were read before).
            switch raw {
            case "true": return true
            case "false": return false
            default: bad(name, "\"\(raw.prefix(40))\" is not true or false", "Use true or false, or leave it out."); return nil
            }
        }
        if let text = value("q") {
            if text.count > 200 { bad("q", "the search text is \(text.count) characters long", "Search with at most 200 characters.") } else { filter.text = text }
        }
        if let state = value("state") {
            if let resolved = USState.byCode(state) { filter.state = resolved.code } else {
                bad("state", "\"\(state.prefix(40))\" is not a U.S. state code", "Use a two-letter code such as CA or NV.")
            }
        }
        if let kind = value("kind") {
            if let parsed = AgencyKind(rawValue: kind) { filter.kind = parsed } else {
                bad("kind", "\"\(kind.prefix(40))\" is not a kind of agency", "Use one of: \(AgencyKind.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        }
        filter.alertsNCIC = bool("alerts_ncic")
        filter.prohibitsImmigration = bool("prohibits_immigration")
        filter.hasPortal = bool("has_portal")
        filter.answered = bool("answered")
        if let sort = value("sort") {
            if let parsed = AgencySort(rawValue: sort) { filter.sort = parsed } else {
                bad("sort", "\"\(sort.prefix(40))\" is not a sort order", "Use one of: \(AgencySort.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        }
        if let page = value("page") {
            if let number = Int(page), number >= 1, number <= 100_000 { filter.page = number } else {
                bad("page", "\"\(page.prefix(40))\" is not a page number", "Use a whole number from 1.")
            }
        }
        if let perPage = value("per_page") {
            if let number = Int(perPage), number >= 1, number <= maxPerPage { filter.perPage = number } else {
                bad("per_page", "\"\(perPage.prefix(40))\" is not a page size", "Use a whole number from 1 to \(maxPerPage).")
            }
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return filter
    }

    /// Query parameters that reproduce this filter (for links), leaving out defaults.
    public func queryItems(page overridePage: Int? = nil) -> [(String, String)] {
        var items: [(String, String)] = []
        if let text { items.append(("q", text)) }
        if let state { items.append(("state", state)) }
        if let kind { items.append(("kind", kind.rawValue)) }
        if let alertsNCIC { items.append(("alerts_ncic", String(alertsNCIC))) }
        if let prohibitsImmigration { items.append(("prohibits_immigration", String(prohibitsImmigration))) }
        if let hasPortal { items.append(("has_portal", String(hasPortal))) }
        if let answered { items.append(("answered", String(answered))) }
        if sort != .priority { items.append(("sort", sort.rawValue)) }
        if perPage != Self.defaultPerPage { items.append(("per_page", String(perPage))) }
        let page = overridePage ?? self.page
        if page != 1 { items.append(("page", String(page))) }
        return items
    }
}
