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
        let parameters = try request.queryParameters()
        let unknown = parameters.keys.filter { !AgencyFilter.parameterNames.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw InputProblems(unknown.map { InputProblem(file: "query", field: $0, problem: "unknown parameter \"\($0)\"", hint: "Known parameters: \(AgencyFilter.parameterNames.joined(separator: ", ")).") })
        }
        let filter = try AgencyFilter.parse(parameters)
        return try await request.cached {
            let page = try await DirectoryQueries(request.store).list(filter)
            let now = request.clock.now()
            return try jsonText(APIModels.AgencyList(
                items: page.items.map { APIModels.AgencySummaryDTO($0, now: now) }, page: page.page, perPage: page.perPage,
                total: page.total, pageCount: page.pageCount,
                next: page.hasNext ? SiteURL.api(.agencies).with(filter.queryItems(page: page.page + 1)) : nil,
                previous: page.hasPrevious ? SiteURL.api(.agencies).with(filter.queryItems(page: page.page - 1)) : nil))
        }
    }

    @Sendable static func agency(_ request: Request) async throws -> Response {
        let id = try request.agencyID()
        return try await request.cached {
            guard let detail = try await DirectoryQueries(request.store).detail(id: id) else { throw Abort(.notFound) }
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
        return try json(APIModels.StateDetail(recordsLaw: .init(law), restrictionLaws: try await queries.stateRestrictionLaws(code).map(APIModels.RestrictionLaw.init)))
    }

    @Sendable static func openAPI(_ request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
    }
}
