import Foundation
import PartnerDeskDomain

/// Which report a review asks about: one partner's, the whole service's, or every report of the month.
public enum ServiceReportReviewScope: Hashable, Sendable {
    case partner(Partner.ID)
    case wholeService
    case everyReport
}

/// Stores the editions of the monthly service reports (never changed once stored), which months have had
/// their first editions issued, and the reports waiting to be checked for a revision.
public protocol ServiceReportRepository: Sendable {
    /// Stores a new edition. Returns false, storing nothing, when that report already has an edition with
    /// that number (another server issued it first).
    func create(_ edition: ServiceReportEdition) async throws -> Bool
    /// Every edition of one report (a partner's, or the whole service's for nil), oldest first.
    func editions(partnerID: Partner.ID?, month: ReportingMonth) async throws -> [ServiceReportEdition]
    /// The latest edition of every report of the month (the whole service's and each partner's).
    func latestEditions(month: ReportingMonth) async throws -> [ServiceReportEdition]
    /// Whether every first edition of the month has been issued.
    func isIssued(_ month: ReportingMonth) async throws -> Bool
    /// Records that every first edition of the month has been issued.
    func markIssued(_ month: ReportingMonth, at instant: Date) async throws
    /// Asks for a report (or every report) of a month to be checked for a revision; asking again before it is
    /// done keeps one request, dated by the later asking.
    func requestReview(_ scope: ServiceReportReviewScope, month: ReportingMonth, at instant: Date) async throws
    /// The reviews asked for, oldest first.
    func reviews(limit: Int) async throws -> [(scope: ServiceReportReviewScope, month: ReportingMonth)]
    /// Removes a review once done, unless it was asked for again after `instant` (the review began before the
    /// change that asked); false when nothing was removed.
    func finishReview(_ scope: ServiceReportReviewScope, month: ReportingMonth, requestedBy instant: Date)
        async throws -> Bool
}
