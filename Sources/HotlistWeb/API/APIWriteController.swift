import HotlistCore
import HotlistStore
import Vapor

/// API routes that need a bearer token: who the token belongs to, and changes to data.
enum APIWriteController {
    @Sendable static func me(_ request: Request) async throws -> Response {
        try APIController.json(APIModels.Me(try request.requireViewer().account))
    }

    /// Replaces an agency's records contact: `{"email": …, "portal_url": …}`; a missing or null field clears it.
    @Sendable static func replaceRecordsContact(_ request: Request) async throws -> Response {
        let id = try request.agencyID()
        let body = try JSONBody(request, allowedKeys: ["email", "portal_url"])
        let contact = try RecordsContact.validated(email: try body.optionalString("email"), portalURL: try body.optionalString("portal_url"))
        try await RecordsContactEditor(request.store).replace(agencyID: id, with: contact, by: try request.auditActor(), now: request.clock.now())
        return try APIController.json(APIModels.RecordsContactDTO(agencyID: id, contact))
    }
}
