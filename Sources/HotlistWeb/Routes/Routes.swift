import HotlistCore
import Vapor

/// Registers every route, each with the action it performs (see `PermissionTable`). A route
/// registered without `.requires` is refused to everyone by `AuthorizationMiddleware`.
func registerRoutes(_ app: Application) throws {
    // Public pages.
    app.get(use: HomeController.page).requires(.readPublic)
    app.get("agencies", use: DirectoryController.page).requires(.readPublic)
    app.get("agencies", ":id", use: AgencyController.page).requires(.readPublic)
    app.get("reference", "ncic", use: ReferenceController.ncicPage).requires(.readPublic)
    app.get("reference", "states", use: ReferenceController.statesPage).requires(.readPublic)
    app.get("reference", "states", ":code", use: ReferenceController.statePage).requires(.readPublic)
    app.get("about", use: HomeController.about).requires(.readPublic)
    app.get("static", "style.css", use: AssetController.stylesheet).requires(.readPublic)
    app.get("favicon.ico", use: AssetController.faviconICO).requires(.readPublic)

    // Signing in and out.
    app.get("sign-in", use: SignInController.page).requires(.signIn)
    app.post("sign-in", use: SignInController.signIn).requires(.signIn)
    app.post("sign-out", use: SignInController.signOut).requires(.signOut)
    app.get("reset-password", use: SignInController.resetPage).requires(.signIn)
    app.post("reset-password", use: SignInController.reset).requires(.signIn)

    // One's own account.
    app.get("account", use: AccountController.page).requires(.manageOwnAccount)
    app.post("account", "password", use: AccountController.changePassword).requires(.manageOwnAccount)
    app.post("account", "tokens", use: AccountController.createToken).requires(.manageOwnAccount)
    app.post("account", "tokens", ":tokenID", "revoke", use: AccountController.revokeToken).requires(.manageOwnAccount)

    // Corrections to agencies.
    app.get("agencies", ":id", "records-contact", use: RecordsContactController.page).requires(.editRecordsContact)
    app.post("agencies", ":id", "records-contact", use: RecordsContactController.save).requires(.editRecordsContact)

    // Public-records requests.
    app.get("requests", use: RequestsController.list).requires(.readRequests)
    app.get("requests.csv", use: RequestsController.csv).requires(.readRequests)
    app.get("requests", "new", use: RequestsController.newPage).requires(.editRequests)
    app.get("requests", "statistics", use: RequestsController.statistics).requires(.readRequests)
    app.post("requests", use: RequestsController.create).requires(.editRequests)
    app.get("requests", ":requestID", use: RequestsController.page).requires(.readRequests)
    app.get("requests", ":requestID", "request.eml", use: RequestsController.eml).requires(.readRequests)
    app.get("requests", ":requestID", "letters", ":kind", use: RequestsController.letter).requires(.editRequests)
    app.post("requests", ":requestID", "file", use: RequestsController.file).requires(.editRequests)
    app.post("requests", ":requestID", "draft", use: RequestsController.updateDraft).requires(.editRequests)
    app.post("requests", ":requestID", "send", use: RequestsController.send).requires(.editRequests)
    app.post("requests", ":requestID", "status", use: RequestsController.changeStatus).requires(.editRequests)
    app.post("requests", ":requestID", "reopen", use: RequestsController.reopen).requires(.reopenRequests)
    app.post("requests", ":requestID", "log", use: RequestsController.log).requires(.editRequests)
    app.post("requests", ":requestID", "fee", use: RequestsController.fee).requires(.editRequests)
    app.post("requests", ":requestID", "exemption", use: RequestsController.exemption).requires(.editRequests)
    app.post("requests", ":requestID", "extend", use: RequestsController.extend).requires(.editRequests)
    app.post("requests", ":requestID", "tracking", use: RequestsController.tracking).requires(.editRequests)

    // Evidence, findings and statements. Public pages show only public files and verified work.
    app.get("agencies", ":id", "evidence", use: EvidenceController.workspace).requires(.readWork)
    let upload = HTTPBodyStreamStrategy.collect(maxSize: ByteCount(integerLiteral: app.storage[EvidenceSettingsKey.self]!.uploadBodyLimit))
    app.on(.POST, "agencies", ":id", "evidence", body: upload, use: EvidenceController.upload).requires(.addEvidence).acceptsUploads()
    app.on(.POST, "agencies", ":id", "hotlist-log", body: upload, use: EvidenceController.importLog).requires(.addEvidence).acceptsUploads()
    app.get("evidence", ":evidenceID", use: EvidenceController.page).requires(.readPublic)
    app.get("evidence", ":evidenceID", "file", use: EvidenceController.download).requires(.readPublic)
    app.post("evidence", ":evidenceID", "visibility", use: EvidenceController.setVisibility).requires(.publishEvidence)
    app.post("evidence", ":evidenceID", "withdraw", use: EvidenceController.withdraw).requires(.withdrawEvidence)
    app.get("agencies", ":id", "findings", "new", use: FindingsController.newPage).requires(.enterFindings)
    app.post("agencies", ":id", "findings", use: FindingsController.create).requires(.enterFindings)
    app.get("findings", use: FindingsController.publicList).requires(.readPublic)
    app.get("findings", ":findingID", use: FindingsController.page).requires(.readWork)
    app.get("findings", ":findingID", "correct", use: FindingsController.correctPage).requires(.enterFindings)
    app.post("findings", ":findingID", "correct", use: FindingsController.correct).requires(.enterFindings)
    app.post("findings", ":findingID", "verify", use: FindingsController.verify).requires(.verifyFindings)
    app.post("findings", ":findingID", "send-back", use: FindingsController.sendBack).requires(.verifyFindings)
    app.get("review", use: FindingsController.queue).requires(.verifyFindings)
    app.get("agencies", ":id", "statements", "new", use: StatementsController.newPage).requires(.enterFindings)
    app.post("agencies", ":id", "statements", use: StatementsController.create).requires(.enterFindings)
    app.post("statements", ":statementID", "verify", use: StatementsController.verify).requires(.verifyFindings)

    // Campaigns and feeds.
    app.get("campaigns", use: CampaignsController.list).requires(.readRequests)
    app.get("campaigns", "new", use: CampaignsController.newPage).requires(.manageCampaigns)
    app.post("campaigns", use: CampaignsController.create).requires(.manageCampaigns)
    app.get("campaigns", ":campaignID", use: CampaignsController.page).requires(.readRequests)
    app.post("campaigns", ":campaignID", "feed", use: CampaignsController.issueFeed).requires(.manageCampaigns)
    app.post("account", "feed", use: FeedsController.issuePersonal).requires(.manageOwnAccount)
    app.get("feeds", ":token", "due.ics", use: FeedsController.calendar).requires(.readSecretFeed)
    app.get("feeds", ":token", "status.atom", use: FeedsController.atom).requires(.readSecretFeed)

    // Administration.
    app.get("admin", "people", use: PeopleController.page).requires(.manageUsers)
    app.post("admin", "people", use: PeopleController.add).requires(.manageUsers)
    app.post("admin", "people", ":userID", "role", use: PeopleController.setRole).requires(.manageUsers)
    app.post("admin", "people", ":userID", "disable", use: PeopleController.disable).requires(.manageUsers)
    app.post("admin", "people", ":userID", "enable", use: PeopleController.enable).requires(.manageUsers)
    app.post("admin", "people", ":userID", "reset-token", use: PeopleController.resetCode).requires(.manageUsers)
    app.get("admin", "audit", use: AuditController.page).requires(.readAuditTrail)
    app.get("admin", "audit.csv", use: AuditController.csv).requires(.readAuditTrail)

    // JSON API, generated from HotlistAPI/openapi.yaml: each operation's rule is in APIOperationRules
    // (reading is public; /me and writes need a bearer token). See APIInputMiddleware for the checks
    // in front of the generated layer.
    try APIHandlers().registerHandlers(on: APIRouteRegistrar(app: app, middleware: [APIInputMiddleware(document: .shared), APIResponseCacheMiddleware()]),
                                       serverURL: URL(string: "/")!, configuration: .hotlistAPI)
    // Anything else under /api answers with a JSON 404 rather than the HTML page.
    app.get("api", "v1", "**") { _ -> Response in throw Abort(.notFound) }.requires(.readPublic)
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
