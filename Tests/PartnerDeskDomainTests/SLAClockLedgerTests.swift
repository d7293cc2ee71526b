import Foundation
import Testing

@testable import PartnerDeskDomain

@Suite struct SLAClockLedgerTests {
    static let t0 = At.utc("2026-11-23T09:00:00Z")

    static func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let name: String
        let events: [SLAEvent]
        let rejected: SLAEvent
        let error: SLAClockError
        var testDescription: String { name }
    }

    static let invalidCases: [InvalidCase] = [
        InvalidCase(
            name: "pause before start", events: [], rejected: .paused(at: at(0), reason: nil),
            error: .notStarted(event: "paused")),
        InvalidCase(
            name: "stop before start", events: [], rejected: .stopped(at: at(0)), error: .notStarted(event: "stopped")),
        InvalidCase(
            name: "start twice", events: [.started(at: at(0), targetSeconds: 60)],
            rejected: .started(at: at(1), targetSeconds: 60), error: .alreadyStarted),
        InvalidCase(
            name: "pause while paused",
            events: [.started(at: at(0), targetSeconds: 60), .paused(at: at(1), reason: "partner")],
            rejected: .paused(at: at(2), reason: nil), error: .alreadyPaused),
        InvalidCase(
            name: "resume while running", events: [.started(at: at(0), targetSeconds: 60)],
            rejected: .resumed(at: at(1)), error: .notPaused),
        InvalidCase(
            name: "pause after stop", events: [.started(at: at(0), targetSeconds: 60), .stopped(at: at(5))],
            rejected: .paused(at: at(6), reason: nil), error: .alreadyStopped(event: "paused")),
        InvalidCase(
            name: "target change after stop", events: [.started(at: at(0), targetSeconds: 60), .stopped(at: at(5))],
            rejected: .targetChanged(at: at(6), targetSeconds: 30, reason: nil),
            error: .alreadyStopped(event: "targetChanged")),
        InvalidCase(
            name: "event out of time order",
            events: [.started(at: at(0), targetSeconds: 60), .paused(at: at(10), reason: nil)],
            rejected: .resumed(at: at(9)), error: .outOfOrder(event: "resumed", at: at(9), previous: at(10))),
        InvalidCase(
            name: "zero target", events: [], rejected: .started(at: at(0), targetSeconds: 0), error: .invalidTarget(0)),
        InvalidCase(
            name: "negative new target", events: [.started(at: at(0), targetSeconds: 60)],
            rejected: .targetChanged(at: at(1), targetSeconds: -5, reason: "severity"), error: .invalidTarget(-5)),
    ]

    @Test(arguments: invalidCases)
    func record_refusesInvalidSequences_andLeavesTheLedgerUnchanged(item: InvalidCase) throws {
        var clock = try SLAClock(events: item.events)
        #expect(throws: item.error) { try clock.record(item.rejected) }
        #expect(clock.events == item.events)
        #expect(throws: item.error) { try SLAClock(events: item.events + [item.rejected]) }
    }

    @Test func record_acceptsAFullValidLedger() throws {
        var clock = SLAClock()
        #expect(clock.phase == .notStarted)
        try clock.start(at: Self.at(0), targetSeconds: 14_400)
        try clock.pause(at: Self.at(30), reason: "awaiting partner")
        #expect(clock.phase == .paused)
        try clock.changeTarget(at: Self.at(40), to: 28_800, reason: "severity 1 → 2")
        try clock.resume(at: Self.at(40))
        try clock.pause(at: Self.at(40))
        try clock.stop(at: Self.at(50))
        #expect(clock.phase == .stopped)
        #expect(clock.events.count == 6)
    }

    @Test func resumeAfterStop_reopens_andCountingCarriesOnFromTheStop() throws {
        var clock = SLAClock()
        try clock.start(at: Self.at(0), targetSeconds: 14_400)
        try clock.stop(at: Self.at(60))
        let stopped = clock.status(at: Self.at(120), calendar: .ukOfficeHours)
        #expect(stopped.state == .met)
        #expect(stopped.elapsedSeconds == 3_600)
        try clock.resume(at: Self.at(120))
        #expect(clock.phase == .running)
        let reopened = clock.status(at: Self.at(180), calendar: .ukOfficeHours)
        #expect(reopened.state == .running)
        #expect(reopened.elapsedSeconds == 7_200)
        #expect(reopened.due == Self.at(300))
    }

    @Test func codable_roundTripsAndChecksTheLedger() throws {
        var clock = SLAClock()
        try clock.start(at: Self.at(0), targetSeconds: 14_400)
        try clock.pause(at: Self.at(30), reason: "awaiting partner")
        let data = try JSONEncoder().encode(clock)
        #expect(try JSONDecoder().decode(SLAClock.self, from: data) == clock)
        var broken = clock.events
        broken.append(.paused(at: Self.at(31), reason: nil))
        let brokenData = try JSONEncoder().encode(broken)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SLAClock.self, from: brokenData) }
    }

    @Test func errors_explainThemselves() {
        #expect(SLAClockError.notPaused.description == "The clock is running, so it cannot be resumed.")
        #expect(
            SLAClockError.outOfOrder(event: "resumed", at: Self.at(9), previous: Self.at(10)).description
                == "The resumed event at 2026-11-23T09:09:00Z is earlier than the event before it (2026-11-23T09:10:00Z)."
        )
        #expect(SLAClockError.invalidTarget(0).description.contains("positive"))
    }
}
