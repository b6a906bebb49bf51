import Foundation

/// Contract renewals and expiries ahead as an iCalendar feed: one all-day event per contract, on
/// the day the council or city manager must decide by. Written with `DueCalendar`'s helpers.
public enum RenewalCalendar {
    public static func ics(_ renewals: [RenewalAhead], baseURL: String, now: Date) -> String {
        let stamp = DueCalendar.basicUTC(now)
        var events: [String] = []
        for renewal in renewals {
            let open = [renewal.hasOpenQuestion ? "open question" : nil, renewal.hasContradiction ? "contradiction" : nil].compactMap { $0 }
            events += [
                "BEGIN:VEVENT",
                "UID:contract-\(renewal.contractID)-\(renewal.date.iso)@hotlistwatch",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(DueCalendar.basicDate(renewal.date))",
                "DTEND;VALUE=DATE:\(DueCalendar.basicDate(renewal.date.adding(days: 1)))",
                "SUMMARY:\(DueCalendar.escape("\(renewal.vendor) contract \(renewal.kind.label): \(renewal.agencyName)\(renewal.stateCode.map { ", \($0)" } ?? "")"))",
                "DESCRIPTION:\(DueCalendar.escape(open.isEmpty ? "Nothing open on record." : "Still open: \(open.joined(separator: ", "))."))",
                "URL:\(baseURL)/agencies/\(renewal.agencyID)",
                "END:VEVENT",
            ]
        }
        return DueCalendar.document(name: "Hotlist Watch: ALPR contract renewals", product: "Contract renewals", events: events)
    }
}
