import Foundation

/// Where a public-records request stands. The allowed moves between statuses are in
/// `RequestTransitions`.
public enum RequestStatus: String, Sendable, CaseIterable, Codable {
    case draft
    case filed
    case acknowledged
    case processing
    case feeRequested = "fee_requested"
    case needsClarification = "needs_clarification"
    case partiallyFulfilled = "partially_fulfilled"
    case fulfilled
    case noResponsiveRecords = "no_responsive_records"
    case denied
    case appealing
    case inLitigation = "in_litigation"
    case withdrawn

    public var label: String {
        switch self {
        case .draft: "draft"
        case .filed: "filed"
        case .acknowledged: "acknowledged"
        case .processing: "processing"
        case .feeRequested: "fee requested"
        case .needsClarification: "needs clarification"
        case .partiallyFulfilled: "partially fulfilled"
        case .fulfilled: "fulfilled"
        case .noResponsiveRecords: "no responsive records"
        case .denied: "denied"
        case .appealing: "appealing"
        case .inLitigation: "in litigation"
        case .withdrawn: "withdrawn"
        }
    }

    /// The agency owes an answer, so the statutory deadline runs and the request can be overdue.
    public var awaitsAgency: Bool { [.filed, .acknowledged, .processing].contains(self) }

    /// The requester has to do something (pay, clarify, decide whether to appeal).
    public var awaitsRequester: Bool { [.feeRequested, .needsClarification, .denied, .partiallyFulfilled, .noResponsiveRecords].contains(self) }

    public var isClosed: Bool { [.fulfilled, .withdrawn].contains(self) }
    /// Still in play: a draft, or waiting on someone. A second request to the same agency is then likely a duplicate.
    public var isOpen: Bool { !isClosed && ![.noResponsiveRecords, .denied].contains(self) }

    public static func parse(_ text: String, field: String = "status") throws(InputProblems) -> RequestStatus {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        guard let status = RequestStatus(rawValue: key) else {
            throw InputProblems([InputProblem(file: "input", field: field, problem: "\"\(text)\" is not a request status",
                                              hint: "Use one of: \(allCases.map(\.rawValue).joined(separator: ", ")).")])
        }
        return status
    }
}
