/// Where a change came from.
public enum AuditChannel: String, Sendable, CaseIterable, Codable {
    case web, api, cli
}
