import Foundation
import PartnerDeskDomain
import Testing

@Suite struct HSSIInterventionTests {
    typealias F = HSSIFixture
    static let start = At.utc("2026-11-10T10:00:00Z")
    /// When the Service Bridge convenes, and the join deadline 30 minutes later.
    static let convened = At.utc("2026-11-10T10:30:00Z")
    static let deadline = At.utc("2026-11-10T11:00:00Z")
    static let details = "Bridge line 0300 123 4567, PIN 8812"

    /// Two managers of the primary partner overlap at the convening instant; a third is off duty.
    static let primaryRota = HSSIManagerRota(
        partnerID: F.primaryID,
        entries: [
            try! HSSIRotaEntry(
                managerName: "Ola", email: "ola@example.org", startsAt: At.utc("2026-11-10T08:00:00Z"),
                endsAt: At.utc("2026-11-10T16:00:00Z")),
            try! HSSIRotaEntry(
                managerName: "Ben", email: "ben@example.org", phone: "0113 496 0001",
                startsAt: At.utc("2026-11-10T10:30:00Z"), endsAt: At.utc("2026-11-10T18:00:00Z")),
            try! HSSIRotaEntry(
                managerName: "Kit", email: "kit@example.org", startsAt: At.utc("2026-11-10T16:00:00Z"),
                endsAt: At.utc("2026-11-11T08:00:00Z")),
        ])

    static func notified() throws -> HigherSeverityIncident {
        var hssi = F.declared(occurredAt: start, twoPartners: true)
        try F.advance(&hssi, to: .notified, from: start)
        return hssi
    }

    static func convenedHSSI(second: Partner = F.partner(F.secondID)) throws -> HigherSeverityIncident {
        var hssi = try notified()
        try hssi.convene(
            at: convened, by: F.sam, joiningDetails: details, partners: [F.partner(F.primaryID), second],
            rotas: [primaryRota], now: convened)
        return hssi
    }

    @Test func convening_beforeThePlatformIsNotified_isRefused() {
        var hssi = F.declared(occurredAt: Self.start, twoPartners: true)
        let issues = F.issues {
            try hssi.convene(
                at: Self.convened, by: F.sam, joiningDetails: Self.details, partners: [], rotas: [], now: Self.convened)
        }
        #expect(issues.first?.code == "invalid_transition")
        #expect(issues.first?.message.contains("this HSSI is at ‘Occurred’") == true)
        #expect(hssi.intervention == nil)
    }

    @Test func convening_invitesEachAffectedPartner_fromTheRotaOrTheHSSIManagerContact() throws {
        let hssi = try Self.convenedHSSI()
        let intervention = try #require(hssi.intervention)
        #expect(intervention.convenedAt == Self.convened && intervention.convenedBy == F.sam)
        #expect(intervention.joiningDetails == Self.details)
        #expect(intervention.invitations.map(\.partnerID) == [F.primaryID, F.secondID])
        #expect(intervention.invitations.allSatisfy { $0.invitedAt == Self.convened })
        let primary = try #require(intervention.invitation(for: F.primaryID))
        #expect(primary.invitees.map(\.name) == ["Ola", "Ben"])
        #expect(primary.invitees.map(\.source) == [.rota, .rota])
        #expect(primary.invitees.last?.phone == "0113 496 0001")
        let second = try #require(intervention.invitation(for: F.secondID))
        #expect(second.invitees.map(\.name) == ["HSSI manager"])
        #expect(second.invitees.map(\.source) == [.hssiManagerContact])
        #expect(hssi.version == 4)
    }

    @Test func invitees_areNobody_whenTheRotaIsEmptyAndNoHSSIManagerIsNamed() {
        let partner = F.partner(F.secondID, roles: [.primary])
        let emptyRota = HSSIManagerRota(partnerID: F.secondID, entries: [])
        #expect(MultiPartyIntervention.invitees(for: partner, rota: emptyRota, at: Self.convened).isEmpty)
        #expect(MultiPartyIntervention.invitees(for: partner, rota: nil, at: Self.convened).isEmpty)
    }

    @Test func convening_refusesMissingPartners_patientData_aSecondTime_andAfterResolution() throws {
        var hssi = try Self.notified()
        let issues = F.issues {
            try hssi.convene(
                at: Self.convened, by: F.sam, joiningDetails: "Call about NHS number 401 023 2137",
                partners: [F.partner(F.primaryID)], rotas: [], now: Self.convened)
        }
        #expect(issues.map(\.field) == ["joiningDetails", "partners"])
        #expect(issues.map(\.code) == [PatientDataGuard.refusalCode, "missing_partner"])
        var convened = try Self.convenedHSSI()
        let again = F.issues {
            try convened.convene(
                at: Self.convened, by: F.sam, joiningDetails: Self.details,
                partners: [F.partner(F.primaryID), F.partner(F.secondID)], rotas: [], now: Self.convened)
        }
        #expect(again.map(\.code) == ["already_convened"])
        try F.advance(&hssi, to: .resolved, from: Self.convened)
        let resolved = F.issues {
            try hssi.convene(
                at: Self.deadline, by: F.sam, joiningDetails: Self.details,
                partners: [F.partner(F.primaryID), F.partner(F.secondID)], rotas: [], now: Self.deadline)
        }
        #expect(resolved.map(\.code) == ["invalid_transition"])
    }

    @Test func convening_mayNotPrecedeTheNotification() throws {
        var hssi = try Self.notified()
        let issues = F.issues {
            try hssi.convene(
                at: Self.start, by: F.sam, joiningDetails: Self.details,
                partners: [F.partner(F.primaryID), F.partner(F.secondID)], rotas: [], now: Self.convened)
        }
        #expect(issues.map(\.code) == ["before_earlier_event"])
    }

    @Test func joining_isMeasuredPerPartner_againstThirtyWallClockMinutes() throws {
        var hssi = try Self.convenedHSSI()
        try hssi.recordJoin(partnerID: F.primaryID, at: Self.deadline, by: F.dana, now: Self.deadline)
        let intervention = try #require(hssi.intervention)
        let primary = try #require(intervention.invitation(for: F.primaryID))
        let second = try #require(intervention.invitation(for: F.secondID))
        #expect(primary.joinDeadline == Self.deadline && primary.joinedBy == F.dana)
        #expect(primary.joinTimeliness(now: Self.deadline.addingTimeInterval(3600)) == .inTime)
        #expect(second.joinTimeliness(now: Self.deadline) == .pending)
        #expect(second.joinTimeliness(now: Self.deadline.addingTimeInterval(1)) == .overdue(bySeconds: 1))
        let kit = HSSIActor(name: "Kit", role: "Partner HSSI manager")
        try hssi.recordJoin(
            partnerID: F.secondID, at: Self.deadline.addingTimeInterval(90), by: kit,
            now: Self.deadline.addingTimeInterval(90))
        #expect(
            hssi.intervention?.invitation(for: F.secondID)?.joinTimeliness(now: Self.deadline) == .late(bySeconds: 90))
    }

    @Test func escalation_beginsOneSecondAfterTheDeadline_forPartnersNobodyJoinedFrom() throws {
        let limited = F.partner(F.secondID, roles: [.escalation, .hssiManager, .primary])
        var hssi = try Self.convenedHSSI(second: limited)
        let partners = [F.partner(F.primaryID), limited]
        #expect(hssi.interventionEscalations(partners: partners, now: Self.deadline).isEmpty)
        let due = hssi.interventionEscalations(partners: partners, now: Self.deadline.addingTimeInterval(1))
        #expect(due.map(\.partnerID) == [F.primaryID, F.secondID])
        #expect(due.map(\.reason) == [.notJoinedInTime, .notJoinedInTime])
        #expect(due[0].contactRoles == [.primary, .secondary, .escalation])
        #expect(due[1].contactRoles == [.primary, .escalation])
        #expect(due[1].contacts.map(\.name) == ["Primary", "Escalation"])
        // A partner missing from the list is still named, with nobody to call.
        #expect(
            hssi.interventionEscalations(partners: [], now: Self.deadline.addingTimeInterval(1)).map(\.contacts) == [
                [], [],
            ])
        try hssi.recordJoin(
            partnerID: F.primaryID, at: Self.deadline.addingTimeInterval(30), by: F.dana,
            now: Self.deadline.addingTimeInterval(30))
        #expect(
            hssi.interventionEscalations(partners: partners, now: Self.deadline.addingTimeInterval(60)).map(\.partnerID)
                == [F.secondID])
        try F.advance(&hssi, to: .resolved, from: Self.deadline.addingTimeInterval(60))
        #expect(hssi.interventionEscalations(partners: partners, now: Self.deadline.addingTimeInterval(3600)).isEmpty)
    }

    @Test func aPartnerWithNobodyToInvite_isEscalatedAtOnce() throws {
        let hssi = try Self.convenedHSSI(second: F.partner(F.secondID, roles: [.primary, .secondary]))
        #expect(hssi.intervention?.invitation(for: F.secondID)?.invitees.isEmpty == true)
        let now = Self.convened.addingTimeInterval(1)
        let escalations = hssi.interventionEscalations(
            partners: [F.partner(F.secondID, roles: [.primary, .secondary])], now: now)
        #expect(escalations.map(\.partnerID) == [F.secondID])
        #expect(escalations.map(\.reason) == [.nobodyToInvite])
        #expect(escalations.first?.contactRoles == [.primary, .secondary])
    }

    @Test func acknowledging_isRecordedOnce_andOnlyForAnInvitedPartner() throws {
        var hssi = try Self.convenedHSSI()
        let later = Self.convened.addingTimeInterval(120)
        #expect(
            F.issues { try hssi.acknowledgeInvitation(partnerID: .init(UUID()), at: later, by: F.dana, now: later) }
                .map(\.code) == ["not_invited"])
        #expect(
            F.issues { try hssi.acknowledgeInvitation(partnerID: F.primaryID, at: Self.start, by: F.dana, now: later) }
                .map(\.code) == ["before_earlier_event"])
        try hssi.acknowledgeInvitation(partnerID: F.primaryID, at: later, by: F.dana, now: later)
        let invitation = try #require(hssi.intervention?.invitation(for: F.primaryID))
        #expect(invitation.acknowledgedAt == later && invitation.acknowledgedBy == F.dana && invitation.joinedAt == nil)
        #expect(
            F.issues { try hssi.acknowledgeInvitation(partnerID: F.primaryID, at: later, by: F.dana, now: later) }.map(
                \.code) == ["already_acknowledged"])
        // Acknowledging does not count as joining.
        #expect(hssi.interventionEscalations(partners: [], now: Self.deadline.addingTimeInterval(1)).count == 2)
        try hssi.recordJoin(partnerID: F.secondID, at: later, by: F.dana, now: later)
        #expect(
            F.issues { try hssi.acknowledgeInvitation(partnerID: F.secondID, at: later, by: F.dana, now: later) }.map(
                \.code) == ["already_joined"])
    }

    @Test func joining_countsOnlyOnce_andNotBeforeTheInvitation_norAfterClosing() throws {
        var hssi = try Self.convenedHSSI()
        let later = Self.convened.addingTimeInterval(300)
        #expect(
            F.issues {
                try hssi.recordJoin(partnerID: F.primaryID, at: later.addingTimeInterval(1), by: F.dana, now: later)
            }
            .map(\.code) == ["in_future"])
        #expect(
            F.issues { try hssi.recordJoin(partnerID: .init(UUID()), at: later, by: F.dana, now: later) }.map(\.code)
                == ["not_invited"])
        try hssi.recordJoin(partnerID: F.primaryID, at: later, by: F.dana, now: later)
        let again = F.issues { try hssi.recordJoin(partnerID: F.primaryID, at: later, by: F.sam, now: later) }
        #expect(again.map(\.code) == ["already_joined"])
        #expect(hssi.intervention?.invitation(for: F.primaryID)?.joinedBy == F.dana)
        try F.advance(&hssi, to: .closed, from: later)
        let closed = F.issues { try hssi.recordJoin(partnerID: F.secondID, at: later, by: F.dana, now: Self.deadline) }
        #expect(closed.map(\.code) == ["closed"])
    }
}
