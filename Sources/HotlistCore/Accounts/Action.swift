/// Everything a route can do, named for the permission table. Every route declares one; a route
/// without one is refused to everybody.
public enum Action: String, Sendable, CaseIterable {
    /// Public pages and the read-only API.
    case readPublic
    /// Sign-in and password-reset forms: open to anyone, they are how one becomes someone.
    case signIn
    /// Calendar and Atom feeds behind a secret address: the address is the credential.
    case readSecretFeed
    case signOut
    /// Own account page, own password, own API tokens.
    case manageOwnAccount
    /// Correct an agency's records contact (email, portal).
    case editRecordsContact
    /// Add, correct or remove an agency's ALPR contracts, its governing body and public officials (audited).
    case editContracts
    /// See requests, their letters and logs (requesters' names and emails included).
    case readRequests
    /// Write, file and update requests; log replies; generate follow-ups and appeals.
    case editRequests
    /// Start a campaign: one request to many agencies.
    case manageCampaigns
    /// See private evidence files, unverified findings and statements, and who entered them.
    case readWork
    /// Upload evidence and hotlist action logs.
    case addEvidence
    /// Enter and correct findings and agency statements (unverified until a second person checks).
    case enterFindings
    /// Verify someone else's finding or statement, making it public; the reviewer queue.
    case verifyFindings
    /// Publish an evidence file (or take it back): someone has checked it holds no personal data.
    case publishEvidence
    /// Take back a withdrawal made by mistake (audited).
    case reopenRequests
    /// Withdraw an evidence file uploaded by mistake: its bytes are deleted, its record and the reason kept.
    case withdrawEvidence
    case manageUsers
    case readAuditTrail
}
