import Foundation
import PartnerDeskDomain
import Testing

/// What a declaration says that the Domain checks by itself, and what the Bridge is told.
@Suite struct HSSIDeclarationDraftTests {
    static let now = ISO8601Instant.date(from: "2026-11-10T10:30:00Z")!

    @Test func everyWrongField_isNamedAtOnce() {
        var check = ValidationCollector()
        let checked = HSSIDeclarationDraft(
            title: "Wrong records", description: "Shown to others", occurredAt: "2026-11-10T11:00:00Z",
            identifiedAt: "yesterday", severity: 3, category: "outage"
        ).checked(now: Self.now, into: &check)
        #expect(check.issues.map(\.field) == ["occurredAt", "identifiedAt", "severity", "category"])
        #expect(check.issues.map(\.code) == ["in_future", "invalid_format", "out_of_range", "unknown_value"])
        #expect(checked.severity == nil && checked.category == nil)
    }

    @Test func aGoodDeclaration_readsItsTimesSeverityAndCategory() {
        var check = ValidationCollector()
        let checked = HSSIDeclarationDraft(
            title: "Wrong records", description: "Shown to others", occurredAt: "2026-11-10T10:00:00Z",
            severity: 1, category: "potential_data_breach"
        ).checked(now: Self.now, into: &check)
        #expect(check.issues.isEmpty)
        #expect(checked.occurredAt == ISO8601Instant.date(from: "2026-11-10T10:00:00Z"))
        #expect(checked.identifiedAt == nil && checked.severity == 1 && checked.category == .potentialDataBreach)
    }

    @Test func theBridge_isToldWhoDeclared_andHowLateThePartnerWas() {
        #expect(HSSIDeclarer(role: .partnerReporter) == .partner)
        #expect(HSSIDeclarer(role: .serviceBridgeOperator) == .serviceBridge)
        #expect(HSSIDeclarer(role: .firstLineAgent) == .serviceDesk)
        #expect(
            HSSIDeclarer.serviceDesk.bridgeNotice(notification: .inTime)
                == "A Higher Severity Service Incident has been declared by service desk.")
        #expect(
            HSSIDeclarer.partner.bridgeNotice(notification: .late(bySeconds: 900)).hasSuffix(
                "it came 15 minutes after the 30 minutes allowed within its hours of operation."))
    }
}
