import Foundation

/// The audit trail as CSV (RFC 4180), one row per entry, for `audit export` and the admin download.
public enum AuditCSV {
    public static let header = ["id", "occurred_at", "actor_user_id", "actor", "channel", "client_address", "action", "entity_type", "entity_id", "changed_fields", "before", "after"]

    public static func row(_ event: AuditEvent) -> [String] {
        [String(event.id), TimestampParser.iso8601(event.occurredAt), event.actor.userID.map(String.init) ?? "", event.actor.label,
         event.actor.channel.rawValue, event.actor.clientAddress ?? "", event.action, event.entityType, event.entityID,
         event.changedFields.joined(separator: " "), AuditValuesCoding.encode(event.before) ?? "", AuditValuesCoding.encode(event.after) ?? ""]
    }

    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// Quotes a field when it needs it. A leading =, +, @, tab or CR, or a - that does not start a
    /// plain number ("-123" is one, "-2+3" a formula), gets a quote mark in front so a spreadsheet
    /// shows the text instead of running it as a formula.
    public static func field(_ value: String) -> String {
        var text = value
        if needsFormulaGuard(text) { text = "'" + text }
        // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }

    static func needsFormulaGuard(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        switch first {
        case "=", "+", "@", "\t", "\r": return true
        case "-":
            let rest = text.unicodeScalars.dropFirst()
            let isNumber = rest.first.map { ("0"..."9").contains($0) } == true
                && rest.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "," }
            return !isNumber
        default: return false
        }
    }
}
