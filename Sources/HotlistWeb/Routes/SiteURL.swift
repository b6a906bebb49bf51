import HotlistCore

/// Every page and API address, in one place: routes are registered from it and views print links
/// with it, so no view holds a hand-written URL.
public enum SiteURL: Sendable, Equatable {
    case home
    case agencies
    case agency(Int)
    case referenceNCIC
    case referenceStates
    case referenceState(String)
    case about
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
    case requestAction(Int, String)
    case requestLetter(Int, String)
    case requestEML(Int)
    case campaigns
    case newCampaign
    case campaign(Int)
    case campaignFeed(Int)
    case accountFeed
    case feedCalendar(String)
    case feedAtom(String)
    case agencyEvidence(Int)
    case evidenceWithdraw(Int)
    case agencyHotlistLog(Int)
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
    }

    public var path: String {
        switch self {
        case .home: "/"
        case .agencies: "/agencies"
        case .agency(let id): "/agencies/\(id)"
        case .referenceNCIC: "/reference/ncic"
        case .referenceStates: "/reference/states"
        case .referenceState(let code): "/reference/states/\(code)"
        case .about: "/about"
        case .stylesheet: "/static/style.css"
        case .favicon: "/favicon.ico"
        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .resetPassword: "/reset-password"
        case .account: "/account"
        case .accountPassword: "/account/password"
        case .accountTokens: "/account/tokens"
        case .revokeToken(let id): "/account/tokens/\(id)/revoke"
        case .people: "/admin/people"
        case .personRole(let id): "/admin/people/\(id)/role"
        case .personDisable(let id): "/admin/people/\(id)/disable"
        case .personEnable(let id): "/admin/people/\(id)/enable"
        case .personResetToken(let id): "/admin/people/\(id)/reset-token"
        case .audit: "/admin/audit"
        case .auditCSV: "/admin/audit.csv"
        case .recordsContact(let id): "/agencies/\(id)/records-contact"
        case .requests: "/requests"
        case .requestsCSV: "/requests.csv"
        case .requestStatistics: "/requests/statistics"
        case .newRequest(let agency): "/requests/new?agency=\(agency)"
        case .request(let id): "/requests/\(id)"
        case .requestAction(let id, let action): "/requests/\(id)/\(action)"
        case .requestLetter(let id, let kind): "/requests/\(id)/letters/\(kind)"
        case .requestEML(let id): "/requests/\(id)/request.eml"
        case .campaigns: "/campaigns"
        case .newCampaign: "/campaigns/new"
        case .campaign(let id): "/campaigns/\(id)"
        case .campaignFeed(let id): "/campaigns/\(id)/feed"
        case .accountFeed: "/account/feed"
        case .feedCalendar(let token): "/feeds/\(token)/due.ics"
        case .feedAtom(let token): "/feeds/\(token)/status.atom"
        case .agencyEvidence(let id): "/agencies/\(id)/evidence"
        case .evidenceWithdraw(let id): "/evidence/\(id)/withdraw"
        case .agencyHotlistLog(let id): "/agencies/\(id)/hotlist-log"
        case .evidence(let id): "/evidence/\(id)"
        case .evidenceFile(let id): "/evidence/\(id)/file"
        case .evidenceVisibility(let id): "/evidence/\(id)/visibility"
        case .agencyFindings(let id): "/agencies/\(id)/findings"
        case .newFinding(let agency): "/agencies/\(agency)/findings/new"
        case .finding(let id): "/findings/\(id)"
        case .findingCorrect(let id): "/findings/\(id)/correct"
        case .findingVerify(let id): "/findings/\(id)/verify"
        case .findingSendBack(let id): "/findings/\(id)/send-back"
        case .review: "/review"
        case .findings: "/findings"
        case .agencyStatements(let id): "/agencies/\(id)/statements"
        case .newStatement(let agency): "/agencies/\(agency)/statements/new"
        case .statementVerify(let id): "/statements/\(id)/verify"
        case .api(let api):
            switch api {
            case .agencies: "/api/v1/agencies"
            case .agency(let id): "/api/v1/agencies/\(id)"
            case .ncic: "/api/v1/reference/ncic"
            case .states: "/api/v1/reference/states"
            case .state(let code): "/api/v1/reference/states/\(code)"
            case .openAPI: "/api/v1/openapi.json"
            case .me: "/api/v1/me"
            case .recordsContact(let id): "/api/v1/agencies/\(id)/records-contact"
            case .requests: "/api/v1/requests"
            case .request(let id): "/api/v1/requests/\(id)"
            case .requestStatus(let id): "/api/v1/requests/\(id)/status"
            case .campaigns: "/api/v1/campaigns"
            case .findings: "/api/v1/findings"
            }
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
