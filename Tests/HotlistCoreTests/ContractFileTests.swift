import Foundation
import HotlistCore
import Testing

@Suite struct ContractFileTests {
    func table(_ text: String, file: String) throws -> CSVTable { try CSVTable.parse(data: Data(text.utf8), file: file) }

    func contracts(_ text: String) throws -> ContractFile { try ContractFile.parse(try table(text, file: "contracts.csv")) }
    func officials(_ text: String) throws -> OfficialFile { try OfficialFile.parse(try table(text, file: "officials.csv")) }

    /// The problems a bad file gives, by field.
    func problems(_ parse: () throws -> Void) -> [String: InputProblem] {
        do { try parse(); Issue.record("expected the file to be refused"); return [:] } catch let problems as InputProblems {
            return Dictionary(problems.problems.map { ($0.field ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        } catch { Issue.record("unexpected \(error)"); return [:] }
    }

    @Test func readsContractsByHeaderNameInAnyOrderAndCaseWithAliases() throws {
        let file = try contracts("""
            Source Title,VENDOR,Agency,State,Renewal Date,Amount,Camera Count,term,start date,source,Confidence,Signed Document,extra
            Council agenda 2024-01-09 item 7,Flock Safety,Sparks NV PD,Nevada,2027-02-01,"$125,000.50",40,36,2024-02-01,https://sparks.example.gov/agenda,high,12,x
            Contract,Flock Safety,Reno PD,NV,2026-12-31,90000,,,,https://reno.example.gov/c,,,
            """)
        #expect(file.rows.count == 2)
        #expect(file.unknownColumns == ["extra"])
        let first = try #require(file.rows.first)
        #expect(first.line == 2 && first.agency == .nameAndState("Sparks NV PD", "NV"))
        let contract = first.contract
        #expect(contract.vendor == "Flock Safety" && contract.startDate?.iso == "2024-02-01" && contract.termMonths == 36)
        #expect(contract.endDate?.iso == "2027-02-01" && contract.endKind == .renewal && contract.amountCents == 12_500_050)
        #expect(contract.cameraCount == 40 && contract.evidenceID == 12 && contract.confidence == .high)
        #expect(contract.source == FactSource(url: "https://sparks.example.gov/agenda", title: "Council agenda 2024-01-09 item 7"))
        #expect(file.rows[1].contract.amountCents == 9_000_000 && file.rows[1].contract.confidence == .medium)
        #expect(ALPRContract.dollars(12_500_050) == "$125,000.50" && ALPRContract.dollars(9_000_000) == "$90,000")
    }

    @Test func namesAgenciesByIDOrORIOrNameAndState() throws {
        let file = try contracts("agency_id,ori,agency,state,vendor,source_url,source_title\n7,,,,Flock,https://a.example.gov,A\n,nv0160200,,,Flock,https://a.example.gov,A\n,,Reno PD,nv,Flock,https://a.example.gov,A\n")
        #expect(file.rows.map(\.agency) == [.id(7), .ori("NV0160200"), .nameAndState("Reno PD", "NV")])
    }

    @Test func reportsEveryBadCellWithLineColumnAndField() {
        let found = problems {
            _ = try contracts("""
                agency,state,vendor,start_date,end_date,end_kind,amount_usd,cameras,term_months,evidence_id,source_url,source_title,confidence
                Reno PD,ZZ,,2024-13-01,31/12/2027,lapse,12k,-3,many,x,ftp://x,,certain
                """)
        }
        #expect(found["state"]?.location == "contracts.csv:2:2")
        #expect(found["vendor"]?.location == "contracts.csv:2:3")
        #expect(found["start_date"]?.location == "contracts.csv:2:4" && found["start_date"]?.hint.contains("YYYY-MM-DD") == true)
        #expect(found["end_date"]?.location == "contracts.csv:2:5")
        #expect(found["end_kind"]?.location == "contracts.csv:2:6")
        #expect(found["amount_usd"]?.location == "contracts.csv:2:7")
        #expect(found["cameras"]?.location == "contracts.csv:2:8")
        #expect(found["term_months"]?.location == "contracts.csv:2:9")
        #expect(found["evidence_id"]?.location == "contracts.csv:2:10")
        #expect(found["source_url"]?.location == "contracts.csv:2:11")
        #expect(found["source_title"]?.location == "contracts.csv:2:12")
        #expect(found["confidence"]?.location == "contracts.csv:2:13")
        #expect(found["state"]?.description == "contracts.csv:2:2 (field \"state\"): \"ZZ\" is not a U.S. state. Use a two-letter code such as NV, or a state name.")
    }

    @Test func refusesAContractWithoutASourceOrAgency() {
        let missingColumn = problems { _ = try contracts("agency,state,vendor\nReno PD,NV,Flock\n") }
        #expect(missingColumn[""]?.problem.contains("\"source_url\"") == true && missingColumn[""]?.line == 1)
        let noAgency = problems { _ = try contracts("agency,state,vendor,source_url,source_title\n,,Flock,https://a.example.gov,A\nReno PD,,Flock,https://a.example.gov,A\n") }
        #expect(noAgency["agency"]?.location == "contracts.csv:2:1")
        #expect(noAgency["state"]?.location == "contracts.csv:3:2")
        let noSource = problems { _ = try contracts("agency,state,vendor,source_url,source_title\nReno PD,NV,Flock,,\n") }
        #expect(noSource["source_url"]?.problem == "the source is empty" && noSource["source_title"] != nil)
    }

    @Test func refusesEndBeforeStartAndRepeatedContracts() {
        let dates = problems { _ = try contracts("agency,state,vendor,start_date,end_date,source_url,source_title\nReno PD,NV,Flock,2025-01-01,2024-01-01,https://a.example.gov,A\n") }
        #expect(dates["end_date"]?.problem.contains("before the start date") == true)
        let twice = problems { _ = try contracts("agency,state,vendor,start_date,source_url,source_title\nReno PD,NV,Flock,2025-01-01,https://a.example.gov,A\nReno PD,NV,flock,2025-01-01,https://b.example.gov,B\n") }
        #expect(twice["vendor"]?.line == 3 && twice["vendor"]?.problem.contains("line 2") == true)
    }

    @Test func readsOfficialsWithTheirGoverningBody() throws {
        let file = try officials("""
            ORI,Governing Body Kind,Governing Body,Official,Title,Public Email,Phone,Term Ends,Source URL,Source Title
            NV0160200,city council,Reno City Council,Hillary Schieve,Mayor,mayor@reno.example.gov,(775) 334-2001,2026-12-31,https://reno.example.gov/council,Reno City Council members
            NV0160200,city_council,Reno City Council,Devon Reese,"Council member, Ward 5",,,,https://reno.example.gov/council,Reno City Council members
            """)
        #expect(file.rows.count == 2)
        let mayor = try #require(file.rows.first)
        #expect(mayor.agency == .ori("NV0160200") && mayor.body.kind == .cityCouncil && mayor.body.name == "Reno City Council")
        #expect(mayor.official.name == "Hillary Schieve" && mayor.official.office == "Mayor" && mayor.official.phone == "(775) 334-2001")
        #expect(mayor.official.termEnd?.iso == "2026-12-31" && mayor.body.source.url == "https://reno.example.gov/council")
        #expect(file.rows[1].official.office == "Council member, Ward 5")
    }

    @Test func reportsBadOfficialRowsWithLineAndColumn() {
        let found = problems {
            _ = try officials("""
                agency_id,body_kind,body_name,name,office,email,phone,source_url,source_title
                abc,parliament,,,,not-mail,12,https://a.example.gov,A
                """)
        }
        #expect(found["agency_id"]?.location == "officials.csv:2:1")
        #expect(found["body_kind"]?.location == "officials.csv:2:2")
        #expect(found["body_name"]?.location == "officials.csv:2:3")
        #expect(found["name"]?.location == "officials.csv:2:4")
        #expect(found["office"]?.location == "officials.csv:2:5")
        #expect(found["email"]?.location == "officials.csv:2:6")
        #expect(found["phone"]?.location == "officials.csv:2:7")
        let twoBodies = problems {
            _ = try officials("agency_id,body_kind,body_name,name,office,source_url,source_title\n3,city_council,Reno City Council,A,Mayor,https://a.example.gov,A\n3,city_manager,Reno City Manager,B,City manager,https://a.example.gov,A\n")
        }
        #expect(twoBodies["body_name"]?.line == 3 && twoBodies["body_name"]?.problem.contains("line 2") == true)
    }

    @Test func formInputListsEveryProblemAtOnce() {
        let (contract, found) = ContractInput.contract(agencyID: 1) { _ in nil }
        #expect(contract == nil)
        #expect(Set(found.map(\.field)) == ["vendor", "source_url", "source_title"])
    }
}

@Suite struct RenewalPriorityTests {
    let today = CalendarDay(iso: "2026-11-30")!

    func renewal(in days: Int, open: Bool = true, contradiction: Bool = false, kind: ContractDateKind = .renewal) -> RenewalAhead {
        RenewalAhead(contractID: 1, agencyID: 1, agencyName: "Reno PD", stateCode: "NV", vendor: "Flock Safety", date: today.adding(days: days),
                     kind: kind, daysLeft: days, hasOpenQuestion: open, hasContradiction: contradiction)
    }

    let base = AskFirstRank(tier: .alertsNCICWithoutProhibition, score: 100_050, reasons: ["tier reason"])

    @Test func aRenewalWithin120DaysWithAnOpenQuestionRisesWithinItsTier() {
        let raised = base.boosted(by: renewal(in: 63), today: today)
        #expect(raised.tier == base.tier && raised.score > base.score && raised < base)
        #expect(raised.reasons.last == "Its contract renews 2027-02-01, in 63 days, and its hotlist settings are still an open question: ask before the decision.")
        // Still below every agency of a more urgent tier.
        #expect(raised > AskFirstRank(tier: .prohibitsYetAlertsNCIC, score: 0, reasons: []))
    }

    @Test func aContradictionAloneAlsoRaisesIt() {
        let raised = base.boosted(by: renewal(in: 0, open: false, contradiction: true, kind: .expiry), today: today)
        #expect(raised.score > base.score)
        #expect(raised.reasons.last?.contains("expires 2026-11-30, today, and records contradict its policy or the law") == true)
    }

    @Test func nothingChangesOutsideTheWindowOrWithNothingOpen() {
        #expect(base.boosted(by: renewal(in: 121), today: today) == base)
        #expect(base.boosted(by: renewal(in: -1), today: today) == base)
        #expect(base.boosted(by: renewal(in: 30, open: false, contradiction: false), today: today) == base)
        #expect(base.boosted(by: nil, today: today) == base)
    }

    @Test func theCalendarHasOneAllDayEventPerRenewal() {
        let ics = RenewalCalendar.ics([renewal(in: 63)], baseURL: "https://hotlist.example.org", now: Date(timeIntervalSince1970: 1_796_000_000))
        #expect(ics.contains("BEGIN:VCALENDAR\r\n") && ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(ics.contains("DTSTART;VALUE=DATE:20270201\r\nDTEND;VALUE=DATE:20270202"))
        #expect(ics.contains("SUMMARY:Flock Safety contract renews: Reno PD\\, NV"))
        #expect(ics.contains("URL:https://hotlist.example.org/agencies/1"))
    }
}
