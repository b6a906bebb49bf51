import Foundation

/// The rules of the contradiction engine. Ids are stable: they appear in URLs, exports and the API.
public enum ContradictionRule: Int, Sendable, CaseIterable, Codable {
    case ownPolicy = 1
    case stateLaw = 2
    case publicStatement = 3
    case reEnabled = 4
    case sharingAgainstStateLaw = 5
    case exposureThroughSharing = 6
    case askFirst = 7
    case immigrationSearches = 8

    public var id: String { "rule-\(rawValue)" }

    public var title: String {
        switch self {
        case .ownPolicy: "Immigration Violator enabled against the agency's own policy"
        case .stateLaw: "Immigration Violator enabled where state law restricts immigration use"
        case .publicStatement: "Immigration Violator enabled against a public statement"
        case .reEnabled: "Immigration Violator switched back on"
        case .sharingAgainstStateLaw: "Sharing ALPR data against state law"
        case .exposureThroughSharing: "Data searchable by an agency that scans for ICE"
        case .askFirst: "Ask first: forbids immigration enforcement yet alerts on NCIC, no answer yet"
        case .immigrationSearches: "Searches citing immigration, run by or of the cameras of an agency that forbids immigration enforcement"
        }
    }

    public static func parse(_ text: String) -> ContradictionRule? {
        let digits = text.lowercased().replacingOccurrences(of: "rule-", with: "")
        return Int(digits).flatMap(ContradictionRule.init(rawValue:))
    }
}
