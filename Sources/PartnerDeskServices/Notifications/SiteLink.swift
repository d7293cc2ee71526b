import Foundation
import PartnerDeskDomain

/// Addresses of pages that messages link to.
enum SiteLink {
    /// A month's report page, a partner's when staff follow it.
    static func report(_ month: ReportingMonth, partner code: String?) -> String {
        "/service-levels/reports?month=\(month)" + (code.map { "&partner=\($0)" } ?? "")
    }

    /// A service request's page.
    static func serviceRequest(_ id: ServiceRequest.ID) -> String { "/service-requests/\(id)" }

    /// A partner's onboarding and early-live page.
    static func partnerJourney(_ code: PartnerCode) -> String { "/partners/\(code)/onboarding" }

    /// A service review's invitation as a calendar file.
    static func reviewCalendar(_ code: PartnerCode, _ id: UUID) -> String {
        "/partners/\(code)/reviews/\(id.uuidString.lowercased())/invitation.ics"
    }
}
