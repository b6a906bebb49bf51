/// The name a letter uses: the portal data's shorthand ("Sparks NV PD", "Allegan County SO MI") as
/// the agency calls itself ("Sparks Police Department", "Allegan County Sheriff's Office"). The state
/// code goes (the letter cites the state's law); abbreviations of the agency's kind are spelled out.
/// Names marked as duplicates or retired accounts are left as they are.
public enum AgencyFormalName {
    static let expansions: [String: String] = [
        "PD": "Police Department", "SO": "Sheriff's Office", "DPS": "Department of Public Safety",
        "Co": "County", "Univ": "University", "Dept": "Department",
    ]

    public static func make(_ name: String, stateCode: String?) -> String {
        guard RetiredAccountMarker.find(in: name) == nil else { return name }
        var words = name.split(separator: " ").map(String.init)
        if let stateCode, words.count > 1, let index = words.lastIndex(of: stateCode.uppercased()) { words.remove(at: index) }
        // Only mixed-case "Co" is County: upper-case "CO" is Colorado's code and stays as it is.
        words = words.map { expansions[$0] ?? $0 }
        let result = words.joined(separator: " ")
        return result.isEmpty ? name : result
    }
}
