import FluentKit

/// Every migration, in order. Names are explicit and never change once landed: Fluent's default
/// name is the module-qualified type name, which would change if the code moved.
public enum HotlistMigrations {
    public static let all: [any Migration] = [
        CreateAgencies(),
        CreatePortalSnapshots(),
        CreateSharingEdges(),
        CreateURLChecks(),
        CreateSurveyEntries(),
        CreateReferenceTables(),
        SeedReferenceData(),
        CreateDirectoryState(),
        CreateUsers(),
        CreateSessions(),
        CreateAPITokens(),
        CreatePasswordResetTokens(),
        CreateSignInThrottle(),
        CreateAuditEvents(),
        CreateHolidayTables(),
        SeedHolidays(),
        CreateRecordsRequests(),
        CreateReportedFindings(),
        CreateEvidenceAndFindings(),
        ReloadReferenceData(),
        AddReviewDecisions(),
        AddEvidenceWithdrawal(),
        CreateContractsAndOfficials(),
        AddPackageReports(),
        CreateAgencyCommunications(),
        CreateAgencyAtlasEntries(),
        CreateSearchAuditLogs(),
        CreateHotlistHitCounts(),
    ]
}
