/// Something asked for by id does not exist (or is not the asker's to see): a 404 on the web.
public struct RecordNotFound: Error, Sendable, CustomStringConvertible {
    public var what: String
    public init(_ what: String) { self.what = what }
    public var description: String { "\(what) does not exist" }
}
