import HotlistCore
import Vapor

/// Registers every route from its `SiteURL` shape, each with the action it performs (see
/// `PermissionTable`). A route registered without an action is refused to everyone by
/// `AuthorizationMiddleware`.
func registerRoutes(_ app: Application) throws {
    let routes = RouteTable(app, uploadLimit: app.storage[EvidenceSettingsKey.self]!.uploadBodyLimit)
    // Placeholders: the shapes' parameters become route parameters (":id").
    let id = 0, text = ""
    // Public pages.
    routes.get(.home, .readPublic, use: HomeController.page)
    routes.get(.agencies, .readPublic, use: DirectoryController.page)
    routes.get(.agency(id), .readPublic, use: AgencyController.page)
    routes.get(.referenceNCIC, .readPublic, use: ReferenceController.ncicPage)
    routes.get(.referenceStates, .readPublic, use: ReferenceController.statesPage)
    routes.get(.referenceState(text), .readPublic, use: ReferenceController.statePage)
    routes.get(.about, .readPublic, use: HomeController.about)
    routes.get(.data, .readPublic, use: DataController.page)
    routes.get(.dataFile(text), .readPublic, use: DataController.file)
    routes.get(.stylesheet, .readPublic, use: AssetController.stylesheet)
    routes.get(.favicon, .readPublic, use: AssetController.faviconICO)
    routes.get(.renewals, .readPublic, use: RenewalsController.page)
    routes.get(.renewalsCalendar, .readPublic, use: RenewalsController.calendar)

    // Signing in and out.
    routes.get(.signIn, .signIn, use: SignInController.page)
    routes.post(.signIn, .signIn, use: SignInController.signIn)
    routes.post(.signOut, .signOut, use: SignInController.signOut)
    routes.get(.resetPassword, .signIn, use: SignInController.resetPage)
    routes.post(.resetPassword, .signIn, use: SignInController.reset)

    // One's own account.
    routes.get(.account, .manageOwnAccount, use: AccountController.page)
    routes.post(.accountPassword, .manageOwnAccount, use: AccountController.changePassword)
    routes.post(.accountTokens, .manageOwnAccount, use: AccountController.createToken)
    routes.post(.revokeToken(id), .manageOwnAccount, use: AccountController.revokeToken)

    // Corrections to agencies.
    routes.get(.recordsContact(id), .editRecordsContact, use: RecordsContactController.page)
    routes.post(.recordsContact(id), .editRecordsContact, use: RecordsContactController.save)
    routes.get(.agencyContracts(id), .editContracts, use: ContractsController.page)
    routes.post(.agencyContracts(id), .editContracts, use: ContractsController.add)
    routes.get(.agencyContract(id, contract: id), .editContracts, use: ContractsController.editPage)
    routes.post(.agencyContract(id, contract: id), .editContracts, use: ContractsController.save)
    routes.post(.agencyContractRemove(id, contract: id), .editContracts, use: ContractsController.remove)
    routes.get(.agencyOfficials(id), .editContracts, use: OfficialsController.page)
    routes.post(.agencyOfficials(id), .editContracts, use: OfficialsController.add)
    routes.post(.agencyGoverningBody(id), .editContracts, use: OfficialsController.saveBody)
    routes.post(.agencyGoverningBodyRemove(id), .editContracts, use: OfficialsController.removeBody)
    routes.get(.agencyOfficial(id, official: id), .editContracts, use: OfficialsController.editPage)
    routes.post(.agencyOfficial(id, official: id), .editContracts, use: OfficialsController.save)
    routes.post(.agencyOfficialRemove(id, official: id), .editContracts, use: OfficialsController.remove)

    // Public-records requests.
    routes.get(.requests, .readRequests, use: RequestsController.list)
    routes.get(.requestsCSV, .readRequests, use: RequestsController.csv)
    routes.get(.newRequest(agency: id), .editRequests, use: RequestsController.newPage)
    routes.get(.requestStatistics, .readRequests, use: RequestsController.statistics)
    routes.post(.requests, .editRequests, use: RequestsController.create)
    routes.get(.request(id), .readRequests, use: RequestsController.page)
    routes.get(.requestEML(id), .readRequests, use: RequestsController.eml)
    routes.get(.requestLetter(id, .appeal), .editRequests, use: RequestsController.letter)
    routes.post(.requestAction(id, .file), .editRequests, use: RequestsController.file)
    routes.post(.requestAction(id, .draft), .editRequests, use: RequestsController.updateDraft)
    routes.post(.requestAction(id, .send), .editRequests, use: RequestsController.send)
    routes.post(.requestAction(id, .status), .editRequests, use: RequestsController.changeStatus)
    routes.post(.requestAction(id, .reopen), .reopenRequests, use: RequestsController.reopen)
    routes.post(.requestAction(id, .log), .editRequests, use: RequestsController.log)
    routes.post(.requestAction(id, .fee), .editRequests, use: RequestsController.fee)
    routes.post(.requestAction(id, .exemption), .editRequests, use: RequestsController.exemption)
    routes.post(.requestAction(id, .extend), .editRequests, use: RequestsController.extend)
    routes.post(.requestAction(id, .tracking), .editRequests, use: RequestsController.tracking)

    // Evidence, findings and statements. Public pages show only public files and verified work.
    routes.get(.agencyEvidence(id), .readWork, use: EvidenceController.workspace)
    routes.get(.agencyPackage(id), .readPublic, use: AgencyController.package)
    routes.post(.agencyEvidence(id), .addEvidence, use: EvidenceController.upload)
    routes.post(.agencyHotlistLog(id), .addEvidence, use: EvidenceController.importLog)
    routes.post(.agencyHitLog(id), .addEvidence, use: EvidenceController.importHitLog)
    routes.get(.evidence(id), .readPublic, use: EvidenceController.page)
    routes.get(.evidenceFile(id), .readPublic, use: EvidenceController.download)
    routes.post(.evidenceVisibility(id), .publishEvidence, use: EvidenceController.setVisibility)
    routes.post(.evidenceWithdraw(id), .withdrawEvidence, use: EvidenceController.withdraw)
    routes.get(.newFinding(agency: id), .enterFindings, use: FindingsController.newPage)
    routes.post(.agencyFindings(id), .enterFindings, use: FindingsController.create)
    routes.get(.findings, .readPublic, use: FindingsController.publicList)
    routes.get(.state(text), .readPublic, use: StatesController.statePage)
    routes.get(.contradictions, .readPublic, use: StatesController.contradictionsPage)
    routes.get(.finding(id), .readWork, use: FindingsController.page)
    routes.get(.findingCorrect(id), .enterFindings, use: FindingsController.correctPage)
    routes.post(.findingCorrect(id), .enterFindings, use: FindingsController.correct)
    routes.post(.findingVerify(id), .verifyFindings, use: FindingsController.verify)
    routes.post(.findingSendBack(id), .verifyFindings, use: FindingsController.sendBack)
    routes.get(.review, .verifyFindings, use: FindingsController.queue)
    routes.get(.newStatement(agency: id), .enterFindings, use: StatementsController.newPage)
    routes.post(.agencyStatements(id), .enterFindings, use: StatementsController.create)
    routes.post(.statementVerify(id), .verifyFindings, use: StatementsController.verify)
    routes.post(.searchAuditVerify(id), .verifyFindings, use: FindingsController.verifySearchAudit)

    // Briefs for councils and the press (public), letters to officials (signed-in people only).
    routes.get(.agencyBrief(id), .readPublic, use: BriefController.page)
    routes.get(.agencyBriefPDF(id), .readPublic, use: BriefController.pdf)
    routes.get(.agencyPress(id), .readPublic, use: BriefController.press)
    routes.get(.agencyLetter(id), .readWork, use: BriefController.letterPage)
    routes.post(.agencyLetter(id), .editRequests, use: BriefController.makeLetter)

    // Campaigns and feeds.
    routes.get(.campaigns, .readRequests, use: CampaignsController.list)
    routes.get(.newCampaign, .manageCampaigns, use: CampaignsController.newPage)
    routes.post(.campaigns, .manageCampaigns, use: CampaignsController.create)
    routes.get(.campaign(id), .readRequests, use: CampaignsController.page)
    routes.post(.campaignFeed(id), .manageCampaigns, use: CampaignsController.issueFeed)
    routes.post(.accountFeed, .manageOwnAccount, use: FeedsController.issuePersonal)
    routes.get(.feedCalendar(text), .readSecretFeed, use: FeedsController.calendar)
    routes.get(.feedAtom(text), .readSecretFeed, use: FeedsController.atom)

    // Administration.
    routes.get(.people, .manageUsers, use: PeopleController.page)
    routes.post(.people, .manageUsers, use: PeopleController.add)
    routes.post(.personRole(id), .manageUsers, use: PeopleController.setRole)
    routes.post(.personDisable(id), .manageUsers, use: PeopleController.disable)
    routes.post(.personEnable(id), .manageUsers, use: PeopleController.enable)
    routes.post(.personResetToken(id), .manageUsers, use: PeopleController.resetCode)
    routes.get(.audit, .readAuditTrail, use: AuditController.page)
    routes.get(.auditCSV, .readAuditTrail, use: AuditController.csv)

    // JSON API, generated from HotlistAPI/openapi.yaml: each operation's rule is in APIOperationRules
    // (reading is public; /me and writes need a bearer token). See APIInputMiddleware for the checks
    // in front of the generated layer.
    try APIHandlers().registerHandlers(on: APIRouteRegistrar(app: app, middleware: [APIInputMiddleware(document: .shared), APIResponseCacheMiddleware()]),
                                       serverURL: URL(string: "/")!, configuration: .hotlistAPI)
    // Anything else under /api answers with a JSON 404 rather than the HTML page.
    app.get("api", "v1", "**") { _ -> Response in throw Abort(.notFound) }.requires(.readPublic)
}

/// Registers a handler for a `SiteURL` shape with its action. Upload routes get the evidence body
/// limit and are marked, so `BodyLimitMiddleware` lets only people allowed to upload send that much.
struct RouteTable {
    let builder: any RoutesBuilder
    let uploadLimit: Int

    init(_ builder: any RoutesBuilder, uploadLimit: Int) { self.builder = builder; self.uploadLimit = uploadLimit }

    @discardableResult
    func on<Answer: AsyncResponseEncodable>(_ method: HTTPMethod, _ url: SiteURL, _ action: Action,
                                            use handler: @escaping @Sendable (Request) async throws -> Answer) -> Route {
        let path = url.segments.map { segment -> PathComponent in
            switch segment {
            case .constant(let text): .constant(text)
            case .parameter(let name, _): .parameter(name)
            }
        }
        guard method == .POST && url.acceptsUploads else { return builder.on(method, path, use: handler).requires(action) }
        return builder.on(method, path, body: .collect(maxSize: ByteCount(integerLiteral: uploadLimit)), use: handler).requires(action).acceptsUploads()
    }

    @discardableResult
    func get<Answer: AsyncResponseEncodable>(_ url: SiteURL, _ action: Action, use handler: @escaping @Sendable (Request) async throws -> Answer) -> Route {
        on(.GET, url, action, use: handler)
    }

    @discardableResult
    func post<Answer: AsyncResponseEncodable>(_ url: SiteURL, _ action: Action, use handler: @escaping @Sendable (Request) async throws -> Answer) -> Route {
        on(.POST, url, action, use: handler)
    }

    @discardableResult
    func put<Answer: AsyncResponseEncodable>(_ url: SiteURL, _ action: Action, use handler: @escaping @Sendable (Request) async throws -> Answer) -> Route {
        on(.PUT, url, action, use: handler)
    }
}

extension Request {
    /// Query parameters as a plain dictionary (the last value wins when a name repeats).
    func queryParameters() -> [String: String] {
        guard let query = url.query, !query.isEmpty else { return [:] }
        var result: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "") : ""
            result[name] = value
        }
        return result
    }

    func agencyID() throws -> Int {
        guard let text = parameters.get("id"), let id = Int(text), id > 0 else { throw Abort(.notFound) }
        return id
    }

    /// A positive integer path parameter, or a 404.
    func idParameter(_ name: String) throws -> Int {
        guard let text = parameters.get(name), let id = Int(text), id > 0 else { throw Abort(.notFound) }
        return id
    }

    func stateCode() throws -> String {
        guard let code = parameters.get("code"), let state = USState.byCode(code) else { throw Abort(.notFound) }
        return state.code
    }
}
