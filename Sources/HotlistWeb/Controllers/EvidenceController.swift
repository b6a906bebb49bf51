import Foundation
import HotlistCore
import HotlistStore
import Vapor

/// Uploading and reading evidence files, and importing hotlist action logs.
enum EvidenceController {
    struct UploadForm: Content {
        var file: File?
        var request_id: String?
        var communication_id: String?
        var source_url: String?
        var received: String?
        var description: String?
        var `public`: String?
        var back: String?
    }

    /// Everything about an agency's records that the people doing the work need: files (private
    /// ones too), findings and statements awaiting review, upload and import forms.
    @Sendable static func workspace(_ request: Request) async throws -> Response {
        try await renderWorkspace(request, agencyID: try request.agencyID(), notice: Notice.from(request.query[String.self, at: "notice"]))
    }

    static func renderWorkspace(_ request: Request, agencyID: Int, problems: [InputProblem] = [], notice: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try request.requireViewer()
        guard let agency = try await DirectoryQueries(request.database).agency(id: agencyID) else { throw Abort(.notFound) }
        let people = try await PeopleLabels.load(request)
        let model = EvidenceView.Workspace(
            viewer: viewer, agencyID: agencyID, agencyName: agency.name,
            evidence: try await request.evidenceStore.list(agencyID: agencyID).map(people.shown),
            requests: try await RequestStore(request.database).list(RequestFilter(agencyID: agencyID, limit: 200)),
            findings: people.shown(try await FindingStore(request.database).latest(agencyID: agencyID)),
            statements: people.shown(try await StatementStore(request.database).list(agencyID: agencyID, verifiedOnly: false)),
            timeline: try await HotlistLogStore(request.database, evidence: request.evidenceStore).timeline(agencyID: agencyID),
            hitCounts: try await HitLogStore.counts(request.database, agencyID: agencyID),
            maxFileSize: request.evidenceSettings.maxFileSize, problems: problems, notice: notice)
        return request.personalPage(EvidenceView.workspace(model), status: status)
    }

    @Sendable static func upload(_ request: Request) async throws -> Response {
        let agencyID = try request.agencyID()
        do {
            let (data, submission, back) = try await submission(request, agencyID: agencyID)
            let added = try await request.evidenceStore.add(data, submission, by: try request.auditActor(), now: request.clock.now())
            let notice: Notice = added.wasAlreadyStored ? .evidenceDuplicate : .evidenceAdded
            // Back to the page the form was on (a request, at the file), else the file's own page.
            if let back = Request.safeNext(back), !back.contains("?"), !back.contains("#") {
                return request.redirect(to: back + "?notice=\(notice.rawValue)#evidence-\(added.evidence.id)", redirectType: .normal)
            }
            return request.redirect(to: SiteURL.evidence(added.evidence.id).with([("notice", notice.rawValue)]), redirectType: .normal)
        } catch let problems as InputProblems {
            return try await renderWorkspace(request, agencyID: agencyID, problems: problems.problems, status: .badRequest)
        }
    }

    @Sendable static func importLog(_ request: Request) async throws -> Response {
        let agencyID = try request.agencyID()
        do {
            let (data, submission, _) = try await submission(request, agencyID: agencyID)
            _ = try await HotlistLogStore(request.database, evidence: request.evidenceStore).importLog(data, submission, by: try request.auditActor(), now: request.clock.now())
            return request.redirect(to: SiteURL.agencyEvidence(agencyID).with([("notice", Notice.logImported.rawValue)]) + "#timeline", redirectType: .normal)
        } catch let problems as InputProblems {
            return try await renderWorkspace(request, agencyID: agencyID, problems: problems.problems, status: .badRequest)
        }
    }

    /// A hotlist hit log: counted, and its Immigration Violator hits drafted as a finding for a second person.
    @Sendable static func importHitLog(_ request: Request) async throws -> Response {
        let agencyID = try request.agencyID()
        do {
            let (data, submission, _) = try await submission(request, agencyID: agencyID)
            let imported = try await HitLogStore(request.database, evidence: request.evidenceStore).importLog(data, submission, by: try request.auditActor(), now: request.clock.now())
            let notice: Notice = imported.draftFindingID == nil ? .hitLogImported : .hitLogDrafted
            return request.redirect(to: SiteURL.agencyEvidence(agencyID).with([("notice", notice.rawValue)]) + "#hit-log", redirectType: .normal)
        } catch let problems as InputProblems {
            return try await renderWorkspace(request, agencyID: agencyID, problems: problems.problems, status: .badRequest)
        }
    }

    /// The uploaded bytes and what the form says about them, every bad field named.
    static func submission(_ request: Request, agencyID: Int) async throws -> (Data, EvidenceSubmission, String?) {
        let form: UploadForm
        // Decoding a 50 MB multipart body takes seconds: on the thread pool, so the handful of threads
        // that run every other request stay free (two uploads held them for minutes).
        do { form = try await request.application.threadPool.runIfActive { try request.content.decode(UploadForm.self) } } catch {
            throw InputProblems([InputProblem(file: "form", field: "file", problem: "the upload could not be read", hint: "Choose a file and submit the form from the page (multipart/form-data).")])
        }
        var problems: [InputProblem] = []
        guard let file = form.file, !file.filename.isEmpty || file.data.readableBytes > 0 else {
            throw InputProblems([InputProblem(file: "form", field: "file", problem: "no file was chosen", hint: "Choose the file the agency sent.")])
        }
        func optionalID(_ text: String?, _ field: String) -> Int? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let id = Int(text), id > 0 else {
                problems.append(InputProblem(file: "form", field: field, problem: "\"\(text)\" is not an id", hint: "Pick one from the list."))
                return nil
            }
            return id
        }
        let requestID = optionalID(form.request_id, "request")
        let communicationID = optionalID(form.communication_id, "communication")
        var received: CalendarDay?
        if let text = form.received?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            received = CalendarDay(iso: text)
            if received == nil { problems.append(InputProblem(file: "form", field: "received", problem: "\"\(text)\" is not a date", hint: "Use YYYY-MM-DD.")) }
        }
        let wantsPublic = form.public == "on" || form.public == "yes"
        if wantsPublic, !PermissionTable.allows(request.viewer?.account.role, .publishEvidence) {
            problems.append(InputProblem(file: "form", field: "public", problem: "only reviewers and admins publish files",
                                         hint: "Upload it as private; a reviewer publishes it once they have checked it holds no personal data."))
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        var buffer = file.data
        let data = buffer.readData(length: buffer.readableBytes) ?? Data()
        let submission = EvidenceSubmission(agencyID: agencyID, requestID: requestID, communicationID: communicationID,
                                            originalName: (file.filename as NSString).lastPathComponent, sourceURL: form.source_url,
                                            receivedOn: received, isPublic: wantsPublic, description: form.description ?? "")
        return (data, submission, form.back)
    }

    struct VisibilityForm: Content { var `public`: String?; var decision: String? }
    struct WithdrawForm: Content { var reason: String? }

    /// An admin withdraws a file uploaded by mistake.
    @Sendable static func withdraw(_ request: Request) async throws -> Response {
        let id = try request.idParameter("evidenceID")
        let form = try request.form(WithdrawForm.self)
        _ = try await request.evidenceStore.withdraw(evidenceID: id, reason: form.reason ?? "", by: try request.auditActor(), now: request.clock.now())
        return request.redirect(to: SiteURL.evidence(id).with([("notice", Notice.evidenceWithdrawn.rawValue)]), redirectType: .normal)
    }

    /// A reviewer publishes a file, or takes it back.
    @Sendable static func setVisibility(_ request: Request) async throws -> Response {
        let id = try request.idParameter("evidenceID")
        let form = try request.form(VisibilityForm.self)
        let isPublic: Bool
        switch form.public {
        case "yes": isPublic = true
        case "no": isPublic = false
        default: throw InputProblems([InputProblem(file: "form", field: "public", problem: "\"\(form.public ?? "")\" is not yes or no", hint: "Use the page's button.")])
        }
        let updated = try await request.evidenceStore.setPublic(evidenceID: id, isPublic, by: try request.auditActor(), now: request.clock.now())
        let notice: Notice = isPublic ? .evidencePublished : form.decision == "keep-private" ? .evidenceKeptPrivate : .evidenceUnpublished
        return request.redirect(to: SiteURL.evidence(updated.id).with([("notice", notice.rawValue)]), redirectType: .normal)
    }

    static func evidence(_ request: Request) async throws -> EvidenceFile {
        let id = try request.idParameter("evidenceID")
        // Private files do not exist for anonymous visitors, so their ids reveal nothing.
        guard let evidence = try await request.evidenceStore.evidence(id: id), evidence.isPublic || request.viewer != nil else { throw Abort(.notFound) }
        return evidence
    }

    @Sendable static func page(_ request: Request) async throws -> Response {
        let evidence = try await evidence(request)
        guard let agency = try await DirectoryQueries(request.database).agency(id: evidence.agencyID) else { throw Abort(.notFound) }
        let findings = try await (request.viewer == nil ? FindingStore(request.database).verified(agencyID: evidence.agencyID) : FindingStore(request.database).latest(agencyID: evidence.agencyID))
            .filter { $0.evidenceIDs.contains(evidence.id) }
        let people = try await PeopleLabels.load(request)
        let searchAudit = request.viewer == nil ? nil : try await SearchAuditStore(request.database).log(evidenceID: evidence.id)
        let html = EvidenceView.page(.init(viewer: request.viewer, evidence: people.shown(evidence), agencyName: agency.name, findings: findings,
                                           notice: Notice.from(request.query[String.self, at: "notice"]), searchAudit: searchAudit))
        return request.viewer == nil && evidence.isPublic ? HTMLResponse.make(html) : request.personalPage(html)
    }

    /// The file's bytes, checked against its hash. Anonymous visitors get public images without
    /// their metadata (JPEG EXIF/XMP, PNG eXIf and text chunks: they can hold where a photo was taken).
    @Sendable static func download(_ request: Request) async throws -> Response {
        let evidence = try await evidence(request)
        if let withdrawal = evidence.withdrawal {
            throw Abort(.gone, reason: "This file was withdrawn on \(HTML.day(withdrawal.at)): \(withdrawal.reason). Its bytes were deleted.")
        }
        var bytes: Data
        do { bytes = try request.evidenceStore.contents(of: evidence) } catch let error as EvidenceStorageError {
            request.logger.error("evidence \(evidence.id): \(error.message)")
            throw Abort(.internalServerError, reason: "The stored file failed its integrity check, so it is not served. An admin should run 'hotlistwatch evidence verify'.")
        }
        if request.viewer == nil, evidence.kind.isImage {
            let cleaned = evidence.kind == .jpeg ? JPEGMetadata.stripped([UInt8](bytes)) : PNGMetadata.stripped([UInt8](bytes))
            guard let cleaned else {
                throw Abort(.conflict, reason: "This image could not be cleaned of its metadata, so it is not published. Signed-in people can download the original.")
            }
            bytes = Data(cleaned)
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: evidence.kind.mediaType)
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(evidence.downloadName)\"")
        headers.replaceOrAdd(name: .cacheControl, value: request.viewer == nil ? "public, max-age=300" : "private, no-store")
        headers.replaceOrAdd(name: "X-Evidence-SHA256", value: evidence.sha256)
        return Response(status: .ok, headers: headers, body: .init(data: bytes))
    }
}
