import Foundation
import PartnerDeskTestSupport
import Testing

@testable import PartnerDeskDomain

@Suite struct SLAExplanationTests {
    @Test func explanation_showsCountedPausedAndClosedTime() throws {
        let clock = try SLAClock(events: [
            .started(at: At.utc("2026-11-20T16:00:00Z"), targetSeconds: 72_000),
            .paused(at: At.utc("2026-11-23T09:00:00Z"), reason: "awaiting partner"),
            .resumed(at: At.utc("2026-11-23T10:00:00Z")),
        ])
        let now = At.utc("2026-11-23T12:00:00Z")
        let segments = clock.explanation(at: now, calendar: Calendars.englandAndWales)
        let summary = segments.map { "\($0.kind.rawValue) \(ISO8601Instant.string(from: $0.start)) \($0.seconds)" }
        #expect(
            summary == [
                "counted 2026-11-20T16:00:00Z 7200", "outsideHours 2026-11-20T18:00:00Z 223200",
                "counted 2026-11-23T08:00:00Z 3600", "paused 2026-11-23T09:00:00Z 3600",
                "counted 2026-11-23T10:00:00Z 7200",
            ])
        let counted = segments.filter { $0.kind == .counted }.map(\.seconds).reduce(0, +)
        #expect(counted == clock.status(at: now, calendar: Calendars.englandAndWales).elapsedSeconds)
    }

    @Test func explanation_namesHolidaysAndClosures_andStopsAtTheStop() throws {
        let calendar = CustomCalendarTests.withClosures
        let clock = try SLAClock(events: [
            .started(at: At.utc("2026-12-24T10:00:00Z"), targetSeconds: 14_400),
            .paused(at: At.utc("2026-12-28T10:00:00Z"), reason: nil),
            .stopped(at: At.utc("2026-12-29T09:00:00Z")),
        ])
        let segments = clock.explanation(at: At.utc("2027-01-10T00:00:00Z"), calendar: calendar)
        #expect(
            segments.map(\.kind) == [.counted, .closure, .outsideHours, .holiday, .outsideHours, .holiday, .paused])
        #expect(segments.first?.start == At.utc("2026-12-24T10:00:00Z"))
        #expect(segments.last?.end == At.utc("2026-12-29T09:00:00Z"))
        #expect(clock.status(at: At.utc("2027-01-10T00:00:00Z"), calendar: calendar).state == .met)
    }

    @Test func explanation_ofRandomLedgers_coversTheSpan_andCountedSumsToElapsed() throws {
        var random = SeededRandom(seed: 1234)
        let low = At.seconds(At.utc("2015-01-01T00:00:00Z"))
        let high = At.seconds(At.utc("2034-06-01T00:00:00Z"))
        for _ in 0..<60 {
            var instant = Int.random(in: low..<high, using: &random)
            var clock = SLAClock()
            try clock.start(
                at: EpochSeconds.date(instant), targetSeconds: Int.random(in: 3600...720_000, using: &random))
            for step in 0..<Int.random(in: 0...8, using: &random) {
                instant += Int.random(in: 0...(3 * 86_400), using: &random)
                let date = EpochSeconds.date(instant)
                if step.isMultiple(of: 3) {
                    try clock.changeTarget(at: date, to: Int.random(in: 3600...720_000, using: &random))
                }
                if clock.phase == .running { try clock.pause(at: date) } else { try clock.resume(at: date) }
            }
            if Bool.random(using: &random) { try clock.stop(at: EpochSeconds.date(instant + 7200)) }
            let now = EpochSeconds.date(instant + Int.random(in: 0...(10 * 86_400), using: &random))
            let segments = clock.explanation(at: now, calendar: Calendars.englandAndWales)
            let status = clock.status(at: now, calendar: Calendars.englandAndWales)
            #expect(segments.filter { $0.kind == .counted }.map(\.seconds).reduce(0, +) == status.elapsedSeconds)
            #expect(segments.first?.start == clock.events.first?.at)
            #expect(zip(segments, segments.dropFirst()).allSatisfy { $0.end == $1.start && $0.kind != $1.kind })
            #expect(segments.allSatisfy { $0.seconds > 0 })
            if let due = status.due, status.state == .running || status.state == .breached {
                #expect((status.state == .breached) == (due < now))
            }
        }
    }

    @Test func theStory_interleavesWhatTheDeskDid_withEachStretch_andNamesTheHolidays() throws {
        let calendar = CustomCalendarTests.withClosures
        let clock = try SLAClock(events: [
            .started(at: At.utc("2026-12-23T16:00:00Z"), targetSeconds: 14_400),
            .targetChanged(at: At.utc("2026-12-23T17:00:00Z"), targetSeconds: 28_800, reason: "re-graded to 2"),
            .paused(at: At.utc("2026-12-29T09:00:00Z"), reason: "awaiting information from partner"),
            .resumed(at: At.utc("2026-12-29T09:30:00Z")),
        ])
        let now = At.utc("2026-12-29T10:00:00Z")
        let story = clock.story(at: now, calendar: calendar)
        let text = story.lines.map { line in
            switch line {
            case .event(let event):
                "\(event.kind.rawValue) \(ISO8601Instant.string(from: event.at)) \(event.previousTargetSeconds ?? 0)"
                    + " \(event.targetSeconds ?? 0) \(event.reason ?? "")"
            case .stretch(let stretch):
                "\(stretch.kind.rawValue) \(stretch.countedSeconds) \(stretch.totalSeconds) "
                    + stretch.names.joined(separator: ", ")
            }
        }
        #expect(text.first == "started 2026-12-23T16:00:00Z 0 14400 ")
        #expect(text[1] == "counted 3600 3600 ", "cut where the target changed")
        #expect(text[2] == "targetChanged 2026-12-23T17:00:00Z 14400 28800 re-graded to 2")
        #expect(text[3] == "counted 3600 7200 ")
        #expect(text.contains { $0.hasPrefix("holiday 0 ") && $0.contains("Christmas Day") })
        #expect(text.contains { $0.hasPrefix("closure 0 ") && $0.contains("Christmas Eve") })
        let pause = try #require(text.firstIndex { $0.hasPrefix("paused 2026-12-29T09:00:00Z") })
        #expect(text[pause + 1] == "paused 0 25200 " && text[pause + 2].hasPrefix("resumed 2026-12-29T09:30:00Z"))
        #expect(text.last == "counted 1800 27000 ")
        #expect(story.countedSeconds == story.status.elapsedSeconds && story.countedSeconds == 27_000)
    }
}
