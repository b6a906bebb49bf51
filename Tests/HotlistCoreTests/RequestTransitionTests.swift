@testable import HotlistCore
import Testing

@Suite struct RequestTransitionTests {
    @Test func everyStatusHasARowAndEveryTargetIsAStatus() {
        for status in RequestStatus.allCases { #expect(RequestTransitions.allowed[status] != nil, "\(status) has no row") }
    }

    @Test func theLifeOfATypicalRequestIsAllowed() throws {
        let path: [RequestStatus] = [.draft, .filed, .acknowledged, .processing, .feeRequested, .processing, .denied, .appealing, .partiallyFulfilled, .fulfilled]
        for (from, to) in zip(path, path.dropFirst()) { try RequestTransitions.check(from: from, to: to) }
    }

    @Test func impossibleMovesAreRefusedWithWhatIsPossible() {
        let refused: [(RequestStatus, RequestStatus)] = [(.draft, .denied), (.draft, .fulfilled), (.withdrawn, .filed), (.fulfilled, .draft),
                                                         (.denied, .processing), (.filed, .filed), (.filed, .appealing), (.processing, .acknowledged)]
        for (from, to) in refused {
            #expect(!RequestTransitions.canMove(from: from, to: to), "\(from) → \(to)")
            do {
                try RequestTransitions.check(from: from, to: to)
                Issue.record("\(from) → \(to) was allowed")
            } catch {
                #expect(error.problems.first?.field == "status")
            }
        }
        do { try RequestTransitions.check(from: .denied, to: .processing) } catch {
            #expect(error.problems.first?.hint == "From denied it can become: appealing, in litigation, withdrawn.")
        }
        do { try RequestTransitions.check(from: .withdrawn, to: .filed) } catch {
            #expect(error.problems.first?.hint.contains("cannot change status") == true)
        }
    }

    @Test func onlyRequestsWithTheAgencyCanBeOverdue() {
        #expect(RequestStatus.allCases.filter(\.awaitsAgency) == [.filed, .acknowledged, .processing])
        #expect(!RequestStatus.appealing.isClosed && RequestStatus.withdrawn.isClosed)
    }

    @Test func statusesParseFromPeoplesSpelling() throws {
        #expect(try RequestStatus.parse("Fee requested") == .feeRequested)
        #expect(try RequestStatus.parse("in-litigation") == .inLitigation)
        #expect(throws: InputProblems.self) { try RequestStatus.parse("lost") }
    }

    @Test func feeAmountsAreReadWithoutGuessing() {
        #expect(FeeAmount.cents("25") == 2_500)
        #expect(FeeAmount.cents("$25.50") == 2_550)
        #expect(FeeAmount.cents("1,200.00") == 120_000)
        for bad in ["12,5", "25.5", "-3", "abc", "1,20", "", "25.505"] { #expect(FeeAmount.cents(bad) == nil, "\(bad)") }
    }
}
