import Foundation

/// One stored file and what is known about it. The bytes live in the evidence store under their
/// SHA-256; this is the record that says where they came from.
public struct EvidenceFile: Sendable, Equatable, Codable {
    public var id: Int
    /// Lower-case hex SHA-256 of the bytes: the file's name in the store.
    public var sha256: String
    public var agencyID: Int
    public var requestID: Int?
    public var communicationID: Int?
    public var originalName: String
    public var kind: EvidenceKind
    public var size: Int
    public var uploaderID: Int?
    public var uploaderLabel: String
    public var sourceURL: String?
    /// When the agency's answer carrying the file was received.
    public var receivedOn: CalendarDay?
    /// Private files are seen only by signed-in people; public ones by anyone.
    public var isPublic: Bool
    public var description: String
    public var createdAt: Date
    /// Set when an admin withdrew the file (uploaded by mistake): the bytes are gone, this record stays.
    public var withdrawal: Withdrawal?

    public struct Withdrawal: Sendable, Equatable, Codable {
        public var at: Date
        public var reason: String
        public var byLabel: String
        public init(at: Date, reason: String, byLabel: String) { self.at = at; self.reason = reason; self.byLabel = byLabel }
    }

    public init(id: Int, sha256: String, agencyID: Int, requestID: Int?, communicationID: Int?, originalName: String, kind: EvidenceKind, size: Int,
                uploaderID: Int?, uploaderLabel: String, sourceURL: String?, receivedOn: CalendarDay?, isPublic: Bool, description: String, createdAt: Date) {
        self.id = id; self.sha256 = sha256; self.agencyID = agencyID; self.requestID = requestID; self.communicationID = communicationID
        self.originalName = originalName; self.kind = kind; self.size = size; self.uploaderID = uploaderID; self.uploaderLabel = uploaderLabel
        self.sourceURL = sourceURL; self.receivedOn = receivedOn; self.isPublic = isPublic; self.description = description; self.createdAt = createdAt
    }

    public var auditValues: AuditValues {
        ["sha256": sha256, "agency_id": String(agencyID), "request_id": requestID.map(String.init), "communication_id": communicationID.map(String.init),
         "original_name": originalName, "kind": kind.rawValue, "size": String(size), "source_url": sourceURL, "received_on": receivedOn?.iso,
         "public": isPublic ? "yes" : "no", "description": description]
    }

    /// A name safe for a Content-Disposition header: the original name's letters, digits, dots and dashes.
    public var downloadName: String {
        let cleaned = String(originalName.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || ".-_".unicodeScalars.contains(scalar)) ? Character(scalar) : "_"
        })
        let trimmed = cleaned.trimmingCharacters(in: CharacterSet(charactersIn: "._"))
        return trimmed.isEmpty ? "evidence-\(id).\(kind.extensions[0])" : trimmed
    }
}

/// What the person adding a file says about it; checked before anything is stored.
public struct EvidenceSubmission: Sendable, Equatable {
    public var agencyID: Int
    public var requestID: Int?
    public var communicationID: Int?
    public var originalName: String
    public var sourceURL: String?
    public var receivedOn: CalendarDay?
    public var isPublic: Bool
    public var description: String

    public init(agencyID: Int, requestID: Int? = nil, communicationID: Int? = nil, originalName: String, sourceURL: String? = nil,
                receivedOn: CalendarDay? = nil, isPublic: Bool = false, description: String = "") {
        self.agencyID = agencyID; self.requestID = requestID; self.communicationID = communicationID; self.originalName = originalName
        self.sourceURL = sourceURL; self.receivedOn = receivedOn; self.isPublic = isPublic; self.description = description
    }

    public func problems(today: CalendarDay) -> [InputProblem] {
        var problems: [InputProblem] = []
        if let url = sourceURL, !url.isEmpty {
            let lower = url.lowercased()
            if !(lower.hasPrefix("https://") || lower.hasPrefix("http://")) || URL(string: url)?.host == nil {
                problems.append(InputProblem(file: "evidence", field: "source_url", problem: "\"\(url)\" is not a web address", hint: "Give the full address, starting with https://."))
            }
        }
        if let received = receivedOn, received > today.adding(days: 1) {
            problems.append(InputProblem(file: "evidence", field: "received", problem: "\(received.iso) is in the future", hint: "Give the day the agency's answer arrived."))
        }
        if description.count > 2_000 {
            problems.append(InputProblem(file: "evidence", field: "description", problem: "the description is \(description.count) characters long", hint: "Keep it under 2,000 characters."))
        }
        return problems
    }
}
