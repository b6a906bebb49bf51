import Foundation

/// Where a fact about a contract or an official comes from. Required: an unsourced fact is refused.
public struct FactSource: Codable, Sendable, Equatable {
    public var url: String
    public var title: String
    public init(url: String, title: String) { self.url = url; self.title = title }
}

/// Whether a contract's end date is when it renews (often automatically) or when it runs out.
public enum ContractDateKind: String, Codable, CaseIterable, Sendable {
    case renewal, expiry
    public var label: String { self == .renewal ? "renews" : "expires" }
}

/// One ALPR contract of an agency. An agency can have several over time.
public struct ALPRContract: Sendable, Equatable {
    public var id: Int?
    public var agencyID: Int
    public var vendor: String
    public var startDate: CalendarDay?
    public var termMonths: Int?
    public var endDate: CalendarDay?
    public var endKind: ContractDateKind
    /// US cents, so amounts compare exactly.
    public var amountCents: Int?
    public var cameraCount: Int?
    /// The signed document, when it is in the evidence store.
    public var evidenceID: Int?
    public var source: FactSource
    public var confidence: Confidence
    public var notes: String

    public init(id: Int? = nil, agencyID: Int, vendor: String, startDate: CalendarDay? = nil, termMonths: Int? = nil, endDate: CalendarDay? = nil,
                endKind: ContractDateKind = .renewal, amountCents: Int? = nil, cameraCount: Int? = nil, evidenceID: Int? = nil,
                source: FactSource, confidence: Confidence = .medium, notes: String = "") {
        self.id = id; self.agencyID = agencyID; self.vendor = vendor; self.startDate = startDate; self.termMonths = termMonths
        self.endDate = endDate; self.endKind = endKind; self.amountCents = amountCents; self.cameraCount = cameraCount
        self.evidenceID = evidenceID; self.source = source; self.confidence = confidence; self.notes = notes
    }

    /// "$1,234.50", or "$1,234" for whole dollars.
    public static func dollars(_ cents: Int) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.groupingSize = 3
        let whole = formatter.string(from: NSNumber(value: cents / 100)) ?? String(cents / 100)
        return cents % 100 == 0 ? "$\(whole)" : "$\(whole).\(String(format: "%02d", cents % 100))"
    }

    /// Days from `today` to the end date; negative once past.
    public func daysLeft(today: CalendarDay) -> Int? { endDate.map { $0.ordinal - today.ordinal } }

    public var auditValues: AuditValues {
        ["agency_id": String(agencyID), "vendor": vendor, "start_date": startDate?.iso, "term_months": termMonths.map(String.init),
         "end_date": endDate?.iso, "end_kind": endKind.rawValue, "amount_usd": amountCents.map(Self.dollars), "cameras": cameraCount.map(String.init),
         "evidence_id": evidenceID.map(String.init), "source_url": source.url, "source_title": source.title,
         "confidence": confidence.rawValue, "notes": notes]
    }
}

/// Who controls an agency's contract: in most cities the council or the city manager.
public enum GoverningBodyKind: String, Codable, CaseIterable, Sendable {
    case cityCouncil = "city_council"
    case countyBoard = "county_board"
    case cityManager = "city_manager"
    case other

    public var label: String {
        switch self {
        case .cityCouncil: "City council"
        case .countyBoard: "County board of supervisors"
        case .cityManager: "City manager"
        case .other: "Other"
        }
    }

    /// Reads "city council", "City-Council", "board of supervisors" and the raw values.
    public static func parse(_ text: String) -> GoverningBodyKind? {
        let value = AgencyListFile.normalise(text)
        if let kind = GoverningBodyKind(rawValue: value) { return kind }
        switch value {
        case "council": return .cityCouncil
        case "county_board_of_supervisors", "board_of_supervisors", "county_commission", "county_board": return .countyBoard
        case "manager": return .cityManager
        default: return allCases.first { AgencyListFile.normalise($0.label) == value }
        }
    }
}

public struct GoverningBody: Sendable, Equatable {
    public var agencyID: Int
    public var kind: GoverningBodyKind
    public var name: String
    public var webPage: String?
    public var source: FactSource

    public init(agencyID: Int, kind: GoverningBodyKind, name: String, webPage: String? = nil, source: FactSource) {
        self.agencyID = agencyID; self.kind = kind; self.name = name; self.webPage = webPage; self.source = source
    }

    public var auditValues: AuditValues {
        ["agency_id": String(agencyID), "kind": kind.rawValue, "name": name, "web_page": webPage, "source_url": source.url, "source_title": source.title]
    }
}

/// A council member, mayor or city manager: a public figure whose office contact may be shown.
public struct PublicOfficial: Sendable, Equatable {
    public var id: Int?
    public var agencyID: Int
    public var name: String
    public var office: String
    public var email: String?
    public var phone: String?
    public var webPage: String?
    public var termStart: CalendarDay?
    public var termEnd: CalendarDay?
    public var source: FactSource

    public init(id: Int? = nil, agencyID: Int, name: String, office: String, email: String? = nil, phone: String? = nil, webPage: String? = nil,
                termStart: CalendarDay? = nil, termEnd: CalendarDay? = nil, source: FactSource) {
        self.id = id; self.agencyID = agencyID; self.name = name; self.office = office; self.email = email; self.phone = phone
        self.webPage = webPage; self.termStart = termStart; self.termEnd = termEnd; self.source = source
    }

    public var auditValues: AuditValues {
        ["agency_id": String(agencyID), "name": name, "office": office, "email": email, "phone": phone, "web_page": webPage,
         "term_start": termStart?.iso, "term_end": termEnd?.iso, "source_url": source.url, "source_title": source.title]
    }
}

/// Everything known about who decides an agency's contract.
public struct AgencyContracts: Sendable, Equatable {
    public var contracts: [ALPRContract]
    public var body: GoverningBody?
    public var officials: [PublicOfficial]
    /// Evidence ids of signed documents anyone may open; the others are named, never linked.
    public var publicDocuments: Set<Int>
    public init(contracts: [ALPRContract] = [], body: GoverningBody? = nil, officials: [PublicOfficial] = [], publicDocuments: Set<Int> = []) {
        self.contracts = contracts; self.body = body; self.officials = officials; self.publicDocuments = publicDocuments
    }
    public var isEmpty: Bool { contracts.isEmpty && body == nil && officials.isEmpty }
}

/// A contract whose renewal or expiry falls ahead, with what is still unknown about the agency.
public struct RenewalAhead: Sendable, Equatable {
    public var contractID: Int
    public var agencyID: Int
    public var agencyName: String
    public var stateCode: String?
    public var vendor: String
    public var date: CalendarDay
    public var kind: ContractDateKind
    public var daysLeft: Int
    /// No verified finding or report yet, or a request still with the agency.
    public var hasOpenQuestion: Bool
    public var hasContradiction: Bool

    public init(contractID: Int, agencyID: Int, agencyName: String, stateCode: String?, vendor: String, date: CalendarDay, kind: ContractDateKind,
                daysLeft: Int, hasOpenQuestion: Bool, hasContradiction: Bool) {
        self.contractID = contractID; self.agencyID = agencyID; self.agencyName = agencyName; self.stateCode = stateCode; self.vendor = vendor
        self.date = date; self.kind = kind; self.daysLeft = daysLeft; self.hasOpenQuestion = hasOpenQuestion; self.hasContradiction = hasContradiction
    }
}
