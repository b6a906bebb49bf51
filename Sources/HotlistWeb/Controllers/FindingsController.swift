import Foundation
import HotlistCore
import HotlistStore
import Vapor

/// Entering, correcting and verifying findings; the reviewer queue.
enum FindingsController {
    /// Every verified finding, newest first: the public record of what agencies' settings were shown to be.
    @Sendable static func publicList(_ request: Request) async throws -> Response {
        var state: String?
        for (name, value) in request.queryParameters() where !value.isEmpty {
            switch name {
            case "state":
                guard let parsed = USState.byCode(value) else {
                    throw InputProblems([InputProblem(file: "query", field: name, problem: "\"\(value.prefix(40))\" is not a state code", hint: "Use two letters such as CA.")])
                }
                state = parsed.code
            default: throw InputProblems([InputProblem(file: "query", field: name, problem: "unknown parameter \"\(name.prefix(40))\"", hint: "Known parameter: state.")])
            }
        }
        return try await request.cachedPage {
            let reported = try await ContradictionQueries(request.database).reportedFindings().filter { state == nil || $0.finding.stateCode == state }
            return FindingsView.publicList(try await FindingStore(request.database).verifiedWithAgencies(stateCode: state), reported: reported, state: state, viewer: request.viewer)
        }
    }

    @Sendable static func newPage(_ request: Request) async throws -> Response {
        let agencyID = try request.agencyID()
        var values = FindingsView.FormValues()
        if let evidence = request.query[Int.self, at: "evidence"] { values.evidenceIDs = [evidence] }
        return try await renderForm(request, agencyID: agencyID, findingID: nil, values: values)
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let agencyID = try request.agencyID()
        let (draft, values, problems) = try await readDraft(request, agencyID: agencyID)
        do {
            if !problems.isEmpty { throw InputProblems(problems) }
            let version = try await FindingStore(request.database).add(draft, by: try request.auditActor(), now: request.clock.now())
            return request.redirect(to: SiteURL.finding(version.findingID).with([("notice", Notice.findingSaved.rawValue)]), redirectType: .normal)
        } catch let bad as InputProblems {
            return try await renderForm(request, agencyID: agencyID, findingID: nil, values: values, problems: bad.problems)
        }
    }

    @Sendable static func correctPage(_ request: Request) async throws -> Response {
        let findingID = try request.idParameter("findingID")
        guard let latest = try await FindingStore(request.database).history(findingID: findingID).last else { throw Abort(.notFound) }
        return try await renderForm(request, agencyID: latest.agencyID, findingID: findingID, values: .init(latest))
    }

    @Sendable static func correct(_ request: Request) async throws -> Response {
        let findingID = try request.idParameter("findingID")
        guard let latest = try await FindingStore(request.database).history(findingID: findingID).last else { throw Abort(.notFound) }
        let (draft, values, problems) = try await readDraft(request, agencyID: latest.agencyID)
        do {
            if !problems.isEmpty { throw InputProblems(problems) }
            _ = try await FindingStore(request.database).correct(findingID: findingID, draft, by: try request.auditActor(), now: request.clock.now())
            return request.redirect(to: SiteURL.finding(findingID).with([("notice", Notice.findingCorrected.rawValue)]), redirectType: .normal)
        } catch let bad as InputProblems {
            return try await renderForm(request, agencyID: latest.agencyID, findingID: findingID, values: values, problems: bad.problems)
        }
    }

    @Sendable static func page(_ request: Request) async throws -> Response {
        try await renderPage(request, findingID: try request.idParameter("findingID"), notice: Notice.from(request.query[String.self, at: "notice"]))
    }

    static func renderPage(_ request: Request, findingID: Int, notice: String? = nil, problems: [InputProblem] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try request.requireViewer()
        let history = try await FindingStore(request.database).history(findingID: findingID)
        guard let latest = history.last, let agency = try await DirectoryQueries(request.database).agency(id: latest.agencyID) else { throw Abort(.notFound) }
        let evidence = try await request.evidenceStore.list(agencyID: latest.agencyID).filter { file in history.contains { $0.evidenceIDs.contains(file.id) } }
        let topics = try await ReferenceQueries(request.database).ncicTopics()
        let people = try await PeopleLabels.load(request)
        return request.personalPage(FindingsView.page(.init(viewer: viewer, agency: agency, history: people.shown(history), evidence: evidence.map(people.shown), topics: topics, notice: notice, problems: problems)), status: status)
    }

    struct ReviewForm: Content { var version: String?; var reason: String? }

    /// The version the reviewer's page showed; a form without one is refused (it may be stale).
    static func reviewedVersion(_ form: ReviewForm) throws -> Int {
        guard let text = form.version, let version = Int(text), version > 0 else {
            throw InputProblems([InputProblem(file: "form", field: "version", problem: "the form does not say which version you checked", hint: "Use the buttons on the finding's page.")])
        }
        return version
    }

    @Sendable static func sendBack(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let findingID = try request.idParameter("findingID")
        let form = try request.form(ReviewForm.self)
        do {
            _ = try await FindingStore(request.database).sendBack(findingID: findingID, version: try reviewedVersion(form), reviewer: viewer.account, reason: form.reason ?? "",
                                                               by: try request.auditActor(), now: request.clock.now())
            return request.redirect(to: SiteURL.finding(findingID).with([("notice", Notice.findingSentBack.rawValue)]), redirectType: .normal)
        } catch let bad as InputProblems {
            return try await renderPage(request, findingID: findingID, problems: bad.problems, status: .badRequest)
        }
    }

    @Sendable static func verify(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let findingID = try request.idParameter("findingID")
        let form = try request.form(ReviewForm.self)
        do {
            _ = try await FindingStore(request.database).verify(findingID: findingID, version: try reviewedVersion(form), reviewer: viewer.account, by: try request.auditActor(), now: request.clock.now())
            return request.redirect(to: SiteURL.finding(findingID).with([("notice", Notice.findingVerified.rawValue)]), redirectType: .normal)
        } catch let bad as InputProblems {
            return try await renderPage(request, findingID: findingID, problems: bad.problems, status: .badRequest)
        }
    }

    @Sendable static func queue(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let findings = try await FindingStore(request.database).queue()
        let statements = try await StatementStore(request.database).list(verifiedOnly: false).filter { !$0.isVerified }
        var names: [Int: String] = [:]
        let files = try await request.evidenceStore.awaitingVisibilityDecision()
        let auditLogs = try await SearchAuditStore(request.database).list(waitingOnly: true)
        for id in Set(findings.map(\.agencyID) + statements.map(\.agencyID) + files.map(\.agencyID) + auditLogs.map(\.agencyID)) {
            names[id] = try await DirectoryQueries(request.database).agency(id: id)?.name
        }
        let people = try await PeopleLabels.load(request)
        return request.personalPage(FindingsView.queue(viewer: viewer, findings: people.shown(findings), statements: people.shown(statements), files: files.map(people.shown),
                                                       auditLogs: people.shown(auditLogs), agencyNames: names))
    }

    /// A second person makes an audit log's counts public; they land on the agency's page to see them.
    @Sendable static func verifySearchAudit(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let store = SearchAuditStore(request.database)
        let logID = try request.idParameter("logID")
        // A second click (the back button, a stale queue) finds the work done: say so, as a page.
        if let done = try await store.log(id: logID), done.isVerified {
            return request.redirect(to: SiteURL.agency(done.agencyID).with([("notice", Notice.auditLogAlreadyVerified.rawValue)]), redirectType: .normal)
        }
        let log = try await store.verify(logID: logID, reviewer: viewer.account, by: try request.auditActor(), now: request.clock.now())
        // No jump to the counts: the notice at the top is what says it worked.
        return request.redirect(to: SiteURL.agency(log.agencyID).with([("notice", Notice.auditLogVerified.rawValue)]), redirectType: .normal)
    }

    /// The form's fields as a draft, with the problems only the form can have (bad dates, bad ids).
    static func readDraft(_ request: Request, agencyID: Int) async throws -> (FindingDraft, FindingsView.FormValues, [InputProblem]) {
        let pairs = request.formPairs()
        var values = FindingsView.FormValues()
        var problems: [InputProblem] = []
        var asOf: CalendarDay?
        for (name, value) in pairs {
            let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
            switch name {
            case "as_of":
                values.asOf = text
                if !text.isEmpty {
                    asOf = CalendarDay(iso: text)
                    if asOf == nil { problems.append(InputProblem(file: "form", field: "as_of", problem: "\"\(text)\" is not a date", hint: "Use YYYY-MM-DD.")) }
                }
            case "other_hotlists": values.otherHotlists = value
            case "note": values.note = value
            case "evidence":
                if let id = Int(text), id > 0 { values.evidenceIDs.append(id) } else if !text.isEmpty {
                    problems.append(InputProblem(file: "form", field: "evidence", problem: "\"\(text)\" is not an evidence id", hint: "Tick the files from the list."))
                }
            case let topic where topic.hasPrefix("topic_"):
                let key = String(topic.dropFirst("topic_".count))
                do { values.topics[key] = try TopicSetting.parse(text, field: "topic \(key)") } catch { problems += error.problems }
            default: break
            }
        }
        let draft = FindingDraft(agencyID: agencyID, asOf: asOf, topics: values.topics,
                                 otherHotlists: values.otherHotlists.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                                 note: values.note, evidenceIDs: values.evidenceIDs)
        return (draft, values, problems)
    }

    static func renderForm(_ request: Request, agencyID: Int, findingID: Int?, values: FindingsView.FormValues, problems: [InputProblem] = []) async throws -> Response {
        let viewer = try request.requireViewer()
        guard let agency = try await DirectoryQueries(request.database).agency(id: agencyID) else { throw Abort(.notFound) }
        var model = FindingsView.Form(viewer: viewer, agency: agency, findingID: findingID, topics: try await ReferenceQueries(request.database).ncicTopics(),
                                      evidence: try await request.evidenceStore.list(agencyID: agencyID), values: values, problems: problems)
        // Correcting a version a reviewer sent back: their reason stays in view while the form is filled.
        if let findingID { model.sentBack = try await FindingStore(request.database).history(findingID: findingID).last?.sentBack }
        return request.personalPage(FindingsView.form(model), status: problems.isEmpty ? .ok : .badRequest)
    }
}

extension Request {
    /// The fields of an url-encoded form in order, repeated names kept (checkbox lists).
    func formPairs() -> [(String, String)] {
        guard var body = body.data, let text = body.readString(length: body.readableBytes), !text.isEmpty else { return [] }
        return text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String { String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part) }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}
