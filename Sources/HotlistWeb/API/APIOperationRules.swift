import HotlistAPI
import HotlistCore

/// What each operation of the document does, for `AuthorizationMiddleware`, and whether its
/// anonymous answers go through the response cache. `APIRouteRegistrar` refuses to register an
/// operation missing here, so a new operation in the document cannot go live without a rule.
enum APIOperationRules {
    struct Rule: Sendable {
        var action: Action
        /// Public reads whose answers depend only on the address and the data: shared by the cache.
        var cached = false
    }

    static let rules: [String: Rule] = [
        Operations.listAgencies.id: Rule(action: .readPublic, cached: true),
        Operations.getAgency.id: Rule(action: .readPublic, cached: true),
        Operations.listContradictions.id: Rule(action: .readPublic, cached: true),
        Operations.listFindings.id: Rule(action: .readPublic, cached: true),
        Operations.listSearchAudits.id: Rule(action: .readPublic, cached: true),
        Operations.listNCICTopics.id: Rule(action: .readPublic),
        Operations.listStateLaws.id: Rule(action: .readPublic),
        Operations.getStateLaw.id: Rule(action: .readPublic),
        Operations.openAPI.id: Rule(action: .readPublic),
        Operations.getMe.id: Rule(action: .manageOwnAccount),
        Operations.replaceRecordsContact.id: Rule(action: .editRecordsContact),
        Operations.listRequests.id: Rule(action: .readRequests),
        Operations.getRequest.id: Rule(action: .readRequests),
        Operations.listCampaigns.id: Rule(action: .readRequests),
        Operations.createRequest.id: Rule(action: .editRequests),
        Operations.changeRequestStatus.id: Rule(action: .editRequests),
    ]
}
