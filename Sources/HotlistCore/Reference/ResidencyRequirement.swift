/// Whether a state's records law limits requests to its own residents.
public enum ResidencyRequirement: String, Codable, CaseIterable, Sendable {
    case yes, no, unclear
}
