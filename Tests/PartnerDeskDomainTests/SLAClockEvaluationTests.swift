import Foundation
import Testing

@testable import PartnerDeskDomain

/// The fold: elapsed, remaining, due, share and state, on the Silver calendar in the week of Monday 2026-11-23 (GMT).
@Suite struct SLAClockEvaluationTests {
    static func mon(_ time: String) -> Date { At.utc("2026-11-23T\(time)Z") }
    static func tue(_ time: String) -> Date { At.utc("2026-11-24T\(time)Z") }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let now: Date
        let events: [SLAEvent]
        let state: SLAState
        let elapsed: Int
        let due: Date?
        var projectedDue: Date? = nil
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "running", now: mon("11:00:00"), events: [.started(at: mon("09:00:00"), targetSeconds: 14_400)],
            state: .running, elapsed: 7200, due: mon("13:00:00")),
        Case(
            name: "paused then resumed", now: mon("15:00:00"),
            events: [
                .started(at: mon("09:00:00"), targetSeconds: 14_400), .paused(at: mon("10:00:00"), reason: "partner"),
                .resumed(at: mon("14:00:00")),
            ], state: .running, elapsed: 7200, due: mon("17:00:00")),
        Case(
            name: "paused now: due not fixed", now: mon("12:00:00"),
            events: [.started(at: mon("09:00:00"), targetSeconds: 14_400), .paused(at: mon("10:00:00"), reason: nil)],
            state: .paused, elapsed: 3600, due: nil, projectedDue: mon("15:00:00")),
        Case(
            name: "severity raised: shorter target keeps elapsed", now: mon("12:00:00"),
            events: [
                .started(at: mon("09:00:00"), targetSeconds: 28_800),
                .targetChanged(at: mon("11:00:00"), targetSeconds: 14_400, reason: "severity 2 → 1"),
            ], state: .running, elapsed: 10_800, due: mon("13:00:00")),
        Case(
            name: "severity raised past elapsed: breached at the earlier due", now: mon("12:00:00"),
            events: [
                .started(at: mon("09:00:00"), targetSeconds: 28_800),
                .targetChanged(at: mon("11:00:00"), targetSeconds: 7200, reason: nil),
            ], state: .breached, elapsed: 10_800, due: mon("11:00:00")),
        Case(
            name: "severity lowered: due moves later", now: mon("12:00:00"),
            events: [
                .started(at: mon("09:00:00"), targetSeconds: 14_400),
                .targetChanged(at: mon("10:00:00"), targetSeconds: 72_000, reason: "severity 1 → 3"),
            ], state: .running, elapsed: 10_800, due: At.utc("2026-11-25T09:00:00Z")),
        Case(
            name: "stopped before due: met, no counting after the stop", now: tue("12:00:00"),
            events: [.started(at: mon("09:00:00"), targetSeconds: 14_400), .stopped(at: mon("12:00:00"))],
            state: .met, elapsed: 10_800, due: mon("13:00:00")),
        Case(
            name: "stopped exactly at due: met", now: tue("12:00:00"),
            events: [.started(at: mon("09:00:00"), targetSeconds: 14_400), .stopped(at: mon("13:00:00"))],
            state: .met, elapsed: 14_400, due: mon("13:00:00")),
        Case(
            name: "stopped one second after due: breached", now: tue("12:00:00"),
            events: [.started(at: mon("09:00:00"), targetSeconds: 14_400), .stopped(at: mon("13:00:01"))],
            state: .breached, elapsed: 14_401, due: mon("13:00:00")),
        Case(
            name: "at exactly the due instant: not yet breached", now: mon("18:00:00"),
            events: [.started(at: mon("14:00:00"), targetSeconds: 14_400)], state: .running, elapsed: 14_400,
            due: mon("18:00:00")),
        Case(
            name: "after a closing-time due, with no business time since: breached", now: mon("19:00:00"),
            events: [.started(at: mon("14:00:00"), targetSeconds: 14_400)], state: .breached, elapsed: 14_400,
            due: mon("18:00:00")),
        Case(
            name: "stopped in the evening after a closing-time due: breached", now: tue("09:00:00"),
            events: [.started(at: mon("14:00:00"), targetSeconds: 14_400), .stopped(at: mon("19:00:00"))],
            state: .breached, elapsed: 14_400, due: mon("18:00:00")),
        Case(
            name: "ran past due, then paused: breached", now: mon("16:00:00"),
            events: [.started(at: mon("09:00:00"), targetSeconds: 14_400), .paused(at: mon("14:00:00"), reason: nil)],
            state: .breached, elapsed: 18_000, due: mon("13:00:00")),
        Case(
            name: "paused exactly at due: paused, not breached", now: mon("15:00:00"),
            events: [.started(at: mon("09:00:00"), targetSeconds: 14_400), .paused(at: mon("13:00:00"), reason: nil)],
            state: .paused, elapsed: 14_400, due: mon("13:00:00"), projectedDue: mon("13:00:00")),
        Case(
            name: "paused at due and resumed this instant: running", now: mon("16:00:00"),
            events: [
                .started(at: mon("09:00:00"), targetSeconds: 14_400), .paused(at: mon("13:00:00"), reason: nil),
                .resumed(at: mon("16:00:00")),
            ], state: .running, elapsed: 14_400, due: mon("13:00:00")),
        Case(
            name: "paused at due and resumed a second ago: breached", now: mon("16:00:01"),
            events: [
                .started(at: mon("09:00:00"), targetSeconds: 14_400), .paused(at: mon("13:00:00"), reason: nil),
                .resumed(at: mon("16:00:00")),
            ], state: .breached, elapsed: 14_401, due: mon("13:00:00")),
        Case(
            name: "stopped while paused before due: met", now: tue("10:00:00"),
            events: [
                .started(at: mon("09:00:00"), targetSeconds: 14_400), .paused(at: mon("10:00:00"), reason: nil),
                .stopped(at: mon("11:00:00")),
            ], state: .met, elapsed: 3600, due: nil),
        Case(
            name: "events after the instant are ignored", now: mon("10:30:00"),
            events: [.started(at: mon("09:00:00"), targetSeconds: 14_400), .stopped(at: mon("11:00:00"))],
            state: .running, elapsed: 5400, due: mon("13:00:00")),
        Case(
            name: "not started yet", now: mon("08:00:00"),
            events: [.started(at: mon("09:00:00"), targetSeconds: 14_400)],
            state: .notStarted, elapsed: 0, due: nil),
        Case(
            name: "started on Saturday: counts from Monday", now: mon("09:00:00"),
            events: [.started(at: At.utc("2026-11-21T11:00:00Z"), targetSeconds: 14_400)], state: .running,
            elapsed: 3600, due: mon("12:00:00")),
    ]

    @Test(arguments: cases)
    func status_followsTheLedger(item: Case) throws {
        let clock = try SLAClock(events: item.events)
        let status = clock.status(at: item.now, calendar: Calendars.englandAndWales)
        #expect(status.state == item.state)
        #expect(status.elapsedSeconds == item.elapsed)
        #expect(status.due == item.due)
        #expect(status.projectedDue == (item.projectedDue ?? item.due))
        #expect(status.remainingSeconds == status.targetSeconds - item.elapsed)
        #expect(status.overdueSeconds == max(0, item.elapsed - status.targetSeconds))
        #expect(
            status.isPaused
                == (clock.phase == .paused && item.state != .notStarted && item.now >= clock.events.last!.at))
    }

    @Test func shareAndWarnings_trackTheTargetUsed() throws {
        let clock = try SLAClock(events: [.started(at: Self.mon("09:00:00"), targetSeconds: 14_400)])
        let status = clock.status(at: Self.mon("12:30:00"), calendar: Calendars.englandAndWales)
        #expect(status.shareUsed == 0.875)
        #expect(status.crossedWarningThresholds == [0.5, 0.75])
        #expect(status.warnings.map(\.reachedAt) == [Self.mon("11:00:00"), Self.mon("12:00:00")])
        #expect(status.warnings.map(\.thresholdSeconds) == [7200, 10_800])
        let early = clock.status(
            at: Self.mon("10:00:00"), calendar: Calendars.englandAndWales, warningThresholds: [0.9])
        #expect(early.crossedWarningThresholds.isEmpty)
        #expect(early.warnings.first?.reachedAt == Self.mon("12:36:00"))
        #expect(early.shareUsed == 0.25)
    }

    @Test func warnings_whilePausedBeforeTheThreshold_haveNoInstant() throws {
        let clock = try SLAClock(events: [
            .started(at: Self.mon("09:00:00"), targetSeconds: 14_400), .paused(at: Self.mon("11:30:00"), reason: nil),
        ])
        let status = clock.status(at: Self.mon("15:00:00"), calendar: Calendars.englandAndWales)
        #expect(status.crossedWarningThresholds == [0.5])
        #expect(status.warnings.map(\.reachedAt) == [Self.mon("11:00:00"), nil])
        #expect(status.remainingSeconds == 5400)
    }

    @Test func stoppedWhileRunningBeforeDue_keepsTheDueItHad() throws {
        let clock = try SLAClock(events: [
            .started(at: Self.mon("16:00:00"), targetSeconds: 14_400), .stopped(at: Self.mon("19:00:00")),
        ])
        let status = clock.status(at: Self.tue("12:00:00"), calendar: Calendars.englandAndWales)
        #expect(status.state == .met)
        #expect(status.due == Self.tue("10:00:00"))
    }

    @Test func notStarted_hasNoTargetOrWarnings() {
        let status = SLAClock().status(at: Self.mon("09:00:00"), calendar: Calendars.englandAndWales)
        #expect(status.state == .notStarted && status.targetSeconds == 0 && status.shareUsed == 0)
        #expect(status.crossedWarningThresholds.isEmpty && status.warnings.count == 2)
    }
}
