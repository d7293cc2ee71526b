import Foundation
import PartnerDeskDomain
import Testing

/// The one list a background job reads. Every check is made one second before, at, and one second after a due
/// instant, because a job that restarts at any of those moments must find the deadline from stored times alone.
@Suite struct HSSIDeadlineTests {
    typealias F = HSSIFixture

    func kinds(_ deadlines: [HSSIDeadline]) -> [HSSIDeadline.Kind] { deadlines.map(\.kind) }

    /// The notification deadline is listed at each of the three instants, and overdue only after it.
    func expectListedAround(
        _ due: Date, kind: HSSIDeadline.Kind, in hssi: HigherSeverityIncident, hours: BusinessCalendar,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (offset, overdue) in [(-1.0, false), (0, false), (1, true)] {
            let listed = hssi.pendingDeadlines(hours: hours, now: due.addingTimeInterval(offset)).filter {
                $0.kind == kind
            }
            #expect(listed.map(\.due) == [due], sourceLocation: sourceLocation)
            #expect(listed.map(\.isOverdue) == [overdue], sourceLocation: sourceLocation)
        }
    }

    @Test func aNewHSSI_hasOnlyThePartnersNotificationDeadline() {
        let hssi = F.declared(occurredAt: At.utc("2026-11-10T10:00:00Z"))
        let deadlines = hssi.pendingDeadlines(hours: F.alwaysOpen, now: At.utc("2026-11-10T10:05:00Z"))
        #expect(kinds(deadlines) == [.partnerNotification])
        #expect(deadlines.first?.partnerID == F.primaryID)
        #expect(deadlines.first?.due == At.utc("2026-11-10T10:30:00Z"))
        #expect(
            HSSIDeadline.Kind.allCases.map(\.label) == [
                "Partner notification", "Joining the Multi-Party Intervention", "Next status update",
            ])
    }

    @Test(arguments: [
        // Round the clock, across each clock change: 30 wall-clock minutes.
        ("always", "2026-03-29T00:50:00Z", "2026-03-29T01:20:00Z"),
        ("always", "2026-10-25T00:45:00Z", "2026-10-25T01:15:00Z"),
        // Office hours, across each clock change over the weekend.
        ("office", "2026-03-27T16:50:00Z", "2026-03-30T08:20:00Z"),
        ("office", "2026-10-23T15:45:00Z", "2026-10-26T09:15:00Z"),
    ])
    func theNotificationDeadline_isFoundEitherSideOfItsDueInstant(hours: String, occurred: String, due: String) {
        let calendar = hours == "always" ? F.alwaysOpen : F.office
        let hssi = F.declared(occurredAt: At.utc(occurred))
        expectListedAround(At.utc(due), kind: .partnerNotification, in: hssi, hours: calendar)
    }

    @Test func theStatusUpdateCadence_isWallClock_acrossTheSpringChange() throws {
        // Prioritised at 00:32 GMT on 29 March; an hour later the London clock reads 02:32 BST.
        var hssi = F.declared(occurredAt: At.utc("2026-03-29T00:30:00Z"))
        try F.advance(&hssi, to: .prioritised, from: At.utc("2026-03-29T00:30:00Z"), spacing: 60)
        expectListedAround(At.utc("2026-03-29T01:32:00Z"), kind: .statusUpdate, in: hssi, hours: F.alwaysOpen)
    }

    @Test func theJoinDeadline_isWallClock_acrossTheAutumnChange() throws {
        // Convened at 01:50 BST on 25 October (00:50 UTC); 30 minutes later the clock reads 01:20 GMT.
        var hssi = F.declared(occurredAt: At.utc("2026-10-25T00:30:00Z"), twoPartners: true)
        try F.advance(&hssi, to: .notified, from: At.utc("2026-10-25T00:40:00Z"))
        let convened = At.utc("2026-10-25T00:50:00Z")
        try hssi.convene(
            at: convened, by: F.sam, joiningDetails: "Bridge line",
            partners: [F.partner(F.primaryID), F.partner(F.secondID)],
            rotas: [], now: convened)
        let due = At.utc("2026-10-25T01:20:00Z")
        for (offset, overdue) in [(-1.0, false), (0, false), (1, true)] {
            let joins = hssi.pendingDeadlines(hours: F.alwaysOpen, now: due.addingTimeInterval(offset)).filter {
                $0.kind == .interventionJoin
            }
            #expect(joins.map(\.partnerID) == [F.primaryID, F.secondID])
            #expect(joins.map(\.due) == [due, due])
            #expect(joins.allSatisfy { $0.isOverdue == overdue })
        }
    }

    @Test func aBusyHSSI_listsEveryPendingDeadline_earliestFirst_andDropsEachAsItIsMet() throws {
        let start = At.utc("2026-11-10T10:00:00Z")
        var hssi = F.declared(occurredAt: start, twoPartners: true)
        try hssi.record(.identify, at: start, by: F.dana, now: start)
        let convened = At.utc("2026-11-10T10:40:00Z")
        // Not yet notified: the notification (10:30) is already overdue.
        #expect(kinds(hssi.pendingDeadlines(hours: F.alwaysOpen, now: convened)) == [.partnerNotification])
        #expect(hssi.pendingDeadlines(hours: F.alwaysOpen, now: convened).first?.isOverdue == true)
        try hssi.record(
            .notifyPlatform, at: At.utc("2026-11-10T10:35:00Z"), by: F.dana, now: At.utc("2026-11-10T10:35:00Z"))
        try hssi.record(
            .prioritise(party: .platform, severityLevel: 1, category: .potentialDataBreach),
            at: At.utc("2026-11-10T10:36:00Z"),
            by: F.sam, now: At.utc("2026-11-10T10:36:00Z"))
        try hssi.convene(
            at: convened, by: F.sam, joiningDetails: "Bridge line",
            partners: [F.partner(F.primaryID), F.partner(F.secondID)],
            rotas: [], now: convened)
        let now = At.utc("2026-11-10T10:45:00Z")
        let deadlines = hssi.pendingDeadlines(hours: F.alwaysOpen, now: now)
        #expect(kinds(deadlines) == [.interventionJoin, .interventionJoin, .statusUpdate])
        #expect(
            deadlines.map(\.due) == [
                At.utc("2026-11-10T11:10:00Z"), At.utc("2026-11-10T11:10:00Z"), At.utc("2026-11-10T11:36:00Z"),
            ])
        #expect(deadlines.map(\.partnerID) == [F.primaryID, F.secondID, F.primaryID])
        #expect(deadlines.allSatisfy { !$0.isOverdue })
        try hssi.recordJoin(partnerID: F.secondID, at: now, by: F.dana, now: now)
        #expect(hssi.pendingDeadlines(hours: F.alwaysOpen, now: now).map(\.partnerID) == [F.primaryID, F.primaryID])
        // A status update promising the next one sooner moves it ahead of the join.
        try hssi.postStatusUpdate(
            HSSIStatusUpdateDraft(
                currentImpact: "Page disabled", usersAffected: "unknown", actionsTaken: "Rollback started",
                nextUpdateDue: "2026-11-10T11:00:00Z"), at: now, by: F.dana, now: now)
        #expect(kinds(hssi.pendingDeadlines(hours: F.alwaysOpen, now: now)) == [.statusUpdate, .interventionJoin])
        try F.advance(&hssi, to: .resolved, from: now)
        #expect(hssi.pendingDeadlines(hours: F.alwaysOpen, now: At.utc("2026-11-10T23:00:00Z")).isEmpty)
    }

    @Test func aRestartedJob_findsTheSameDeadlines_fromTheStoredRecord() throws {
        var hssi = F.declared(occurredAt: At.utc("2026-03-27T16:50:00Z"), now: At.utc("2026-03-27T16:52:00Z"))
        try hssi.record(.identify, at: At.utc("2026-03-27T16:52:00Z"), by: F.dana, now: At.utc("2026-03-27T16:52:00Z"))
        let stored = try JSONEncoder().encode(hssi)
        // The server went down on Friday evening and comes back one second before Monday's deadline.
        let restored = try JSONDecoder().decode(HigherSeverityIncident.self, from: stored)
        let due = At.utc("2026-03-30T08:20:00Z")
        #expect(
            restored.pendingDeadlines(hours: F.office, now: due.addingTimeInterval(-1))
                == hssi.pendingDeadlines(hours: F.office, now: due.addingTimeInterval(-1)))
        expectListedAround(due, kind: .partnerNotification, in: restored, hours: F.office)
    }
}
