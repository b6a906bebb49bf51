/// Which page of a Flock transparency portal a snapshot was read from.
public enum PortalPage: String, Codable, CaseIterable, Sendable {
    /// Usage figures: cameras, retention, hotlists alerted on, 30-day counts.
    case usage
    /// Policy text: acceptable and prohibited uses, access and hotlist policies.
    case policy
}
