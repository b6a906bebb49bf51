import HotlistCore
import HotlistStore
import Vapor

/// The read-only JSON API under /api/v1.
enum APIController {
    static func json<T: Encodable>(_ value: T) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try JSONEncoder.api.encode(value)))
    }

    static func jsonText<T: Encodable>(_ value: T) throws -> (body: String, contentType: HTTPMediaType) {
        (String(decoding: try JSONEncoder.api.encode(value), as: UTF8.self), .json)
    }

    @Sendable static func agencies(_ request: Request) async throws -> Response {
        let parameters = request.queryParameters()
        let unknown = parameters.keys.filter { !AgencyFilter.parameterNames.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw InputProblems(unknown.map { InputProblem(file: "query", field: $0, problem: "unknown parameter \"\($0)\"", hint: "Known parameters: \(AgencyFilter.parameterNames.joined(separator: ", ")).") })
        }
        // The directory form sends "" for "any"; the API, as its document says, takes a value or nothing
        // (schemathesis found `answered=` accepted where the document allows only true or false).
        let empty = parameters.filter { $0.value.trimmingCharacters(in: .whitespaces).isEmpty }.keys.sorted()
        if !empty.isEmpty {
            throw InputProblems(empty.map { InputProblem(file: "query", field: $0, problem: "\"\($0)\" is empty", hint: "Give a value, or leave the parameter out.") })
        }
        let filter = try AgencyFilter.parse(parameters)
        return try await request.cached {
            let page = try await DirectoryQueries(request.store).list(filter)
            return try jsonText(APIModels.agencyList(page, filter: filter, now: request.clock.now()))
        }
    }

    @Sendable static func agency(_ request: Request) async throws -> Response {
        let id = try request.agencyID()
        return try await request.cached {
            guard let detail = try await DirectoryQueries(request.store).detail(id: id, today: CalendarDay.today(request.clock.now())) else { throw Abort(.notFound) }
            return try jsonText(APIModels.AgencyDetailDTO(detail, now: request.clock.now()))
        }
    }

    @Sendable static func ncic(_ request: Request) async throws -> Response {
        try json(try await ReferenceQueries(request.store).ncicTopics().map(APIModels.NCICTopicDTO.init))
    }

    @Sendable static func states(_ request: Request) async throws -> Response {
        try json(try await ReferenceQueries(request.store).stateRecordsLaws().map(APIModels.StateLaw.init))
    }

    @Sendable static func state(_ request: Request) async throws -> Response {
        let code = try request.stateCode()
        let queries = ReferenceQueries(request.store)
        guard let law = try await queries.stateRecordsLaw(code) else { throw Abort(.notFound) }
        return try json(APIModels.stateDetail(law, restrictions: try await queries.stateRestrictionLaws(code)))
    }

    /// Contradictions, filtered by `rule` (1-7) and `state`.
    @Sendable static func contradictions(_ request: Request) async throws -> Response {
        let parameters = request.queryParameters()
        var problems: [InputProblem] = []
        var rule: ContradictionRule?, state: String?
        for (name, value) in parameters {
            switch name {
            case "rule": if let parsed = ContradictionRule.parse(value) { rule = parsed } else { problems.append(InputProblem(file: "query", field: name, problem: "\"\(value)\" is not a rule", hint: "Use 1 to 7.")) }
            case "state": if let parsed = USState.byCode(value) { state = parsed.code } else { problems.append(InputProblem(file: "query", field: name, problem: "\"\(value)\" is not a state code", hint: "Use two letters such as CA.")) }
            default: problems.append(InputProblem(file: "query", field: name, problem: "unknown parameter \"\(name)\"", hint: "Known parameters: rule, state."))
            }
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return try await request.cached {
            try jsonText(try await ContradictionQueries(request.store).contradictions(rule: rule, stateCode: state).map(APIModels.ContradictionDTO.init))
        }
    }

    /// Every verified finding, newest verified version of each, with its agency.
    @Sendable static func findings(_ request: Request) async throws -> Response {
        var problems: [InputProblem] = []
        var state: String?, setting: TopicSetting?
        for (name, value) in request.queryParameters() {
            switch name {
            case "state": if let parsed = USState.byCode(value) { state = parsed.code } else { problems.append(InputProblem(file: "query", field: name, problem: "\"\(value)\" is not a state code", hint: "Use two letters such as CA.")) }
            case "immigration_violator": if let parsed = TopicSetting(rawValue: value) { setting = parsed } else { problems.append(InputProblem(file: "query", field: name, problem: "\"\(value)\" is not a setting", hint: "Use enabled, disabled or not_shown.")) }
            default: problems.append(InputProblem(file: "query", field: name, problem: "unknown parameter \"\(name)\"", hint: "Known parameters: state, immigration_violator."))
            }
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return try await request.cached {
            let found = try await FindingStore(request.store).verifiedWithAgencies(stateCode: state).filter { setting == nil || $0.finding.immigrationViolator == setting }
            let evidence = try await request.evidenceStore.list(ids: Array(Set(found.flatMap(\.finding.evidenceIDs))))
            return try jsonText(found.map { APIModels.AgencyFindingDTO(agency: $0.agency, finding: $0.finding, evidence: evidence) })
        }
    }

    @Sendable static func openAPI(_ request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
    }
}
