import HotlistCore
import HotlistStore
import Vapor

enum DirectoryController {
    @Sendable static func page(_ request: Request) async throws -> Response {
        let parameters = request.queryParameters()
        let filter = try AgencyFilter.parse(parameters)
        if let format = parameters["format"], !format.isEmpty { return try await DataController.agencies(request, filter: filter, format: format) }
        return try await request.cachedPage {
            let page = try await DirectoryQueries(request.database).list(filter)
            if filter.page > 1 && page.items.isEmpty {
                let last = max(1, (page.total + filter.perPage - 1) / filter.perPage)
                throw Abort(.notFound, reason: "There is no page \(filter.page): these results have \(last) page\(last == 1 ? "" : "s"). Go back to page \(last).")
            }
            return DirectoryView.render(.init(filter: filter, page: page, states: USState.all), viewer: request.viewer)
        }
    }
}

enum AgencyController {
    @Sendable static func page(_ request: Request) async throws -> Response {
        let id = try request.agencyID()
        // After a change, the page says what happened; that answer is the visitor's own, never cached.
        if let notice = Notice.from(request.query[String.self, at: "notice"]) {
            guard let detail = try await DirectoryQueries(request.database).detail(id: id, today: CalendarDay.today(request.clock.now())) else { throw Abort(.notFound) }
            let contracts = try await ContractStore(request.database).forAgency(id)
            return request.personalPage(AgencyView.render(.init(detail: detail, now: request.clock.now(), notice: notice, contracts: contracts, letters: try await letters(request, id),
                                                                  pendingSearchAudits: try await pendingSearchAudits(request, id)), viewer: request.viewer))
        }
        return try await request.cachedPage {
            guard let detail = try await DirectoryQueries(request.database).detail(id: id, today: CalendarDay.today(request.clock.now())) else { throw Abort(.notFound) }
            let contracts = try await ContractStore(request.database).forAgency(id)
            return AgencyView.render(.init(detail: detail, now: request.clock.now(), contracts: contracts, letters: try await letters(request, id),
                                           pendingSearchAudits: try await pendingSearchAudits(request, id)), viewer: request.viewer)
        }
    }

    /// The agency's records package, built from public data only, whoever asks; a small cap keeps
    /// what one request can cost bounded (an operator exports larger ones from the command line).
    @Sendable static func package(_ request: Request) async throws -> Response {
        let id = try request.agencyID()
        let site = RecordsPackage.Manifest.Site(name: "Hotlist Watch", url: request.services.publicBaseURL)
        let data: Data
        do {
            data = try await RecordsPackageExporter(request.database, evidenceDirectory: request.evidenceSettings.directory, maxEvidenceBytes: 64 * 1_048_576)
                .export(agencyID: id, site: site, now: request.clock.now())
        } catch is RecordNotFound { throw Abort(.notFound) } catch let problems as InputProblems {
            throw Abort(.payloadTooLarge, reason: problems.problems.first.map { "\($0.problem). \($0.hint)" } ?? "The package is too large.")
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/zip")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"agency-\(id)-records-package.zip\"")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// The agency's letters to officials: they name volunteers, so only signed-in people get them.
    static func letters(_ request: Request, _ id: Int) async throws -> [AgencyLetter] {
        request.viewer == nil ? [] : try await AgencyLetterStore(request.database).letters(agencyID: id)
    }

    static func pendingSearchAudits(_ request: Request, _ id: Int) async throws -> [SearchAuditLog] {
        request.viewer == nil ? [] : try await SearchAuditStore(request.database).list(agencyID: id, waitingOnly: true)
    }
}

enum ReferenceController {
    @Sendable static func ncicPage(_ request: Request) async throws -> Response {
        HTMLResponse.make(ReferenceView.ncic(try await ReferenceQueries(request.database).ncicTopics(), viewer: request.viewer))
    }

    @Sendable static func statesPage(_ request: Request) async throws -> Response {
        let queries = ReferenceQueries(request.database)
        return HTMLResponse.make(ReferenceView.states(try await queries.stateRecordsLaws(), restrictions: try await queries.stateRestrictionLaws(), viewer: request.viewer))
    }

    @Sendable static func statePage(_ request: Request) async throws -> Response {
        let code = try request.stateCode()
        let queries = ReferenceQueries(request.database)
        guard let law = try await queries.stateRecordsLaw(code) else { throw Abort(.notFound) }
        return HTMLResponse.make(ReferenceView.state(law, restrictions: try await queries.stateRestrictionLaws(code), viewer: request.viewer))
    }
}
