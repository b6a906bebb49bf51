import HotlistCore
import Vapor

/// Registers every route. Pages and API share controllers' query functions.
func registerRoutes(_ app: Application) throws {
    app.get(use: HomeController.page)
    app.get("agencies", use: DirectoryController.page)
    app.get("agencies", ":id", use: AgencyController.page)
    app.get("reference", "ncic", use: ReferenceController.ncicPage)
    app.get("reference", "states", use: ReferenceController.statesPage)
    app.get("reference", "states", ":code", use: ReferenceController.statePage)
    app.get("about", use: HomeController.about)
    app.get("static", "style.css", use: AssetController.stylesheet)

    let api = app.grouped("api", "v1")
    api.get("agencies", use: APIController.agencies)
    api.get("agencies", ":id", use: APIController.agency)
    api.get("reference", "ncic", use: APIController.ncic)
    api.get("reference", "states", use: APIController.states)
    api.get("reference", "states", ":code", use: APIController.state)
    api.get("openapi.json", use: APIController.openAPI)
    // Anything else under /api answers with a JSON 404 rather than the HTML page.
    api.get("**") { _ -> Response in throw Abort(.notFound) }
}

extension Request {
    /// Query parameters as a plain dictionary (the last value wins when a name repeats).
    func queryParameters() -> [String: String] {
        guard let query = url.query, !query.isEmpty else { return [:] }
        var result: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "") : ""
            result[name] = value
        }
        return result
    }

    func agencyID() throws -> Int {
        guard let text = parameters.get("id"), let id = Int(text), id > 0 else { throw Abort(.notFound) }
        return id
    }

    func stateCode() throws -> String {
        guard let code = parameters.get("code"), let state = USState.byCode(code) else { throw Abort(.notFound) }
        return state.code
    }
}
