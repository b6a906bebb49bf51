/// Which status a request may move to from which, in one table. Anything not listed is refused
/// with the list of what is possible, so a typo or a wrong click cannot put a request in a state
/// that makes no sense (a draft cannot be denied; a withdrawn request stays withdrawn).
public enum RequestTransitions {
    /// Agency answers possible once a request is with the agency.
    private static let answers: Set<RequestStatus> = [.acknowledged, .processing, .feeRequested, .needsClarification,
                                                      .partiallyFulfilled, .fulfilled, .noResponsiveRecords, .denied, .withdrawn]

    public static let allowed: [RequestStatus: Set<RequestStatus>] = [
        .draft: [.filed, .withdrawn],
        .filed: answers,
        .acknowledged: answers.subtracting([.acknowledged]),
        .processing: answers.subtracting([.acknowledged, .processing]),
        .feeRequested: [.processing, .needsClarification, .partiallyFulfilled, .fulfilled, .noResponsiveRecords, .denied, .withdrawn],
        .needsClarification: [.processing, .feeRequested, .partiallyFulfilled, .fulfilled, .noResponsiveRecords, .denied, .withdrawn],
        // Records came but not all of them: wait for the rest, or appeal what was withheld.
        .partiallyFulfilled: [.processing, .fulfilled, .denied, .appealing, .withdrawn],
        // An answer can still be appealed (records withheld in full, a search that looks inadequate).
        .fulfilled: [.appealing],
        .noResponsiveRecords: [.appealing, .withdrawn],
        .denied: [.appealing, .inLitigation, .withdrawn],
        .appealing: [.processing, .partiallyFulfilled, .fulfilled, .noResponsiveRecords, .denied, .inLitigation, .withdrawn],
        .inLitigation: [.processing, .partiallyFulfilled, .fulfilled, .denied, .withdrawn],
        .withdrawn: [],
    ]

    public static func canMove(from: RequestStatus, to: RequestStatus) -> Bool {
        allowed[from]?.contains(to) ?? false
    }

    /// Refuses a move the table does not allow, saying what is possible instead.
    public static func check(from: RequestStatus, to: RequestStatus) throws(InputProblems) {
        guard !canMove(from: from, to: to) else { return }
        let options = (allowed[from] ?? []).sorted { $0.rawValue < $1.rawValue }.map(\.label)
        let hint = options.isEmpty ? "A \(from.label) request cannot change status; file a new request instead."
            : "From \(from.label) it can become: \(options.joined(separator: ", "))."
        throw InputProblems([InputProblem(file: "input", field: "status", problem: from == to ? "the request is already \(to.label)" : "a \(from.label) request cannot become \(to.label)", hint: hint)])
    }
}
