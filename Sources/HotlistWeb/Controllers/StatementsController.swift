import Foundation
import HotlistCore
import HotlistStore
import Vapor

/// Recording and verifying agencies' public statements and policies.
enum StatementsController {
    struct StatementForm: Content {
        var kind: String?
        var text: String?
        var speaker: String?
        var said_on: String?
        var source_url: String?
        var evidence_id: String?
        var denies_immigration_use: String?
    }

    @Sendable static func newPage(_ request: Request) async throws -> Response {
        try await render(request, agencyID: try request.agencyID(), form: StatementForm())
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let agencyID = try request.agencyID()
        let form = try request.form(StatementForm.self)
        var problems: [InputProblem] = []
        let kind = AgencyStatement.Kind(rawValue: form.kind ?? "statement")
        if kind == nil { problems.append(InputProblem(file: "form", field: "kind", problem: "\"\(form.kind ?? "")\" is not a kind", hint: "Choose public statement or policy.")) }
        var saidOn: CalendarDay?
        if let text = form.said_on?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            saidOn = CalendarDay(iso: text)
            if saidOn == nil { problems.append(InputProblem(file: "form", field: "date", problem: "\"\(text)\" is not a date", hint: "Use YYYY-MM-DD.")) }
        }
        var evidenceID: Int?
        if let text = form.evidence_id?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            evidenceID = Int(text)
            if evidenceID == nil { problems.append(InputProblem(file: "form", field: "evidence", problem: "\"\(text)\" is not an evidence id", hint: "Pick a file from the list.")) }
        }
        do {
            if !problems.isEmpty { throw InputProblems(problems) }
            _ = try await StatementStore(request.database).add(agencyID: agencyID, kind: kind!, text: form.text ?? "", speaker: form.speaker ?? "", saidOn: saidOn,
                                                            sourceURL: form.source_url, evidenceID: evidenceID, deniesImmigrationUse: form.denies_immigration_use == "on",
                                                            by: try request.auditActor(), now: request.clock.now())
            return request.redirect(to: SiteURL.agencyEvidence(agencyID).with([("notice", Notice.statementSaved.rawValue)]), redirectType: .normal)
        } catch let bad as InputProblems {
            return try await render(request, agencyID: agencyID, form: form, problems: bad.problems)
        }
    }

    @Sendable static func verify(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let id = try request.idParameter("statementID")
        let statement = try await StatementStore(request.database).verify(statementID: id, reviewer: viewer.account, by: try request.auditActor(), now: request.clock.now())
        return request.redirect(to: SiteURL.agencyEvidence(statement.agencyID).with([("notice", Notice.statementVerified.rawValue)]), redirectType: .normal)
    }

    static func render(_ request: Request, agencyID: Int, form: StatementForm, problems: [InputProblem] = []) async throws -> Response {
        let viewer = try request.requireViewer()
        guard let agency = try await DirectoryQueries(request.database).agency(id: agencyID) else { throw Abort(.notFound) }
        let evidence = try await request.evidenceStore.list(agencyID: agencyID)
        return request.personalPage(StatementView.form(viewer: viewer, agency: agency, evidence: evidence, form: form.viewState, problems: problems), status: problems.isEmpty ? .ok : .badRequest)
    }
}

extension StatementsController.StatementForm {
    /// The submitted form as its page shows it again.
    var viewState: StatementView.FormState {
        StatementView.FormState(kind: kind ?? "statement", text: text ?? "", speaker: speaker ?? "", saidOn: said_on ?? "", sourceURL: source_url ?? "",
                                evidenceID: evidence_id, deniesImmigrationUse: denies_immigration_use == "on")
    }
}
