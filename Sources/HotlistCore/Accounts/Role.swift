import Foundation

/// What a signed-in person may do is decided by their role; see `PermissionTable`.
public enum Role: String, Sendable, CaseIterable, Codable, Comparable {
    case volunteer, reviewer, admin

    public var label: String { rawValue }

    public var explanation: String {
        switch self {
        case .volunteer: "files requests, uploads what comes back, corrects agency contacts"
        case .reviewer: "everything a volunteer does; verifies work before it becomes public"
        case .admin: "everything; manages people and reads the audit trail"
        }
    }

    private var rank: Int { switch self { case .volunteer: 0; case .reviewer: 1; case .admin: 2 } }
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    /// Reads a role from user input, naming the valid ones when it is not one.
    public static func parse(_ text: String, field: String = "role") throws -> Role {
        guard let role = Role(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw InputProblems([InputProblem(file: "input", field: field, problem: "\"\(text)\" is not a role",
                                              hint: "Use one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")])
        }
        return role
    }
}
