import Foundation

/// The licence, the suggested citation and the credits that travel with every public download.
public struct PublicDataAbout: Sendable, Equatable {
    public var generatedAt: Date
    /// The public address the data is served from (`serve --public-url`), for links in the citation and the feed.
    public var baseURL: String

    public init(generatedAt: Date, baseURL: String) { self.generatedAt = generatedAt; self.baseURL = baseURL }

    public static let licenceName = "CC BY 4.0 (Hotlist Watch's own data); MIT (The News & Observer's Private Eyes portal data)"
    public static let licenceURL = "https://creativecommons.org/licenses/by/4.0/"

    public static let licence = """
        Hotlist Watch's own data (verified findings, verified statements, contradictions, request statistics, reference research) \
        is licensed under Creative Commons Attribution 4.0 International (CC BY 4.0), https://creativecommons.org/licenses/by/4.0/. \
        The agency directory and portal snapshots come from The News & Observer's "Private Eyes" data set \
        (https://github.com/mcclatchy-southeast/private_eyes), published under the MIT licence; keep its credit: The News & Observer. \
        Findings marked as reported by EFF are the Electronic Frontier Foundation's reporting, credited to EFF and linked to its source.
        """

    public static let credits: [(String, String)] = [
        ("The News & Observer", "Private Eyes: Flock transparency portals, sharing links and the North Carolina survey (MIT licence). Credit: The News & Observer."),
        ("Electronic Frontier Foundation (EFF)", "Reported findings about Immigration Violator settings, each linked to EFF's publication."),
        ("Hotlist Watch volunteers", "Findings and statements verified by two people from public records; reference research with sources and grades."),
    ]

    public var citation: String {
        "Hotlist Watch, public data set (generated \(TimestampParser.isoDay(generatedAt))), \(baseURL)/data. Licence: CC BY 4.0; "
            + "portal data from The News & Observer's Private Eyes (MIT). Reported findings: EFF."
    }

    /// The three fields every JSON download opens with.
    func jsonFields() -> String {
        "  \"licence\": \(PublicJSON.string(Self.licence)),\n  \"licence_url\": \(PublicJSON.string(Self.licenceURL)),\n"
            + "  \"citation\": \(PublicJSON.string(citation)),\n  \"generated_at\": \(PublicJSON.string(TimestampParser.iso8601(generatedAt)))"
    }

    /// CITATION.txt, the CSV files' companion: CSV has no place for it without breaking parsers.
    public func citationText(files: [String]) -> String {
        """
        Hotlist Watch public data
        =========================

        Suggested citation:
        \(citation)

        Licence:
        \(Self.licence)

        Credits:
        \(Self.credits.map { "- \($0.0): \($0.1)" }.joined(separator: "\n"))

        Generated at: \(TimestampParser.iso8601(generatedAt))
        Columns explained: \(baseURL)/data

        This licence and citation apply to every file published next to this one:
        \(files.map { "- " + $0 }.joined(separator: "\n"))

        """
    }
}
