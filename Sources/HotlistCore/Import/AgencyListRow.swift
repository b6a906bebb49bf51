/// One row of a user's own agency list, validated, with the line it came from.
public struct AgencyListRow: Sendable, Equatable {
    public var line: Int
    public var agency: Agency
    /// Which columns the row gave a value for; only those overwrite an existing agency.
    public var providedFields: Set<String>
}
