import Foundation
import HotlistCore
import HotlistStore

/// Loads what a council brief needs, for the pages and for the `brief` command alike.
public enum BriefDocument {
    /// The brief of agency `id` from the database, or nil when there is no such agency.
    static func model(_ database: HotlistDatabase, id: Int, now: Date, baseURL: String) async throws -> BriefView.Model? {
        guard let detail = try await DirectoryQueries(database).detail(id: id, today: CalendarDay.today(now)) else { return nil }
        let topic = try await ReferenceQueries(database).ncicTopics().first { $0.key == NCICTopic.immigrationViolatorKey }
        let contracts = try await ContractStore(database).forAgency(id)
        return BriefView.Model(brief: AgencyBrief(detail: detail, topic: topic, contracts: contracts), now: now, baseURL: baseURL)
    }

    /// The standalone HTML Chromium prints, or nil when there is no such agency.
    public static func printHTML(_ database: HotlistDatabase, id: Int, now: Date, baseURL: String) async throws -> String? {
        try await model(database, id: id, now: now, baseURL: baseURL).map { BriefView.printDocument($0).markup }
    }

    /// The stylesheet the printed HTML links as style.css (its print rules lay out the page).
    public static var stylesheet: String { Stylesheet.css }
}
