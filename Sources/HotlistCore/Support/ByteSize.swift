import Foundation

/// Sizes as people write and read them: "50m", "512k", "1g" or bytes; "50 MiB".
public enum ByteSize {
    /// Bytes from "50m", "512k", "1g" or a plain number; nil for anything else, zero, or over 1 GiB × 16.
    public static func parse(_ text: String) -> Int? {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Int)] = [("gb", 1 << 30), ("mb", 1 << 20), ("kb", 1 << 10), ("g", 1 << 30), ("m", 1 << 20), ("k", 1 << 10)]
        var digits = Substring(value), factor = 1
        if let unit = units.first(where: { value.hasSuffix($0.0) }) { digits = value.dropLast(unit.0.count); factor = unit.1 }
        guard let number = Int(digits), number > 0, number <= (16 << 30) / factor else { return nil }
        return number * factor
    }

    public static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20 { return bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
