import HotlistCore
import HotlistStore
import Vapor

/// The council brief, its PDF, the press summary and letters to officials.
enum BriefController {
    static func model(_ request: Request) async throws -> BriefView.Model {
        guard let model = try await BriefDocument.model(request.database, id: try request.agencyID(), now: request.clock.now(),
                                                        baseURL: request.services.publicBaseURL) else { throw Abort(.notFound) }
        return model
    }

    @Sendable static func page(_ request: Request) async throws -> Response {
        try await request.cachedPage { BriefView.page(try await model(request), viewer: request.viewer) }
    }

    @Sendable static func press(_ request: Request) async throws -> Response {
        try await request.cachedPage { BriefView.press(try await model(request), viewer: request.viewer) }
    }

    /// The brief printed by Chromium. Public and expensive: at most two print at once, each PDF is
    /// kept under the hash of its HTML, which is also its ETag.
    @Sendable static func pdf(_ request: Request) async throws -> Response {
        let model = try await model(request)
        guard let service = request.services.briefPDFs else {
            return unavailable(request, "This server does not print PDFs. Print the brief page from your browser instead.")
        }
        let html = BriefView.printDocument(model).markup
        let etag = "\"\(BriefPDFService.key(html))\""
        if request.headers.first(name: .ifNoneMatch) == etag {
            return Response(status: .notModified, headers: ["ETag": etag])
        }
        let pdf: Data
        do {
            pdf = try await service.pdf(html: html, stylesheet: Stylesheet.css).pdf
        } catch BriefPDFService.Refusal.busy {
            return unavailable(request, "Other briefs are being printed right now. Please try again in a few seconds.")
        } catch let failure as ChromiumPDF.Failure {
            request.logger.warning("brief PDF for agency \(model.agencyID) failed: \(failure)")
            return unavailable(request, "The PDF could not be printed: \(failure.description) Print the brief page from your browser instead.")
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"council-brief-\(model.agencyID).pdf\"")
        headers.replaceOrAdd(name: .eTag, value: etag)
        headers.replaceOrAdd(name: .cacheControl, value: "public, no-cache")
        return Response(status: .ok, headers: headers, body: .init(data: pdf))
    }

    static func unavailable(_ request: Request, _ message: String) -> Response {
        let response = HTMLResponse.make(ErrorView.render(status: 503, title: "PDF not available", message: message, problems: [], viewer: request.viewer), status: .serviceUnavailable)
        response.headers.replaceOrAdd(name: .retryAfter, value: "10")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    struct LetterForm: Content {
        var recipient: String?
        var recipient_email: String?
        var subject: String?
        var body: String?
        var delivery: String?
    }

    @Sendable static func letterPage(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let model = try await model(request)
        let (recipient, recipientEmail) = OfficialsLetter.defaultRecipient(model.brief)
        let letter = try OfficialsLetter.compose(model.brief, recipient: recipient, sender: Requester(name: viewer.account.displayName, email: viewer.account.email),
                                                 briefURL: model.absolute(.agencyBrief(model.agencyID)), today: CalendarDay.today(model.now))
        return request.personalPage(BriefView.letterPage(try await letterModel(request, model, recipient: recipient, recipientEmail: recipientEmail ?? "",
                                                                               subject: letter.subject, body: letter.body), viewer: viewer))
    }

    static func letterModel(_ request: Request, _ model: BriefView.Model, recipient: String, recipientEmail: String, subject: String, body: String) async throws -> BriefView.LetterModel {
        BriefView.LetterModel(agencyID: model.agencyID, agencyName: model.brief.detail.agency.name, recipient: recipient, recipientEmail: recipientEmail,
                              subject: subject, body: body, canSendByEmail: request.services.smtp != nil,
                              letters: try await AgencyLetterStore(request.database).letters(agencyID: model.agencyID))
    }

    /// Logs the letter in the agency's communications log, then hands it over as asked: an .eml
    /// download, a mail-program link, or (when the server has SMTP) sent. A failed send logs nothing.
    @Sendable static func makeLetter(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let model = try await model(request)
        let form = try request.form(LetterForm.self)
        let recipient = (form.recipient ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let email = (form.recipient_email ?? "").trimmingCharacters(in: .whitespaces)
        let subject = (form.subject ?? "").trimmingCharacters(in: .whitespaces)
        let body = (form.body ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        func again(_ problems: [InputProblem], status: HTTPResponseStatus = .badRequest, message: String? = nil, mailto: String? = nil) async throws -> Response {
            var page = try await letterModel(request, model, recipient: recipient, recipientEmail: email, subject: subject, body: body)
            page.problems = problems; page.message = message; page.mailto = mailto
            return request.personalPage(BriefView.letterPage(page, viewer: viewer), status: status)
        }
        guard let delivery = AgencyLetter.Delivery(rawValue: form.delivery ?? "") else {
            return try await again([InputProblem(file: "letter", field: "delivery", problem: "no way of sending was chosen", hint: "Use one of the buttons under the letter.")])
        }
        if delivery != .mailto && email.isEmpty {
            return try await again([InputProblem(file: "letter", field: "recipient_email", problem: "an email address is needed to \(delivery == .eml ? "make an .eml" : "send")",
                                                 hint: "Give the recipient's address, or use “Open in my mail program”.")])
        }
        if delivery == .smtp && request.services.smtp == nil {
            return try await again([InputProblem(file: "letter", field: "delivery", problem: "sending by email is not set up on this server", hint: "Download the .eml or use the mail link.")])
        }
        let now = request.clock.now()
        let message = EmailMessage(from: viewer.account.email, fromName: viewer.account.displayName, to: email, subject: subject, body: body, date: now,
                                   messageID: "letter-\(model.agencyID).\(Int(now.timeIntervalSince1970))@hotlistwatch.invalid")
        if delivery == .smtp, let smtp = request.services.smtp {
            // Checked before sending, so a letter that cannot be logged is never sent.
            let problems = AgencyLetterStore.problems(recipient: recipient, recipientEmail: email, subject: subject, body: body)
            if !problems.isEmpty { return try await again(problems) }
            do { try await SMTPClient(smtp).send(message) } catch {
                let reason = (error as? SMTPError)?.description ?? "\(error)"
                request.logger.warning("letter for agency \(model.agencyID) not sent: \(reason)")
                return try await again([InputProblem(file: "letter", field: "smtp", problem: "not sent: \(reason)", hint: "Nothing was logged. Try again later, or download the .eml.")], status: .badGateway)
            }
        }
        do {
            _ = try await AgencyLetterStore(request.database).record(agencyID: model.agencyID, recipient: recipient, recipientEmail: email.isEmpty ? nil : email,
                                                                     subject: subject, body: body, delivery: delivery, by: try request.auditActor(), now: now)
        } catch let problems as InputProblems {
            return try await again(problems.problems)
        }
        switch delivery {
        case .eml:
            return message.emlResponse(fileName: "letter-agency-\(model.agencyID).eml")
        case .mailto:
            return try await again([], status: .ok, message: "Logged. Open the letter in your mail program with the link below, and send it from there.", mailto: message.mailto)
        case .smtp:
            return try await again([], status: .ok, message: "Sent to \(email) and logged.")
        }
    }
}
