import Foundation
import HotlistCore
import SQLKit

/// Follow-up and appeal letters for a stored request, and the CSV export of requests.
public enum RequestLetters {
    public enum Kind: String, Sendable { case followUp = "follow-up", appeal }

    public static func compose(_ kind: Kind, detail: RequestDetail, database: HotlistDatabase, today: CalendarDay) async throws -> LetterComposer.Letter {
        let request = detail.request
        switch kind {
        case .followUp:
            guard request.status.awaitsAgency else {
                throw InputProblems([InputProblem(file: "request", field: "status", problem: "a \(request.status.label) request is not waiting on the agency",
                                                  hint: "Follow-ups are for filed requests the agency has not answered.")])
            }
        case .appeal:
            guard [.denied, .partiallyFulfilled, .noResponsiveRecords, .appealing].contains(request.status) else {
                throw InputProblems([InputProblem(file: "request", field: "status", problem: "a \(request.status.label) request has no refusal to appeal",
                                                  hint: "Record the denial (status denied, with the exemption the agency cited) first.")])
            }
        }
        var law: StateRecordsLaw?
        if let state = request.stateCode { law = try await ReferenceQueries(database).stateRecordsLaw(state) }
        let deadline = request.receivedOn.map { Deadline(stateCode: request.stateCode ?? "", received: $0, due: request.dueOn, followUp: request.followUpOn, basis: request.dueBasis ?? "", skipped: []) }
        let cited = detail.exemptions.last
        let answer = cited.map { $0.libraryEntry?.answer ?? "The agency did not explain how the exemption applies to a record of system settings; no part of such a record fits it, and any part that did could be redacted." }
        let facts = LetterComposer.RequestFacts(filedOn: request.filedOn, trackingNumbers: request.trackingNumbers, deadline: deadline,
                                                exemptionCited: cited?.citedText, exemptionAnswer: answer)
        var letter = try LetterComposer().compose(kind == .appeal ? StandardLetters.appeal : StandardLetters.followUp, agencyName: request.agencyName, law: law,
                                                  requester: request.requester, today: today, facts: facts)
        if kind == .followUp, let date = request.actionDate, date >= today {
            letter.warnings.insert("The request is not overdue yet: the date is \(date.iso).", at: 0)
        }
        return letter
    }

    /// Every request as CSV, newest first.
    public static func csv(_ database: HotlistDatabase, filter: RequestFilter = RequestFilter(limit: 100_000), today: CalendarDay) async throws -> String {
        let requests = try await RequestStore(database).list(filter)
        let ids = requests.map(\.id)
        var fees: [Int: [FeeEntry]] = [:], exemptions: [Int: [CitedExemption]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            for row in try await database.sql.select().columns("id", "request_id", "kind", "amount_cents", "occurred_on", "note").from("request_fees").where("request_id", .in, chunk).all() {
                let requestID = try row.decode(column: "request_id", as: Int.self)
                fees[requestID, default: []].append(FeeEntry(id: try row.decode(column: "id", as: Int.self), requestID: requestID,
                                                             kind: FeeEntry.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .estimate,
                                                             amountCents: try row.decode(column: "amount_cents", as: Int.self),
                                                             occurredOn: CalendarDay(iso: try row.decode(column: "occurred_on", as: String.self)) ?? today,
                                                             note: try row.decode(column: "note", as: String.self)))
            }
            for row in try await database.sql.select().columns("id", "request_id", "exemption_id", "cited_text").from("request_exemptions").where("request_id", .in, chunk).orderBy("id").all() {
                let requestID = try row.decode(column: "request_id", as: Int.self)
                exemptions[requestID, default: []].append(CitedExemption(id: try row.decode(column: "id", as: Int.self), requestID: requestID,
                                                                         exemptionID: try row.decode(column: "exemption_id", as: String?.self),
                                                                         citedText: try row.decode(column: "cited_text", as: String.self)))
            }
        }
        var text = RequestCSV.line(RequestCSV.header)
        for request in requests {
            text += RequestCSV.line(RequestCSV.row(request, fees: fees[request.id] ?? [], exemptions: exemptions[request.id] ?? [], today: today))
        }
        return text
    }
}
