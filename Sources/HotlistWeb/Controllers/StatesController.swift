import HotlistCore
import HotlistStore
import Vapor

/// The public state pages and the paged list of contradictions.
enum StatesController {
    static let contradictionsPerPage = 25

    @Sendable static func statePage(_ request: Request) async throws -> Response {
        guard let state = USState.byCode(try request.stateCode()) else { throw Abort(.notFound) }
        let today = CalendarDay.today(request.clock.now())
        return try await request.cachedPage {
            let database = request.database
            let overview = try await PublicFaceQueries(database).overview(today: today)
            let contradictions = try await ContradictionQueries(database).contradictions(stateCode: state.code).filter { $0.rule != .askFirst }
            let history = try await ContradictionQueries(database).outcomeHistory()
            let links = try await PublicFaceQueries(database).agencyLinks(ids: Set(history.keys).union(contradictions.compactMap(\.agencyID)))
            let rulesByAgency = Dictionary(grouping: contradictions.filter { $0.agencyID != nil }, by: { $0.agencyID! }).mapValues { Array(Set($0.map(\.rule))).sorted { $0.rawValue < $1.rawValue } }
            let agencies = links.filter { $0.stateCode == state.code }.sorted { $0.name < $1.name }.map { link in
                (agency: link, newest: history[link.id].flatMap { ContradictionEngine.currentSetting($0) ?? $0.last }, contradictions: rulesByAgency[link.id] ?? [])
            }
            let references = ReferenceQueries(database)
            return StatesView.state(StatesView.StatePage(state: state, tally: overview.states.first { $0.stateCode == state.code } ?? StateTally(stateCode: state.code),
                                                         law: try await references.stateRecordsLaw(state.code), restrictions: try await references.stateRestrictionLaws(state.code),
                                                         agencies: agencies), viewer: request.viewer)
        }
    }

    @Sendable static func contradictionsPage(_ request: Request) async throws -> Response {
        var rule: ContradictionRule?, state: String?, page = 1
        var problems: [InputProblem] = []
        for (name, value) in request.queryParameters().sorted(by: { $0.key < $1.key }) where !value.isEmpty {
            switch name {
            case "rule":
                if let parsed = ContradictionRule.parse(value) { rule = parsed } else {
                    problems.append(InputProblem(file: "query", field: name, problem: "\"\(value.prefix(40))\" is not a rule", hint: "Use a rule number from 1 to \(ContradictionRule.allCases.count)."))
                }
            case "state":
                if let parsed = USState.byCode(value) { state = parsed.code } else {
                    problems.append(InputProblem(file: "query", field: name, problem: "\"\(value.prefix(40))\" is not a state code", hint: "Use two letters such as CA."))
                }
            case "page":
                if let number = Int(value), (1...10_000).contains(number) { page = number } else {
                    problems.append(InputProblem(file: "query", field: name, problem: "\"\(value.prefix(40))\" is not a page number", hint: "Use a whole number from 1."))
                }
            default:
                problems.append(InputProblem(file: "query", field: name, problem: "unknown parameter \"\(name.prefix(40))\"", hint: "Known parameters: rule, state, page."))
            }
        }
        guard problems.isEmpty else { throw InputProblems(problems) }
        return try await request.cachedPage {
            let queries = ContradictionQueries(request.database)
            let all = try await queries.contradictions(stateCode: state)
            let counts = Dictionary(grouping: all, by: \.rule).mapValues(\.count)
            // Without a rule, the list holds contradictions only: rule 7 is a to-do, listed when asked for.
            let matching = all.filter { rule == nil ? $0.rule != .askFirst : $0.rule == rule }
            let start = (page - 1) * contradictionsPerPage
            // A page past the last is a mistake in the address, not an empty list.
            guard page == 1 || start < matching.count else {
                let last = max(1, (matching.count + contradictionsPerPage - 1) / contradictionsPerPage)
                throw InputProblems([InputProblem(file: "query", field: "page", problem: "there is no page \(page): this list has \(last)",
                                                  hint: "Use a page from 1 to \(last).")])
            }
            let reported = try await queries.reportedFindings().filter { state == nil || $0.finding.stateCode == state }
            return ContradictionsView.page(ContradictionsView.Page(items: Array(matching[start..<min(start + contradictionsPerPage, matching.count)]), total: matching.count,
                                                                   page: page, perPage: contradictionsPerPage, rule: rule, state: state, countsByRule: counts, reported: reported),
                                           viewer: request.viewer)
        }
    }
}
