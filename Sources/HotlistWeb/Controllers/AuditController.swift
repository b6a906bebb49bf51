import HotlistCore
import HotlistStore
import Vapor

/// The audit trail for admins, as a page and as CSV.
enum AuditController {
    static let pageSize = 50

    @Sendable static func page(_ request: Request) async throws -> Response {
        let viewer = try request.requireViewer()
        let (filter, page) = try AuditFilter.parse(request.queryParameters(), pageSize: pageSize)
        let log = AuditLog(request.database)
        let model = AuditView.Model(viewer: viewer, events: try await log.events(filter), total: try await log.count(filter), filter: filter,
                                    page: page, pageSize: pageSize, people: try await AccountStore(request.database).users())
        return request.personalPage(AuditView.render(model))
    }

    @Sendable static func csv(_ request: Request) async throws -> Response {
        var query = request.queryParameters()
        query["page"] = nil
        let (filter, _) = try AuditFilter.parse(query)
        var text = AuditCSV.line(AuditCSV.header)
        try await AuditLog(request.database).forEachEvent(filter) { text += AuditCSV.line(AuditCSV.row($0)) }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"hotlistwatch-audit.csv\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
