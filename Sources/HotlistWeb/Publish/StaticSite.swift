import Foundation
import HotlistCore
import Vapor

/// Writes the public site as files for any static host: every page an anonymous visitor can reach
/// from the home page, through the real routes and views (so nothing private can appear that the
/// live site would not show a stranger), with links made relative. Addresses a static host cannot
/// answer (filters other than state, rule and page; sign-in; the API) point at the live site, or
/// lose their link when no live address is given. A second run rewrites only files whose bytes
/// changed and removes files this publisher wrote before that are no longer part of the site.
public struct StaticSite: Sendable {
    public struct Summary: Sendable, Equatable, CustomStringConvertible {
        public var files = 0
        public var written = 0
        public var unchanged = 0
        public var removed = 0
        public var bytes = 0
        public var description: String {
            "\(files) files (\(ByteSize.describe(bytes))): \(written) written, \(unchanged) unchanged, \(removed) removed"
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The live site, for links the static copy cannot answer ("https://hotlist.example.org").
    public var liveSite: String?
    /// Pages fetched at once.
    public var concurrency = 8
    /// A bound on the site's size, so a link loop cannot fill the disk.
    public var maxFiles = 100_000
    static let manifestName = ".hotlistwatch-published"

    public init(liveSite: String? = nil) {
        self.liveSite = liveSite.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }

    /// Query parameters a published copy keeps, per path: each combination found in a link becomes a file.
    static let keptQueries: [String: Set<String>] = ["/agencies": ["state", "page"], "/contradictions": ["state", "rule", "page"], "/findings": ["state"]]
    /// Never published: pages for signed-in people, secrets, and the API's filtered answers.
    static let excludedPrefixes = ["/sign-in", "/sign-out", "/reset-password", "/account", "/admin", "/requests", "/campaigns", "/review", "/feeds", "/api/"]
    static let includedExceptions: Set<String> = ["/api/v1/openapi.json"]

    /// Crawls `app` from "/" as an anonymous visitor and writes the site under `directory`.
    public func publish(_ app: Application, to directory: URL, progress: (@Sendable (Int) -> Void)? = nil) async throws -> Summary {
        try prepare(directory)
        let pages = try await crawl(app, progress: progress)
        return try write(pages, to: directory)
    }

    // MARK: crawling

    struct Page: Sendable {
        var target: String
        var contentType: String
        var body: Data
    }

    func crawl(_ app: Application, progress: (@Sendable (Int) -> Void)?) async throws -> [String: Page] {
        var pages: [String: Page] = [:]
        var seen: Set<String> = ["/"]
        var frontier = ["/"]
        while !frontier.isEmpty {
            var found: [Page] = []
            try await withThrowingTaskGroup(of: Page?.self) { group in
                var next = frontier.makeIterator()
                for _ in 0..<concurrency { if let target = next.next() { group.addTask { try await Self.fetch(app, target) } } }
                while let page = try await group.next() {
                    if let page { found.append(page) }
                    if let target = next.next() { group.addTask { try await Self.fetch(app, target) } }
                }
            }
            frontier = []
            for page in found {
                pages[page.target] = page
                guard page.contentType.hasPrefix("text/html") else { continue }
                for link in Self.links(in: page.body) {
                    guard let target = Self.publishable(link), seen.insert(target).inserted else { continue }
                    guard seen.count <= maxFiles else { throw Failure(description: "the site has more than \(maxFiles) pages; stopped so a link loop cannot fill the disk") }
                    frontier.append(target)
                }
            }
            progress?(pages.count)
        }
        return pages
    }

    /// An anonymous GET through the app's own middleware and routes; nil unless it answers 200.
    static func fetch(_ app: Application, _ target: String) async throws -> Page? {
        let request = Request(application: app, method: .GET, url: URI(string: target), on: app.eventLoopGroup.next())
        let response = try await app.responder.current.respond(to: request).get()
        guard response.status == .ok else { return nil }
        let buffer = try await response.body.collect(on: request.eventLoop).get() ?? ByteBuffer()
        return Page(target: target, contentType: response.headers.first(name: .contentType) ?? "application/octet-stream", body: Data(buffer.readableBytesView))
    }

    /// Local addresses in `href`, `src` and `action` attributes, as written (entities decoded).
    static func links(in html: Data) -> [String] {
        let text = String(decoding: html, as: UTF8.self)
        return text.matches(of: attributePattern).map { String($0.output.2).replacingOccurrences(of: "&amp;", with: "&") }
    }

    nonisolated(unsafe) static let attributePattern = #/(href|src|action)="([^"]*)"/#

    /// The address to fetch for a link (path and kept query, fragment dropped), or nil when the
    /// link leaves the site or cannot be published.
    static func publishable(_ link: String) -> String? {
        guard link.hasPrefix("/"), !link.hasPrefix("//"), let components = URLComponents(string: link) else { return nil }
        let path = components.path
        guard !path.isEmpty, !path.contains(".."), includedExceptions.contains(path) || !excludedPrefixes.contains(where: { path.hasPrefix($0) }) else { return nil }
        let items = components.queryItems ?? []
        guard !items.isEmpty else { return path }
        guard let kept = keptQueries[path], items.allSatisfy({ kept.contains($0.name) && !($0.value ?? "").isEmpty }) else { return nil }
        var canonical = URLComponents()
        canonical.path = path
        canonical.queryItems = items.sorted { $0.name < $1.name }
        return canonical.string
    }

    // MARK: writing

    /// Where a page is written, relative to the site's folder: "agencies/5/index.html",
    /// "agencies/index.page-2.state-CA.html", "static/style.css", "evidence/3/file.pdf".
    static func fileName(_ target: String, contentType: String) -> String {
        let components = URLComponents(string: target)
        let path = components?.path ?? target
        let segments = path.split(separator: "/").map(String.init)
        let query = (components?.queryItems ?? []).map { "\($0.name)-\(($0.value ?? "").filter { $0.isLetter || $0.isNumber || $0 == "-" })" }
        if let last = segments.last, last.contains("."), query.isEmpty { return segments.joined(separator: "/") }
        if contentType.hasPrefix("text/html") {
            return (segments + ["index" + query.map { "." + $0 }.joined() + ".html"]).joined(separator: "/")
        }
        let ext = extensions.first { contentType.hasPrefix($0.key) }?.value ?? "bin"
        return segments.joined(separator: "/") + query.map { "." + $0 }.joined() + "." + ext
    }

    static let extensions = ["application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg", "text/csv": "csv", "application/json": "json",
                             "application/atom+xml": "atom", "text/calendar": "ics", "application/zip": "zip", "message/rfc822": "eml",
                             "application/vnd.sqlite3": "sqlite", "application/x-sqlite3": "sqlite", "text/plain": "txt", "text/css": "css",
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx"]

    /// The path from the folder of `from` to `to`, both relative to the site's root.
    static func relative(from: String, to: String) -> String {
        let fromDirectory = from.split(separator: "/").dropLast().map(String.init)
        let target = to.split(separator: "/").map(String.init)
        var common = 0
        while common < fromDirectory.count, common < target.count - 1, fromDirectory[common] == target[common] { common += 1 }
        return (Array(repeating: "..", count: fromDirectory.count - common) + target[common...]).joined(separator: "/")
    }

    /// Links in one HTML page, pointed at the published files, or at the live site for pages not published.
    func rewrite(_ html: Data, file: String, files: [String: String]) -> Data {
        let text = String(decoding: html, as: UTF8.self)
        let rewritten = text.replacing(Self.attributePattern) { match -> String in
            let attribute = String(match.output.1), raw = String(match.output.2)
            let link = raw.replacingOccurrences(of: "&amp;", with: "&")
            guard link.hasPrefix("/"), !link.hasPrefix("//") else { return String(match.output.0) }
            let fragment = link.firstIndex(of: "#").map { String(link[$0...]) } ?? ""
            if let target = Self.publishable(link), let published = files[target] {
                return "\(attribute)=\"\(Self.relative(from: file, to: published))\(fragment)\""
            }
            if let liveSite { return "\(attribute)=\"\(liveSite)\(raw)\"" }
            // No live site to send people to: the link goes, its text stays.
            return attribute == "action" ? "action=\"\"" : "data-unpublished=\"\(raw)\""
        }
        return Data(rewritten.utf8)
    }

    func prepare(_ directory: URL) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Failure(description: "\(directory.path) is a file, not a folder. Name a folder for the site.") }
            let contents = try manager.contentsOfDirectory(atPath: directory.path)
            guard contents.isEmpty || contents.contains(Self.manifestName) else {
                throw Failure(description: "\(directory.path) holds files this command did not write. Name an empty or new folder, or one published before.")
            }
        } else {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        }
    }

    func write(_ pages: [String: Page], to directory: URL) throws -> Summary {
        var summary = Summary()
        var files: [String: String] = [:]
        for (target, page) in pages { files[target] = Self.fileName(target, contentType: page.contentType) }
        let manager = FileManager.default
        for (target, page) in pages.sorted(by: { $0.key < $1.key }) {
            let name = files[target]!
            let bytes = page.contentType.hasPrefix("text/html") ? rewrite(page.body, file: name, files: files) : page.body
            let url = directory.appendingPathComponent(name)
            summary.files += 1
            summary.bytes += bytes.count
            if let existing = manager.contents(atPath: url.path), existing == bytes { summary.unchanged += 1; continue }
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url, options: .atomic)
            summary.written += 1
        }
        // Files an earlier run wrote that are no longer part of the site.
        let manifest = directory.appendingPathComponent(Self.manifestName)
        let before = (try? String(contentsOf: manifest, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        let now = Set(files.values)
        for old in before where !now.contains(old) && !old.contains("..") {
            if (try? manager.removeItem(at: directory.appendingPathComponent(old))) != nil { summary.removed += 1 }
        }
        try Data(now.sorted().joined(separator: "\n").utf8).write(to: manifest, options: .atomic)
        return summary
    }
}
