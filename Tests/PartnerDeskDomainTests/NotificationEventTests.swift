import Foundation
import PartnerDeskDomain
import Testing

/// The events people and partners' systems subscribe to: one name each, read back as written, and offered only
/// to the roles that are ever sent them.
@Suite struct NotificationEventTests {
    @Test func everyEvent_hasItsOwnName_andIsReadBackFromIt() {
        let names = NotificationEvent.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(NotificationEvent.allCases.allSatisfy { NotificationEvent(rawValue: $0.rawValue) == $0 })
        #expect(NotificationEvent(rawValue: "release.notes_published") == .change(.notesPublished))
        #expect(NotificationEvent(rawValue: "incident.sla_75") == .incident(.slaThreeQuartersUsed))
        #expect(NotificationEvent(rawValue: "release.unknown") == nil)
    }

    @Test func eachRole_isOfferedOnlyTheEventsItIsSent() {
        func offered(_ role: Role) -> [String] {
            NotificationEvent.allCases.filter { $0.isSent(to: role) }.map(\.rawValue)
        }
        let incidentForPartners = [
            "incident.received", "incident.severity_assigned", "incident.information_awaited", "incident.resolved",
            "incident.responded", "problem.fix_released",
        ]
        let changeForPartners = [
            "release.sprint_digest", "release.integration_notice", "release.integration_reminder",
            "release.notes_published", "release.date_moved", "release.released", "release.rolled_back",
        ]
        let serviceForPartners = [
            "service.outage_started", "service.outage_resolved", "service.maintenance_announced",
            "service.report_issued",
        ]
        let sla = ["incident.sla_50", "incident.sla_75", "incident.sla_breached"]
        // A reporter hears of the desk's steps on a request they made themselves.
        #expect(offered(.partnerReporter) == incidentForPartners + ["request.moved"])
        #expect(
            offered(.partnerAdministrator)
                == incidentForPartners + changeForPartners + serviceForPartners + ["request.moved"]
                + ["partner.evidence_reviewed", "partner.status_changed", "partner.check_in"]
                + ["partner.review_scheduled", "partner.review_minutes", "partner.review_cancelled"])
        let requestsForDesk = ["request.submitted", "request.target_warning", "request.partner_step"]
        #expect(offered(.firstLineAgent) == sla + requestsForDesk)
        #expect(
            offered(.serviceManager)
                == sla + ["service.allowance_warning"] + requestsForDesk + ["partner.evidence_submitted"])
        #expect(offered(.releaseManager) == ["release.held"])
        #expect(offered(.assuranceApprover).isEmpty && offered(.administrator).isEmpty)
    }

    @Test func aChangeWebhook_carriesTheEnvelope_andThePartnersWordsOfItsStep() throws {
        let notice = IntegrationNotice(
            id: .init(UUID(uuidString: "00000000-0000-7000-8000-000000000001")!), number: 7, title: "New claims",
            description: "Ask for the new claim.", featureID: nil, availableFrom: LocalDate("2026-12-07")!,
            partners: [.init(UUID())], createdAt: Date(timeIntervalSince1970: 0))
        let message = ReleaseNotice.integration(notice, reminder: false, link: "https://desk.example/n/INT-000007")
        let body = message.webhookBody(
            deliveryID: UUID(uuidString: "4F0C6A52-8B7E-4D0C-9A57-2B8F0C1E9D11")!,
            occurredAt: ISO8601Instant.date(from: "2026-12-01T09:00:00Z")!)
        #expect(
            String(decoding: body, as: UTF8.self)
                == #"{"data":{"notice":{"availableFrom":"2026-12-07","description":"Ask for the new claim.","#
                + #""reference":"INT-000007","title":"New claims","url":"https://desk.example/n/INT-000007"}},"#
                + #""event":"release.integration_notice","id":"4f0c6a52-8b7e-4d0c-9a57-2b8f0c1e9d11","#
                + #""occurredAt":"2026-12-01T09:00:00Z"}"#)
    }
}
