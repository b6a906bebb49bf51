import Foundation

/// Everything public, read from the store, ready to become tables, files and a feed. Only verified
/// findings and statements, others' reports labelled with who reported them; never who entered or
/// verified anything, never requests' requesters, never evidence files.
public struct PublicDataSet: Sendable {
    public struct ReportedFinding: Sendable, Equatable {
        public var finding: RecordedOutcome
        public var agencyID: Int?
        public init(finding: RecordedOutcome, agencyID: Int?) { self.finding = finding; self.agencyID = agencyID }
    }

    /// A contradiction with the day of the newest dated fact it rests on (contradictions are computed, not stored).
    public struct DatedContradiction: Sendable, Equatable {
        public var contradiction: Contradiction
        public var restsOnFactsOf: Date?
        public init(contradiction: Contradiction, restsOnFactsOf: Date?) { self.contradiction = contradiction; self.restsOnFactsOf = restsOnFactsOf }

        /// Stable across regenerations, so feed readers see each contradiction once.
        public var key: String {
            let who = contradiction.agencyID.map { "agency-\($0)" } ?? "\(contradiction.stateCode ?? "xx")-\(contradiction.agencyName)"
            return "\(contradiction.rule.id):\(who)"
        }
    }

    public struct Snapshot: Sendable, Equatable {
        public var agencyID: Int
        public var snapshot: PortalSnapshot
        public init(agencyID: Int, snapshot: PortalSnapshot) { self.agencyID = agencyID; self.snapshot = snapshot }
    }

    public var about: PublicDataAbout
    public var agencies: [AgencySummary]
    public var answeredAgencyIDs: Set<Int>
    public var verifiedFindings: [FindingVersion]
    public var reportedFindings: [ReportedFinding]
    public var verifiedStatements: [AgencyStatement]
    public var contradictions: [DatedContradiction]
    public var requestStatisticsByState: [RequestStatistics]
    public var snapshots: [Snapshot]
    public var ncicTopics: [NCICTopic]
    public var recordsLaws: [StateRecordsLaw]
    public var restrictionLaws: [StateRestrictionLaw]
    /// Verified search audit logs (counts only; sensitive categories per organisation and month).
    public var searchAudits: [SearchAuditLog] = []

    public init(about: PublicDataAbout, agencies: [AgencySummary], answeredAgencyIDs: Set<Int>, verifiedFindings: [FindingVersion], reportedFindings: [ReportedFinding],
                verifiedStatements: [AgencyStatement], contradictions: [DatedContradiction], requestStatisticsByState: [RequestStatistics], snapshots: [Snapshot],
                ncicTopics: [NCICTopic], recordsLaws: [StateRecordsLaw], restrictionLaws: [StateRestrictionLaw]) {
        self.about = about; self.agencies = agencies; self.answeredAgencyIDs = answeredAgencyIDs; self.verifiedFindings = verifiedFindings
        self.reportedFindings = reportedFindings; self.verifiedStatements = verifiedStatements; self.contradictions = contradictions
        self.requestStatisticsByState = requestStatisticsByState; self.snapshots = snapshots; self.ncicTopics = ncicTopics
        self.recordsLaws = recordsLaws; self.restrictionLaws = restrictionLaws
    }

    private var agencyByID: [Int: AgencySummary] { Dictionary(agencies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) }

    // MARK: tables

    public static let agencyColumns = [
        PublicColumn("id", "Hotlist Watch's id for the agency (its page is /agencies/ID)."),
        PublicColumn("name", "The agency's name as its Flock account or the source list spells it."),
        PublicColumn("state", "Two-letter state code read from the name; empty when it could not be read with confidence."),
        PublicColumn("kind", "Kind of agency read from the name (police, sheriff, state, …)."),
        PublicColumn("alerts_ncic", "Whether the newest portal snapshot lists NCIC among \"Hotlists Alerted On\": yes, no or unknown."),
        PublicColumn("ncic_evidence", "The portal text that answer rests on."),
        PublicColumn("immigration_policy", "What the newest policy page says about immigration enforcement (prohibits, silent, unknown)."),
        PublicColumn("immigration_evidence", "The portal text that answer rests on."),
        PublicColumn("shares_with_count", "Organisations that can search this agency's ALPR data (portal sharing list)."),
        PublicColumn("receives_from_count", "Organisations whose data this agency can search."),
        PublicColumn("has_portal", "The agency has a Flock transparency portal."),
        PublicColumn("camera_count", "Cameras, per the newest portal snapshot that says."),
        PublicColumn("latest_snapshot_at", "Date of the newest portal snapshot (ISO 8601)."),
        PublicColumn("ask_first_tier", "The ask-first ranking's tier (1 = forbids immigration enforcement yet alerts on NCIC … 5 = no portal data)."),
        PublicColumn("answered_by_records", "A verified finding or a report (such as EFF's) already answered the Immigration Violator question."),
    ]

    /// Agencies as the directory lists them; also the shape of `/agencies?format=csv`.
    public static func agencyTable(_ agencies: [AgencySummary], answered: Set<Int>) -> PublicTable {
        PublicTable(name: "agencies", title: "Agencies", description: "Every agency in the directory with its public portal signals.",
                    columns: agencyColumns, rows: agencies.map { agency in
            let signals = agency.signals
            return [.integer(agency.id), .text(agency.name), .optional(agency.stateCode), .text(agency.kind.rawValue), .text(signals.alertsNCIC.rawValue),
                    .optional(signals.ncicEvidence), .text(signals.immigrationPolicy.rawValue), .optional(signals.immigrationEvidence),
                    .integer(signals.sharesWithCount), .integer(signals.receivesFromCount), .bool(signals.hasPortal), .optional(signals.cameraCount),
                    .optional(signals.latestSnapshotAt), .integer(agency.priority.tier.rawValue), .bool(answered.contains(agency.id))]
        })
    }

    public var agencyTable: PublicTable { Self.agencyTable(agencies, answered: answeredAgencyIDs) }

    public var findingTable: PublicTable {
        let byID = agencyByID
        let columns = [
            PublicColumn("finding_ref", "Stable reference: hotlistwatch-finding-N for ours, reported-N for others' reports."),
            PublicColumn("kind", "verified (ours: entered from public records and checked by a second person) or reported (someone else's report)."),
            PublicColumn("reported_by", "Who the finding is by: Hotlist Watch, or the reporter (e.g. EFF). Never the volunteers' names."),
            PublicColumn("agency_id", "The directory agency (empty when a report names an agency the directory does not hold)."),
            PublicColumn("agency_name", "The agency's name."),
            PublicColumn("state", "Two-letter state code."),
            PublicColumn("as_of", "The day the records show the settings as they were (YYYY-MM-DD)."),
            PublicColumn("immigration_violator", "What the records show for NCIC Immigration Violator: enabled, disabled, not_shown or refused (the agency refused the records)."),
            PublicColumn("topics", "Our findings: every NCIC topic the record shows, as topic=setting; separated by semicolons."),
            PublicColumn("other_hotlists", "Other hotlists the record names, separated by semicolons."),
            PublicColumn("note", "Reports: the reporter's notes. Our findings' notes are working notes for reviewers, never published (as on the agency pages)."),
            PublicColumn("source_title", "Title of the source."),
            PublicColumn("source_url", "Where to read it."),
            PublicColumn("confidence", "How sure the source is: high, medium or low."),
            PublicColumn("verified_on", "Our findings: the day a second person verified it."),
        ]
        var rows: [[PublicValue]] = verifiedFindings.map { version in
            let agency = byID[version.agencyID]
            return [.text("hotlistwatch-finding-\(version.findingID)"), .text("verified"), .text("Hotlist Watch"), .integer(version.agencyID),
                    .text(agency?.name ?? ""), .optional(agency?.stateCode), .text(version.asOf.iso), .text(version.immigrationViolator.rawValue),
                    .text(version.topics.keys.sorted().map { "\($0)=\(version.topics[$0]!.rawValue)" }.joined(separator: "; ")),
                    .text(version.otherHotlists.joined(separator: "; ")), .text(""),
                    .text("Finding #\(version.findingID), version \(version.version), verified from records"),
                    .text("\(about.baseURL)/agencies/\(version.agencyID)#finding-\(version.findingID)"), .text(Confidence.high.rawValue),
                    .optional(version.verifiedAt.map(TimestampParser.isoDay))]
        }
        for (index, report) in reportedFindings.enumerated() {
            let finding = report.finding
            let setting = switch finding.outcome {
            case .immigrationViolatorEnabled: "enabled"
            case .immigrationViolatorDisabled: "disabled"
            case .refused: "refused"
            }
            rows.append([.text("reported-\(index + 1)"), .text("reported"), .text(finding.reportedBy), .optional(report.agencyID), .text(finding.agencyName),
                         .text(finding.stateCode), .text(finding.asOf), .text(setting), .text(""), .text(""), .text(finding.notes), .text(finding.title),
                         .text(finding.url), .text(finding.confidence.rawValue), .null])
        }
        return PublicTable(name: "findings", title: "Findings", description: "What public records showed about agencies' Immigration Violator settings: our verified findings and others' reports, each labelled with who reported it.",
                           columns: columns, rows: rows)
    }

    public var statementTable: PublicTable {
        let byID = agencyByID
        return PublicTable(name: "statements", title: "Statements and policies", description: "Verified public statements and policies about ALPR data and immigration enforcement.",
                           columns: [PublicColumn("statement_id", "Hotlist Watch's id for the statement."), PublicColumn("agency_id", "The agency."),
                                     PublicColumn("agency_name", "The agency's name."), PublicColumn("state", "Two-letter state code."),
                                     PublicColumn("kind", "statement (said in public) or policy (a written policy's prohibited uses)."),
                                     PublicColumn("text", "The words, quoted."), PublicColumn("speaker", "Who said it (an official or the department), or the policy's title."),
                                     PublicColumn("said_on", "The day it was said or adopted."), PublicColumn("source_url", "Where it was published (empty when the source is a document kept as evidence)."),
                                     PublicColumn("denies_immigration_use", "It says ALPR data is not (or must not be) used for immigration enforcement."),
                                     PublicColumn("verified_on", "The day a second person verified it.")],
                           rows: verifiedStatements.map { statement in
            let agency = byID[statement.agencyID]
            return [.integer(statement.id), .integer(statement.agencyID), .text(agency?.name ?? ""), .optional(agency?.stateCode), .text(statement.kind.rawValue),
                    .text(statement.text), .text(statement.speaker), .text(statement.saidOn.iso), .optional(statement.sourceURL), .bool(statement.deniesImmigrationUse),
                    .optional(statement.verifiedAt.map(TimestampParser.isoDay))]
        })
    }

    public var contradictionTable: PublicTable {
        PublicTable(name: "contradictions", title: "Contradictions", description: "Where records, policy, statements and state law disagree, found by the contradiction rules.",
                    columns: [PublicColumn("rule_id", "The rule (rule-1 … rule-8), as on /contradictions and in the API."), PublicColumn("rule_title", "What the rule finds."),
                              PublicColumn("agency_id", "The agency."), PublicColumn("agency_name", "The agency's name."), PublicColumn("state", "Two-letter state code."),
                              PublicColumn("explanation", "The contradiction in plain words."),
                              PublicColumn("citations", "JSON list of the sources it rests on: text, source and confidence (high, medium, low)."),
                              PublicColumn("related_agencies", "Other agencies it names (sharing partners), separated by semicolons."),
                              PublicColumn("rests_on_facts_of", "Date of the newest dated fact it rests on (a finding's or report's as-of day, a statement's day, a portal snapshot); contradictions are computed, not stored.")],
                    rows: contradictions.map { dated in
            let item = dated.contradiction
            let citations = "[" + item.citations.map { PublicJSON.object([("text", .text($0.text)), ("source", .text($0.source)), ("confidence", .text($0.confidence.rawValue))]) }.joined(separator: ", ") + "]"
            return [.text(item.rule.id), .text(item.rule.title), .optional(item.agencyID), .text(item.agencyName), .optional(item.stateCode), .text(item.explanation),
                    .json(citations), .text(item.related.map { "\($0.name) (\($0.stateCode ?? "state unknown"))" }.joined(separator: "; ")),
                    .optional(dated.restsOnFactsOf.map(TimestampParser.isoDay))]
        })
    }

    public var searchAuditTable: PublicTable {
        let byID = agencyByID
        return PublicTable(name: "search_audits", title: "Search audit logs", description: "Flock search audit logs agencies released, scanned and verified by two people: searches per category of the stated reason. No names, user names or plates.",
                           columns: [PublicColumn("log_id", "Hotlist Watch's id for the log (its counts are in search_audit_counts)."), PublicColumn("agency_id", "The agency that released the log."),
                                     PublicColumn("agency_name", "The agency's name."), PublicColumn("state", "Two-letter state code."),
                                     PublicColumn("kind", "network (searches of the agency's cameras by every organisation it shares with), organization or portal (searches by its own users)."),
                                     PublicColumn("first_month", "First month of searches counted (YYYY-MM)."), PublicColumn("last_month", "Last month of searches counted."),
                                     PublicColumn("rows_read", "Searches read."), PublicColumn("rows_skipped", "Rows that could not be read."),
                                     PublicColumn("immigration", "Searches whose reason cites immigration."), PublicColumn("protest", "… a protest or First Amendment activity."),
                                     PublicColumn("reproductive_health", "… reproductive health."), PublicColumn("other_sensitive", "… another sensitive matter."),
                                     PublicColumn("ordinary", "Searches with no sensitive reason."),
                                     PublicColumn("sha256", "SHA-256 of the log as released (the file is not public: it names officers and plates)."),
                                     PublicColumn("received_on", "The day the agency released it."), PublicColumn("rules_version", "Version of the reason rules the counts came from."),
                                     PublicColumn("verified_on", "The day a second person verified the counts.")],
                           rows: searchAudits.map { log in
            let agency = byID[log.agencyID]
            return [.integer(log.id), .integer(log.agencyID), .text(agency?.name ?? ""), .optional(agency?.stateCode), .text(log.kind.rawValue), .optional(log.firstMonth),
                    .optional(log.lastMonth), .integer(log.rowsRead), .integer(log.rowsSkipped), .integer(log.searches(.immigration)), .integer(log.searches(.protest)),
                    .integer(log.searches(.reproductiveHealth)), .integer(log.searches(.otherSensitive)), .integer(log.searches(.ordinary)), .text(log.sha256),
                    .optional(log.receivedOn?.iso), .text(log.rulesVersion), .optional(log.verifiedAt.map(TimestampParser.isoDay))]
        })
    }

    public var searchAuditCountTable: PublicTable {
        PublicTable(name: "search_audit_counts", title: "Search audit counts", description: "Searches with a sensitive reason in verified audit logs, per log, searching organisation, month and category.",
                    columns: [PublicColumn("log_id", "The log (search_audits)."), PublicColumn("agency_id", "The agency that released the log."),
                              PublicColumn("organization", "The searching organisation as the log names it (empty when the log has no such column)."),
                              PublicColumn("month", "YYYY-MM, or unknown."), PublicColumn("category", "immigration, protest, reproductive-health or other-sensitive."),
                              PublicColumn("searches", "Searches."), PublicColumn("networks_searched", "Networks those searches reached, summed."),
                              PublicColumn("devices_searched", "Devices those searches reached, summed (when the log says).")],
                    rows: searchAudits.flatMap { log in
            log.groups.filter { $0.category != .ordinary }.map { group -> [PublicValue] in
                [.integer(log.id), .integer(log.agencyID), .text(group.organization), .text(group.month), .text(group.category.rawValue), .integer(group.searches),
                 .integer(group.networksSearched), .integer(group.devicesSearched)]
            }
        })
    }

    public var requestStatisticsTable: PublicTable {
        PublicTable(name: "request_statistics", title: "Request statistics by state", description: "How agencies answer public-records requests filed through Hotlist Watch, per state. No names, no requesters.",
                    columns: [PublicColumn("state", "Two-letter state code (– when unknown)."), PublicColumn("state_name", "The state."),
                              PublicColumn("requests_filed", "Requests filed."), PublicColumn("requests_answered", "Requests with an answer (records, partial records, no records, or a denial)."),
                              PublicColumn("median_days_to_first_answer", "Median days from filing to the first answer, over answered requests."),
                              PublicColumn("share_answered", "requests_answered / requests_filed (0 to 1)."), PublicColumn("share_denied", "Denied requests / requests_filed (0 to 1).")],
                    rows: requestStatisticsByState.map { stats in
            [.text(stats.key), .text(stats.label), .integer(stats.filed), .integer(stats.answered), .optional(stats.medianDaysToAnswer),
             .optional(stats.shareAnswered), .optional(stats.shareDenied)]
        })
    }

    public var snapshotTable: PublicTable {
        PublicTable(name: "snapshots", title: "Portal snapshots", description: "Public facts from Flock transparency portals, as captured (The News & Observer's Private Eyes, MIT licence).",
                    columns: [PublicColumn("agency_id", "The agency."), PublicColumn("page", "usage or policy page."), PublicColumn("updated_at", "The portal's own \"updated\" date."),
                              PublicColumn("accessed_at", "When the page was captured."), PublicColumn("url", "The portal page."), PublicColumn("portal_name", "The portal's title."),
                              PublicColumn("data_retention_days", "Retention in days."), PublicColumn("camera_count", "Cameras."),
                              PublicColumn("hotlists_alerted_on", "\"Hotlists Alerted On\", as written."), PublicColumn("prohibited_uses", "Prohibited uses, as written."),
                              PublicColumn("external_organizations", "Organisations with access, as written."),
                              PublicColumn("vehicles_detected_30_days", "Vehicles detected in 30 days."), PublicColumn("hotlist_hits_30_days", "Hotlist hits in 30 days."),
                              PublicColumn("searches_30_days", "Searches in 30 days."), PublicColumn("source", "Where the snapshot comes from.")],
                    rows: snapshots.map { item in
            let snapshot = item.snapshot
            return [.integer(item.agencyID), .text(snapshot.page.rawValue), .optional(snapshot.updatedAt), .optional(snapshot.accessedAt), .optional(snapshot.url),
                    .optional(snapshot.portalName), .optional(snapshot.dataRetentionDays), .optional(snapshot.cameraCount), .optional(snapshot.hotlistsRaw),
                    .optional(snapshot.prohibitedUsesRaw), .optional(snapshot.externalOrganizationsRaw), .optional(snapshot.vehiclesDetected30Days),
                    .optional(snapshot.hotlistHits30Days), .optional(snapshot.searches30Days), .text(snapshot.source)]
        })
    }

    public var referenceTables: [PublicTable] {
        [PublicTable(name: "ncic_topics", title: "NCIC topics", description: "The NCIC files behind Flock's hotlist topics, with sources and confidence grades.",
                     columns: [PublicColumn("key", "Topic key."), PublicColumn("flock_label", "The label Flock shows."), PublicColumn("ncic_file", "The NCIC file."),
                               PublicColumn("contents", "What it holds."), PublicColumn("who_may_enter", "Who may enter records."), PublicColumn("notes", "Notes."),
                               PublicColumn("source", "Sources."), PublicColumn("confidence", "high, medium or low.")],
                     rows: ncicTopics.map { [.text($0.key), .optional($0.flockLabel), .text($0.ncicFile), .text($0.contents), .text($0.whoMayEnter), .text($0.notes),
                                             .text($0.source), .text($0.confidence.rawValue)] }),
         PublicTable(name: "state_records_laws", title: "State public-records laws", description: "Each state's public-records law as researched, with its source and grade.",
                     columns: [PublicColumn("state", "Two-letter state code."), PublicColumn("law_name", "The law."), PublicColumn("citation", "Its citation."),
                               PublicColumn("deadline", "The first deadline a requester can enforce."), PublicColumn("residency", "Who may request."),
                               PublicColumn("appeal_route", "Where to appeal."), PublicColumn("source", "Sources."), PublicColumn("confidence", "high, medium or low.")],
                     rows: recordsLaws.map { [.text($0.stateCode), .text($0.lawName), .text($0.citation), .text($0.deadlineSummary), .text($0.residency.rawValue),
                                              .text($0.appealRouteText), .text($0.source), .text($0.confidence.rawValue)] }),
         PublicTable(name: "state_restriction_laws", title: "State ALPR and immigration laws", description: "State laws that restrict ALPR data use or sharing, with sources and grades.",
                     columns: [PublicColumn("state", "Two-letter state code."), PublicColumn("law_name", "The law."), PublicColumn("citation", "Its citation."),
                               PublicColumn("what_it_restricts", "What it restricts."), PublicColumn("source", "Sources."), PublicColumn("confidence", "high, medium or low.")],
                     rows: restrictionLaws.map { [.text($0.stateCode), .text($0.lawName), .text($0.citation), .text($0.whatItRestricts), .text($0.source), .text($0.confidence.rawValue)] })]
    }

    /// Every table, in the order the SQLite file and the /data page list them.
    public var tables: [PublicTable] {
        [agencyTable, findingTable, statementTable, contradictionTable, searchAuditTable, searchAuditCountTable, requestStatisticsTable, snapshotTable] + referenceTables
    }

    // MARK: feed

    /// Newly verified findings and contradictions, newest first, at most `limit`.
    public func atomFeed(limit: Int = 200) -> String {
        let byID = agencyByID
        var entries: [AtomFeed.Entry] = verifiedFindings.compactMap { version in
            guard let verifiedAt = version.verifiedAt else { return nil }
            let agency = byID[version.agencyID]
            let place = agency.map { "\($0.name)\($0.stateCode.map { " (\($0))" } ?? "")" } ?? "agency \(version.agencyID)"
            return AtomFeed.Entry(id: "urn:hotlistwatch:finding:\(version.findingID):v\(version.version)",
                                  title: "Verified finding: \(place), Immigration Violator \(version.immigrationViolator.label)",
                                  updated: verifiedAt, link: "\(about.baseURL)/agencies/\(version.agencyID)#finding-\(version.findingID)",
                                  summary: "Records as of \(version.asOf.iso) show Immigration Violator \(version.immigrationViolator.label); verified by a second person.")
        }
        entries += contradictions.compactMap { dated in
            guard let date = dated.restsOnFactsOf else { return nil }
            let item = dated.contradiction
            return AtomFeed.Entry(id: "urn:hotlistwatch:contradiction:\(dated.key)", title: "\(item.rule.title): \(item.agencyName)\(item.stateCode.map { " (\($0))" } ?? "")",
                                  updated: date, link: "\(about.baseURL)\(item.agencyID.map { "/agencies/\($0)" } ?? "/data")", summary: item.explanation)
        }
        entries.sort { ($0.updated, $0.id) > ($1.updated, $1.id) }
        let rights = "  <rights>\(AtomFeed.xml(PublicDataAbout.licence))</rights>\n  <link rel=\"license\" href=\"\(AtomFeed.xml(PublicDataAbout.licenceURL))\"/>\n"
        return AtomFeed.write(title: "Hotlist Watch: verified findings and contradictions", feedID: "urn:hotlistwatch:public-data",
                              entries: Array(entries.prefix(limit)), now: about.generatedAt, extraHeader: rights)
    }
}

extension PublicDataSet {
    /// The tables' names, titles and columns without rows: what the /data page explains.
    public static func catalog(baseURL: String) -> [PublicTable] {
        PublicDataSet(about: PublicDataAbout(generatedAt: Date(timeIntervalSince1970: 0), baseURL: baseURL), agencies: [], answeredAgencyIDs: [], verifiedFindings: [],
                      reportedFindings: [], verifiedStatements: [], contradictions: [], requestStatisticsByState: [], snapshots: [], ncicTopics: [],
                      recordsLaws: [], restrictionLaws: []).tables
    }
}
