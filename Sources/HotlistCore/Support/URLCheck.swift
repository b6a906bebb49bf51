import Foundation

/// One attempt by the data set's authors to load an agency's transparency portal.
public struct URLCheck: Codable, Sendable, Equatable {
    public var agencyKey: String
    public var url: String
    public var lastAttempt: Date?
    public var statusCode: Int?
    public var notes: String?
    public init(agencyKey: String, url: String, lastAttempt: Date?, statusCode: Int?, notes: String?) {
        self.agencyKey = agencyKey; self.url = url; self.lastAttempt = lastAttempt
        self.statusCode = statusCode; self.notes = notes
    }
}
