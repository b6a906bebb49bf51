import HotlistCore
import HotlistStore
import HotlistTestSupport
import SQLKit
import Testing

@Suite struct MigrationTests {
    @Test(arguments: TestBackend.available)
    func migrationsHaveExplicitNamesAndRunTwiceSafely(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            // MUT: a second migrate on an up-to-date database
            try await db.migrate()
            // validate
            let applied = try await db.appliedMigrations()
            #expect(applied == ["0001-create-agencies", "0002-create-portal-snapshots", "0003-create-sharing-edges", "0004-create-url-checks",
                                "0005-create-survey-entries", "0006-create-reference-tables", "0007-seed-reference-data", "0008-create-directory-state",
                                "0009-create-users", "0010-create-sessions", "0011-create-api-tokens", "0012-create-password-reset-tokens",
                                "0013-create-sign-in-throttle", "0014-create-audit-events", "0015-create-holiday-tables", "0016-seed-holidays",
                                "0017-create-records-requests", "0018-create-reported-findings", "0019-create-evidence-and-findings",
                                "0020-reload-reference-data-2026-11", "0021-add-review-decisions",
                                "0022-add-evidence-withdrawal", "0023-create-contracts-and-officials", "0024-add-package-reports", "0025-create-agency-communications", "0026-create-agency-atlas-entries",
                                "0027-create-search-audit-logs", "0028-create-hotlist-hit-counts"])
        }
    }

    @Test(arguments: TestBackend.available)
    func referenceDataIsLoadedWithSourcesAndGrades(backend: TestBackend) async throws {
        try await backend.withDatabase { db in
            let reference = ReferenceQueries(db)
            let laws = try await reference.stateRecordsLaws()
            #expect(laws.count == 51)
            #expect(Set(laws.map(\.stateCode)) == Set(USState.all.map(\.code)))
            #expect(laws.allSatisfy { !$0.source.isEmpty })
            let nevada = try #require(try await reference.stateRecordsLaw("nv"))
            #expect(nevada.deadlineDays == 5 && nevada.deadlineKind == .business)
            #expect(nevada.citation.contains("239"))
            // Grades survive the trip: the reference files hold medium and low rows.
            #expect(laws.contains { $0.confidence == .medium })
            let topics = try await reference.ncicTopics()
            let violator = try #require(topics.first { $0.key == NCICTopic.immigrationViolatorKey })
            #expect(violator.flockLabel == "Immigration Violator")
            #expect(violator.whoMayEnter == "ICE only")
            #expect(violator.notes.contains("administrative warrants"))
            #expect(topics.contains { $0.confidence == .medium } && topics.allSatisfy { !$0.source.isEmpty })
            // 0020 added the appeal route's own source; researched routes carry it.
            #expect(laws.contains { $0.appealRouteResearched } && laws.contains { !$0.appealRouteResearched })
            #expect(laws.filter(\.appealRouteResearched).allSatisfy { !$0.appealSource.isEmpty })
            let restrictions = try await reference.stateRestrictionLaws("CA")
            #expect(restrictions.count >= 2)
            #expect(restrictions.contains { $0.isUnverifiedBill && $0.confidence == .low })
            let restrictive = try await reference.restrictiveStates()
            #expect(restrictive.isSuperset(of: ["CA", "IL", "OR", "WA", "NJ"]))
        }
    }
}

@Suite struct ReferenceSourceTests {
    /// Issue 10: no reference row graded high rests on "other" sources only. Fails the day someone
    /// grades a blog or a mirror high.
    @Test func noHighGradeRestsOnOtherSources() throws {
        let check = try ReferenceSourceCheck.run()
        #expect(check.violations.isEmpty, "\(check.violations.map { "\($0.file) \($0.row)" })")
        #expect(check.files.count == 6 && check.files.allSatisfy { $0.rows > 0 })
        #expect(check.files.first { $0.file == "ncic_topics.csv" }?.other == 0, "every NCIC fact has an official or reputable source")
    }

    @Test func appealRoutesAreSourcedOrNotYetResearched() throws {
        for law in try BundledReferenceData.stateRecordsLaws() {
            #expect(!law.appealRoute.lowercased().contains("memory"), "\(law.stateCode)")
            #expect(law.appealRouteResearched || law.appealRouteText == "not yet researched", "\(law.stateCode)")
        }
    }
}
