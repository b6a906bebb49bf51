import Foundation

/// Due dates as an iCalendar feed (RFC 5545): one all-day event per request still with the agency.
public enum DueCalendar {
    public static func ics(name: String, requests: [RecordsRequest], baseURL: String, now: Date) -> String {
        var lines: [String] = []
        let stamp = basicUTC(now)
        for request in requests where request.status.awaitsAgency {
            guard let date = request.actionDate else { continue }
            let what = request.dueOn != nil ? "Due" : "Follow up"
            lines += [
                "BEGIN:VEVENT",
                "UID:request-\(request.id)-\(request.dueOn != nil ? "due" : "follow-up")@hotlistwatch",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(basicDate(date))",
                "DTEND;VALUE=DATE:\(basicDate(date.adding(days: 1)))",
                "SUMMARY:\(escape("\(what): \(request.agencyName) (request #\(request.id))"))",
                "DESCRIPTION:\(escape(request.dueBasis ?? ""))",
                "URL:\(baseURL)/requests/\(request.id)",
                "END:VEVENT",
            ]
        }
        return document(name: name, product: "Request deadlines", events: lines)
    }

    /// A whole calendar around already-written event lines, folded, with CRLF line ends.
    static func document(name: String, product: String, events: [String]) -> String {
        let lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hotlist Watch//\(product)//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:\(escape(name))"] + events + ["END:VCALENDAR"]
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping (RFC 5545 §3.3.11).
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a character.
    static func fold(_ line: String) -> String {
        var result = "", current = 0
        for character in line {
            let size = String(character).utf8.count
            if current + size > 75 { result += "\r\n "; current = 1 }
            result.append(character)
            current += size
        }
        return result
    }

    static func basicDate(_ day: CalendarDay) -> String { day.iso.replacingOccurrences(of: "-", with: "") }

    static func basicUTC(_ date: Date) -> String {
        TimestampParser.iso8601(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }
}
