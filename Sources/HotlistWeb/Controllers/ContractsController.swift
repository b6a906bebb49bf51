import HotlistCore
import HotlistStore
import Vapor

/// Signed-in people add, correct and remove an agency's ALPR contracts. Each change is audited
/// and public at once, always with its source.
enum ContractsController {
    /// The agency's name and what is on record, or a 404.
    static func agency(_ request: Request) async throws -> (id: Int, name: String, contracts: AgencyContracts) {
        let id = try request.agencyID()
        guard let agency = try await DirectoryQueries(request.database).agency(id: id) else { throw Abort(.notFound) }
        return (id, agency.name, try await ContractStore(request.database).forAgency(id))
    }

    /// The submitted form's fields, trimmed, as the input checks read them.
    static func formValues(_ request: Request) throws -> ContractsView.Values {
        try request.form([String: String].self).filter { $0.key != CSRFMiddleware.field }
    }

    static func lookup(_ values: ContractsView.Values) -> ContractInput.Lookup {
        { name in
            let text = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return text.isEmpty ? nil : text
        }
    }

    static func problems(_ found: [ContractInput.FieldProblem]) -> [InputProblem] {
        found.map { InputProblem(file: "form", field: $0.field, problem: $0.problem, hint: $0.hint) }
    }

    static func backToAgency(_ request: Request, _ id: Int) -> Response {
        request.redirect(to: SiteURL.agency(id).with([("notice", Notice.contractsChanged.rawValue)]), redirectType: .normal)
    }

    @Sendable static func page(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let agency = try await agency(request)
        return request.personalPage(ContractsView.contractsPage(.init(viewer: viewer, agencyID: agency.id, agencyName: agency.name, contracts: agency.contracts,
                                                                      values: ["confidence": Confidence.medium.rawValue])))
    }

    @Sendable static func add(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let agency = try await agency(request)
        let values = try formValues(request)
        var found: [InputProblem]
        let (contract, problems) = ContractInput.contract(agencyID: agency.id, lookup(values))
        found = Self.problems(problems)
        if let contract {
            do {
                try await ContractStore(request.database).addContract(contract, by: try request.auditActor(), now: request.clock.now())
                return backToAgency(request, agency.id)
            } catch let refused as InputProblems { found = refused.problems }
        }
        return request.personalPage(ContractsView.contractsPage(.init(viewer: viewer, agencyID: agency.id, agencyName: agency.name, contracts: agency.contracts,
                                                                      values: values, problems: found)), status: .badRequest)
    }

    @Sendable static func editPage(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let agency = try await agency(request)
        let contractID = try request.idParameter("contractID")
        guard let contract = agency.contracts.contracts.first(where: { $0.id == contractID }) else { throw Abort(.notFound) }
        return request.personalPage(ContractsView.editContractPage(.init(viewer: viewer, agencyID: agency.id, agencyName: agency.name, contracts: agency.contracts,
                                                                         values: ContractsView.values(contract)), contractID: contractID))
    }

    @Sendable static func save(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let agency = try await agency(request)
        let contractID = try request.idParameter("contractID")
        guard agency.contracts.contracts.contains(where: { $0.id == contractID }) else { throw Abort(.notFound) }
        let values = try formValues(request)
        let (contract, problems) = ContractInput.contract(agencyID: agency.id, lookup(values))
        var found = Self.problems(problems)
        if var contract {
            contract.id = contractID
            do {
                try await ContractStore(request.database).replaceContract(contract, by: try request.auditActor(), now: request.clock.now())
                return backToAgency(request, agency.id)
            } catch let refused as InputProblems { found = refused.problems }
        }
        return request.personalPage(ContractsView.editContractPage(.init(viewer: viewer, agencyID: agency.id, agencyName: agency.name, contracts: agency.contracts,
                                                                         values: values, problems: found), contractID: contractID), status: .badRequest)
    }

    @Sendable static func remove(_ request: Request) async throws -> Response {
        let id = try request.agencyID()
        let contractID = try request.idParameter("contractID")
        do {
            try await ContractStore(request.database).removeContract(id: contractID, agencyID: id, by: try request.auditActor(), now: request.clock.now())
        } catch is RecordNotFound { throw Abort(.notFound) }
        return backToAgency(request, id)
    }
}

/// Signed-in people set the governing body and add, correct and remove its public officials.
enum OfficialsController {
    @Sendable static func page(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let agency = try await ContractsController.agency(request)
        return request.personalPage(ContractsView.officialsPage(.init(viewer: viewer, agencyID: agency.id, agencyName: agency.name, contracts: agency.contracts),
                                                                bodyValues: ContractsView.values(agency.contracts.body), bodyProblems: []))
    }

    @Sendable static func add(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let agency = try await ContractsController.agency(request)
        let values = try ContractsController.formValues(request)
        let (official, problems) = ContractInput.official(agencyID: agency.id, ContractsController.lookup(values))
        if let official {
            try await ContractStore(request.database).addOfficial(official, by: try request.auditActor(), now: request.clock.now())
            return ContractsController.backToAgency(request, agency.id)
        }
        return request.personalPage(ContractsView.officialsPage(.init(viewer: viewer, agencyID: agency.id, agencyName: agency.name, contracts: agency.contracts,
                                                                      values: values, problems: ContractsController.problems(problems)),
                                                                bodyValues: ContractsView.values(agency.contracts.body), bodyProblems: []), status: .badRequest)
    }

    @Sendable static func saveBody(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let agency = try await ContractsController.agency(request)
        let values = try ContractsController.formValues(request)
        let (body, problems) = ContractInput.body(agencyID: agency.id, ContractsController.lookup(values))
        if let body {
            try await ContractStore(request.database).setGoverningBody(body, by: try request.auditActor(), now: request.clock.now())
            return ContractsController.backToAgency(request, agency.id)
        }
        return request.personalPage(ContractsView.officialsPage(.init(viewer: viewer, agencyID: agency.id, agencyName: agency.name, contracts: agency.contracts),
                                                                bodyValues: values, bodyProblems: ContractsController.problems(problems)), status: .badRequest)
    }

    @Sendable static func removeBody(_ request: Request) async throws -> Response {
        let id = try request.agencyID()
        do {
            try await ContractStore(request.database).removeGoverningBody(agencyID: id, by: try request.auditActor(), now: request.clock.now())
        } catch is RecordNotFound { throw Abort(.notFound) }
        return ContractsController.backToAgency(request, id)
    }

    @Sendable static func editPage(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let agency = try await ContractsController.agency(request)
        let officialID = try request.idParameter("officialID")
        guard let official = agency.contracts.officials.first(where: { $0.id == officialID }) else { throw Abort(.notFound) }
        return request.personalPage(ContractsView.editOfficialPage(.init(viewer: viewer, agencyID: agency.id, agencyName: agency.name, contracts: agency.contracts,
                                                                         values: ContractsView.values(official)), officialID: officialID))
    }

    @Sendable static func save(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let agency = try await ContractsController.agency(request)
        let officialID = try request.idParameter("officialID")
        guard agency.contracts.officials.contains(where: { $0.id == officialID }) else { throw Abort(.notFound) }
        let values = try ContractsController.formValues(request)
        let (official, problems) = ContractInput.official(agencyID: agency.id, ContractsController.lookup(values))
        if var official {
            official.id = officialID
            try await ContractStore(request.database).replaceOfficial(official, by: try request.auditActor(), now: request.clock.now())
            return ContractsController.backToAgency(request, agency.id)
        }
        return request.personalPage(ContractsView.editOfficialPage(.init(viewer: viewer, agencyID: agency.id, agencyName: agency.name, contracts: agency.contracts,
                                                                         values: values, problems: ContractsController.problems(problems)), officialID: officialID), status: .badRequest)
    }

    @Sendable static func remove(_ request: Request) async throws -> Response {
        let id = try request.agencyID()
        let officialID = try request.idParameter("officialID")
        do {
            try await ContractStore(request.database).removeOfficial(id: officialID, agencyID: id, by: try request.auditActor(), now: request.clock.now())
        } catch is RecordNotFound { throw Abort(.notFound) }
        return ContractsController.backToAgency(request, id)
    }
}

/// The public list of renewals ahead and its calendar feed.
enum RenewalsController {
    static let defaultDays = 120
    static let dayRange = 1...730

    /// `?within=` days, bounded; anything unreadable means the default.
    static func within(_ request: Request) -> Int {
        guard let text = request.queryParameters()["within"], let days = Int(text.prefix(6)) else { return defaultDays }
        return min(max(days, dayRange.lowerBound), dayRange.upperBound)
    }

    @Sendable static func page(_ request: Request) async throws -> Response {
        let days = within(request)
        return try await request.cachedPage {
            let renewals = try await ContractStore(request.database).renewalsAhead(today: CalendarDay.today(request.clock.now()), within: days)
            return RenewalsView.page(renewals, within: days, viewer: request.viewer)
        }
    }

    @Sendable static func calendar(_ request: Request) async throws -> Response {
        let days = within(request)
        return try await request.cached {
            let renewals = try await ContractStore(request.database).renewalsAhead(today: CalendarDay.today(request.clock.now()), within: days)
            return (RenewalCalendar.ics(renewals, baseURL: request.services.publicBaseURL, now: request.clock.now()),
                    HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"]))
        }
    }
}
