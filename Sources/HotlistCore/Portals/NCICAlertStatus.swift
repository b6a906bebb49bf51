/// What an agency's portal says about alerting on the NCIC hotlist.
public enum NCICAlertStatus: String, Codable, CaseIterable, Sendable {
    /// The portal's "Hotlists Alerted On" names NCIC.
    case yes
    /// The portal lists hotlists, and NCIC is not among them (for example only "California SVS").
    case notListed = "not_listed"
    /// No portal hotlist data at all.
    case unknown

    public var label: String {
        switch self {
        case .yes: "Alerts on NCIC"
        case .notListed: "NCIC not listed"
        case .unknown: "No hotlist data"
        }
    }
}
