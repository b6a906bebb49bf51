import Foundation

/// A US state or the District of Columbia, with its USPS code.
public struct USState: Sendable, Hashable, Codable {
    /// Two-letter USPS code, uppercase ("NV").
    public let code: String
    /// Full name ("Nevada").
    public let name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// All 50 states plus DC, ordered by name.
    public static let all: [USState] = [
        ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"),
        ("CA", "California"), ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"),
        ("DC", "District of Columbia"), ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"),
        ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"),
        ("KS", "Kansas"), ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"),
        ("MD", "Maryland"), ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"),
        ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"),
        ("NV", "Nevada"), ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"),
        ("NY", "New York"), ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"),
        ("OK", "Oklahoma"), ("OR", "Oregon"), ("PA", "Pennsylvania"), ("RI", "Rhode Island"),
        ("SC", "South Carolina"), ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"),
        ("UT", "Utah"), ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"),
        ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"),
    ].map { USState(code: $0.0, name: $0.1) }

    private static let byUppercasedCode: [String: USState] =
        Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })
    private static let byLowercasedName: [String: USState] =
        Dictionary(uniqueKeysWithValues: all.map { ($0.name.lowercased(), $0) })

    /// Looks up a two-letter code in any case ("nv" → Nevada).
    public static func byCode(_ code: String) -> USState? {
        byUppercasedCode[code.trimmingCharacters(in: .whitespaces).uppercased()]
    }

    /// Looks up a full name in any case ("nevada" → Nevada); surrounding and
    /// repeated inner whitespace is ignored.
    public static func byName(_ name: String) -> USState? {
        let words = name.lowercased().split(whereSeparator: \.isWhitespace)
        return byLowercasedName[words.joined(separator: " ")]
    }
}
