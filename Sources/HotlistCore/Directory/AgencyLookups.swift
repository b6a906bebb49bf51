import Foundation

/// Where to look for an agency's records contact and ALPR use elsewhere: MuckRock's agency list
/// (`/agency/?q=`, the search of its agency list view), the Atlas of Surveillance (EFF and the
/// University of Nevada, Reno Reynolds School of Journalism), its Flock transparency portal, and a
/// web search for its public-records portal or email. Every value is percent-encoded.
public enum AgencyLookups {
    public struct Link: Sendable, Equatable {
        public var label: String
        public var url: String
    }

    public static func links(name: String, stateCode: String?, city: String?, flockPortalURL: String?) -> [Link] {
        let state = stateCode.map { " \($0)" } ?? ""
        let place = (city ?? name) + (stateCode.map { ", \($0)" } ?? "")
        let portal = flockPortalURL.flatMap { $0.lowercased().hasPrefix("https://") || $0.lowercased().hasPrefix("http://") ? $0 : nil }
        return [
            Link(label: "MuckRock", url: url("https://www.muckrock.com/agency/", [("q", name)])),
            Link(label: "Atlas of Surveillance", url: url("https://atlasofsurveillance.org/search", [("location", place), ("technologies", "automated-license-plate-readers")])),
            Link(label: portal == nil ? "Flock portal (search)" : "Flock portal",
                 url: portal ?? url("https://duckduckgo.com/", [("q", "site:transparency.flocksafety.com \(name)\(state)")])),
            Link(label: "Records portal or email (web search)", url: url("https://duckduckgo.com/", [("q", "\(name)\(state) public records request")])),
        ]
    }

    /// Only unreserved characters stay as they are; a space is %20 and "+" is %2B, so no site reads either wrongly.
    static func url(_ base: String, _ items: [(String, String)]) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        let query = items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        return "\(base)?\(query)"
    }
}
