import FluentKit
import Foundation
import HotlistCore
import SQLKit

/// Campaigns: a filter over the directory, a letter, a requester; one draft request per agency.
public struct CampaignStore: Sendable {
    let database: HotlistDatabase
    public init(_ database: HotlistDatabase) { self.database = database }

    /// What creating a campaign did.
    public struct Created: Sendable {
        public var campaign: Campaign
        public var requests: [RecordsRequest]
        /// Agencies the filter matched but that got no request, with why.
        public var skipped: [String]
        /// Warnings from composing the letters (residency limits, unsourced appeal routes), once each.
        public var warnings: [String]
    }

    /// What a campaign would do, shown for confirmation before anything is created.
    public struct Plan: Sendable {
        /// One draft each: the agency, the letter, and who signs it.
        public var drafts: [(agency: AgencySummary, letter: LetterComposer.Letter, requester: Requester)]
        /// Agencies the filter matched but that get no request, with why.
        public var skipped: [String]
        /// Warnings from composing the letters, once each.
        public var warnings: [String]
        /// Residents-only states among the matched agencies, with how many agencies each, and whether an in-state requester was given.
        public var residencyStates: [(law: StateRecordsLaw, agencies: Int, requester: Requester?)]
        /// Drafts per state code, for the confirmation.
        public var draftsByState: [(state: String, count: Int)] {
            Dictionary(grouping: drafts, by: { $0.agency.stateCode ?? "?" }).map { ($0.key, $0.value.count) }.sorted { $0.state < $1.state }
        }
    }

    /// Checks the campaign and works out its drafts: agencies already answered or with an open
    /// request are skipped unless asked for, and residents-only states need an in-state requester.
    public func plan(name rawName: String, filter: AgencyFilter, template: LetterTemplate?, requester: Requester, inStateRequesters: [String: Requester] = [:],
                     includeOpen: Bool = false, includeAnswered: Bool = false, today: CalendarDay) async throws -> Plan {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [InputProblem] = []
        if name.isEmpty || name.count > 200 { problems.append(InputProblem(file: "campaign", field: "name", problem: "the campaign needs a name of up to 200 characters", hint: "Name it after what it asks and where, such as \"Nevada NCIC topics 2026\".")) }
        if requester.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append(InputProblem(file: "campaign", field: "requester_name", problem: "the campaign has no requester name", hint: "Name who signs the letters.")) }
        if !EmailAddress.isPlausible(EmailAddress.normalize(requester.email)) { problems.append(InputProblem(file: "campaign", field: "requester_email", problem: "\"\(requester.email)\" is not an email address", hint: "Give the address agencies should reply to.")) }
        for (state, person) in inStateRequesters.sorted(by: { $0.key < $1.key }) where !EmailAddress.isPlausible(EmailAddress.normalize(person.email)) || person.name.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(InputProblem(file: "campaign", field: "instate_\(state)", problem: "the in-state requester for \(state) needs a name and an email address", hint: "Fill in both, or leave both empty to skip \(state)'s agencies."))
        }
        if let template {
            // Every placeholder must be a known variable, whichever agencies end up drafted.
            let sample = Dictionary(uniqueKeysWithValues: LetterVariable.requestLetterCases.map { ($0.rawValue, "x") })
            do { _ = try template.render(sample) } catch { problems += error.problems }
        }
        if !problems.isEmpty { throw InputProblems(problems) }

        // Every agency the filter matches, all pages.
        var agencies: [AgencySummary] = []
        var page = 1
        while true {
            var pageFilter = filter
            pageFilter.page = page
            pageFilter.perPage = AgencyFilter.maxPerPage
            let result = try await DirectoryQueries(database).list(pageFilter)
            agencies += result.items
            if agencies.count > Campaign.maximumAgencies {
                throw InputProblems([InputProblem(file: "campaign", field: "filter", problem: "the filter matches more than \(Campaign.maximumAgencies) agencies",
                                                  hint: "Narrow it, for example to one state.")])
            }
            if result.items.count < AgencyFilter.maxPerPage { break }
            page += 1
        }
        if agencies.isEmpty {
            throw InputProblems([InputProblem(file: "campaign", field: "filter", problem: "the filter matches no agencies", hint: "Try it on the directory page first.")])
        }
        let ids = agencies.map(\.id)
        let answered = includeAnswered ? [] : try await DirectoryQueries(database).answeredIDs(among: ids)
        let open = includeOpen ? [:] : try await RequestStore(database).openRequestIDs(agencyIDs: ids)
        let laws = Dictionary(uniqueKeysWithValues: try await ReferenceQueries(database).stateRecordsLaws().map { ($0.stateCode, $0) })
        let letterTemplate = template ?? StandardLetters.initialRequest
        var drafts: [(agency: AgencySummary, letter: LetterComposer.Letter, requester: Requester)] = []
        var skipped: [String] = [], warnings: [String] = [], letterProblems: [InputProblem] = []
        var residency: [String: Int] = [:]
        for agency in agencies {
            guard let state = agency.stateCode, let law = laws[state] else { skipped.append("\(agency.name): its state is not known"); continue }
            if FederalAgencyName.isFederal(agency.name) {
                skipped.append("\(agency.name): a federal agency answers under the federal FOIA, not \(law.stateName)'s law"); continue
            }
            if answered.contains(agency.id) { skipped.append("\(agency.name): already answered by records"); continue }
            if let requestIDs = open[agency.id] { skipped.append("\(agency.name): request \(requestIDs.map { "#\($0)" }.joined(separator: ", ")) is still open"); continue }
            var signer = requester
            if law.residency == .yes {
                residency[state, default: 0] += 1
                if let local = inStateRequesters[state] { signer = local; signer.stateCode = state }
                else if requester.stateCode != state { skipped.append("\(agency.name): \(law.stateName) answers its residents only and no in-state requester was named"); continue }
            }
            do {
                let letter = try LetterComposer().compose(letterTemplate, agencyName: agency.name, law: law, requester: signer, today: today)
                for warning in letter.warnings where !warnings.contains(warning) { warnings.append(warning) }
                drafts.append((agency, letter, signer))
            } catch {
                letterProblems += error.problems
            }
        }
        // A template that cannot be filled is the campaign's problem, not a reason to skip agencies quietly.
        if !letterProblems.isEmpty { throw InputProblems(Array(letterProblems.prefix(20))) }
        let residencyStates = residency.keys.sorted().compactMap { code in laws[code].map { ($0, residency[code]!, inStateRequesters[code]) } }
        return Plan(drafts: drafts, skipped: skipped, warnings: warnings, residencyStates: residencyStates)
    }

    public func create(name rawName: String, description: String, filter: AgencyFilter, template: LetterTemplate?, requester: Requester,
                       inStateRequesters: [String: Requester] = [:], includeOpen: Bool = false, includeAnswered: Bool = false,
                       today: CalendarDay, by actor: AuditActor, now: Date) async throws -> Created {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        let plan = try await plan(name: name, filter: filter, template: template, requester: requester, inStateRequesters: inStateRequesters,
                                  includeOpen: includeOpen, includeAnswered: includeAnswered, today: today)
        if plan.drafts.isEmpty {
            throw InputProblems([InputProblem(file: "campaign", field: "filter", problem: "every matched agency would be skipped (\(plan.skipped.count)), so there is nothing to create",
                                              hint: "Include agencies with open requests or already answered, name in-state requesters, or change the filter.")])
        }
        let filterText = filter.queryItems(page: nil).map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        let chosen = plan.drafts, skippedAgencies = plan.skipped, letterWarnings = plan.warnings
        return try await database.sqlTransaction { sql in
            let id = try await sql.insert(into: "campaigns")
                .columns("name", "description", "agency_filter", "template_subject", "template_body", "requester_name", "requester_email", "requester_address",
                         "requester_state", "created_by", "created_at")
                .values(SQLBind(name), SQLBind(description), SQLBind(filterText), SQLBind(template?.subject), SQLBind(template?.body), SQLBind(requester.name),
                        SQLBind(EmailAddress.normalize(requester.email)), SQLBind(requester.postalAddress), SQLBind(requester.stateCode), SQLBind(actor.userID), SQLBind(now))
                .returning("id").first()!.decode(column: "id", as: Int.self)
            let campaign = Campaign(id: id, name: name, description: description, agencyFilter: filterText, template: template, requester: requester, createdAt: now)
            try await AuditLog.append(AuditEntry(action: "campaign.create", entityType: "campaign", entityID: String(id), before: nil,
                                                 after: ["name": name, "agency_filter": filterText, "agencies": String(chosen.count)]), by: actor, at: now, on: sql)
            var requests: [RecordsRequest] = []
            for (agency, letter, signer) in chosen {
                let draft = RequestDraft(agencyID: agency.id, campaignID: id, requester: signer, subject: letter.subject, letter: letter.body, channel: .email)
                requests.append(try await RequestStore.insertDraft(draft, sql: sql, by: actor, now: now))
            }
            return Created(campaign: campaign, requests: requests, skipped: skippedAgencies, warnings: letterWarnings)
        }
    }

    public func campaigns() async throws -> [Campaign] {
        try await database.sql.select().columns("id", "name", "description", "agency_filter", "template_subject", "template_body", "requester_name",
                                                "requester_email", "requester_address", "requester_state", "created_at")
            .from("campaigns").orderBy("id", .descending).all().map(Self.decode)
    }

    public func campaign(id: Int) async throws -> Campaign? {
        try await database.sql.select().columns("id", "name", "description", "agency_filter", "template_subject", "template_body", "requester_name",
                                                "requester_email", "requester_address", "requester_state", "created_at")
            .from("campaigns").where("id", .equal, id).first().map(Self.decode)
    }

    static func decode(_ row: any SQLRow) throws -> Campaign {
        let subject = try row.decode(column: "template_subject", as: String?.self), body = try row.decode(column: "template_body", as: String?.self)
        let name = try row.decode(column: "name", as: String.self)
        return Campaign(id: try row.decode(column: "id", as: Int.self), name: name, description: try row.decode(column: "description", as: String.self),
                        agencyFilter: try row.decode(column: "agency_filter", as: String.self),
                        template: subject.flatMap { subject in body.map { LetterTemplate(name: name, subject: subject, body: $0) } },
                        requester: Requester(name: try row.decode(column: "requester_name", as: String.self), email: try row.decode(column: "requester_email", as: String.self),
                                             postalAddress: try row.decode(column: "requester_address", as: String?.self), stateCode: try row.decode(column: "requester_state", as: String?.self)),
                        createdAt: try row.decode(column: "created_at", as: Date.self))
    }
}
