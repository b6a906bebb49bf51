import HotlistCore
import HotlistStore

/// What `makeApp` needs; the binary fills it from flags and environment, tests from literals.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The site's address as people reach it, for links that leave the site (feeds, calendars).
    /// Never taken from the Host header, which anyone sending a request chooses.
    public var publicBaseURL: String
    public var database: HotlistDatabase
    public var clock: any TimeSource
    /// Largest request body accepted, in bytes.
    public var maxBodySize: Int
    /// Keep rendered directory pages and API answers until an import changes the data.
    public var responseCache: Bool
    /// How often the cache asks the database whether an import changed the data, in milliseconds.
    public var cacheRevisionCheckMilliseconds: Int64

    /// Sign-in, session, cookie and lockout behaviour.
    public var security: SecuritySettings
    /// Where request emails are sent from the web; nil: people download the .eml or use mailto.
    public var smtp: SMTPConfiguration?
    /// Business days after filing to follow up where the law sets no number of days ("promptly").
    public var followUpBusinessDays: Int
    /// Where evidence files are kept (content-addressed), and the largest file accepted.
    public var evidenceDirectory: String
    public var maxEvidenceSize: Int
    /// Prints council briefs to PDF; nil where PDFs are not offered (the route then says so).
    public var chromium: ChromiumPDF?

    public init(host: String = "127.0.0.1", port: Int = 8080, publicBaseURL: String? = nil, database: HotlistDatabase, clock: any TimeSource = SystemClock(), maxBodySize: Int = 1_048_576,
                responseCache: Bool = true, cacheRevisionCheckMilliseconds: Int64 = 1_000, security: SecuritySettings = SecuritySettings(),
                smtp: SMTPConfiguration? = nil, followUpBusinessDays: Int = 10, evidenceDirectory: String = "evidence", maxEvidenceSize: Int = 50 * 1_048_576,
                chromium: ChromiumPDF? = nil) {
        self.chromium = chromium
        self.security = security; self.smtp = smtp; self.followUpBusinessDays = followUpBusinessDays
        self.evidenceDirectory = evidenceDirectory; self.maxEvidenceSize = maxEvidenceSize
        self.host = host; self.port = port; self.publicBaseURL = publicBaseURL ?? "http://\(host):\(port)"; self.database = database; self.clock = clock; self.maxBodySize = maxBodySize
        self.responseCache = responseCache; self.cacheRevisionCheckMilliseconds = cacheRevisionCheckMilliseconds
    }
}
