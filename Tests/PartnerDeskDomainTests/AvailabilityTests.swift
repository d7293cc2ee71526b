import Foundation
import PartnerDeskDomain
import Testing

/// Availability in business support hours: what counts as downtime, around month ends, clock changes, bank
/// holidays and maintenance windows, and the warnings as the allowance goes.
@Suite struct AvailabilityTests {
    static let calendar = Calendars.englandAndWales
    static let wellpath = Partner.ID(UUID())
    static let carebridge = Partner.ID(UUID())
    static func at(_ text: String) -> Date { ISO8601Instant.date(from: text)! }

    static func outage(
        _ start: String, _ end: String?, impact: OutageImpact = .down, component: String = "sign-in",
        partners: [Partner.ID] = [], maintenance: MaintenanceWindow.ID? = nil
    ) -> Outage {
        var outage = Outage(
            id: .init(UUID()), number: 1, component: component, startedAt: at(start), impact: impact,
            maintenanceID: maintenance, affectedPartners: partners, publicSummary: "Sign-in fails",
            createdAt: at(start))
        outage.endedAt = end.map(at)
        return outage
    }

    static func measure(
        _ month: String, _ outages: [Outage], maintenance: [MaintenanceWindow] = [], partner: Partner.ID? = nil,
        now: String = "2027-06-01T00:00:00Z"
    ) -> AvailabilityMeasure {
        Availability.measure(
            month: ReportingMonth(month)!, tier: .silver, calendar: calendar, outages: outages,
            maintenance: maintenance, partner: partner, now: at(now))
    }

    @Test func aMonth_isReadOnlyAsYearAndMonth() {
        #expect(ReportingMonth("2026-12")?.description == "2026-12")
        for bad in ["2026-1", "2026-13", "2026-00", "26-12", "2026/12", "2026-12-01", "", "２０２６-12", "+026-12"] {
            #expect(ReportingMonth(bad) == nil, "\(bad)")
        }
        #expect(ReportingMonth("2026-12")!.next == ReportingMonth("2027-01")!)
        #expect(ReportingMonth("2027-01")!.previous == ReportingMonth("2026-12")!)
        #expect(ReportingMonth(containing: LocalDate("2026-02-28")!).lastDay == LocalDate("2026-02-28")!)
    }

    @Test func aMonth_beginsAtLocalMidnight_onEitherSideOfTheClockChange() {
        #expect(Self.calendar.interval(of: ReportingMonth("2026-12")!).start == Self.at("2026-12-01T00:00:00Z"))
        // 1 June is in British Summer Time: London's midnight is 23:00 UTC the day before.
        #expect(Self.calendar.interval(of: ReportingMonth("2026-06")!).start == Self.at("2026-05-31T23:00:00Z"))
    }

    @Test func christmas_countsOnlyTheBusinessHoursAroundTheBankHolidays() {
        // 21 working days of ten hours: 25 and 28 December are bank holidays.
        let measure = Self.measure(
            "2026-12", [Self.outage("2026-12-24T17:30:00Z", "2026-12-29T09:00:00Z")])
        #expect(measure.monthBusinessSeconds == 21 * 36_000)
        #expect(measure.downtimeSeconds == 90 * 60, "30 minutes on Christmas Eve and the first hour on the 29th")
        #expect(measure.allowanceSeconds == 58 * 60 && measure.budgetLeftSeconds == -32 * 60)
        #expect(abs(measure.percent - 100 * (756_000 - 5_400) / 756_000) < 1e-9)
        #expect(!measure.meetsTarget)
    }

    @Test func theClockGoingBack_movesTheBusinessDay_butNotTheCount() {
        // Friday 23 October is in summer time (closing 17:00 UTC); Monday 26th is back on GMT (opening 08:00 UTC).
        let measure = Self.measure("2026-10", [Self.outage("2026-10-23T16:30:00Z", "2026-10-26T08:30:00Z")])
        #expect(measure.downtimeSeconds == 3_600)
        #expect(measure.monthBusinessSeconds == 22 * 36_000)
        #expect(measure.meetsTarget)
    }

    @Test func anOutageOverAMonthEnd_countsInEachMonthItsOwnPart() {
        let outages = [Self.outage("2026-10-30T17:00:00Z", "2026-11-02T09:00:00Z")]
        #expect(Self.measure("2026-10", outages).downtimeSeconds == 3_600)
        #expect(Self.measure("2026-11", outages).downtimeSeconds == 3_600)
        #expect(Self.measure("2026-12", outages).downtimeSeconds == 0)
    }

    @Test func overlappingOutages_countOnce_degradedTimeIsShownNotCounted() {
        let measure = Self.measure(
            "2026-12",
            [
                Self.outage("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z"),
                Self.outage("2026-12-01T10:15:00Z", "2026-12-01T10:45:00Z", component: "identity"),
                Self.outage("2026-12-02T10:00:00Z", "2026-12-02T12:00:00Z", impact: .degraded),
            ])
        #expect(measure.downtimeSeconds == 45 * 60 && measure.degradedSeconds == 2 * 3_600)
    }

    @Test func aPartner_countsOnlyTheOutagesThatAffectedIt() {
        let outages = [
            Self.outage("2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z", partners: [Self.carebridge]),
            Self.outage("2026-12-03T10:00:00Z", "2026-12-03T10:10:00Z"),
        ]
        #expect(Self.measure("2026-12", outages, partner: Self.wellpath).downtimeSeconds == 10 * 60)
        #expect(Self.measure("2026-12", outages, partner: Self.carebridge).downtimeSeconds == 40 * 60)
        #expect(Self.measure("2026-12", outages).downtimeSeconds == 40 * 60)
    }

    @Test func announcedMaintenance_isExcused_butItsOverrunAndUnannouncedWorkCount() {
        var window = MaintenanceWindow(
            id: .init(UUID()), number: 1, components: ["sign-in"], startsAt: Self.at("2026-12-01T10:00:00Z"),
            endsAt: Self.at("2026-12-01T11:00:00Z"), affectedPartners: [], summary: "Database upgrade",
            createdAt: Self.at("2026-11-20T09:00:00Z"))
        let work = [Self.outage("2026-12-01T10:00:00Z", "2026-12-01T11:20:00Z", maintenance: window.id)]
        #expect(Self.measure("2026-12", work, maintenance: [window]).downtimeSeconds == 80 * 60, "never announced")
        window.announcedAt = Self.at("2026-12-01T10:05:00Z")
        #expect(Self.measure("2026-12", work, maintenance: [window]).downtimeSeconds == 80 * 60, "told too late")
        window.announcedAt = Self.at("2026-11-25T09:00:00Z")
        let measure = Self.measure("2026-12", work, maintenance: [window])
        #expect(measure.downtimeSeconds == 20 * 60 && measure.excusedMaintenanceSeconds == 60 * 60)
    }

    @Test func aMaintenanceAnnouncement_isLateOnceTheLeadTimeHasBegun() {
        var window = MaintenanceWindow(
            id: .init(UUID()), number: 1, components: ["sign-in"], startsAt: Self.at("2026-12-07T10:00:00Z"),
            endsAt: Self.at("2026-12-07T11:00:00Z"), affectedPartners: [], summary: "Upgrade",
            createdAt: Self.at("2026-11-20T09:00:00Z"))
        // 20 business hours before Monday 10:00 is Thursday 10:00 (2 hours on Monday, 10 on Friday, 8 on Thursday).
        let due = Self.at("2026-12-03T10:00:00Z")
        #expect(
            window.announcement(at: Self.at("2026-12-01T09:00:00Z"), leadTime: .standard, on: Self.calendar)
                == .due(by: due))
        #expect(window.announcement(at: due, leadTime: .standard, on: Self.calendar) == .overdue(dueBy: due))
        window.announcedAt = Self.at("2026-12-04T09:00:00Z")
        #expect(window.announcement(at: due, leadTime: .standard, on: Self.calendar).isFlagged)
        window.announcedAt = due
        #expect(window.announcement(at: due, leadTime: .standard, on: Self.calendar) == .inTime(due))
    }

    @Test func aRunningMonth_isMeasuredUpToNow_withAnOngoingOutageCountedSoFar() {
        let measure = Self.measure(
            "2026-12", [Self.outage("2026-12-07T09:00:00Z", nil)], now: "2026-12-07T09:30:00Z")
        #expect(measure.measuredBusinessSeconds == 4 * 36_000 + 90 * 60)
        #expect(measure.downtimeSeconds == 30 * 60)
    }

    @Test func theAllowance_warnsAtItsThresholds_andSoonerWhenBurningFast() {
        let now = Self.at("2026-12-07T10:00:00Z")
        func alerts(_ outages: [Outage]) -> [String] {
            let measure = Availability.measure(
                month: ReportingMonth("2026-12")!, tier: .silver, calendar: Self.calendar, outages: outages,
                maintenance: [], partner: nil, now: now)
            let downtime = Availability.downtime(outages: outages, maintenance: [], partner: nil, now: now)
            return DowntimeBudgetAlert.alerts(for: measure, downtime: downtime, calendar: Self.calendar, now: now)
                .map(\.key)
        }
        // Two minutes down and still down: 2 % of the allowance (70 s) went within the hour, and the last five
        // minutes confirm it.
        #expect(alerts([Self.outage("2026-12-07T09:58:00Z", nil)]) == ["2026-12 burn-fast"])
        // The same two minutes, over ten minutes ago: the short window no longer burns.
        #expect(alerts([Self.outage("2026-12-07T09:48:00Z", "2026-12-07T09:50:00Z")]).isEmpty)
        // Half an hour down: over half the allowance, and every window burns.
        #expect(
            alerts([Self.outage("2026-12-07T09:30:00Z", nil)]) == [
                "2026-12 used-50", "2026-12 burn-fast", "2026-12 burn-medium", "2026-12 burn-slow",
            ])
        // An hour down last week: the allowance is gone, and nothing burns now.
        #expect(
            alerts([Self.outage("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z")]) == [
                "2026-12 used-50", "2026-12 used-75", "2026-12 used-100",
            ])
    }

    @Test func businessTime_countsBackOverAWeekend() {
        #expect(
            Self.calendar.start(ofBusinessSeconds: 2 * 3_600, endingAt: Self.at("2026-12-07T09:00:00Z"))
                == Self.at("2026-12-04T17:00:00Z"))
        #expect(
            Self.calendar.start(ofBusinessSeconds: 0, endingAt: Self.at("2026-12-05T12:00:00Z"))
                == Self.at("2026-12-05T12:00:00Z"))
    }
}
