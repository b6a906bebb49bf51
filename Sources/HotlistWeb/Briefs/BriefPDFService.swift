import Crypto
import Foundation

/// The public PDF route's guard: a PDF costs a Chromium run, so at most `maxConcurrent` run at once
/// (others wait up to `maxWait`, then are told to come back), and each PDF is kept, keyed by the
/// SHA-256 of the HTML it was printed from: the same brief is printed once.
actor BriefPDFService {
    enum Refusal: Error { case busy }

    let renderer: ChromiumPDF
    let maxConcurrent: Int
    let maxWait: Duration
    let capacity: Int
    private var running = 0
    private var cache: [String: Data] = [:]
    private var order: [String] = []

    init(renderer: ChromiumPDF, maxConcurrent: Int = 2, maxWait: Duration = .seconds(5), capacity: Int = 64) {
        self.renderer = renderer; self.maxConcurrent = maxConcurrent; self.maxWait = maxWait; self.capacity = capacity
    }

    /// The cache key and ETag of a brief's HTML.
    nonisolated static func key(_ html: String) -> String {
        SHA256.hash(data: Data(html.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    func cached(_ key: String) -> Data? { cache[key] }

    func pdf(html: String, stylesheet: String) async throws -> (key: String, pdf: Data) {
        let key = Self.key(html)
        if let hit = cache[key] { return (key, hit) }
        let clock = ContinuousClock()
        let giveUp = clock.now.advanced(by: maxWait)
        while running >= maxConcurrent {
            guard clock.now < giveUp else { throw Refusal.busy }
            try await Task.sleep(for: .milliseconds(100))
        }
        // Another request may have printed it while this one waited.
        if let hit = cache[key] { return (key, hit) }
        running += 1
        defer { running -= 1 }
        let pdf = try await renderer.render(html: html, stylesheet: stylesheet)
        store(key, pdf)
        return (key, pdf)
    }

    private func store(_ key: String, _ pdf: Data) {
        if cache[key] == nil { order.append(key) }
        cache[key] = pdf
        while order.count > capacity { cache[order.removeFirst()] = nil }
    }
}
