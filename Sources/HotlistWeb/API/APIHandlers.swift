import Foundation
import HotlistAPI
import HotlistCore
import HotlistStore
import OpenAPIRuntime
import Vapor

/// The server side of `HotlistAPI/openapi.yaml`: one method per operation, registered under
/// /api/v1 by `registerRoutes`. Each reads the Vapor request (store, clock, viewer) through
/// `APIRequestContext`; errors are thrown and rendered by `ErrorPageMiddleware` as JSON.
struct APIHandlers: APIProtocol {
    var request: Request { get throws { try APIRequestContext.current() } }

    // MARK: Directory and reference (public)

    func listAgencies(_ input: Operations.listAgencies.Input) async throws -> Operations.listAgencies.Output {
        let request = try self.request
        // The generated layer has checked each value's type; the directory's own parser (shared with
        // the page) checks the rest. The page's form sends "" for "any"; the API, as its document
        // says, takes a value or nothing (schemathesis found `answered=` accepted).
        let parameters = request.queryParameters()
        let empty = parameters.filter { $0.value.trimmingCharacters(in: .whitespaces).isEmpty }.keys.sorted()
        if !empty.isEmpty {
            throw InputProblems(empty.map { InputProblem(file: "query", field: $0, problem: "\"\($0)\" is empty", hint: "Give a value, or leave the parameter out.") })
        }
        let filter = try AgencyFilter.parse(parameters)
        let page = try await DirectoryQueries(request.database).list(filter)
        return .ok(.init(body: .json(try .init(page, filter: filter, now: request.clock.now()))))
    }

    func getAgency(_ input: Operations.getAgency.Input) async throws -> Operations.getAgency.Output {
        let request = try self.request
        guard input.path.id > 0, let detail = try await DirectoryQueries(request.database).detail(id: input.path.id, today: CalendarDay.today(request.clock.now())) else {
            throw Abort(.notFound)
        }
        return .ok(.init(body: .json(try .init(detail, now: request.clock.now()))))
    }

    func listNCICTopics(_ input: Operations.listNCICTopics.Input) async throws -> Operations.listNCICTopics.Output {
        .ok(.init(body: .json(try await ReferenceQueries(try request.database).ncicTopics().map(Components.Schemas.NCICTopic.init))))
    }

    func listStateLaws(_ input: Operations.listStateLaws.Input) async throws -> Operations.listStateLaws.Output {
        .ok(.init(body: .json(try await ReferenceQueries(try request.database).stateRecordsLaws().map(Components.Schemas.StateLaw.init))))
    }

    func getStateLaw(_ input: Operations.getStateLaw.Input) async throws -> Operations.getStateLaw.Output {
        let queries = ReferenceQueries(try request.database)
        guard let code = USState.byCode(input.path.code)?.code, let law = try await queries.stateRecordsLaw(code) else { throw Abort(.notFound) }
        return .ok(.init(body: .json(try .init(law, restrictions: try await queries.stateRestrictionLaws(code)))))
    }

    /// Contradictions, filtered by `rule` (1-8) and `state`.
    func listContradictions(_ input: Operations.listContradictions.Input) async throws -> Operations.listContradictions.Output {
        var rule: ContradictionRule?
        if let number = input.query.rule {
            guard let parsed = ContradictionRule.parse(String(number)) else {
                throw InputProblems([InputProblem(file: "query", field: "rule", problem: "\"\(number)\" is not a rule", hint: "Use 1 to \(ContradictionRule.allCases.count).")])
            }
            rule = parsed
        }
        let state = input.query.state.flatMap { USState.byCode($0.rawValue)?.code }
        let found = try await ContradictionQueries(try request.database).contradictions(rule: rule, stateCode: state)
        return .ok(.init(body: .json(try found.map(Components.Schemas.Contradiction.init))))
    }

    /// Every verified finding, newest verified version of each, with its agency.
    func listFindings(_ input: Operations.listFindings.Input) async throws -> Operations.listFindings.Output {
        let request = try self.request
        let state = input.query.state.flatMap { USState.byCode($0.rawValue)?.code }
        let setting = input.query.immigration_violator.flatMap { TopicSetting(rawValue: $0.rawValue) }
        let found = try await FindingStore(request.database).verifiedWithAgencies(stateCode: state).filter { setting == nil || $0.finding.immigrationViolator == setting }
        let evidence = try await request.evidenceStore.list(ids: Array(Set(found.flatMap(\.finding.evidenceIDs))))
        return .ok(.init(body: .json(try found.map { try .init(agency: $0.agency, finding: $0.finding, evidence: evidence) })))
    }

    /// Verified search audit logs, by agency; `state` narrows to one state's agencies.
    func listSearchAudits(_ input: Operations.listSearchAudits.Input) async throws -> Operations.listSearchAudits.Output {
        let request = try self.request
        let state = input.query.state.flatMap { USState.byCode($0.rawValue)?.code }
        let found = try await SearchAuditStore(request.database).verifiedWithAgencies(stateCode: state)
        return .ok(.init(body: .json(try found.map { try .init($0.log, agency: $0.agency) })))
    }

    func openAPI(_ input: Operations.openAPI.Input) async throws -> Operations.openAPI.Output {
        .ok(.init(body: .json(try Self.servedDocument())))
    }

    /// The document as served, read once from the YAML the types come from.
    static func servedDocument() throws -> OpenAPIObjectContainer {
        try servedDocumentResult.get()
    }

    private static let servedDocumentResult = Result { try JSONDecoder().decode(OpenAPIObjectContainer.self, from: OpenAPIDocument.shared.json) }

    // MARK: One's own account and records contacts (token)

    func getMe(_ input: Operations.getMe.Input) async throws -> Operations.getMe.Output {
        .ok(.init(body: .json(try .init(try request.requireViewer().account))))
    }

    /// Replaces an agency's records contact: `{"email": …, "portal_url": …}`; a missing or null field clears it.
    func replaceRecordsContact(_ input: Operations.replaceRecordsContact.Input) async throws -> Operations.replaceRecordsContact.Output {
        let request = try self.request
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let id = input.path.id
        guard id > 0 else { throw Abort(.notFound) }
        let contact = try RecordsContact.validated(email: body.email, portalURL: body.portal_url)
        try await RecordsContactEditor(request.database).replace(agencyID: id, with: contact, by: try request.auditActor(), now: request.clock.now())
        return .ok(.init(body: .json(.init(agencyID: id, contact))))
    }
}

extension OpenAPIRuntime.Configuration {
    /// Compact JSON with sorted keys and plain slashes, dates as ISO 8601: as the API always answered.
    static let hotlistAPI = Configuration(dateTranscoder: .iso8601, jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes])
}
