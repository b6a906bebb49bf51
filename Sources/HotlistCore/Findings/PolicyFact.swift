/// Something an agency *says* about immigration enforcement (its portal's prohibited uses, a recorded
/// policy, a report's account of its policy), with its source. Kept apart from what records *show*
/// (the topic setting), so a newer record of the setting never erases what the agency said.
public struct PolicyFact: Sendable, Equatable, Codable {
    public var text: String
    public var citation: Citation

    public init(text: String, citation: Citation) { self.text = text; self.citation = citation }
}
