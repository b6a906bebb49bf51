/// A page of directory results.
public struct AgencyPage: Codable, Sendable, Equatable {
    public var items: [AgencySummary]
    public var total: Int
    public var page: Int
    public var perPage: Int
    public init(items: [AgencySummary], total: Int, page: Int, perPage: Int) {
        self.items = items; self.total = total; self.page = page; self.perPage = perPage
    }
    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
    public var hasNext: Bool { page < pageCount }
    public var hasPrevious: Bool { page > 1 }
}
