import Foundation
import PartnerDeskDomain
import Testing

/// The worked example of docs/service-levels.md, December 2026, computed: the figures in the document are these.
@Suite struct AvailabilityWorkedExampleTests {
    typealias Fixture = AvailabilityTests

    static let window: MaintenanceWindow = {
        var window = MaintenanceWindow(
            id: .init(UUID()), number: 1, components: ["sign-in"], startsAt: Fixture.at("2026-12-09T07:00:00Z"),
            endsAt: Fixture.at("2026-12-09T09:00:00Z"), affectedPartners: [], summary: "Database upgrade",
            createdAt: Fixture.at("2026-12-01T09:00:00Z"))
        window.announcedAt = Fixture.at("2026-12-02T09:00:00Z")
        return window
    }()

    static let outages = [
        Fixture.outage("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z"),
        Fixture.outage("2026-12-09T07:00:00Z", "2026-12-09T09:15:00Z", maintenance: window.id),
        Fixture.outage("2026-12-14T11:00:00Z", "2026-12-14T11:20:00Z", partners: [Fixture.carebridge]),
        Fixture.outage("2026-12-15T14:00:00Z", "2026-12-15T16:00:00Z", impact: .degraded),
        Fixture.outage("2026-12-24T17:30:00Z", "2026-12-29T09:00:00Z", component: "identity-verification"),
    ]

    static func measure(_ partner: Partner.ID?) -> AvailabilityMeasure {
        Fixture.measure("2026-12", outages, maintenance: [window], partner: partner)
    }

    @Test func december2026_asTheDocumentWorksItOut() {
        let overall = Self.measure(nil)
        #expect(overall.monthBusinessSeconds == 756_000)
        #expect(overall.downtimeSeconds == 155 * 60)
        #expect(overall.excusedMaintenanceSeconds == 60 * 60 && overall.degradedSeconds == 120 * 60)
        #expect(String(format: "%.3f", overall.percent) == "98.770")
        #expect(overall.budgetLeftSeconds == -97 * 60 && !overall.meetsTarget)

        let wellpath = Self.measure(Fixture.wellpath)
        #expect(wellpath.downtimeSeconds == 135 * 60 && String(format: "%.3f", wellpath.percent) == "98.929")
        let carebridge = Self.measure(Fixture.carebridge)
        #expect(carebridge.downtimeSeconds == 155 * 60)
    }

    @Test func december2026_warnsAsTheDocumentSays() {
        func used(at text: String) -> [String] {
            let now = Fixture.at(text)
            let measure = Fixture.measure("2026-12", Self.outages, maintenance: [Self.window], now: text)
            let downtime = Availability.downtime(
                outages: Self.outages, maintenance: [Self.window], partner: nil, now: now)
            return DowntimeBudgetAlert.alerts(for: measure, downtime: downtime, calendar: Fixture.calendar, now: now)
                .map(\.key).filter { $0.contains("used") }
        }
        let early = Fixture.at("2026-12-01T10:06:00Z")
        let burning = DowntimeBudgetAlert.alerts(
            for: Fixture.measure("2026-12", Self.outages, maintenance: [Self.window], now: "2026-12-01T10:06:00Z"),
            downtime: Availability.downtime(
                outages: Self.outages, maintenance: [Self.window], partner: nil, now: early),
            calendar: Fixture.calendar, now: early)
        #expect(burning.map(\.key) == ["2026-12 burn-fast", "2026-12 burn-medium", "2026-12 burn-slow"])
        #expect(used(at: "2026-12-01T10:28:59Z") == [])
        #expect(used(at: "2026-12-01T10:29:00Z") == ["2026-12 used-50"], "29 minutes is half of 58")
        #expect(used(at: "2026-12-09T09:15:00Z") == ["2026-12 used-50", "2026-12 used-75"])
        #expect(used(at: "2026-12-14T11:12:59Z") == ["2026-12 used-50", "2026-12 used-75"])
        #expect(used(at: "2026-12-14T11:13:00Z") == ["2026-12 used-50", "2026-12 used-75", "2026-12 used-100"])
    }
}
