import Foundation
import Testing

@testable import PartnerDeskDomain

@Suite struct SLAReplayTests {
    static let tuesdayClosed = try! BusinessCalendar(
        spec: BusinessCalendarSpec(closures: [.wholeDay(LocalDate("2026-11-24")!, reason: "Power cut")]),
        tableYears: 2026...2026)
    static let clock = try! SLAClock(events: [.started(at: At.utc("2026-11-23T09:00:00Z"), targetSeconds: 72_000)])

    @Test func replay_withAnAddedClosureDay_movesTheDue() {
        let replay = Self.clock.replay(
            at: At.utc("2026-11-23T12:00:00Z"), from: Calendars.englandAndWales, to: Self.tuesdayClosed)
        #expect(replay.changes == [.due(from: At.utc("2026-11-25T09:00:00Z"), to: At.utc("2026-11-26T09:00:00Z"))])
        #expect(replay.before.state == .running && replay.after.state == .running)
    }

    @Test func replay_whenTheClosureIsInThePast_reportsElapsedStateAndWarnings() {
        let replay = Self.clock.replay(
            at: At.utc("2026-11-25T10:00:00Z"), from: Calendars.englandAndWales, to: Self.tuesdayClosed)
        #expect(
            replay.changes == [
                .elapsed(from: 75_600, to: 39_600),
                .due(from: At.utc("2026-11-25T09:00:00Z"), to: At.utc("2026-11-26T09:00:00Z")),
                .state(from: .breached, to: .running),
                .warningUncrossed(threshold: 0.75),
            ])
    }

    @Test func replay_withTheSameCalendar_changesNothing() {
        let replay = Self.clock.replay(
            at: At.utc("2026-11-25T10:00:00Z"), from: Calendars.englandAndWales, to: BusinessCalendar.ukOfficeHours)
        #expect(replay.changes.isEmpty)
        #expect(replay.before == replay.after)
    }

    @Test func replay_withNewTargets_recomputesTheDueFromTheNewTarget() {
        let gold: (Int) -> Int = { $0 == 72_000 ? 28_800 : $0 }
        let replay = Self.clock.replay(
            at: At.utc("2026-11-23T12:00:00Z"), from: Calendars.englandAndWales, to: Calendars.englandAndWales,
            retarget: gold)
        #expect(
            replay.changes == [
                .target(from: 72_000, to: 28_800),
                .due(from: At.utc("2026-11-25T09:00:00Z"), to: At.utc("2026-11-23T17:00:00Z")),
            ])
        #expect(replay.after.elapsedSeconds == 10_800 && replay.after.shareUsed == 0.375)
    }

    @Test func replay_newCrossedWarning_isReported() {
        let replay = Self.clock.replay(
            at: At.utc("2026-11-25T10:00:00Z"), from: Self.tuesdayClosed, to: Calendars.englandAndWales)
        #expect(replay.changes.contains(.warningCrossed(threshold: 0.75)))
        #expect(replay.changes.contains(.state(from: .running, to: .breached)))
    }
}
