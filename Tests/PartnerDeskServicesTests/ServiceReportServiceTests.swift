import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Monthly reports through the use cases: months that may be read, first editions issued and sent once on the
/// first working day, and a correction after sending making a revised edition that says what changed.
@Suite struct ServiceReportServiceTests {
    static func at(_ text: String) -> Date { ISO8601Instant.date(from: text)! }

    struct Fixture {
        let clock = FixedClock(ServiceReportServiceTests.at("2026-11-02T09:00:00Z"))
        let transports = RecordingTransports()
        let services: AppServices
        let system: Principal
        let partner: Principal
        let desk = Principal(
            credential: .user(.init(UUID())), displayName: "Fiona", role: .firstLineAgent, partnerID: nil,
            scope: .write)
        let wellpath: Partner

        init() async throws {
            services = AppServices.inMemory(clock: clock, transports: transports)
            wellpath = try await services.partners.register(
                PartnerDraft(
                    code: "WELLPATH", name: "Wellpath", status: "live", services: [.init(name: "GP", clientID: "wp")],
                    contacts: [.init(role: "primary", name: "P", email: "primary@wellpath.example")]))
            system = try #require(
                try await services.tokens.authenticate(
                    try await services.tokens.create(name: "Wellpath system", partnerCode: wellpath.code, role: nil)
                        .secret))
            let admin = try await services.accounts.add(
                email: "admin@wellpath.example", name: "Wellpath Admin", role: .partnerAdministrator,
                partnerCode: wellpath.code)
            partner = Principal(
                credential: .user(admin.user.id), displayName: "Wellpath Admin", role: .partnerAdministrator,
                partnerID: wellpath.id, scope: .write)
        }

        /// Raises an incident now and has the desk grade it.
        func raiseAndGrade(_ severity: Int) async throws -> IncidentView {
            let draft = IncidentReportDraft(
                type: "accessing_service", occurredAt: ISO8601Instant.string(from: clock.now()),
                userEmail: "u@example.org", errorType: "Loop", description: "The sign-in page loops back",
                deviceType: "mobile", operatingSystem: "iOS", operatingSystemVersion: "17")
            guard case .created(let raised, _) = try await services.incidents.raise(draft, by: system) else {
                throw ServiceError.notFound
            }
            return try await services.incidents.transition(
                raised.incident.id, IncidentTransitionDraft(action: "receive", severity: severity),
                expectedVersion: raised.incident.version, by: desk)
        }
    }

    @Test func aMonth_mustBeWrittenAsYearAndMonth_beOver_andNotComeBeforeThePartner() async throws {
        let fixture = try await Fixture()
        let reports = fixture.services.reports
        for (month, code) in [
            ("2026/10", "invalid_format"), ("2026-11", "not_over"), ("2026-12", "not_over"),
            ("2026-10", "before_partner"),
        ] {
            fixture.clock.set(Self.at("2026-11-30T17:00:00Z"))
            let failure = await #expect(throws: ValidationFailure.self, "\(month)") {
                _ = try await reports.report(month: month, partner: nil, edition: nil, as: fixture.partner)
            }
            #expect(failure?.issues.map(\.code) == [code], "\(month)")
        }
        await #expect(throws: ServiceError.notFound) {
            _ = try await reports.report(month: "2026-10", partner: "CAREBRIDGE", edition: nil, as: fixture.desk)
        }
    }

    @Test func theFirstEdition_isIssuedOnTheFirstWorkingDay_andSentOnceHoweverManyServersRun() async throws {
        let fixture = try await Fixture()
        _ = try await fixture.raiseAndGrade(3)
        // Before the first working day of December begins: November's reports are provisional.
        fixture.clock.set(Self.at("2026-12-01T07:59:59Z"))
        #expect(try await fixture.services.reports.issueDue(now: fixture.clock.now()) == 0)
        let provisional = try await fixture.services.reports.report(
            month: "2026-11", partner: nil, edition: nil, as: fixture.partner)
        #expect(provisional.edition == nil && provisional.report.incidents.total.raised == 1)
        #expect(provisional.issuesAt == Self.at("2026-12-01T08:00:00Z"))

        fixture.clock.set(Self.at("2026-12-01T08:00:05Z"))
        let now = fixture.clock.now()
        async let first = fixture.services.reports.issueDue(now: now)
        async let second = fixture.services.reports.issueDue(now: now)
        #expect(try await first + second == 2, "the whole service's and Wellpath's, each once")
        #expect(try await fixture.services.reports.issueDue(now: now) == 0)
        _ = try await fixture.services.jobs.tick(now: now)
        let sent = fixture.transports.mails.filter { $0.subject.hasPrefix("Service report for November 2026") }
        #expect(sent.count == 2 && Set(sent.map(\.subject)) == ["Service report for November 2026: Wellpath"])
        #expect(Set(sent.flatMap(\.to).map(\.value)) == ["primary@wellpath.example", "admin@wellpath.example"])
        let view = try await fixture.services.reports.report(
            month: "2026-11", partner: nil, edition: nil, as: fixture.partner)
        #expect(view.edition?.number == 1 && view.report.scope.partnerCode == "WELLPATH")
    }

    @Test func aCorrectionAfterSending_makesARevisedEdition_andLeavesTheFirstAsItWas() async throws {
        let fixture = try await Fixture()
        let graded = try await fixture.raiseAndGrade(1)
        fixture.clock.set(Self.at("2026-12-01T08:00:05Z"))
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        let first = try await fixture.services.reports.report(
            month: "2026-11", partner: nil, edition: nil, as: fixture.partner)
        #expect(first.report.breaches.map(\.severity) == [1])

        // The desk finds the incident was graded wrongly and re-grades it to 5 in December.
        fixture.clock.set(Self.at("2026-12-02T10:00:00Z"))
        _ = try await fixture.services.incidents.transition(
            graded.incident.id, IncidentTransitionDraft(action: "change_severity", severity: 5, note: "Cosmetic"),
            expectedVersion: graded.incident.version, by: fixture.desk)
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        let revised = try await fixture.services.reports.report(
            month: "2026-11", partner: nil, edition: nil, as: fixture.partner)
        #expect(revised.edition?.number == 2 && revised.editions.map(\.number) == [1, 2])
        let changes = try #require(revised.edition?.changes)
        #expect(
            changes.contains {
                $0.item == "Severity 1" && $0.measure == "Raised" && $0.before == "1" && $0.after == "0"
            })
        // Still open past even a severity 5 target at the month's end (209 business hours): listed under 5.
        #expect(changes.contains { $0.section == "Breaches" && $0.measure == "Severity" && $0.after == "5" })
        let kept = try await fixture.services.reports.report(
            month: "2026-11", partner: nil, edition: 1, as: fixture.partner)
        #expect(kept.report == first.report, "the first edition stays as it was sent")
        let mails = fixture.transports.mails.filter { $0.subject.hasPrefix("Revised service report for November 2026") }
        #expect(Set(mails.map(\.subject)) == ["Revised service report for November 2026: Wellpath (edition 2)"])
        #expect(mails[0].mentions("Incidents, Severity 1, Raised: 1 → 0"))
        // Nothing more changed: a second review issues nothing.
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        #expect(
            try await fixture.services.reports.report(month: "2026-11", partner: nil, edition: nil, as: fixture.partner)
                .edition?.number == 2)
    }
}
