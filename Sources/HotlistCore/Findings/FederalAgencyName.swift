import Foundation

/// Recognises federal organisations among sharing partners by their names (the portals list names,
/// not kinds): acronyms as whole words, and a few phrases.
public enum FederalAgencyName {
    // Not "VA" (Virginia in agency names) nor "NPS" alone would be safe; military police are named by phrase below.
    static let acronyms: Set<String> = ["HSI", "ICE", "CBP", "FBI", "DEA", "ATF", "USMS", "DHS", "ERO", "USBP", "NCIS", "TSA", "USAF", "USCG", "DOD"]
    static let phrases = ["homeland security", "border patrol", "marshals service", "u.s. marshal", "us marshal", "federal bureau",
                          "customs and border", "immigration and customs", "drug enforcement administration", "secret service", "department of justice",
                          "us army", "u.s. army", "us air force", "u.s. air force", "us navy", "u.s. navy", "coast guard", "marine corps",
                          "air force base", "naval air station", "department of defense", "veterans affairs"]

    public static func isFederal(_ name: String) -> Bool {
        let words = name.components(separatedBy: CharacterSet.alphanumerics.inverted).filter { !$0.isEmpty }
        if words.contains(where: acronyms.contains) { return true }
        let lower = name.lowercased()
        return phrases.contains { lower.contains($0) }
    }
}
