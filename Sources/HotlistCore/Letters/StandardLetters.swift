/// The letters Hotlist Watch writes unless a campaign edits them. Our own words; every fact they
/// rely on comes in through a variable from the reference data or the request.
public enum StandardLetters {
    public static let initialRequest = LetterTemplate(
        name: "initial request",
        subject: "Public records request under the {{law_name}}: ALPR hotlist settings",
        body: """
        {{today}}

        To the records officer of {{agency_name}}:

        Under the {{law_name}} ({{law_citation}}), I request copies of the following records about the automated license plate reader (ALPR) system your agency uses, including any system provided by Flock Safety:

        1. A record showing which National Crime Information Center (NCIC) hotlist topics or categories are selected in the system's configuration, for example a screenshot or export of the settings page that lists the NCIC categories with the selected ones marked.
        2. Any record of changes to those selections (such as the system's change or audit history for hotlist settings), from the start of the contract to today.
        3. A list of any other hotlists the system alerts on, including state, regional and custom lists.
        4. The agency's current policy governing ALPR use.
        5. The current contract or agreement with the ALPR vendor, including its renewal or expiration date.
        6. A record of the settings that control sharing of ALPR data with, or searches by, federal agencies and agencies outside the state (for example the list of organisations granted access and any federal or out-of-state sharing option), where the system offers them.
        7. A record of any restriction on the reasons users may enter for a search (for example a required reason field, or blocked reasons such as immigration enforcement), where the system offers one.
        {{state_specific_requests}}

        {{residency_statement}}

        Please send the records electronically, to {{requester_email}}, in the format in which they are kept. I ask that fees be waived: the records concern how a public agency uses a surveillance system, and disclosing them serves the public interest rather than any commercial one. If fees will exceed $25, please tell me before incurring them.

        The law requires a response {{deadline_sentence}}. If you withhold any record or part of one, please cite the specific exemption for each withholding and release every part that is not exempt.

        Thank you,
        {{requester_name}}
        {{requester_email}}
        """)

    public static let followUp = LetterTemplate(
        name: "follow-up",
        subject: "Follow-up: public records request of {{filed_on}} (ALPR hotlist settings)",
        body: """
        {{today}}

        To the records officer of {{agency_name}}:

        On {{filed_on}} I requested records under the {{law_name}} ({{law_citation}}) about the NCIC hotlist settings of your agency's automated license plate reader system {{tracking_reference}}. The response was due by {{due_on}}, and I have not yet received it.

        Please tell me when I can expect the records, or send those that are ready now. If any part of the request is unclear, I am glad to clarify it.

        Thank you,
        {{requester_name}}
        {{requester_email}}
        """)

    public static let appeal = LetterTemplate(
        name: "appeal",
        subject: "Appeal of the denial of a public records request (ALPR hotlist settings)",
        body: """
        {{today}}

        Under the {{law_name}} ({{law_citation}}), I appeal the denial of my request filed on {{filed_on}} with {{agency_name}}{{tracking_reference}} for records of the NCIC hotlist topics selected in the agency's automated license plate reader system.

        The agency cited: {{exemption_cited}}.

        {{exemption_answer}}

        A record of which categories a system is set to alert on describes how a public agency configured a tool; it is not an investigative file, a criminal history record or a security plan. Where a record mixes exempt and non-exempt material, the non-exempt parts must be released.

        I ask that the denial be reversed and the records released. Under the state's law this appeal goes to: {{appeal_route}}.

        {{requester_name}}
        {{requester_email}}
        """)

    public static let all = [initialRequest, followUp, appeal]
}
