/// Where an agency stands on the question that matters, derived from findings and requests:
/// Immigration Violator enabled or disabled (as of a date), a request pending, refused, no
/// response past the due date, not known to use Flock, or not asked yet.
public struct AgencyStatus: Sendable, Equatable, Codable {
    public enum Code: String, Sendable, CaseIterable, Codable {
        case immigrationViolatorEnabled = "immigration_violator_enabled"
        case immigrationViolatorDisabled = "immigration_violator_disabled"
        case refused
        case noResponsePastDue = "no_response_past_due"
        case requestPending = "request_pending"
        case notKnownToUseFlock = "not_known_to_use_flock"
        case notAskedYet = "not_asked_yet"
    }

    public var code: Code
    /// "Immigration Violator enabled (reported by EFF, 2026-06-25)".
    public var label: String
    public var asOf: String?

    public init(code: Code, label: String, asOf: String?) { self.code = code; self.label = label; self.asOf = asOf }

    /// The newest record of the setting decides first (a later refusal does not hide it); then a
    /// refusal on record; then our requests: overdue, pending, refused; then what the directory knows.
    public static func derive(reported: [RecordedOutcome], requests: [RecordsRequest], usesFlock: Bool, today: CalendarDay) -> AgencyStatus {
        if let latest = ContradictionEngine.currentSetting(reported) ?? reported.last {
            switch latest.outcome {
            case .immigrationViolatorEnabled: return AgencyStatus(code: .immigrationViolatorEnabled, label: latest.label, asOf: latest.asOf)
            case .immigrationViolatorDisabled: return AgencyStatus(code: .immigrationViolatorDisabled, label: latest.label, asOf: latest.asOf)
            case .refused: return AgencyStatus(code: .refused, label: latest.label, asOf: latest.asOf)
            }
        }
        let filed = requests.filter { $0.filedOn != nil }
        if let overdue = filed.filter({ $0.isOverdue(today: today) }).min(by: { $0.actionDate! < $1.actionDate! }), let date = overdue.actionDate {
            return AgencyStatus(code: .noResponsePastDue, label: "No response; the answer was due \(date.iso)", asOf: date.iso)
        }
        if let pending = filed.filter({ $0.status.awaitsAgency || $0.status == .feeRequested || $0.status == .needsClarification || $0.status == .appealing })
            .min(by: { $0.filedOn! < $1.filedOn! }) {
            return AgencyStatus(code: .requestPending, label: "Records request pending since \(pending.filedOn!.iso)", asOf: pending.filedOn!.iso)
        }
        if let denied = filed.first(where: { $0.status == .denied || $0.status == .inLitigation }) {
            return AgencyStatus(code: .refused, label: "Refused our records request", asOf: denied.filedOn?.iso)
        }
        if !usesFlock { return AgencyStatus(code: .notKnownToUseFlock, label: "Not known to use Flock", asOf: nil) }
        return AgencyStatus(code: .notAskedYet, label: "Not asked yet", asOf: nil)
    }
}
