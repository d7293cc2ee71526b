import Foundation
import PartnerDeskDomain
import Testing

/// Outages entered by hand or opened by monitoring, maintenance windows, and what the status page shows.
@Suite struct OutageTests {
    typealias Fixture = AvailabilityTests
    static let now = Fixture.at("2026-12-07T12:00:00Z")
    static let window = MaintenanceWindow(
        id: .init(UUID()), number: 4, components: ["identity-verification"],
        startsAt: Fixture.at("2026-12-07T11:00:00Z"),
        endsAt: Fixture.at("2026-12-07T13:00:00Z"), affectedPartners: [], summary: "Upgrade",
        createdAt: Fixture.at("2026-12-01T09:00:00Z"))

    static let lookup = OutageDraft.Lookup(
        component: { code in ServiceComponent.defaults.first { $0.code == code } },
        maintenance: { $0 == "MNT-000004" ? window : nil },
        partner: { $0 == "WELLPATH" ? Fixture.wellpath : nil },
        incident: { $0 == "INC-000001" ? Incident.ID(UUID()) : nil }, hssi: { _ in nil })

    @Test func anOutageDraft_namesEveryProblemAtOnce() {
        let draft = OutageDraft(
            component: "billing", startedAt: "2026-12-07T13:00:00Z", endedAt: "2026-12-07T09:30:00Z",
            impact: "broken", maintenance: "MNT-000009", partners: ["NOPE"], incidents: ["INC-000002"],
            hssis: ["HSSI-000001"], publicSummary: "Patient 450 557 7104 cannot sign in")
        do {
            _ = try draft.validated(lookup: Self.lookup, now: Self.now)
            Issue.record("accepted")
        } catch {
            #expect(
                error.issues.map { "\($0.field) \($0.code)" } == [
                    "component unknown_component", "startedAt in_future", "impact invalid_value",
                    "maintenance unknown_maintenance", "partners[0] unknown_partner", "incidents[0] unknown_incident",
                    "hssis[0] unknown_hssi", "publicSummary patient_identifiable_data",
                ])
        }
    }

    @Test func anOutage_isEnteredCorrectedAndClosed() throws {
        let plan = try OutageDraft(
            component: "Sign-In", startedAt: "2026-12-07T10:00:00Z", impact: "down", partners: ["WELLPATH"],
            incidents: ["INC-000001"], publicSummary: "Sign-in fails for some people."
        ).validated(lookup: Self.lookup, now: Self.now)
        var outage = Outage(id: .init(UUID()), number: 12, plan: plan, createdAt: Self.now)
        #expect(outage.reference == "OUT-000012" && outage.component == "sign-in" && outage.incidents.count == 1)
        #expect(outage.affects(Fixture.wellpath) && !outage.affects(Fixture.carebridge))
        #expect(throws: ValidationFailure.self) { try outage.close(at: Fixture.at("2026-12-07T09:00:00Z")) }
        try outage.close(at: Fixture.at("2026-12-07T10:40:00Z"))
        #expect(outage.span(until: Self.now)?.duration == TimeInterval(40 * 60))
        #expect(throws: ValidationFailure.self, "it ended already") { try outage.close(at: Self.now) }
        #expect(throws: ValidationFailure.self, "planned work must be on the window's component") {
            _ = try OutageDraft(
                component: "sign-in", startedAt: "2026-12-07T11:00:00Z", impact: "down", maintenance: "MNT-000004",
                publicSummary: "Work."
            ).validated(lookup: Self.lookup, now: Self.now)
        }
    }

    @Test func monitoringAlerts_findTheirComponent_andAreKnownByFingerprintAndStart() {
        let alert = MonitoringAlert(
            status: .firing, fingerprint: "5f1c9d", labels: ["alertname": "SignInErrors", "component": "sign-in"],
            annotations: ["summary": "5xx above 20 %"], startsAt: Fixture.at("2026-12-07T10:00:00Z"), endsAt: nil)
        #expect(alert.component(in: ServiceComponent.defaults)?.code == "sign-in")
        #expect(alert.impact == .down && alert.key == "5f1c9d@2026-12-07T10:00:00Z")
        #expect(alert.internalNotes == "Opened by monitoring: SignInErrors: 5xx above 20 %.")
        var warning = alert
        warning.labels = ["severity": "warning", "job": "idv"]
        #expect(warning.impact == .degraded && warning.component(in: ServiceComponent.defaults) == nil)
        let mapped = ServiceComponent(
            code: "identity-verification", name: "Identity verification", description: "",
            alertLabels: ["job": "idv"])
        #expect(warning.component(in: [mapped])?.code == "identity-verification")
        let opened = Outage(
            id: .init(UUID()), number: 1, alert: alert, component: ServiceComponent.defaults[0], createdAt: Self.now)
        #expect(opened.alertKey == alert.key && opened.publicSummary.hasPrefix("Sign-in is not available"))
    }

    @Test func componentCodes_areShortLowerCaseWords() {
        for good in ["sign-in", "user-info", "a", "idv2"] { #expect(ServiceComponent.isValidCode(good), "\(good)") }
        for bad in ["", "-sign", "sign-", "sign--in", "Sign-in", "sign in", String(repeating: "a", count: 41)] {
            #expect(!ServiceComponent.isValidCode(bad), "\(bad)")
        }
    }

    @Test func theStatusPage_showsMaintenanceUnderWay_andOutagesOverIt() {
        var window = Self.window
        let work = OutageTests.outage(
            "2026-12-07T11:00:00Z", nil, component: "identity-verification", window: window.id)
        #expect(
            ComponentStatus.state(of: "identity-verification", outages: [work], maintenance: [window], at: Self.now)
                == .outage, "never announced")
        window.announcedAt = Fixture.at("2026-12-02T09:00:00Z")
        #expect(
            ComponentStatus.state(of: "identity-verification", outages: [work], maintenance: [window], at: Self.now)
                == .maintenance)
        let failure = OutageTests.outage("2026-12-07T11:30:00Z", nil, component: "identity-verification")
        #expect(
            ComponentStatus.state(
                of: "identity-verification", outages: [work, failure], maintenance: [window], at: Self.now) == .outage)
        #expect(
            ComponentStatus.state(of: "sign-in", outages: [work, failure], maintenance: [window], at: Self.now)
                == .operational)
    }

    @Test func theDailyStrip_marksTheWorstOfEachDay_onLondonDays() {
        let outages = [
            // 23:30 to 00:30 in London in summer: the minutes fall on both days.
            OutageTests.outage("2026-06-01T22:30:00Z", "2026-06-01T23:30:00Z"),
            OutageTests.outage("2026-06-03T10:00:00Z", "2026-06-03T11:00:00Z", impact: .degraded),
        ]
        let days = ComponentStatus.days(
            4, of: "sign-in", outages: outages, maintenance: [], calendar: Fixture.calendar,
            now: Fixture.at("2026-06-04T09:00:00Z"))
        #expect(days.map(\.date.description) == ["2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04"])
        #expect(days.map(\.worst) == [.outage, .outage, .degraded, .operational])
        #expect(days.map(\.downMinutes) == [30, 30, 0, 0])
    }

    static func outage(
        _ start: String, _ end: String?, impact: OutageImpact = .down, component: String = "sign-in",
        window: MaintenanceWindow.ID? = nil
    ) -> Outage {
        Fixture.outage(start, end, impact: impact, component: component, maintenance: window)
    }

    @Test func aMaintenanceDraft_isChecked_andAnnouncedOnce() throws {
        #expect(throws: ValidationFailure.self) {
            _ = try MaintenanceDraft(
                components: ["nope"], startsAt: "2026-12-07T09:00:00Z", endsAt: "2026-12-09T09:00:00Z", summary: ""
            ).validated(component: Self.lookup.component, partner: Self.lookup.partner, now: Self.now)
        }
        let plan = try MaintenanceDraft(
            components: ["sign-in"], startsAt: "2026-12-09T19:00:00Z", endsAt: "2026-12-09T20:00:00Z",
            summary: "Sign-in may pause for up to a minute."
        ).validated(component: Self.lookup.component, partner: Self.lookup.partner, now: Self.now)
        var window = MaintenanceWindow(id: .init(UUID()), number: 5, plan: plan, createdAt: Self.now)
        #expect(window.reference == "MNT-000005" && window.affects(Fixture.carebridge))
        try window.announce(at: Self.now)
        #expect(window.excusesDowntime)
        #expect(throws: ValidationFailure.self) { try window.announce(at: Self.now) }
    }

    @Test func aPartnersChoiceOfComponents_decidesWhichNoticesReachIt() throws {
        let listed = ServiceComponent.defaults
        #expect(ComponentChoice.every.covers(["account-settings"], listed: listed), "no choice hears of everything")
        let chosen = try ComponentChoice.validated(["user-info", "sign-in"], listed: listed)
        #expect(chosen.current(in: listed) == ["sign-in", "user-info"], "in the platform's order")
        #expect(chosen.covers(["sign-in"], listed: listed))
        #expect(chosen.covers(["account-settings", "user-info"], listed: listed), "maintenance on several")
        #expect(!chosen.covers(["identity-verification"], listed: listed))
        // The chosen components taken off the list: the partner hears of every component again.
        let renamed = listed.filter { $0.code != "sign-in" && $0.code != "user-info" }
        #expect(chosen.covers(["account-settings"], listed: renamed) && chosen.current(in: renamed).isEmpty)
        let refused = #expect(throws: ValidationFailure.self) {
            _ = try ComponentChoice.validated(["sign-in", "payments"], listed: listed)
        }
        #expect(refused?.issues.map(\.message) == ["'payments' is not one of the platform's components."])
    }
}
