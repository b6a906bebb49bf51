import Foundation

/// An exemption the agency cited, as it cited it, linked to the library entry when one fits.
public struct CitedExemption: Sendable, Equatable, Identifiable {
    public var id: Int
    public var requestID: Int
    public var exemptionID: String?
    public var citedText: String

    public init(id: Int, requestID: Int, exemptionID: String?, citedText: String) {
        self.id = id; self.requestID = requestID; self.exemptionID = exemptionID; self.citedText = citedText
    }

    public var libraryEntry: Exemption? { exemptionID.flatMap(ExemptionLibrary.byID) }
}
