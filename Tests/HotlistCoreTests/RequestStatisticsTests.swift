import Foundation
@testable import HotlistCore
import Testing

@Suite struct RequestStatisticsTests {
    func request(_ id: Int, agency: Int, state: String, filed: String?) -> RecordsRequest {
        RecordsRequest(id: id, agencyID: agency, agencyName: "Agency \(agency)", stateCode: state, campaignID: nil, status: .filed,
                       requester: Requester(name: "V", email: "v@example.org"), subject: "s", letter: "l", channel: .email, portalKind: nil, channelURL: nil,
                       filedOn: filed.flatMap(CalendarDay.init(iso:)), receivedOn: nil, dueOn: nil, followUpOn: nil, dueBasis: nil, extensionDays: 0,
                       trackingNumbers: [], createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
    }

    func change(_ id: Int, _ request: Int, _ to: RequestStatus, _ day: String) -> StatusChange {
        StatusChange(id: id, requestID: request, from: nil, to: to, occurredOn: CalendarDay(iso: day)!, note: "", recordedAt: Date(timeIntervalSince1970: Double(id)))
    }

    @Test func mediansAndSharesPerState() {
        let requests = [request(1, agency: 1, state: "NV", filed: "2026-03-02"), request(2, agency: 2, state: "NV", filed: "2026-03-02"),
                        request(3, agency: 3, state: "NV", filed: "2026-03-02"), request(4, agency: 4, state: "CA", filed: "2026-03-02"),
                        request(5, agency: 5, state: "CA", filed: nil)]
        let history = [change(1, 1, .acknowledged, "2026-03-03"), change(2, 1, .denied, "2026-03-12"), change(3, 1, .appealing, "2026-03-13"),
                       change(4, 1, .fulfilled, "2026-04-01"), change(5, 2, .fulfilled, "2026-03-06"), change(6, 4, .noResponsiveRecords, "2026-03-05")]
        let stats = RequestStatistics.compute(requests, history: history, by: .state)
        let nevada = stats.first { $0.key == "NV" }!
        #expect(nevada.label == "Nevada" && nevada.filed == 3 && nevada.answered == 2 && nevada.denied == 1)
        #expect(nevada.medianDaysToAnswer == 7, "first answers after 10 (denied) and 4 days")
        #expect(nevada.shareAnswered == 2.0 / 3.0)
        let california = stats.first { $0.key == "CA" }!
        #expect(california.filed == 1, "drafts do not count")
        #expect(california.medianDaysToAnswer == 3 && california.shareDenied == 0)
        #expect(RequestStatistics.compute(requests, history: history, by: .agency).count == 4)
    }
}
