/// An exemption agencies cite when they refuse, with a plain explanation and the answer an appeal
/// gives. Arguments, not facts about a particular law: the appeal letter shows them as ours.
public struct Exemption: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var plainExplanation: String
    public var answer: String
}

public enum ExemptionLibrary {
    public static let all: [Exemption] = [
        Exemption(id: "investigative", name: "Investigative or law-enforcement records",
                  plainExplanation: "The agency says the records are part of investigations, or would reveal investigative techniques.",
                  answer: "The records requested describe the standing configuration of a system, not any investigation. Which hotlist categories are switched on is a general administrative setting; no case, suspect or technique is revealed by it."),
        Exemption(id: "security", name: "Security or critical infrastructure",
                  plainExplanation: "The agency says disclosure would endanger the security of a system or facility.",
                  answer: "A list of the NCIC categories a camera network alerts on reveals nothing about how the system is protected; other agencies have released the same settings without harm."),
        Exemption(id: "criminal-justice-information", name: "NCIC / CJIS confidentiality",
                  plainExplanation: "The agency says NCIC or CJIS rules forbid releasing anything about NCIC.",
                  answer: "The request is not for NCIC records or criminal history information. It asks which categories the agency chose to receive; the names of NCIC files are themselves published by the FBI."),
        Exemption(id: "trade-secret", name: "Vendor trade secret or proprietary information",
                  plainExplanation: "The agency says the vendor's software or documents are confidential.",
                  answer: "The choices the agency made in its own configuration are the agency's records. Any genuinely proprietary part of a screenshot or contract can be redacted while the rest is released."),
        Exemption(id: "no-record", name: "No such record",
                  plainExplanation: "The agency says it has no record of the settings.",
                  answer: "The settings exist in the system the agency controls; a screenshot or export of the settings page is a record the agency can produce with ordinary effort, as other agencies have done."),
        Exemption(id: "privacy", name: "Personal privacy",
                  plainExplanation: "The agency says the records contain personal information.",
                  answer: "The request asks for no personal information. Names or plates that appear incidentally can be redacted and the rest released."),
    ]

    public static func byID(_ id: String) -> Exemption? { all.first { $0.id == id } }
}
