/// Who signs a request. In states that limit requests to residents, a campaign names an in-state requester.
public struct Requester: Sendable, Equatable, Codable {
    public var name: String
    public var email: String
    public var postalAddress: String?
    /// The state the requester lives in, when known.
    public var stateCode: String?

    public init(name: String, email: String, postalAddress: String? = nil, stateCode: String? = nil) {
        self.name = name; self.email = email; self.postalAddress = postalAddress; self.stateCode = stateCode
    }
}
