import Foundation

/// The name shown in the header and the audit trail.
public enum DisplayName {
    public static let maximumCharacters = 80

    /// The given name trimmed, or the part of the email before the @ when none is given.
    public static func validated(_ text: String?, email: String, field: String = "name") throws -> String {
        let name = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { return String(email.split(separator: "@").first ?? Substring(email)) }
        guard name.count <= maximumCharacters, !name.contains(where: { $0.isNewline || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) else {
            throw InputProblems([InputProblem(file: "input", field: field, problem: "the name is longer than \(maximumCharacters) characters or contains control characters",
                                              hint: "Use a short name on one line.")])
        }
        return name
    }
}
