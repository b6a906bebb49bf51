import Foundation

/// Checks the fields of a contract, a governing body or an official, as typed in a form or read from
/// a CSV row. `value` returns the trimmed text of a field or nil when empty; every problem is
/// returned at once, each naming its field.
public enum ContractInput {
    public struct FieldProblem: Sendable, Equatable {
        public var field: String
        public var problem: String
        public var hint: String
    }

    public typealias Lookup = (String) -> String?

    /// Longest text accepted in any one field (notes excepted).
    static let maxFieldLength = 500
    static let maxNotesLength = 4_000

    public static let contractFields = ["vendor", "start_date", "term_months", "end_date", "end_kind", "amount_usd", "cameras", "evidence_id",
                                        "source_url", "source_title", "confidence", "notes"]
    public static let bodyFields = ["body_kind", "body_name", "body_web_page"]
    public static let officialFields = ["name", "office", "email", "phone", "web_page", "term_start", "term_end", "source_url", "source_title"]

    public static func contract(agencyID: Int, _ value: @escaping Lookup) -> (ALPRContract?, [FieldProblem]) {
        var reader = Reader(value: value)
        let vendor = reader.requiredText("vendor", "the vendor is empty", "Name the company, e.g. Flock Safety.")
        let start = reader.day("start_date")
        let term = reader.count("term_months", "a number of months", max: 600)
        let end = reader.day("end_date")
        var kind = ContractDateKind.renewal
        if let text = value("end_kind") {
            if let parsed = ContractDateKind(rawValue: text.lowercased()) ?? (text.lowercased().hasPrefix("expir") ? .expiry : nil) { kind = parsed } else {
                reader.add("end_kind", "\"\(text.prefix(40))\" is neither renewal nor expiry", "Write renewal (the contract renews on that date) or expiry (it runs out).")
            }
        }
        let amount = reader.amount("amount_usd")
        let cameras = reader.count("cameras", "a number of cameras", max: 100_000)
        let evidence = reader.count("evidence_id", "an evidence record number", max: Int(Int32.max))
        let source = reader.source()
        var confidence = Confidence.medium
        if let text = value("confidence") {
            if let parsed = Confidence(rawValue: text.lowercased()) { confidence = parsed } else {
                reader.add("confidence", "\"\(text.prefix(40))\" is not a confidence grade", "Write high (official document), medium (secondary source) or low (unverified).")
            }
        }
        let notes = reader.text("notes", max: maxNotesLength) ?? ""
        if let start, let end, end < start {
            reader.add("end_date", "the end date \(end.iso) is before the start date \(start.iso)", "Check both dates.")
        }
        guard reader.problems.isEmpty, let vendor, let source else { return (nil, reader.problems) }
        return (ALPRContract(agencyID: agencyID, vendor: vendor, startDate: start, termMonths: term, endDate: end, endKind: kind, amountCents: amount,
                             cameraCount: cameras, evidenceID: evidence == 0 ? nil : evidence, source: source, confidence: confidence, notes: notes), [])
    }

    /// The governing body; its source is the row's (or the form's) source.
    public static func body(agencyID: Int, _ value: @escaping Lookup) -> (GoverningBody?, [FieldProblem]) {
        var reader = Reader(value: value)
        var kind: GoverningBodyKind?
        if let text = value("body_kind") {
            kind = GoverningBodyKind.parse(text)
            if kind == nil { reader.add("body_kind", "\"\(text.prefix(40))\" is not a kind of governing body", "Use one of: \(GoverningBodyKind.allCases.map(\.rawValue).joined(separator: ", ")).") }
        } else {
            reader.add("body_kind", "the kind of governing body is empty", "Use one of: \(GoverningBodyKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let name = reader.requiredText("body_name", "the governing body's name is empty", "Write its name, e.g. Reno City Council.")
        let page = reader.webAddress("body_web_page")
        let source = reader.source()
        guard reader.problems.isEmpty, let kind, let name, let source else { return (nil, reader.problems) }
        return (GoverningBody(agencyID: agencyID, kind: kind, name: name, webPage: page, source: source), [])
    }

    public static func official(agencyID: Int, _ value: @escaping Lookup) -> (PublicOfficial?, [FieldProblem]) {
        var reader = Reader(value: value)
        let name = reader.requiredText("name", "the official's name is empty", "Write the name as the city publishes it.")
        let office = reader.requiredText("office", "the office is empty", "Write the office, e.g. Mayor, Council member, Ward 3, or City manager.")
        var email: String?
        if let text = value("email") {
            if AgencyListFile.looksLikeEmail(text), text.count <= maxFieldLength { email = text } else {
                reader.add("email", "\"\(text.prefix(60))\" is not an email address", "Write the official's public address, e.g. mayor@city.example.gov.")
            }
        }
        var phone: String?
        if let text = value("phone") {
            let digits = text.filter(\.isNumber).count
            if (7...15).contains(digits), text.count <= 40, text.allSatisfy({ $0.isNumber || " +-().xext".contains($0) }) { phone = text } else {
                reader.add("phone", "\"\(text.prefix(40))\" is not a phone number", "Write it as (775) 334-2001 or +1 775 334 2001.")
            }
        }
        let page = reader.webAddress("web_page")
        let start = reader.day("term_start"), end = reader.day("term_end")
        if let start, let end, end < start { reader.add("term_end", "the term ends (\(end.iso)) before it starts (\(start.iso))", "Check both dates.") }
        let source = reader.source()
        guard reader.problems.isEmpty, let name, let office, let source else { return (nil, reader.problems) }
        return (PublicOfficial(agencyID: agencyID, name: name, office: office, email: email, phone: phone, webPage: page, termStart: start, termEnd: end, source: source), [])
    }

    /// Reads fields and collects problems.
    struct Reader {
        let value: Lookup
        var problems: [FieldProblem] = []

        mutating func add(_ field: String, _ problem: String, _ hint: String) { problems.append(FieldProblem(field: field, problem: problem, hint: hint)) }

        mutating func text(_ field: String, max: Int = ContractInput.maxFieldLength) -> String? {
            guard let text = value(field) else { return nil }
            guard text.count <= max, !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else {
                add(field, "the text is longer than \(max) characters or contains control characters", "Shorten it."); return nil
            }
            return text
        }

        mutating func requiredText(_ field: String, _ empty: String, _ hint: String) -> String? {
            guard value(field) != nil else { add(field, empty, hint); return nil }
            return text(field)
        }

        mutating func day(_ field: String) -> CalendarDay? {
            guard let text = value(field) else { return nil }
            guard let day = CalendarDay(iso: text) else { add(field, "\"\(text.prefix(40))\" is not a date", "Write dates as YYYY-MM-DD, e.g. 2027-06-30."); return nil }
            return day
        }

        mutating func count(_ field: String, _ what: String, max: Int) -> Int? {
            guard let text = value(field) else { return nil }
            guard let number = Int(text.replacingOccurrences(of: ",", with: "")), number >= 0, number <= max else {
                add(field, "\"\(text.prefix(40))\" is not \(what)", "Write a whole number from 0 to \(max), or leave it empty."); return nil
            }
            return number
        }

        /// "$1,234.50", "1234.5" or "1234" → cents.
        mutating func amount(_ field: String) -> Int? {
            guard let text = value(field) else { return nil }
            let cleaned = text.replacingOccurrences(of: "$", with: "").replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "USD", with: "")
                .trimmingCharacters(in: .whitespaces)
            let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), let dollars = Int(parts[0]), dollars >= 0, dollars < 10_000_000_000,
                  parts.count == 1 || (parts[1].count <= 2 && parts[1].allSatisfy(\.isNumber) && !parts[1].isEmpty) else {
                add(field, "\"\(text.prefix(40))\" is not an amount in US dollars", "Write it as 125000 or $125,000.00."); return nil
            }
            let fraction = parts.count == 2 ? String(parts[1]) : "00"
            let cents = Int(fraction.count == 1 ? fraction + "0" : fraction) ?? 0
            return dollars * 100 + cents
        }

        mutating func webAddress(_ field: String) -> String? {
            guard let text = value(field) else { return nil }
            guard AgencyListFile.looksLikeWebAddress(text), text.count <= ContractInput.maxFieldLength else {
                add(field, "\"\(text.prefix(60))\" is not a web address", "Write a full address starting with https://."); return nil
            }
            return text
        }

        /// The source is required: a fact without one is refused.
        mutating func source() -> FactSource? {
            let url: String?
            if value("source_url") == nil {
                add("source_url", "the source is empty", "Every fact needs a source: the address of the council agenda, contract or city page it comes from."); url = nil
            } else { url = webAddress("source_url") }
            let title = requiredText("source_title", "the source's title is empty", "Name the document, e.g. City council agenda, 2025-03-11, item 7.")
            guard let url, let title else { return nil }
            return FactSource(url: url, title: title)
        }
    }
}
