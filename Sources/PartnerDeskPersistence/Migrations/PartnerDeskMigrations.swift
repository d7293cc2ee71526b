import FluentKit

/// The one ordered list of schema changes, identical on SQLite and PostgreSQL.
///
/// Append only: a released migration is never edited, and every one can be reverted.
public enum PartnerDeskMigrations {
    public static let all: [any Migration] = [
        CreatePartners(),
        CreateUsers(),
        CreateIncidents(),
        CreateTokensAndIdempotencyKeys(),
        CreateAuditLog(),
        AddPartnerHoursOfOperation(),
        CreateAttachments(),
        CreateSessions(),
        AddSecondFactor(),
        CreateNotifications(),
        CreateProblems(),
        IndexPublishedProblemsOnly(),
        CreateHSSIs(),
        CreateKnownSignInAddresses(),
        AddAuditChanges(),
        CreateInvitations(),
        IndexOutboxByPartner(),
        StoreEmailContent(),
        CreateReleases(),
        CreateServiceLevels(),
        CreateComponentChoices(),
        CreateServiceReports(),
        CreateBankHolidayImports(),
        IndexRunningClocks(),
        CreateServiceRequests(),
        CreatePartnerJourneys(),
    ]
}
