/// One "External organizations with access" entry: `viewer` can search `owner`'s ALPR data.
public struct SharingEdge: Codable, Sendable, Hashable {
    public var ownerKey: String
    public var viewerKey: String
    public init(ownerKey: String, viewerKey: String) { self.ownerKey = ownerKey; self.viewerKey = viewerKey }
}
