import Foundation
import HotlistCore
import HotlistStore
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
        /// Where the time went: reading the data ahead, rendering the pages, writing the files.
        public var readAheadSeconds = 0.0, crawlSeconds = 0.0, writeSeconds = 0.0
        public var timings: String {
            String(format: "read ahead %.1f s, rendered %.1f s, written %.1f s", readAheadSeconds, crawlSeconds, writeSeconds)
        }
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
        let clock = ContinuousClock()
        var mark = clock.now
        func lap() -> Double { let now = clock.now; defer { mark = now }; let elapsed = now - mark; return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18 }
        var readAhead = 0.0
        let pages: [String: Page]
        if let services = app.storage[AppServicesKey.self] {
            // The copy shows one state of the data. Every agency has a page, a brief and a press
            // summary: read all their data in a few queries first.
            let queries = DirectoryQueries(services.database)
            pages = try await queries.holdingRevision {
                try await queries.preloadDetails(today: CalendarDay.today(services.clock.now()))
                try await ContractStore(services.database).preloadAll()
                readAhead = lap()
                return try await crawl(app, progress: progress)
            }
        } else {
            pages = try await crawl(app, progress: progress)
        }
        let crawled = lap()
        var summary = try await write(pages, to: directory)
        (summary.readAheadSeconds, summary.crawlSeconds, summary.writeSeconds) = (readAhead, crawled, lap())
        return summary
    }

    // MARK: crawling

    struct Page: Sendable {
        var target: String
        var contentType: String
        var body: Data
        /// Its local links, found as it is fetched, on whichever core fetched it.
        var links: [String] = []
    }

    func crawl(_ app: Application, progress: (@Sendable (Int) -> Void)?) async throws -> [String: Page] {
        var pages: [String: Page] = [:]
        var seen: Set<String> = ["/"]
        // What each link, as written, fetches (nil: not published); the same links are on every page.
        var targets: [String: String?] = [:]
        var frontier = ["/"]
        // Vapor builds a new router each time `responder.current` is read; one serves the whole crawl.
        let responder = app.responder.current
        while !frontier.isEmpty {
            var found: [Page] = []
            try await withThrowingTaskGroup(of: Page?.self) { group in
                var next = frontier.makeIterator()
                for _ in 0..<concurrency { if let target = next.next() { group.addTask { try await Self.fetch(app, responder, target) } } }
                while let page = try await group.next() {
                    if let page { found.append(page) }
                    if let target = next.next() { group.addTask { try await Self.fetch(app, responder, target) } }
                }
            }
            frontier = []
            for page in found {
                pages[page.target] = page
                guard page.contentType.hasPrefix("text/html") else { continue }
                for link in page.links {
                    let target: String?
                    if let known = targets[link] { target = known } else { target = Self.publishable(link); targets[link] = target }
                    guard let target, seen.insert(target).inserted else { continue }
                    guard seen.count <= maxFiles else { throw Failure(description: "the site has more than \(maxFiles) pages; stopped so a link loop cannot fill the disk") }
                    frontier.append(target)
                }
            }
            progress?(pages.count)
        }
        return pages
    }

    /// An anonymous GET through the app's own middleware and routes; nil unless it answers 200.
    static func fetch(_ app: Application, _ responder: any Responder, _ target: String) async throws -> Page? {
        let request = Request(application: app, method: .GET, url: URI(string: target), on: app.eventLoopGroup.next())
        let response = try await responder.respond(to: request).get()
        guard response.status == .ok else { return nil }
        let buffer = try await response.body.collect(on: request.eventLoop).get() ?? ByteBuffer()
        let contentType = response.headers.first(name: .contentType) ?? "application/octet-stream"
        let body = Data(buffer.readableBytesView)
        return Page(target: target, contentType: contentType, body: body, links: contentType.hasPrefix("text/html") ? links(in: body) : [])
    }

    /// Local addresses in `href`, `src` and `action` attributes, as written (entities decoded).
    static func links(in html: Data) -> [String] {
        let bytes = [UInt8](html)
        return LinkAttributes.find(in: bytes).map { LinkAttributes.decodedValue(bytes, $0) }
    }

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
        relative(fromDirectory: from.split(separator: "/").dropLast(), to: to)
    }

    static func relative(fromDirectory: ArraySlice<Substring>, to: String) -> String {
        let target = to.split(separator: "/")
        var common = 0
        while common < fromDirectory.count, common < target.count - 1, fromDirectory[fromDirectory.startIndex + common] == target[common] { common += 1 }
        return String(repeating: "../", count: fromDirectory.count - common) + target[common...].joined(separator: "/")
    }

    /// Links in one HTML page, pointed at the published files, or at the live site for pages not published.
    func rewrite(_ html: Data, file: String, files: [String: String]) -> Data {
        var resolved: [String: String?] = [:]
        return rewrite(html, file: file, files: files, resolved: &resolved)
    }

    /// As above; `resolved` keeps, across the pages of one run, which file each link was found to be
    /// (nil: not published). Every page repeats the same navigation links.
    func rewrite(_ html: Data, file: String, files: [String: String], resolved: inout [String: String?]) -> Data {
        let bytes = [UInt8](html)
        let fromDirectory = file.split(separator: "/").dropLast()
        var output = Data(capacity: bytes.count + bytes.count / 8)
        var copied = 0
        for found in LinkAttributes.find(in: bytes) {
            let link = LinkAttributes.decodedValue(bytes, found)
            guard link.hasPrefix("/"), !link.hasPrefix("//") else { continue }
            let published: String?
            if let known = resolved[link] { published = known } else {
                published = Self.publishable(link).flatMap { files[$0] }
                resolved[link] = published
            }
            let replacement: String
            if let published {
                let fragment = link.firstIndex(of: "#").map { String(link[$0...]) } ?? ""
                replacement = "\(found.name)=\"\(Self.relative(fromDirectory: fromDirectory, to: published))\(fragment)\""
            } else if let liveSite {
                replacement = "\(found.name)=\"\(liveSite)\(String(decoding: bytes[found.value], as: UTF8.self))\""
            } else {
                // No live site to send people to: the link goes, its text stays.
                replacement = found.name == "action" ? "action=\"\"" : "data-unpublished=\"\(String(decoding: bytes[found.value], as: UTF8.self))\""
            }
            output.append(contentsOf: bytes[copied..<found.attribute.lowerBound])
            output.append(contentsOf: Array(replacement.utf8))
            copied = found.attribute.upperBound
        }
        output.append(contentsOf: bytes[copied...])
        return output
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

    /// Writes the pages, split between the machine's cores (rewriting links is most of the work).
    func write(_ pages: [String: Page], to directory: URL) async throws -> Summary {
        var files: [String: String] = [:]
        for (target, page) in pages { files[target] = Self.fileName(target, contentType: page.contentType) }
        let ordered = pages.sorted { $0.key < $1.key }
        let workers = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        var summary = Summary()
        try await withThrowingTaskGroup(of: Summary.self) { group in
            for worker in 0..<workers {
                group.addTask { [files] in
                    var part = Summary()
                    var resolved: [String: String?] = [:]
                    for index in stride(from: worker, to: ordered.count, by: workers) {
                        let (target, page) = ordered[index]
                        let name = files[target]!
                        let bytes = page.contentType.hasPrefix("text/html") ? rewrite(page.body, file: name, files: files, resolved: &resolved) : page.body
                        part.files += 1
                        part.bytes += bytes.count
                        if try Self.replaceIfChanged(directory.appendingPathComponent(name), with: bytes) { part.written += 1 } else { part.unchanged += 1 }
                    }
                    return part
                }
            }
            for try await part in group {
                summary.files += part.files; summary.bytes += part.bytes; summary.written += part.written; summary.unchanged += part.unchanged
            }
        }
        // Files an earlier run wrote that are no longer part of the site.
        let manager = FileManager.default
        let manifest = directory.appendingPathComponent(Self.manifestName)
        let before = (try? String(contentsOf: manifest, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        let now = Set(files.values)
        for old in before where !now.contains(old) && !old.contains("..") {
            if (try? manager.removeItem(at: directory.appendingPathComponent(old))) != nil { summary.removed += 1 }
        }
        try Data(now.sorted().joined(separator: "\n").utf8).write(to: manifest, options: .atomic)
        return summary
    }

    /// Writes `bytes` to `url` unless it already holds them; false when it did. A visitor never sees
    /// half a page: the bytes go to a temporary file beside it, renamed over it. No fsync per file:
    /// the copy can always be written again, and 16,000 syncs cost more than the rest of the write.
    static func replaceIfChanged(_ url: URL, with bytes: Data) throws -> Bool {
        let manager = FileManager.default
        if let existing = manager.contents(atPath: url.path), existing == bytes { return false }
        let folder = url.deletingLastPathComponent()
        if !manager.fileExists(atPath: folder.path) { try manager.createDirectory(at: folder, withIntermediateDirectories: true) }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
        // Foundation's Data.write syncs every file to disk, even without .atomic.
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "could not write \(temporary.path): \(String(cString: strerror(errno)))") }
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { if errno == EINTR { continue }; return false }
                offset += count
            }
            return true
        }
        let closed = close(descriptor) == 0
        guard complete, closed, rename(temporary.path, url.path) == 0 else {
            let code = errno
            try? manager.removeItem(at: temporary)
            throw Failure(description: "could not write \(url.path): \(String(cString: strerror(code)))")
        }
        return true
    }
}
