import Foundation
import HotlistCore
import HotlistStore
import Vapor

/// The public data set: the /data page, its files, and the directory's CSV and JSON.
enum DataController {
    /// Every file of the public data set, from the cache (one generation per directory revision).
    static func allFiles(_ request: Request) async throws -> [String: PublicDataCache.Served] {
        let database = request.database, baseURL = request.services.publicBaseURL
        return try await request.services.publicData.files(key: "all", database: database, now: { [clock = request.clock] in try await DirectoryQueries(database).lastChanged() ?? clock.now() }) { generatedAt in
            try await PublicDataFiles.all(database, now: generatedAt, baseURL: baseURL)
        }
    }

    @Sendable static func page(_ request: Request) async throws -> Response {
        let files = try await allFiles(request)
        let listed = PublicDataFiles.names.compactMap { files[$0] }
        return HTMLResponse.make(DataView.render(files: listed, catalog: PublicDataSet.catalog(baseURL: request.services.publicBaseURL),
                                                 baseURL: request.services.publicBaseURL, viewer: request.viewer))
    }

    @Sendable static func file(_ request: Request) async throws -> Response {
        guard let name = request.parameters.get("name"), PublicDataFiles.names.contains(name), let served = try await allFiles(request)[name] else {
            throw Abort(.notFound, reason: "There is no such file. The downloads are listed at \(SiteURL.data.path).")
        }
        return respond(served, to: request)
    }

    /// `/agencies?format=csv|json`: the whole filtered result (not one page), at most `PublicDataFiles.maxFilteredAgencies` rows.
    static func agencies(_ request: Request, filter: AgencyFilter, format: String) async throws -> Response {
        guard format == "csv" || format == "json" else {
            throw InputProblems([InputProblem(file: "query", field: "format", problem: "\"\(format.prefix(40))\" is not a download format", hint: "Use csv or json, or leave it out for the page.")])
        }
        let whole = { var whole = filter; whole.page = 1; whole.perPage = AgencyFilter.defaultPerPage; return whole }()
        let key = "agencies." + format + "?" + whole.queryItems().map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        let database = request.database, baseURL = request.services.publicBaseURL
        do {
            let files = try await request.services.publicData.files(key: key, database: database, now: { [clock = request.clock] in try await DirectoryQueries(database).lastChanged() ?? clock.now() }) { generatedAt in
                [try await PublicDataFiles.filteredAgencies(database, filter: whole, format: format, now: generatedAt, baseURL: baseURL)]
            }
            guard let served = files.values.first else { throw Abort(.internalServerError) }
            return respond(served, to: request)
        } catch let tooMany as TooManyRows {
            throw InputProblems([InputProblem(file: "query", field: "format", problem: "\(tooMany.matching) agencies match; one download holds at most \(tooMany.limit)",
                                              hint: "Narrow the filter (state, kind, search text), or download the whole directory at \(SiteURL.dataFile("agencies.\(format)").path).")])
        }
    }

    /// The file with its validators and licence; 304 when the client's copy is current.
    static func respond(_ served: PublicDataCache.Served, to request: Request) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .eTag, value: served.etag)
        headers.replaceOrAdd(name: .lastModified, value: httpDate(served.generatedAt))
        headers.replaceOrAdd(name: .link, value: "<\(PublicDataAbout.licenceURL)>; rel=\"license\", <\(SiteURL.dataFile(PublicDataFiles.citationName).path)>; rel=\"describedby\"")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=60")
        if isCurrent(request.headers, served) { return Response(status: .notModified, headers: headers) }
        headers.replaceOrAdd(name: .contentType, value: served.file.contentType)
        if served.file.name.hasSuffix(".sqlite") { headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(served.file.name)\"") }
        return Response(status: .ok, headers: headers, body: .init(buffer: served.body))
    }

    /// If-None-Match wins when present (RFC 9110 §13.2.2); otherwise If-Modified-Since, to the second.
    static func isCurrent(_ headers: HTTPHeaders, _ served: PublicDataCache.Served) -> Bool {
        let tags = headers[.ifNoneMatch].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        if !tags.isEmpty {
            return tags.contains { $0 == "*" || ($0.hasPrefix("W/") ? String($0.dropFirst(2)) : $0) == served.etag }
        }
        guard let since = headers.first(name: .ifModifiedSince).flatMap(parseHTTPDate) else { return false }
        return served.generatedAt.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
    }

    private static func httpFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }

    static func httpDate(_ date: Date) -> String { httpFormatter().string(from: date) }

    static func parseHTTPDate(_ text: String) -> Date? {
        guard text.utf8.count <= 64, text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return httpFormatter().date(from: text)
    }
}
