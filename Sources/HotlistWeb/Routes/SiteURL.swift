import HotlistCore
import HotlistStore

/// Every page and API address, in one place: the route table registers from it and views print
/// links with it, so no view or route holds a hand-written URL (`RouteTableTests` checks both ways).
public enum SiteURL: Sendable, Equatable {
    case home
    case agencies
    case agency(Int)
    case referenceNCIC
    case referenceStates
    case referenceState(String)
    case about
    case data
    case dataFile(String)
    case stylesheet
    case favicon
    case signIn
    case signOut
    case resetPassword
    case account
    case accountPassword
    case accountTokens
    case revokeToken(Int)
    case people
    case personRole(Int)
    case personDisable(Int)
    case personEnable(Int)
    case personResetToken(Int)
    case audit
    case auditCSV
    case recordsContact(Int)
    case requests
    case requestsCSV
    case requestStatistics
    case newRequest(agency: Int)
    case request(Int)
    case requestAction(Int, RequestAction)
    case requestLetter(Int, RequestLetters.Kind)
    case requestEML(Int)
    case campaigns
    case newCampaign
    case campaign(Int)
    case campaignFeed(Int)
    case accountFeed
    case feedCalendar(String)
    case feedAtom(String)
    case agencyEvidence(Int)
    /// The agency's records package: public evidence, verified findings and statements, with hashes.
    case agencyPackage(Int)
    case evidenceWithdraw(Int)
    case agencyHotlistLog(Int)
    case agencyHitLog(Int)
    case evidence(Int)
    case evidenceFile(Int)
    case evidenceVisibility(Int)
    case agencyFindings(Int)
    case newFinding(agency: Int)
    case finding(Int)
    case findingCorrect(Int)
    case findingVerify(Int)
    case findingSendBack(Int)
    case review
    case findings
    case agencyStatements(Int)
    case newStatement(agency: Int)
    case statementVerify(Int)
    case searchAuditVerify(Int)
    case state(String)
    case contradictions
    case agencyContracts(Int)
    case agencyContract(Int, contract: Int)
    case agencyContractRemove(Int, contract: Int)
    case agencyOfficials(Int)
    case agencyGoverningBody(Int)
    case agencyGoverningBodyRemove(Int)
    case agencyOfficial(Int, official: Int)
    case agencyOfficialRemove(Int, official: Int)
    case renewals
    case renewalsCalendar
    case agencyBrief(Int)
    case agencyBriefPDF(Int)
    case agencyPress(Int)
    case agencyLetter(Int)
    case api(API)

    public enum API: Sendable, Equatable {
        case agencies
        case agency(Int)
        case ncic
        case states
        case state(String)
        case openAPI
        case me
        case recordsContact(Int)
        case requests
        case request(Int)
        case requestStatus(Int)
        case campaigns
        case findings
        case searchAudits
        case contradictions
    }

    /// The address's pieces: fixed text and named parameters with their values. Links print them
    /// (`path`); the route table registers the same pieces with the parameters as patterns.
    public var segments: [Segment] {
        switch self {
        case .home: []
        case .agencies: ["agencies"]
        case .agency(let id): ["agencies", .id("id", id)]
        case .referenceNCIC: ["reference", "ncic"]
        case .referenceStates: ["reference", "states"]
        case .referenceState(let code): ["reference", "states", .text("code", code)]
        case .about: ["about"]
        case .data: ["data"]
        case .dataFile(let name): ["data", .text("name", name)]
        case .stylesheet: ["static", "style.css"]
        case .favicon: ["favicon.ico"]
        case .signIn: ["sign-in"]
        case .signOut: ["sign-out"]
        case .resetPassword: ["reset-password"]
        case .account: ["account"]
        case .accountPassword: ["account", "password"]
        case .accountTokens: ["account", "tokens"]
        case .revokeToken(let id): ["account", "tokens", .id("tokenID", id), "revoke"]
        case .people: ["admin", "people"]
        case .personRole(let id): ["admin", "people", .id("userID", id), "role"]
        case .personDisable(let id): ["admin", "people", .id("userID", id), "disable"]
        case .personEnable(let id): ["admin", "people", .id("userID", id), "enable"]
        case .personResetToken(let id): ["admin", "people", .id("userID", id), "reset-token"]
        case .audit: ["admin", "audit"]
        case .auditCSV: ["admin", "audit.csv"]
        case .recordsContact(let id): ["agencies", .id("id", id), "records-contact"]
        case .requests: ["requests"]
        case .requestsCSV: ["requests.csv"]
        case .requestStatistics: ["requests", "statistics"]
        case .newRequest: ["requests", "new"]
        case .request(let id): ["requests", .id("requestID", id)]
        case .requestAction(let id, let action): ["requests", .id("requestID", id), .constant(action.rawValue)]
        case .requestLetter(let id, let kind): ["requests", .id("requestID", id), "letters", .text("kind", kind.rawValue)]
        case .requestEML(let id): ["requests", .id("requestID", id), "request.eml"]
        case .campaigns: ["campaigns"]
        case .newCampaign: ["campaigns", "new"]
        case .campaign(let id): ["campaigns", .id("campaignID", id)]
        case .campaignFeed(let id): ["campaigns", .id("campaignID", id), "feed"]
        case .accountFeed: ["account", "feed"]
        case .feedCalendar(let token): ["feeds", .text("token", token), "due.ics"]
        case .feedAtom(let token): ["feeds", .text("token", token), "status.atom"]
        case .agencyEvidence(let id): ["agencies", .id("id", id), "evidence"]
        case .agencyPackage(let id): ["agencies", .id("id", id), "package.zip"]
        case .evidenceWithdraw(let id): ["evidence", .id("evidenceID", id), "withdraw"]
        case .agencyHotlistLog(let id): ["agencies", .id("id", id), "hotlist-log"]
        case .agencyHitLog(let id): ["agencies", .id("id", id), "hit-log"]
        case .evidence(let id): ["evidence", .id("evidenceID", id)]
        case .evidenceFile(let id): ["evidence", .id("evidenceID", id), "file"]
        case .evidenceVisibility(let id): ["evidence", .id("evidenceID", id), "visibility"]
        case .agencyFindings(let id): ["agencies", .id("id", id), "findings"]
        case .newFinding(let agency): ["agencies", .id("id", agency), "findings", "new"]
        case .finding(let id): ["findings", .id("findingID", id)]
        case .findingCorrect(let id): ["findings", .id("findingID", id), "correct"]
        case .findingVerify(let id): ["findings", .id("findingID", id), "verify"]
        case .findingSendBack(let id): ["findings", .id("findingID", id), "send-back"]
        case .review: ["review"]
        case .findings: ["findings"]
        case .agencyStatements(let id): ["agencies", .id("id", id), "statements"]
        case .newStatement(let agency): ["agencies", .id("id", agency), "statements", "new"]
        case .statementVerify(let id): ["statements", .id("statementID", id), "verify"]
        case .searchAuditVerify(let id): ["audit-logs", .id("logID", id), "verify"]
        case .state(let code): ["states", .text("code", code)]
        case .contradictions: ["contradictions"]
        case .agencyContracts(let id): ["agencies", .id("id", id), "contracts"]
        case .agencyContract(let id, let contract): ["agencies", .id("id", id), "contracts", .id("contractID", contract)]
        case .agencyContractRemove(let id, let contract): ["agencies", .id("id", id), "contracts", .id("contractID", contract), "remove"]
        case .agencyOfficials(let id): ["agencies", .id("id", id), "officials"]
        case .agencyGoverningBody(let id): ["agencies", .id("id", id), "officials", "body"]
        case .agencyGoverningBodyRemove(let id): ["agencies", .id("id", id), "officials", "body", "remove"]
        case .agencyOfficial(let id, let official): ["agencies", .id("id", id), "officials", .id("officialID", official)]
        case .agencyOfficialRemove(let id, let official): ["agencies", .id("id", id), "officials", .id("officialID", official), "remove"]
        case .renewals: ["renewals"]
        case .renewalsCalendar: ["renewals.ics"]
        case .agencyBrief(let id): ["agencies", .id("id", id), "brief"]
        case .agencyBriefPDF(let id): ["agencies", .id("id", id), "brief.pdf"]
        case .agencyPress(let id): ["agencies", .id("id", id), "press"]
        case .agencyLetter(let id): ["agencies", .id("id", id), "letter"]
        case .api(let api):
            switch api {
            case .agencies: ["api", "v1", "agencies"]
            case .agency(let id): ["api", "v1", "agencies", .id("id", id)]
            case .ncic: ["api", "v1", "reference", "ncic"]
            case .states: ["api", "v1", "reference", "states"]
            case .state(let code): ["api", "v1", "reference", "states", .text("code", code)]
            case .openAPI: ["api", "v1", "openapi.json"]
            case .me: ["api", "v1", "me"]
            case .contradictions: ["api", "v1", "contradictions"]
            case .recordsContact(let id): ["api", "v1", "agencies", .id("id", id), "records-contact"]
            case .requests: ["api", "v1", "requests"]
            case .request(let id): ["api", "v1", "requests", .id("id", id)]
            case .requestStatus(let id): ["api", "v1", "requests", .id("id", id), "status"]
            case .campaigns: ["api", "v1", "campaigns"]
            case .findings: ["api", "v1", "findings"]
            case .searchAudits: ["api", "v1", "search-audits"]
            }
        }
    }

    /// Query items some addresses carry (the agency a new request is for).
    var queryItems: [(String, String)] {
        if case .newRequest(let agency) = self { return [("agency", String(agency))] }
        return []
    }

    public var path: String {
        let path = "/" + segments.map(\.value).joined(separator: "/")
        let query = queryItems
        return query.isEmpty ? path : path + "?" + query.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// The route pattern, as Vapor and the permission test write it: "/requests/:requestID/file".
    public var pattern: String {
        "/" + segments.map { segment in
            switch segment {
            case .constant(let text): text
            case .parameter(let name, _): ":" + name
            }
        }.joined(separator: "/")
    }

    /// Only these routes take an evidence file's worth of body, and only from people allowed to add one.
    var acceptsUploads: Bool {
        switch self {
        case .agencyEvidence, .agencyHotlistLog, .agencyHitLog: true
        default: false
        }
    }

    /// The path with a query string built from `items`, percent-encoded.
    public func with(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return path }
        return path + "?" + items.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    /// `text` when it is a path on this site and nothing else: one leading slash, no scheme or host,
    /// no backslash, space or control character (browsers drop a tab, so `/\t/evil.example` would
    /// become `//evil.example`, another host). Everything that redirects or links to a path that came
    /// from outside goes through here.
    static func localPath(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), text.count <= 2_048 else { return nil }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || $0 == "\\" || $0.properties.isWhitespace || $0.properties.generalCategory == .format }) else { return nil }
        guard let components = URLComponents(string: text), components.scheme == nil, components.host == nil,
              components.path.hasPrefix("/"), !components.path.hasPrefix("//") else { return nil }
        return text
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// The directory filtered to `filter`, at `page`.
    public static func agencies(_ filter: AgencyFilter, page: Int? = nil) -> String {
        SiteURL.agencies.with(filter.queryItems(page: page))
    }
}

import Foundation

extension SiteURL {
    /// A piece of a path: fixed text, or a named parameter and its value.
    public enum Segment: Sendable, Equatable, ExpressibleByStringLiteral {
        case constant(String)
        case parameter(String, String)

        public init(stringLiteral text: String) { self = .constant(text) }
        static func id(_ name: String, _ value: Int) -> Segment { .parameter(name, String(value)) }
        static func text(_ name: String, _ value: String) -> Segment { .parameter(name, value) }

        var value: String {
            switch self {
            case .constant(let text): text
            case .parameter(_, let value): value
            }
        }
    }

    /// What the buttons on a request's page do; each is its own POST route.
    public enum RequestAction: String, Sendable, CaseIterable {
        case file, draft, send, status, reopen, log, fee, exemption, extend, tracking
    }

    /// One address of each kind (values are placeholders): the route table registers from these
    /// shapes and `RouteTableTests` checks that each is registered and nothing else is.
    static let everyShape: [SiteURL] = {
        let id = 0, text = ""
        var shapes: [SiteURL] = [
            .home, .agencies, .agency(id), .referenceNCIC, .referenceStates, .referenceState(text), .about, .data, .dataFile(text), .stylesheet, .favicon,
            .signIn, .signOut, .resetPassword, .account, .accountPassword, .accountTokens, .revokeToken(id),
            .people, .personRole(id), .personDisable(id), .personEnable(id), .personResetToken(id), .audit, .auditCSV, .recordsContact(id),
            .requests, .requestsCSV, .requestStatistics, .newRequest(agency: id), .request(id), .requestLetter(id, .appeal), .requestEML(id),
            .campaigns, .newCampaign, .campaign(id), .campaignFeed(id), .accountFeed, .feedCalendar(text), .feedAtom(text),
            .agencyEvidence(id), .agencyPackage(id), .evidenceWithdraw(id), .agencyHotlistLog(id), .agencyHitLog(id), .evidence(id), .evidenceFile(id), .evidenceVisibility(id),
            .agencyFindings(id), .newFinding(agency: id), .finding(id), .findingCorrect(id), .findingVerify(id), .findingSendBack(id), .review, .findings,
            .agencyStatements(id), .newStatement(agency: id), .statementVerify(id), .searchAuditVerify(id), .state(text), .contradictions,
            .agencyContracts(id), .agencyContract(id, contract: id), .agencyContractRemove(id, contract: id), .agencyOfficials(id),
            .agencyGoverningBody(id), .agencyGoverningBodyRemove(id), .agencyOfficial(id, official: id), .agencyOfficialRemove(id, official: id),
            .renewals, .renewalsCalendar,
            .agencyBrief(id), .agencyBriefPDF(id), .agencyPress(id), .agencyLetter(id),
        ]
        shapes += RequestAction.allCases.map { .requestAction(id, $0) }
        shapes += [API.agencies, .agency(id), .ncic, .states, .state(text), .openAPI, .me, .recordsContact(id), .requests, .request(id), .requestStatus(id),
                   .campaigns, .findings, .searchAudits, .contradictions].map { .api($0) }
        return shapes
    }()
}
