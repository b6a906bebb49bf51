/// Who may do what: one table, role × action, deny by default. Anonymous visitors are `nil`.
public enum PermissionTable {
    public enum Grant: Sendable, Equatable {
        /// Anyone, signed in or not.
        case everyone
        /// Signed-in people with one of these roles.
        case roles(Set<Role>)
    }

    static let everyRole = Set(Role.allCases)

    /// The table itself. An action missing here is allowed to nobody.
    public static let grants: [Action: Grant] = [
        .readPublic: .everyone,
        .signIn: .everyone,
        .readSecretFeed: .everyone,
        .signOut: .roles(everyRole),
        .manageOwnAccount: .roles(everyRole),
        .editRecordsContact: .roles([.volunteer, .reviewer, .admin]),
        .editContracts: .roles([.volunteer, .reviewer, .admin]),
        .readRequests: .roles(everyRole),
        .editRequests: .roles(everyRole),
        .manageCampaigns: .roles([.reviewer, .admin]),
        .readWork: .roles(everyRole),
        .addEvidence: .roles(everyRole),
        .enterFindings: .roles(everyRole),
        .verifyFindings: .roles([.reviewer, .admin]),
        .publishEvidence: .roles([.reviewer, .admin]),
        .reopenRequests: .roles([.admin]),
        .withdrawEvidence: .roles([.admin]),
        .manageUsers: .roles([.admin]),
        .readAuditTrail: .roles([.admin]),
    ]

    public static func allows(_ role: Role?, _ action: Action) -> Bool {
        switch grants[action] {
        case .none: false
        case .everyone: true
        case .roles(let roles): role.map(roles.contains) ?? false
        }
    }

    /// Actions that need a signed-in person (anonymous visitors are sent to sign in).
    public static func needsSignIn(_ action: Action) -> Bool { !allows(nil, action) }
}
