import Foundation
import HTTPTypes
import HotlistCore
import HotlistStore
import HotlistTestSupport
@testable import HotlistWeb
import Testing
import VaporTesting

/// Every registered route, for every role and for anonymous visitors, against the permission table.
/// A route added without a rule, or a rule that the middleware does not enforce, fails here.
@Suite struct RoutePermissionTests {
    /// What each route is declared to do, written out again here on purpose: a new route, or a
    /// route whose rule changes, has to be reviewed in this list too.
    static let expectedActions: [String: Action] = [
        "GET /": .readPublic, "GET /agencies": .readPublic, "GET /agencies/:id": .readPublic,
        "GET /reference/ncic": .readPublic, "GET /reference/states": .readPublic, "GET /reference/states/:code": .readPublic,
        "GET /about": .readPublic, "GET /data": .readPublic, "GET /data/:name": .readPublic, "GET /static/style.css": .readPublic, "GET /favicon.ico": .readPublic,
        "GET /sign-in": .signIn, "POST /sign-in": .signIn, "POST /sign-out": .signOut,
        "GET /reset-password": .signIn, "POST /reset-password": .signIn,
        "GET /account": .manageOwnAccount, "POST /account/password": .manageOwnAccount, "POST /account/tokens": .manageOwnAccount,
        "POST /account/tokens/:tokenID/revoke": .manageOwnAccount,
        "GET /agencies/:id/records-contact": .editRecordsContact, "POST /agencies/:id/records-contact": .editRecordsContact,
        "GET /agencies/:id/contracts": .editContracts, "POST /agencies/:id/contracts": .editContracts,
        "GET /agencies/:id/contracts/:contractID": .editContracts, "POST /agencies/:id/contracts/:contractID": .editContracts,
        "POST /agencies/:id/contracts/:contractID/remove": .editContracts, "GET /agencies/:id/officials": .editContracts,
        "POST /agencies/:id/officials": .editContracts, "POST /agencies/:id/officials/body": .editContracts,
        "POST /agencies/:id/officials/body/remove": .editContracts, "GET /agencies/:id/officials/:officialID": .editContracts,
        "POST /agencies/:id/officials/:officialID": .editContracts, "POST /agencies/:id/officials/:officialID/remove": .editContracts,
        "GET /renewals": .readPublic, "GET /renewals.ics": .readPublic,
        "GET /requests": .readRequests, "GET /requests.csv": .readRequests, "GET /requests/new": .editRequests, "GET /requests/statistics": .readRequests, "POST /requests": .editRequests,
        "GET /requests/:requestID": .readRequests, "GET /requests/:requestID/request.eml": .readRequests,
        "GET /requests/:requestID/letters/:kind": .editRequests, "POST /requests/:requestID/file": .editRequests, "POST /requests/:requestID/draft": .editRequests, "POST /requests/:requestID/send": .editRequests,
        "POST /requests/:requestID/status": .editRequests, "POST /requests/:requestID/reopen": .reopenRequests, "POST /evidence/:evidenceID/withdraw": .withdrawEvidence, "POST /requests/:requestID/log": .editRequests, "POST /requests/:requestID/fee": .editRequests,
        "POST /requests/:requestID/exemption": .editRequests, "POST /requests/:requestID/extend": .editRequests,
        "POST /requests/:requestID/tracking": .editRequests,
        "GET /agencies/:id/evidence": .readWork, "GET /agencies/:id/package.zip": .readPublic, "POST /agencies/:id/evidence": .addEvidence, "POST /agencies/:id/hotlist-log": .addEvidence, "POST /agencies/:id/hit-log": .addEvidence,
        "GET /evidence/:evidenceID": .readPublic, "GET /evidence/:evidenceID/file": .readPublic, "POST /evidence/:evidenceID/visibility": .publishEvidence, "POST /findings/:findingID/send-back": .verifyFindings,
        "GET /agencies/:id/findings/new": .enterFindings, "POST /agencies/:id/findings": .enterFindings, "GET /findings": .readPublic, "GET /states/:code": .readPublic, "GET /contradictions": .readPublic, "GET /findings/:findingID": .readWork,
        "GET /findings/:findingID/correct": .enterFindings, "POST /findings/:findingID/correct": .enterFindings, "POST /findings/:findingID/verify": .verifyFindings,
        "GET /review": .verifyFindings, "GET /agencies/:id/statements/new": .enterFindings, "POST /agencies/:id/statements": .enterFindings,
        "POST /statements/:statementID/verify": .verifyFindings, "POST /audit-logs/:logID/verify": .verifyFindings,
        "GET /agencies/:id/brief": .readPublic, "GET /agencies/:id/brief.pdf": .readPublic, "GET /agencies/:id/press": .readPublic,
        "GET /agencies/:id/letter": .readWork, "POST /agencies/:id/letter": .editRequests,
        "GET /campaigns": .readRequests, "GET /campaigns/new": .manageCampaigns, "POST /campaigns": .manageCampaigns,
        "GET /campaigns/:campaignID": .readRequests, "POST /campaigns/:campaignID/feed": .manageCampaigns, "POST /account/feed": .manageOwnAccount,
        "GET /feeds/:token/due.ics": .readSecretFeed, "GET /feeds/:token/status.atom": .readSecretFeed,
        "GET /admin/people": .manageUsers, "POST /admin/people": .manageUsers, "POST /admin/people/:userID/role": .manageUsers,
        "POST /admin/people/:userID/disable": .manageUsers, "POST /admin/people/:userID/enable": .manageUsers,
        "POST /admin/people/:userID/reset-token": .manageUsers,
        "GET /admin/audit": .readAuditTrail, "GET /admin/audit.csv": .readAuditTrail,
        "GET /api/v1/agencies": .readPublic, "GET /api/v1/agencies/:id": .readPublic, "GET /api/v1/reference/ncic": .readPublic,
        "GET /api/v1/reference/states": .readPublic, "GET /api/v1/reference/states/:code": .readPublic, "GET /api/v1/openapi.json": .readPublic, "GET /api/v1/contradictions": .readPublic, "GET /api/v1/findings": .readPublic, "GET /api/v1/search-audits": .readPublic,
        "GET /api/v1/me": .manageOwnAccount,
        "GET /api/v1/requests": .readRequests, "POST /api/v1/requests": .editRequests, "GET /api/v1/requests/:id": .readRequests,
        "POST /api/v1/requests/:id/status": .editRequests, "GET /api/v1/campaigns": .readRequests, "PUT /api/v1/agencies/:id/records-contact": .editRecordsContact, "GET /api/v1/**": .readPublic,
    ]

    @Test func everyRouteIsDeclaredAsReviewed() async throws {
        try await withFixtureApp(.sqlite) { app, _ in
            var seen: [String: Action] = [:]
            for route in app.routes.all {
                seen["\(route.method) /\(route.path.string)"] = route.requiredAction
            }
            for (route, action) in seen.sorted(by: { $0.key < $1.key }) {
                #expect(Self.expectedActions[route] == action, "\(route) is declared \(action); add or correct it in expectedActions after review")
            }
            for route in Self.expectedActions.keys where seen[route] == nil { Issue.record("\(route) is expected but not registered") }
        }
    }

    @Test(arguments: TestBackend.available)
    func everyRouteAllowsExactlyWhatThePermissionTableSays(backend: TestBackend) async throws {
        try await withFixtureApp(backend) { app, db in
            // setup: one person per role, plus a person the admin routes act on.
            var people: [Role: UserAccount] = [:]
            for role in Role.allCases { people[role] = try await addPerson(db, "\(role.rawValue)@example.org", role) }
            let target = try await addPerson(db, "target@example.org", .volunteer)
            let sparks = try await agencyID(db, "Sparks NV PD")
            var tokens: [Role: String] = [:]
            for role in Role.allCases { tokens[role] = try await makeAPIToken(db, people[role]!) }

            let draft = try await RequestStore(db).createDraft(RequestDraft(agencyID: sparks, requester: Requester(name: "T", email: "t@example.org"), subject: "s",
                                                                            letter: "l", channel: .email), by: .system, now: testStart)
            let samples = ["id": String(sparks), "code": "NV", "userID": String(target.id), "tokenID": "999999", "requestID": String(draft.id), "kind": "follow-up",
                           "campaignID": "999999", "evidenceID": "999999", "findingID": "999999", "statementID": "999999", "logID": "999999", "contractID": "999999", "officialID": "999999", "token": "no-such-feed-token-0123456789abcdefghijkl", "name": "CITATION.txt"]
            let routes = app.routes.all
            #expect(routes.count >= 30, "expected every page, form and API route; found \(routes.count)")
            var checked = 0
            for route in routes {
                let action = try #require(route.requiredAction, "\(route.method) /\(route.path.string) is registered without a permission rule")
                let path = "/" + route.path.map { component -> String in
                    switch component {
                    case .parameter(let name): samples[name] ?? "missing-sample-\(name)"
                    case .catchall: "no-such-thing"
                    case .anything: "x"
                    case .constant(let text): text
                    }
                }.joined(separator: "/")
                #expect(!path.contains("missing-sample-"), "add a sample value for \(path) to this test")
                let isAPI = path.hasPrefix("/api/")
                for role in [nil] + Role.allCases.map(Optional.some) {
                    // MUT: the request, signed in afresh each time (sign-out ends a session).
                    var headers = HTTPHeaders()
                    if let role {
                        if isAPI { headers = .bearer(tokens[role]!) } else {
                            let session = try await makeSession(db, people[role]!)
                            headers = session.headers
                            headers.replaceOrAdd(name: "X-CSRF-Token", value: session.csrf)
                        }
                    } else if !isAPI {
                        // An anonymous visitor with a valid form token, so only the permission decides.
                        headers.replaceOrAdd(name: .cookie, value: "\(SecuritySettings.formCookie)=anonymous-form-token-0123456789abcdef")
                        headers.replaceOrAdd(name: "X-CSRF-Token", value: "anonymous-form-token-0123456789abcdef")
                    }
                    let answer = try await app.fetch(path, method: route.method, headers: headers)
                    let sentToSignIn = answer.status == .seeOther && (answer.headers.first(name: .location) ?? "").hasPrefix(SiteURL.signIn.path)
                    let refused = answer.status == .unauthorized || answer.status == .forbidden || sentToSignIn
                    let who = role?.rawValue ?? "anonymous"
                    // validate
                    if PermissionTable.allows(role, action) {
                        #expect(!refused, "\(who) should be allowed \(route.method) \(path) (\(action)); got \(answer.status.code)")
                    } else if role == nil {
                        #expect(isAPI ? answer.status == .unauthorized : sentToSignIn, "anonymous \(route.method) \(path) should be sent to sign in; got \(answer.status.code)")
                    } else {
                        #expect(answer.status == .forbidden, "\(who) should get 403 for \(route.method) \(path) (\(action)); got \(answer.status.code)")
                    }
                    checked += 1
                }
            }
            #expect(checked == routes.count * 4)
        }
    }

    /// The generated API: every operation of the document is a registered route with the rule
    /// `APIOperationRules` gives it, so the walk above covers each of them.
    @Test func everyOperationOfTheDocumentIsARouteWithItsRule() async throws {
        try await withFixtureApp(.sqlite) { app, _ in
            let document = OpenAPIDocument.shared
            #expect(document.operations.count >= 15)
            #expect(Set(document.operations.map(\.id)) == Set(APIOperationRules.rules.keys), "APIOperationRules and the document name the same operations")
            for operation in document.operations {
                let vaporPath = operation.path.split(separator: "/").map { $0.hasPrefix("{") ? ":" + $0.dropFirst().dropLast() : String($0) }.joined(separator: "/")
                let route = app.routes.all.first { $0.method.rawValue == operation.method && "/" + $0.path.string == "/" + vaporPath }
                #expect(route?.operationID == operation.id, "\(operation.method) \(operation.path) is not registered")
                #expect(route?.requiredAction != nil && route?.requiredAction == APIOperationRules.rules[operation.id]?.action, "\(operation.id)")
                #expect(Self.expectedActions["\(operation.method) /\(vaporPath)"] == route?.requiredAction, "\(operation.id) is reviewed in expectedActions")
            }
        }
    }

    @Test func anOperationWithoutARuleStopsTheStart() async throws {
        // setup: a document with one operation the rules do not know.
        let document = try OpenAPIDocument(yaml: "openapi: 3.1.0\npaths:\n  /api/v1/new:\n    get:\n      operationId: somethingNew\n      responses: {}\n")
        let app = try await Application.make(.testing)
        let registrar = APIRouteRegistrar(app: app, middleware: [], document: document)
        // MUT + validate
        #expect(throws: OpenAPIDocument.DocumentError.self) {
            try registrar.register({ _, _, _ in (HTTPResponse(status: .ok), nil) }, method: .get, path: "/api/v1/new")
        }
        #expect(app.routes.all.isEmpty, "nothing went live")
        try await app.asyncShutdown()
    }

    @Test func aRouteWithoutARuleIsClosedToEveryone() async throws {
        try await withFixtureApp(.sqlite) { app, db in
            // setup: a route registered the way a forgetful change would.
            app.get("forgotten") { _ in "open?" }
            let admin = try await addPerson(db, "admin@example.org", .admin)
            var session = try await makeSession(db, admin)
            // MUT + validate: not even an admin gets through.
            let page = try await session.get(app, "/forgotten")
            #expect(page.status == .forbidden)
            #expect(!page.body.contains("open?"))
        }
    }
}
