import Foundation

/// A law-enforcement agency in the directory.
public struct Agency: Codable, Sendable, Equatable {
    /// The store's id; nil before the agency is saved.
    public var id: Int?
    /// Where the agency came from and its id there ("noa:2459" for The News & Observer's data set),
    /// so re-imports update rather than duplicate.
    public var externalKey: String
    public var name: String
    /// Two-letter code; nil when the name could not be resolved with confidence.
    public var stateCode: String?
    public var kind: AgencyKind
    public var place: String?
    /// Why the state could not be resolved; such agencies are listed for review.
    public var unresolvedReason: String?
    public var ori: String?
    public var city: String?
    public var county: String?
    public var website: String?
    public var recordsEmail: String?
    public var recordsPortalURL: String?
    public var flockPortalURL: String?
    /// ISO date (YYYY-MM-DD).
    public var contractRenewal: String?
    public var vendor: String?
    public var notes: String?

    public init(id: Int? = nil, externalKey: String, name: String, stateCode: String?, kind: AgencyKind,
                place: String? = nil, unresolvedReason: String? = nil, ori: String? = nil, city: String? = nil,
                county: String? = nil, website: String? = nil, recordsEmail: String? = nil,
                recordsPortalURL: String? = nil, flockPortalURL: String? = nil, contractRenewal: String? = nil,
                vendor: String? = nil, notes: String? = nil) {
        self.id = id; self.externalKey = externalKey; self.name = name; self.stateCode = stateCode
        self.kind = kind; self.place = place; self.unresolvedReason = unresolvedReason; self.ori = ori
        self.city = city; self.county = county; self.website = website; self.recordsEmail = recordsEmail
        self.recordsPortalURL = recordsPortalURL; self.flockPortalURL = flockPortalURL
        self.contractRenewal = contractRenewal; self.vendor = vendor; self.notes = notes
    }

    /// An agency named in the data set, with state and kind parsed from its name.
    public static func fromName(_ name: String, externalKey: String, notes: String? = nil) -> Agency {
        let parsed = AgencyNameParser.parse(name)
        return Agency(externalKey: externalKey, name: name, stateCode: parsed.isResolved ? parsed.state : nil,
                      kind: parsed.kind, place: parsed.place,
                      unresolvedReason: parsed.isResolved ? nil : (parsed.unresolvedReason ?? "state not resolved"),
                      notes: notes)
    }
}
