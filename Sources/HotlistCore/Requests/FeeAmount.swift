import Foundation

/// Dollar amounts typed by people: "25", "25.00", "$25.50", "1,200.00".
public enum FeeAmount {
    /// A comma is accepted only between groups of three digits ("1,200"), so "12,5" (a decimal comma)
    /// is refused rather than read as 125.
    public static func cents(_ text: String) -> Int? {
        let plain = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "$", with: "")
        let whole = plain.split(separator: ".", omittingEmptySubsequences: false)[0]
        if whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let parts = plain.replacingOccurrences(of: ",", with: "").split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let dollars = Int(parts[0]), dollars >= 0, dollars < 1_000_000 else { return nil }
        guard parts.count == 2 else { return dollars * 100 }
        guard parts[1].count == 2, let fraction = Int(parts[1]) else { return nil }
        return dollars * 100 + fraction
    }
}
