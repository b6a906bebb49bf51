/// A link to another agency.
public struct AgencyLink: Codable, Sendable, Equatable {
    public var id: Int
    public var name: String
    public var stateCode: String?
    public init(id: Int, name: String, stateCode: String?) { self.id = id; self.name = name; self.stateCode = stateCode }
}
