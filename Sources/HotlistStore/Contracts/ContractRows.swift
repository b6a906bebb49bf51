import Foundation
import HotlistCore
import SQLKit

/// Storage shapes of `alpr_contracts`, `governing_bodies` and `public_officials`.
struct ContractRow: Codable, Equatable, Sendable {
    var agencyId: Int
    var vendor: String
    var startDate: String?
    var termMonths: Int?
    var endDate: String?
    var endKind: String
    var amountCents: Int?
    var cameraCount: Int?
    var evidenceId: Int?
    var sourceUrl: String
    var sourceTitle: String
    var confidence: String
    var notes: String

    enum CodingKeys: String, CodingKey {
        case agencyId = "agency_id", vendor, startDate = "start_date", termMonths = "term_months", endDate = "end_date", endKind = "end_kind"
        case amountCents = "amount_cents", cameraCount = "camera_count", evidenceId = "evidence_id", sourceUrl = "source_url"
        case sourceTitle = "source_title", confidence, notes
    }

    static let columns = ["id"] + ["agency_id", "vendor", "start_date", "term_months", "end_date", "end_kind", "amount_cents", "camera_count",
                                   "evidence_id", "source_url", "source_title", "confidence", "notes"]

    init(_ contract: ALPRContract) {
        agencyId = contract.agencyID; vendor = contract.vendor; startDate = contract.startDate?.iso; termMonths = contract.termMonths
        endDate = contract.endDate?.iso; endKind = contract.endKind.rawValue; amountCents = contract.amountCents; cameraCount = contract.cameraCount
        evidenceId = contract.evidenceID; sourceUrl = contract.source.url; sourceTitle = contract.source.title
        confidence = contract.confidence.rawValue; notes = contract.notes
    }

    static func contract(_ row: any SQLRow) throws -> ALPRContract {
        let stored = try row.decode(model: ContractRow.self)
        return ALPRContract(id: try row.decode(column: "id", as: Int.self), agencyID: stored.agencyId, vendor: stored.vendor,
                            startDate: stored.startDate.flatMap(CalendarDay.init(iso:)), termMonths: stored.termMonths,
                            endDate: stored.endDate.flatMap(CalendarDay.init(iso:)), endKind: ContractDateKind(rawValue: stored.endKind) ?? .renewal,
                            amountCents: stored.amountCents, cameraCount: stored.cameraCount, evidenceID: stored.evidenceId,
                            source: FactSource(url: stored.sourceUrl, title: stored.sourceTitle),
                            confidence: Confidence(rawValue: stored.confidence) ?? .low, notes: stored.notes)
    }
}

struct GoverningBodyRow: Codable, Equatable {
    var agencyId: Int
    var kind: String
    var name: String
    var webPage: String?
    var sourceUrl: String
    var sourceTitle: String

    enum CodingKeys: String, CodingKey {
        case agencyId = "agency_id", kind, name, webPage = "web_page", sourceUrl = "source_url", sourceTitle = "source_title"
    }

    init(_ body: GoverningBody) {
        agencyId = body.agencyID; kind = body.kind.rawValue; name = body.name; webPage = body.webPage
        sourceUrl = body.source.url; sourceTitle = body.source.title
    }

    static func body(_ row: any SQLRow) throws -> GoverningBody {
        let stored = try row.decode(model: GoverningBodyRow.self)
        return GoverningBody(agencyID: stored.agencyId, kind: GoverningBodyKind(rawValue: stored.kind) ?? .other, name: stored.name,
                             webPage: stored.webPage, source: FactSource(url: stored.sourceUrl, title: stored.sourceTitle))
    }
}

struct OfficialRow: Codable, Equatable, Sendable {
    var agencyId: Int
    var name: String
    var office: String
    var email: String?
    var phone: String?
    var webPage: String?
    var termStart: String?
    var termEnd: String?
    var sourceUrl: String
    var sourceTitle: String

    enum CodingKeys: String, CodingKey {
        case agencyId = "agency_id", name, office, email, phone, webPage = "web_page", termStart = "term_start", termEnd = "term_end"
        case sourceUrl = "source_url", sourceTitle = "source_title"
    }

    static let columns = ["id", "agency_id", "name", "office", "email", "phone", "web_page", "term_start", "term_end", "source_url", "source_title"]

    init(_ official: PublicOfficial) {
        agencyId = official.agencyID; name = official.name; office = official.office; email = official.email; phone = official.phone
        webPage = official.webPage; termStart = official.termStart?.iso; termEnd = official.termEnd?.iso
        sourceUrl = official.source.url; sourceTitle = official.source.title
    }

    static func official(_ row: any SQLRow) throws -> PublicOfficial {
        let stored = try row.decode(model: OfficialRow.self)
        return PublicOfficial(id: try row.decode(column: "id", as: Int.self), agencyID: stored.agencyId, name: stored.name, office: stored.office,
                              email: stored.email, phone: stored.phone, webPage: stored.webPage,
                              termStart: stored.termStart.flatMap(CalendarDay.init(iso:)), termEnd: stored.termEnd.flatMap(CalendarDay.init(iso:)),
                              source: FactSource(url: stored.sourceUrl, title: stored.sourceTitle))
    }
}
