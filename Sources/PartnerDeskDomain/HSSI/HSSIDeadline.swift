import Foundation

/// A deadline of an HSSI that has not been met yet, worked out from stored times alone.
///
/// A background job lists these on every run (see ``HigherSeverityIncident/pendingDeadlines(hours:cadence:now:)``)
/// and acts on the overdue ones. Because nothing here depends on a timer having fired, a server that restarts just
/// before a deadline finds it again on its first run.
public struct HSSIDeadline: Hashable, Sendable {
    /// What is due.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        /// The partner must notify the platform (30 minutes of its hours of operation from the occurrence).
        case partnerNotification = "partner_notification"
        /// Someone from an invited partner must join the Multi-Party Intervention (30 minutes from invitation).
        case interventionJoin = "intervention_join"
        /// The next status update.
        case statusUpdate = "status_update"

        /// Words for people.
        public var label: String {
            switch self {
            case .partnerNotification: "Partner notification"
            case .interventionJoin: "Joining the Multi-Party Intervention"
            case .statusUpdate: "Next status update"
            }
        }
    }

    /// What is due.
    public let kind: Kind
    /// The partner who must act.
    public let partnerID: Partner.ID
    /// The last instant at which it is still in time.
    public let due: Date
    /// Whether `due` had passed at the instant the list was made.
    public let isOverdue: Bool
}

extension HigherSeverityIncident {
    /// Every deadline not yet met at `now`, earliest first: the partner's notification (until it is recorded),
    /// each invited partner's joining of the intervention (until someone joins), and the next status update.
    /// Empty once the HSSI is resolved.
    ///
    /// `hours` is the primary partner's hours of operation as a calendar
    /// (``OperatingHours/makeCalendar(division:importedHolidays:tableYears:)``). A deadline is overdue only after
    /// its due instant, never at it.
    public func pendingDeadlines(
        hours: BusinessCalendar, cadence: HSSIUpdateCadence = .standard, now: Date
    ) -> [HSSIDeadline] {
        guard !stage.isResolved else { return [] }
        var deadlines: [HSSIDeadline] = []
        func add(_ kind: HSSIDeadline.Kind, _ partnerID: Partner.ID, _ due: Date) {
            deadlines.append(HSSIDeadline(kind: kind, partnerID: partnerID, due: due, isOverdue: now > due))
        }
        if step(.notified) == nil {
            add(.partnerNotification, primaryPartnerID, notificationCompliance(hours: hours, now: now).deadline)
        }
        for invitation in intervention?.invitations ?? [] where invitation.joinedAt == nil {
            add(.interventionJoin, invitation.partnerID, invitation.joinDeadline)
        }
        if let due = nextStatusUpdateDue(cadence: cadence) {
            add(.statusUpdate, primaryPartnerID, due)
        }
        return deadlines.stablySorted(by: \.due)
    }
}
