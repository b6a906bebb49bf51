/// Everything a route can do, named for the permission table. Every route declares one; a route
/// without one is refused to everybody.
public enum Action: String, Sendable, CaseIterable {
    /// Public pages and the read-only API.
    case readPublic
    /// Sign-in and password-reset forms: open to anyone, they are how one becomes someone.
    case signIn
    case signOut
    /// Own account page, own password, own API tokens.
    case manageOwnAccount
    /// Correct an agency's records contact (email, portal).
    case editRecordsContact
    case manageUsers
    case readAuditTrail
}
