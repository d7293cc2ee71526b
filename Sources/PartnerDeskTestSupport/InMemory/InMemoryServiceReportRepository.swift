import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// Report editions, issued months and reviews waiting, in memory.
struct InMemoryServiceReportRepository: ServiceReportRepository {
    let box: StateBox

    func create(_ edition: ServiceReportEdition) async throws -> Bool {
        var created = false
        try box.write { state in
            let taken = state.reportEditions.contains {
                $0.partnerID == edition.partnerID && $0.month == edition.month && $0.number == edition.number
            }
            guard !taken else { return }
            state.reportEditions.append(edition)
            created = true
        }
        return created
    }

    func editions(partnerID: Partner.ID?, month: ReportingMonth) async throws -> [ServiceReportEdition] {
        box.read().reportEditions.filter { $0.partnerID == partnerID && $0.month == month }.sorted {
            $0.number < $1.number
        }
    }

    func latestEditions(month: ReportingMonth) async throws -> [ServiceReportEdition] {
        let editions = box.read().reportEditions.filter { $0.month == month }
        return Dictionary(grouping: editions, by: \.partnerID).values.compactMap { $0.max { $0.number < $1.number } }
    }

    func isIssued(_ month: ReportingMonth) async throws -> Bool { box.read().issuedMonths.contains(month) }

    func markIssued(_ month: ReportingMonth, at instant: Date) async throws {
        try box.write { $0.issuedMonths.insert(month) }
    }

    func requestReview(_ scope: ServiceReportReviewScope, month: ReportingMonth, at instant: Date) async throws {
        try box.write { state in
            state.reportReviews.removeAll { $0.scope == scope && $0.month == month }
            state.reportReviews.append((scope, month, instant))
        }
    }

    func reviews(limit: Int) async throws -> [(scope: ServiceReportReviewScope, month: ReportingMonth)] {
        box.read().reportReviews.prefix(limit).map { ($0.scope, $0.month) }
    }

    func finishReview(_ scope: ServiceReportReviewScope, month: ReportingMonth, requestedBy instant: Date)
        async throws -> Bool
    {
        var removed = false
        try box.write { state in
            let before = state.reportReviews.count
            state.reportReviews.removeAll { $0.scope == scope && $0.month == month && $0.requestedAt <= instant }
            removed = state.reportReviews.count < before
        }
        return removed
    }
}
