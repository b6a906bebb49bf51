/// Requests as CSV, one row each: status, dates, days pending, tracking numbers, fees, exemptions.
public enum RequestCSV {
    public static let header = ["id", "agency_id", "agency", "state", "campaign_id", "status", "channel", "filed_on", "received_on", "due_on", "follow_up_on",
                                "overdue", "days_pending", "tracking_numbers", "fees_estimated", "fees_paid", "exemptions", "due_basis"]

    public static func row(_ request: RecordsRequest, fees: [FeeEntry], exemptions: [CitedExemption], today: CalendarDay) -> [String] {
        func total(_ kinds: Set<FeeEntry.Kind>) -> String {
            let cents = fees.filter { kinds.contains($0.kind) }.reduce(0) { $0 + $1.amountCents }
            return fees.contains { kinds.contains($0.kind) } ? FeeEntry.dollars(cents) : ""
        }
        return [String(request.id), String(request.agencyID), request.agencyName, request.stateCode ?? "", request.campaignID.map(String.init) ?? "",
                request.status.rawValue, request.channel.rawValue, request.filedOn?.iso ?? "", request.receivedOn?.iso ?? "", request.dueOn?.iso ?? "",
                request.followUpOn?.iso ?? "", request.isOverdue(today: today) ? "yes" : "no", request.daysPending(today: today).map(String.init) ?? "",
                request.trackingNumbers.joined(separator: "; "), total([.estimate, .invoice]), total([.payment]),
                exemptions.map { ($0.exemptionID.map { "\($0): " } ?? "") + $0.citedText }.joined(separator: "; "),
                request.dueBasis ?? ""]
    }

    public static func line(_ fields: [String]) -> String { AuditCSV.line(fields) }
}
