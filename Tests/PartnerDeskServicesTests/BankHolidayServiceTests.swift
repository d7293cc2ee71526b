import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Importing bank holidays without a restart: a preview changes nothing, taking the list in replays the running
/// clocks and tells each moved incident why, a second server takes it in on its next round, and an import based
/// on an older one is refused.
@Suite struct BankHolidayServiceTests {
    static func at(_ text: String) -> Date { ISO8601Instant.date(from: text)! }

    /// England and Wales's 2026 list with one more day: Tuesday 8 December 2026.
    static let extraDay = Data(
        """
        {"england-and-wales": {"division": "england-and-wales", "events": [
          {"title": "New Year’s Day", "date": "2026-01-01", "notes": "", "bunting": true},
          {"title": "Good Friday", "date": "2026-04-03", "notes": "", "bunting": false},
          {"title": "Easter Monday", "date": "2026-04-06", "notes": "", "bunting": true},
          {"title": "Early May bank holiday", "date": "2026-05-04", "notes": "", "bunting": true},
          {"title": "Spring bank holiday", "date": "2026-05-25", "notes": "", "bunting": true},
          {"title": "Summer bank holiday", "date": "2026-08-31", "notes": "", "bunting": true},
          {"title": "A day for the test", "date": "2026-12-08", "notes": "", "bunting": true},
          {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true},
          {"title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day", "bunting": true}
        ]}}
        """.utf8)

    @Test func takingAListIn_replaysRunningClocks_andSaysWhyEachMoved() async throws {
        let store = InMemoryStore()
        let clock = FixedClock(Self.at("2026-12-07T09:00:00Z"))
        let services = AppServices.inMemory(store: store, clock: clock)
        let partner = try await services.partners.register(
            PartnerDraft(
                code: "WELLPATH", name: "Wellpath", status: "live", services: [.init(name: "GP", clientID: "wp")]))
        let system = try #require(
            try await services.tokens.authenticate(
                try await services.tokens.create(name: "Wellpath system", partnerCode: partner.code, role: nil).secret))
        let desk = Principal(
            credential: .user(.init(UUID())), displayName: "Fiona", role: .firstLineAgent, partnerID: nil, scope: .write
        )
        let admin = Principal(
            credential: .user(.init(UUID())), displayName: "Ada", role: .administrator, partnerID: nil, scope: .write)
        let draft = IncidentReportDraft(
            type: "accessing_service", occurredAt: "2026-12-07T08:30:00Z", userEmail: "u@example.org",
            errorType: "Loop", description: "The sign-in page loops back", deviceType: "mobile",
            operatingSystem: "iOS", operatingSystemVersion: "17")
        guard case .created(let raised, _) = try await services.incidents.raise(draft, by: system) else {
            Issue.record("not raised")
            return
        }
        // Severity 3, 20 business hours from Monday 09:00: due Wednesday 09:00, or Thursday with Tuesday off.
        let received = try await services.incidents.transition(
            raised.incident.id, IncidentTransitionDraft(action: "receive", severity: 3),
            expectedVersion: raised.incident.version, by: desk)
        #expect(received.sla?.due == Self.at("2026-12-09T09:00:00Z"))

        await #expect(throws: ServiceError.forbidden) {
            _ = try await services.bankHolidays.preview(Self.extraDay, as: desk)
        }
        let preview = try await services.bankHolidays.preview(Self.extraDay, as: admin)
        #expect(preview.changes.map(\.sentence) == ["England and Wales: 2026-12-08 A day for the test added"])
        #expect(
            try await services.incidents.view(raised.incident.id, as: desk).sla?.due == Self.at("2026-12-09T09:00:00Z"))

        let result = try await services.bankHolidays.apply(Self.extraDay, basedOn: 0, as: admin)
        #expect(result.number == 1 && result.replayed == 1)
        #expect(result.moved.map(\.reference) == [raised.incident.reference.description])
        #expect(result.moved.first?.to == Self.at("2026-12-10T09:00:00Z"))
        let view = try await services.incidents.view(raised.incident.id, as: system)
        #expect(view.sla?.due == Self.at("2026-12-10T09:00:00Z"))
        let timeline = try await services.incidents.history(raised.incident.id, as: system)
        #expect(timeline.last?.note?.contains("A day for the test added") == true, "the partner reads why")
        // One audit entry per page of moved clocks names each incident with its due time before and after.
        var replays = AuditQuery()
        replays.action = "incident.replayed"
        let audited = try await services.audit.list(replays)
        #expect(audited.map(\.subject) == [AuditSubject(kind: "bank_holiday_import", id: "1")])
        #expect(
            audited.first?.changes == [
                FieldChange(
                    field: "\(raised.incident.reference) resolution due",
                    before: NotificationComposer.londonTime(Self.at("2026-12-09T09:00:00Z")),
                    after: NotificationComposer.londonTime(Self.at("2026-12-10T09:00:00Z")))
            ])

        // A second server on the same store takes the list in on its next round of background jobs.
        let other = AppServices.inMemory(store: store, clock: clock)
        #expect(other.catalog.calendar("silver").isOpen(Self.at("2026-12-08T12:00:00Z")))
        _ = try await other.jobs.tick(now: clock.now())
        #expect(!other.catalog.calendar("silver").isOpen(Self.at("2026-12-08T12:00:00Z")))

        // A list previewed before that import is refused; the same list again changes nothing.
        await #expect(throws: ServiceError.versionMismatch(currentVersion: 1)) {
            _ = try await other.bankHolidays.apply(Self.extraDay, basedOn: 0, as: admin)
        }
        let again = try await other.bankHolidays.apply(Self.extraDay, basedOn: 1, as: admin)
        #expect(again.number == nil && again.moved.isEmpty)
        let failure = await #expect(throws: ValidationFailure.self) {
            _ = try await services.bankHolidays.preview(Data("{\"not\": \"a feed\"}".utf8), as: admin)
        }
        #expect(failure?.issues.map(\.field) == ["file"])
    }
}
