import Foundation

/// Prints our own rendered HTML to PDF with headless Chromium. It lives in HotlistWeb because it runs
/// a program (Core stays pure) and needs no database (not the Store); `serve` and the `brief` command
/// both use it. Chromium only ever sees a file we wrote into a private temporary directory, which is
/// removed afterwards; a run that takes too long is killed.
public struct ChromiumPDF: Sendable {
    public var executable: String
    public var timeoutSeconds: Double
    /// Where each run's private directory is made (and removed).
    public var workRoot: URL = FileManager.default.temporaryDirectory

    public static let defaultExecutable = "/usr/bin/chromium"
    public static let environmentVariable = "HOTLISTWATCH_CHROMIUM"

    public init(executable: String = ChromiumPDF.defaultExecutable, timeoutSeconds: Double = 45) {
        self.executable = executable; self.timeoutSeconds = timeoutSeconds
    }

    /// `--chromium PATH`, else HOTLISTWATCH_CHROMIUM, else /usr/bin/chromium.
    public static func resolve(flag: String?, environment: [String: String]) -> ChromiumPDF {
        let fromEnvironment = environment[environmentVariable].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        return ChromiumPDF(executable: flag ?? fromEnvironment ?? defaultExecutable)
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case missing(String)
        case timedOut(Double)
        case failed(status: Int32, output: String)
        case notAPDF

        public var description: String {
            switch self {
            case .missing(let path):
                "Chromium was not found at \(path). Install it (apt-get install chromium) or give its path with --chromium PATH or \(ChromiumPDF.environmentVariable)."
            case .timedOut(let seconds): "Chromium did not finish printing the PDF within \(Int(seconds)) seconds and was stopped."
            case .failed(let status, let output): "Chromium exited with status \(status) without a PDF: \(output.suffix(800))"
            case .notAPDF: "Chromium wrote a file that is not a PDF."
            }
        }
    }

    public var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// The PDF of `html`, with `stylesheet` saved beside it as style.css (the page links it by that name).
    public func render(html: String, stylesheet: String) async throws -> Data {
        guard isAvailable else { throw Failure.missing(executable) }
        let files = FileManager.default
        // A short name: Chromium puts a Unix socket in it, and socket paths are limited to about 100 bytes.
        let directory = workRoot.appendingPathComponent("hwpdf-\(UUID().uuidString.prefix(13))", isDirectory: true)
        try files.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? files.removeItem(at: directory) }
        let page = directory.appendingPathComponent("brief.html"), output = directory.appendingPathComponent("brief.pdf")
        let log = directory.appendingPathComponent("chromium.log")
        try Data(html.utf8).write(to: page)
        try Data(stylesheet.utf8).write(to: directory.appendingPathComponent("style.css"))
        files.createFile(atPath: log.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--no-first-run", "--disable-extensions",
                             "--disable-background-networking", "--disable-sync", "--disable-dev-shm-usage",
                             // Its profile and caches stay in the private directory and go with it.
                             "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
                             "--print-to-pdf=\(output.path)", page.absoluteString]
        process.environment = ["HOME": directory.path, "PATH": "/usr/bin:/bin", "TMPDIR": directory.path]
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }
        process.standardOutput = logHandle
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while process.isRunning {
            if Date() >= deadline {
                process.terminate()
                try? await Task.sleep(for: .seconds(2))
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                throw Failure.timedOut(timeoutSeconds)
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        guard let pdf = try? Data(contentsOf: output), !pdf.isEmpty else {
            // D-Bus complaints fill the log on servers without a session bus; they are never the cause.
            let text = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").filter { !$0.contains("dbus") }.joined(separator: "\n")
            throw Failure.failed(status: process.terminationStatus, output: text)
        }
        guard pdf.starts(with: Data("%PDF".utf8)) else { throw Failure.notAPDF }
        return pdf
    }
}
