import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Service levels through the use cases: outages by hand and by monitoring, maintenance announced, availability
/// as each caller may see it, and the service managers warned once as the allowance goes.
@Suite struct ServiceLevelServiceTests {
    let base = ReleaseServiceTests()
    static func at(_ text: String) -> Date { ISO8601Instant.date(from: text)! }

    func staff(_ fixture: ReleaseServiceTests.Fixture, _ role: Role) async throws -> Principal {
        if let person = fixture.people[role] { return person }
        let added = try await fixture.services.accounts.add(
            email: "\(role.rawValue)@partnerdesk.example", name: role.label, role: role, partnerCode: nil)
        return Principal(
            credential: .user(added.user.id), displayName: role.label, role: role, partnerID: nil, scope: .write)
    }

    @Test func monitoringOpensAndClosesAnOutage_onceHoweverOftenItIsTold() async throws {
        let fixture = try await base.setUp()
        let services = fixture.services
        let devops = try await staff(fixture, .devOpsEngineer)
        let wellpath = fixture.partners["WELLPATH"]!
        _ = try await services.notifications.addWebhook(
            url: "https://hooks.wellpath.example/status",
            events: ["service.outage_started", "service.outage_resolved"],
            partnerCode: nil, as: wellpath)
        let firing = MonitoringAlert(
            status: .firing, fingerprint: "5f1c9d", labels: ["alertname": "SignInErrors", "component": "sign-in"],
            annotations: ["summary": "5xx above 20 %"], startsAt: Self.at("2026-12-01T08:40:00Z"), endsAt: nil)
        let stray = MonitoringAlert(
            status: .firing, fingerprint: "0000", labels: ["alertname": "DiskFull"], annotations: [:],
            startsAt: Self.at("2026-12-01T08:40:00Z"), endsAt: nil)
        await #expect(throws: ServiceError.forbidden) {
            _ = try await services.serviceLevels.receive([firing], by: wellpath)
        }
        var report = try await services.serviceLevels.receive([firing, stray], by: devops)
        #expect(report.opened == ["OUT-000001"] && report.unmatched == ["DiskFull"])
        report = try await services.serviceLevels.receive([firing], by: devops)
        #expect(report.opened.isEmpty && report.unchanged == 1, "a repeat changes nothing")
        var resolved = firing
        resolved.status = .resolved
        resolved.endsAt = Self.at("2026-12-01T08:55:00Z")
        report = try await services.serviceLevels.receive([resolved, resolved], by: devops)
        #expect(report.closed == ["OUT-000001"] && report.unchanged == 1)

        let view = try await services.serviceLevels.availability(month: "2026-12", partner: nil, as: devops)
        #expect(view.outages.count == 1 && view.measure.downtimeSeconds == 15 * 60, "from 08:40 to 08:55")
        #expect(!view.isComplete && view.tierName == "Silver")
        _ = try await services.jobs.tick(now: base.clock.now())
        let calls = fixture.transports.webhooks
        #expect(calls.map(\.event) == ["service.outage_started", "service.outage_resolved"])
        let text = calls.map { String(decoding: $0.body, as: UTF8.self) }.joined()
        #expect(text.contains("Sign-in is not available") && !text.contains("5xx") && !text.contains("SignInErrors"))
        let mails = fixture.transports.mails.filter { $0.subject.hasPrefix("OUT-000001") }
        #expect(Set(mails.flatMap(\.to).map(\.value)).contains("primary@carebridge.example"), "every partner")
    }

    @Test func partners_seeOnlyTheirOwnAvailability_inPartnersWords() async throws {
        let fixture = try await base.setUp()
        let services = fixture.services
        let desk = try await staff(fixture, .firstLineAgent)
        guard
            case .created(let outage, _) = try await services.serviceLevels.recordOutage(
                OutageDraft(
                    component: "sign-in", startedAt: "2026-12-01T08:00:00Z", endedAt: "2026-12-01T08:30:00Z",
                    impact: "down", partners: ["CAREBRIDGE"], publicSummary: "Sign-in failed for CareBridge users.",
                    internalNotes: "Bad deploy of the token service"), by: desk)
        else { throw ServiceError.notFound }
        await #expect(throws: ValidationFailure.self, "the patient-data guard applies") {
            _ = try await services.serviceLevels.recordOutage(
                OutageDraft(
                    component: "sign-in", startedAt: "2026-12-01T08:00:00Z", impact: "down",
                    publicSummary: "Patient 450 557 7104 cannot sign in"), by: desk)
        }
        let carebridge = fixture.partners["CAREBRIDGE"]!
        let theirs = try await services.serviceLevels.availability(month: "2026-12", partner: nil, as: carebridge)
        #expect(theirs.measure.downtimeSeconds == 30 * 60 && theirs.partner?.code.description == "CAREBRIDGE")
        #expect(theirs.outages.map(\.internalNotes) == [nil])
        let wellpath = fixture.partners["WELLPATH"]!
        let mine = try await services.serviceLevels.availability(month: "2026-12", partner: nil, as: wellpath)
        #expect(mine.measure.downtimeSeconds == 0 && mine.outages.isEmpty)
        await #expect(throws: ServiceError.notFound) {
            _ = try await services.serviceLevels.availability(month: "2026-12", partner: "CAREBRIDGE", as: wellpath)
        }
        await #expect(throws: ServiceError.notFound) {
            _ = try await services.serviceLevels.outage(outage.id, as: wellpath)
        }
        #expect(try await services.serviceLevels.outage(outage.id, as: carebridge).internalNotes == nil)
        for month in ["2026-13", "december", "2027-01"] {
            await #expect(throws: ValidationFailure.self, "\(month)") {
                _ = try await services.serviceLevels.availability(month: month, partner: nil, as: desk)
            }
        }
        let closed = try await services.serviceLevels.correctOutage(
            outage.id,
            OutageDraft(
                component: "sign-in", startedAt: "2026-12-01T08:00:00Z", endedAt: "2026-12-01T08:20:00Z",
                impact: "down", partners: ["CAREBRIDGE"], publicSummary: "Sign-in failed for CareBridge users."),
            expectedVersion: 1, by: desk)
        #expect(closed.version == 2 && closed.internalNotes == nil)
        await #expect(throws: ServiceError.versionMismatch(currentVersion: 2)) {
            _ = try await services.serviceLevels.closeOutage(outage.id, at: nil, expectedVersion: 1, by: desk)
        }
    }

    @Test func maintenance_isAnnouncedOnce_andExcusedInsideItsWindow() async throws {
        let fixture = try await base.setUp()
        let services = fixture.services
        let manager = try await staff(fixture, .serviceManager)
        guard
            case .created(let planned, _) = try await services.serviceLevels.planMaintenance(
                MaintenanceDraft(
                    components: ["sign-in"], startsAt: "2026-12-03T19:00:00Z", endsAt: "2026-12-03T20:00:00Z",
                    partners: ["WELLPATH"], summary: "Sign-in may pause for a minute."), by: manager)
        else { throw ServiceError.notFound }
        // Tuesday 09:00 is more than 20 business hours before Thursday 19:00: in time.
        #expect(!planned.announcement.isFlagged)
        let unannounced = try await services.serviceLevels.availability(
            month: "2026-12", partner: nil, as: fixture.partners["WELLPATH"]!)
        #expect(unannounced.maintenance.isEmpty, "partners see maintenance once it is announced")
        let staffView = try await services.serviceLevels.availability(month: "2026-12", partner: nil, as: manager)
        #expect(staffView.maintenance.count == 1)
        let announced = try await services.serviceLevels.announceMaintenance(
            planned.window.id, expectedVersion: 1, by: manager)
        #expect(announced.announcement == .inTime(base.clock.now()))
        await #expect(throws: ValidationFailure.self) {
            _ = try await services.serviceLevels.announceMaintenance(planned.window.id, expectedVersion: 2, by: manager)
        }
        let mails = try await base.mails(fixture)
        #expect(Set(mails.flatMap(\.to).map(\.value)) == ["primary@wellpath.example", "admin@wellpath.example"])
        #expect(mails.first?.subject.hasPrefix("MNT-000001: planned maintenance on Sign-in") == true)
        let levels = services.serviceLevels
        let carebridge = try await levels.availability(
            month: "2026-12", partner: nil, as: fixture.partners["CAREBRIDGE"]!)
        #expect(carebridge.maintenance.isEmpty, "it does not affect CareBridge")
        let wellpath = try await levels.availability(month: "2026-12", partner: nil, as: fixture.partners["WELLPATH"]!)
        #expect(wellpath.maintenance.map(\.window.reference) == ["MNT-000001"])
    }

    @Test func serviceManagers_areWarnedOnce_asTheAllowanceGoes() async throws {
        let fixture = try await base.setUp()
        let services = fixture.services
        let manager = try await staff(fixture, .serviceManager)
        _ = try await services.serviceLevels.recordOutage(
            OutageDraft(
                component: "sign-in", startedAt: "2026-12-01T08:00:00Z", endedAt: "2026-12-01T08:35:00Z",
                impact: "down",
                publicSummary: "Sign-in failed."), by: manager)
        let now = base.clock.now()
        #expect(
            try await services.serviceLevels.warnOfAllowance(now: now) == 3,
            "50 %, and the six-hour and three-day burn rates")
        #expect(try await services.serviceLevels.warnOfAllowance(now: now) == 0, "once")
        let warnings = try await base.mails(fixture).filter {
            $0.to == [EmailAddress("service_manager@partnerdesk.example")!]
        }
        #expect(warnings.map(\.subject).contains("50 % of the downtime allowance for 2026-12 is used"))
    }

    @Test func partnersHear_onlyOfTheComponentsTheyChose() async throws {
        let fixture = try await base.setUp()
        let services = fixture.services
        let levels = services.serviceLevels
        let desk = try await staff(fixture, .firstLineAgent)
        let wellpath = fixture.partners["WELLPATH"]!
        await #expect(throws: ServiceError.notFound, "another partner's choice is not the caller's to make") {
            _ = try await levels.chooseComponents(["sign-in"], partnerCode: "CAREBRIDGE", by: wellpath)
        }
        await #expect(throws: ServiceError.forbidden) {
            _ = try await levels.chooseComponents(["sign-in"], partnerCode: "WELLPATH", by: desk)
        }
        await #expect(throws: ValidationFailure.self) {
            _ = try await levels.chooseComponents(["payments"], partnerCode: "WELLPATH", by: wellpath)
        }
        let chosen = try await levels.chooseComponents(
            ["account-settings"], partnerCode: "WELLPATH", by: wellpath)
        #expect(chosen.chosen.map(\.code) == ["account-settings"] && !chosen.isEveryComponent)
        #expect(try await levels.componentChoices(as: wellpath).map(\.partner.code.value) == ["WELLPATH"])
        let everyone = try await levels.componentChoices(as: desk)
        #expect(everyone.first { $0.partner.code.value == "CAREBRIDGE" }?.isEveryComponent == true)

        _ = try await levels.recordOutage(
            OutageDraft(
                component: "sign-in", startedAt: "2026-12-01T08:00:00Z", impact: "down",
                publicSummary: "Sign-in is failing."), by: desk)
        guard
            case .created(let planned, _) = try await levels.planMaintenance(
                MaintenanceDraft(
                    components: ["sign-in", "account-settings"], startsAt: "2026-12-10T19:00:00Z",
                    endsAt: "2026-12-10T20:00:00Z", summary: "Both may pause."), by: desk)
        else { throw ServiceError.notFound }
        _ = try await levels.announceMaintenance(planned.window.id, expectedVersion: 1, by: desk)
        let mails = try await base.mails(fixture)
        let outage = Set(mails.filter { $0.subject.hasPrefix("OUT-000001") }.flatMap(\.to).map(\.value))
        #expect(outage.contains("primary@carebridge.example") && !outage.contains("primary@wellpath.example"))
        let maintenance = Set(mails.filter { $0.subject.hasPrefix("MNT-000001") }.flatMap(\.to).map(\.value))
        #expect(maintenance.isSuperset(of: ["primary@carebridge.example", "primary@wellpath.example"]))

        _ = try await levels.chooseComponents([], partnerCode: "WELLPATH", by: wellpath)
        #expect(try await levels.componentChoices(as: wellpath).first?.isEveryComponent == true)
        var query = AuditQuery()
        query.action = "component.choose"
        #expect(try await services.audit.list(query).count == 2)
    }
}
