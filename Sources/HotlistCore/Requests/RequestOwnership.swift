/// Who may change a request beyond its status: withdraw it, edit its draft, reopen it. Withdrawing tells the agency to stop, so it
/// belongs to the person who wrote the request and to the people who answer for the group's work;
/// reopening undoes a mistake and is for admins (and operators at the terminal) only.
public enum RequestOwnership {
    /// `actorID` nil is an operator at the command line without `--as`.
    public static func checkWithdraw(requestID: Int, createdBy: Int?, actorID: Int?, actorRole: Role?) throws(InputProblems) {
        guard let actorID else { return }
        if actorID == createdBy || (actorRole ?? .volunteer) >= .reviewer { return }
        throw InputProblems([InputProblem(file: "request \(requestID)", field: "status",
                                          problem: "only the person who wrote this request, a reviewer or an admin can withdraw it",
                                          hint: "Ask them, or a reviewer, if the request should end.")])
    }

    /// The same people may edit a draft: its letter speaks for its requester, and its reply address
    /// decides who gets the agency's answer.
    /// A draft made at the command line without `--as` has no author to protect; anyone may edit it.
    public static func checkEdit(requestID: Int, createdBy: Int?, actorID: Int?, actorRole: Role?) throws(InputProblems) {
        guard let actorID, createdBy != nil else { return }
        if actorID == createdBy || (actorRole ?? .volunteer) >= .reviewer { return }
        throw InputProblems([InputProblem(file: "request \(requestID)", field: "letter",
                                          problem: "only the person who wrote this request, a reviewer or an admin can edit it",
                                          hint: "Ask them to change it, or write your own request.")])
    }

    public static func checkReopen(requestID: Int, status: RequestStatus, actorID: Int?, actorRole: Role?) throws(InputProblems) {
        guard status == .withdrawn else {
            throw InputProblems([InputProblem(file: "request \(requestID)", field: "status", problem: "the request is \(status.label), not withdrawn", hint: "Only a withdrawn request is reopened.")])
        }
        guard actorID == nil || actorRole == .admin else {
            throw InputProblems([InputProblem(file: "request \(requestID)", field: "status", problem: "only an admin can reopen a withdrawn request", hint: "Ask an admin; the reopening is recorded in the audit trail.")])
        }
    }
}
