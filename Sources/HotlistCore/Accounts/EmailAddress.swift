import Foundation

/// Sign-in emails: compared case-insensitively, stored lower-cased and trimmed.
public enum EmailAddress {
    public static func normalize(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A deliberately plain check (one @, something either side, a dot in the domain, no spaces,
    /// control characters or header punctuation):
    /// enough to catch typos without rejecting real addresses.
    public static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 3, text.count <= 254 else { return false }
        guard parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        // Control characters (NUL among them) would reach an email header and the SMTP envelope.
        return !text.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || $0.properties.isWhitespace
            || $0.properties.generalCategory == .control || $0.properties.generalCategory == .format || "<>,;:\"()[]\\".unicodeScalars.contains($0) })
    }

    /// The normalized address, or a problem naming `field`.
    public static func validated(_ text: String, field: String = "email") throws -> String {
        let email = normalize(text)
        guard isPlausible(email) else {
            throw InputProblems([InputProblem(file: "input", field: field, problem: email.isEmpty ? "the email address is empty" : "\"\(email)\" is not an email address",
                                              hint: "Write it as name@example.org.")])
        }
        return email
    }
}
