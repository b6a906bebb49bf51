import Foundation

/// Reads the timestamps found in the data sets: ISO 8601 with or without seconds and zone, or a bare date.
public enum TimestampParser {
    public static func parse(_ text: String) -> Date? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if value.isEmpty || value == "NA" { return nil }
        // Timestamps are short ASCII; Foundation's DateFormatter traps on some other text (found by
        // scripts/fuzz: "20\u{616}ty Type" crashed the process), so nothing else reaches it.
        guard value.utf8.count <= 64, value.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        // The common case ("2024-04-26T14:11:25Z") through the value-type parser: creating a
        // DateFormatter per timestamp was a visible part of the import.
        if let date = try? Date(value, strategy: .iso8601) { return date }
        for format in ["yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"] {
            if let date = formatter(format).date(from: value) { return date }
        }
        return nil
    }

    /// Validates a calendar date written YYYY-MM-DD and returns it normalised.
    public static func isoDay(_ text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespaces)
        guard value.count == 10, let date = formatter("yyyy-MM-dd").date(from: value) else { return nil }
        return formatter("yyyy-MM-dd").string(from: date) == value ? value : nil
    }

    public static func isoDay(_ date: Date) -> String { formatter("yyyy-MM-dd").string(from: date) }

    /// `2026-11-27T12:00:00Z`: how the audit trail, exports and the API write instants.
    public static func iso8601(_ date: Date) -> String { date.formatted(.iso8601) }

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }
}
