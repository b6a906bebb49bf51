import Foundation

/// Dollar amounts typed by people: "25", "25.00", "$25.50", "1,200.00".
public enum FeeAmount {
    public static func cents(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "$", with: "").replacingOccurrences(of: ",", with: "")
            .split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let dollars = Int(parts[0]), dollars >= 0, dollars < 1_000_000 else { return nil }
        guard parts.count == 2 else { return dollars * 100 }
        guard parts[1].count == 2, let fraction = Int(parts[1]) else { return nil }
        return dollars * 100 + fraction
    }
}
