/// What a page says after a redirect. Only these fixed texts are shown: a notice taken as free text
/// from the address could be used to put someone else's words on our pages.
enum Notice: String {
    case evidenceAdded = "evidence-added"
    case evidenceDuplicate = "evidence-duplicate"
    case evidencePublished = "evidence-published"
    case evidenceUnpublished = "evidence-unpublished"
    case logImported = "log-imported"
    case findingSaved = "finding-saved"
    case findingCorrected = "finding-corrected"
    case findingVerified = "finding-verified"
    case statementSaved = "statement-saved"
    case statementVerified = "statement-verified"
    case requestFiled = "request-filed"
    case requestStatusChanged = "request-status"
    case requestReopened = "request-reopened"
    case evidenceWithdrawn = "evidence-withdrawn"
    case requestLogged = "request-logged"
    case requestFeeAdded = "request-fee"
    case requestExemptionAdded = "request-exemption"
    case requestExtended = "request-extended"
    case requestTrackingAdded = "request-tracking"
    case requestDraftUpdated = "request-draft-updated"
    case contactCorrected = "contact-corrected"
    case campaignCreated = "campaign-created"
    case findingSentBack = "finding-sent-back"
    case evidenceKeptPrivate = "evidence-kept-private"

    var text: String {
        switch self {
        case .evidenceAdded: "Stored. The file is kept under its SHA-256 fingerprint and never modified."
        case .evidenceDuplicate: "These exact bytes were already stored for this agency; nothing new was stored."
        case .evidencePublished: "Published: anyone can now open and download this file."
        case .evidenceUnpublished: "Private again: only signed-in people can open it."
        case .logImported: "The hotlist action log was imported; the file is kept as evidence."
        case .findingSaved: "Saved. A second person with the reviewer role must verify it before it is public."
        case .findingCorrected: "Saved as a new version. The earlier versions stay in the history; this one needs verifying."
        case .findingVerified: "Verified. It is now on the agency's public page, and the contradiction rules use it."
        case .statementSaved: "Recorded. A second person must verify it against its source before it is public."
        case .statementVerified: "Verified; it is now public."
        case .requestFiled: "Marked as filed. The due date below is counted from the day the agency received it."
        case .requestStatusChanged: "Status changed; the history below has the change."
        case .evidenceWithdrawn: "Withdrawn: the file's bytes are deleted; this record, the reason and the audit entry stay."
        case .requestReopened: "Reopened: the request has its status from before the withdrawal again, and the audit trail has why."
        case .requestLogged: "Added to the communications log. If the agency answered, record it under Status (fulfilled, partially fulfilled, denied …) so the request leaves “needs action”."
        case .requestFeeAdded: "Fee recorded."
        case .requestExemptionAdded: "Exemption recorded. The appeal letter now answers it."
        case .requestExtended: "Extension recorded; the due date moved."
        case .requestTrackingAdded: "Tracking number added."
        case .requestDraftUpdated: "Draft saved."
        case .findingSentBack: "Sent back to its author with your reason. It leaves the review queue until they correct it."
        case .evidenceKeptPrivate: "Kept private, as decided: it leaves the review queue. Signed-in people can still open it."
        case .campaignCreated: "Campaign created. Its draft requests are listed below; each is filed like any other request."
        case .contactCorrected: "Saved. The corrected contact is public now, and the change is in the audit trail."
        }
    }

    static func from(_ code: String?) -> String? { code.flatMap(Notice.init(rawValue:))?.text }
}
