import Foundation

/// Field name → value (nil for empty) of an entity before or after a change, as the audit trail keeps it.
public typealias AuditValues = [String: String?]

public enum AuditValuesCoding {
    /// Stable JSON (sorted keys, nulls kept) so the same values always read the same.
    public static func encode(_ values: AuditValues?) -> String? {
        guard let values else { return nil }
        let object = values.mapValues { $0.map { $0 as Any } ?? NSNull() }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    public static func decode(_ json: String?) -> AuditValues? {
        guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        return object.mapValues { $0 is NSNull ? nil : "\($0)" }
    }

    /// Only the fields whose values differ, for showing a change compactly.
    public static func changedFields(before: AuditValues?, after: AuditValues?) -> [String] {
        let keys = Set((before ?? [:]).keys).union((after ?? [:]).keys)
        return keys.filter { (before?[$0] ?? nil) != (after?[$0] ?? nil) }.sorted()
    }
}
