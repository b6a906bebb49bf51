/// Which requests to list.
public struct RequestFilter: Sendable, Equatable {
    public var status: RequestStatus?
    public var stateCode: String?
    public var campaignID: Int?
    public var agencyID: Int?
    public var createdBy: Int?
    public var limit: Int

    /// Query parameters of the requests page and API (`status`, `state`, `campaign`, `agency`, and
    /// `mine=1` for `viewerID`'s own), every bad or unknown one named at once; empty values mean "any".
    public static func parse(_ query: [String: String], viewerID: Int? = nil, limit: Int) throws(InputProblems) -> RequestFilter {
        var filter = RequestFilter(limit: limit)
        var problems: [InputProblem] = []
        func bad(_ name: String, _ problem: String, _ hint: String) { problems.append(InputProblem(file: "query", field: name, problem: problem, hint: hint)) }
        for (name, value) in query.sorted(by: { $0.key < $1.key }) where !value.isEmpty {
            switch name {
            case "status":
                if let status = RequestStatus(rawValue: value) { filter.status = status } else {
                    bad(name, "\"\(value.prefix(40))\" is not a status", "Use one of: \(RequestStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
            case "state":
                if let state = USState.byCode(value) { filter.stateCode = state.code } else { bad(name, "\"\(value.prefix(40))\" is not a state code", "Use two letters such as NV.") }
            case "campaign":
                if let id = Int(value), id > 0 { filter.campaignID = id } else { bad(name, "\"\(value.prefix(40))\" is not a campaign id", "Use the campaign's number.") }
            case "agency":
                if let id = Int(value), id > 0 { filter.agencyID = id } else { bad(name, "\"\(value.prefix(40))\" is not an agency id", "Use the agency's number.") }
            case "mine" where viewerID != nil:
                if value == "1" { filter.createdBy = viewerID } else { bad(name, "\"\(value.prefix(40))\" is not 1", "Use mine=1, or leave it out.") }
            default:
                bad(name, "unknown parameter \"\(name.prefix(40))\"", "Known: status, state, campaign, agency\(viewerID != nil ? ", mine" : "").")
            }
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return filter
    }

    public init(status: RequestStatus? = nil, stateCode: String? = nil, campaignID: Int? = nil, agencyID: Int? = nil, createdBy: Int? = nil, limit: Int = 500) {
        self.status = status; self.stateCode = stateCode; self.campaignID = campaignID; self.agencyID = agencyID; self.createdBy = createdBy; self.limit = limit
    }
}
