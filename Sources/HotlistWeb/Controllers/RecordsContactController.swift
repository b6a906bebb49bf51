import HotlistCore
import HotlistStore
import Vapor

/// Signed-in people correct where an agency takes records requests.
enum RecordsContactController {
    struct ContactForm: Content { var email: String?; var portal_url: String? }

    @Sendable static func page(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let id = try request.agencyID()
        guard let detail = try await DirectoryQueries(request.database).detail(id: id) else { throw Abort(.notFound) }
        return request.personalPage(RecordsContactView.render(.init(viewer: viewer, agencyID: id, agencyName: detail.agency.name,
                                                                    email: detail.agency.recordsEmail ?? "", portalURL: detail.agency.recordsPortalURL ?? "")))
    }

    @Sendable static func save(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let id = try request.agencyID()
        guard let detail = try await DirectoryQueries(request.database).detail(id: id) else { throw Abort(.notFound) }
        let form = try request.form(ContactForm.self)
        do {
            let contact = try RecordsContact.validated(email: form.email, portalURL: form.portal_url)
            try await RecordsContactEditor(request.database).replace(agencyID: id, with: contact, by: try request.auditActor(), now: request.clock.now())
            return request.redirect(to: SiteURL.agency(id).with([("notice", Notice.contactCorrected.rawValue)]), redirectType: .normal)
        } catch let problems as InputProblems {
            return request.personalPage(RecordsContactView.render(.init(viewer: viewer, agencyID: id, agencyName: detail.agency.name, email: form.email ?? "",
                                                                        portalURL: form.portal_url ?? "", problems: problems.problems)), status: .badRequest)
        }
    }
}
