import Foundation

/// The call the Service Bridge convenes so that everyone affected by an HSSI works on it together.
///
/// Each affected partner is invited once, when the intervention is convened: its HSSI managers on duty at that
/// instant, or — when its rota has nobody — the HSSI manager named among its contacts. The partner's on-duty
/// manager must join within ``joinAllowedSeconds`` (30 wall-clock minutes) of the invitation; joining is measured
/// per partner. A partner from whom nobody has joined by then needs escalating to its other contacts (see
/// ``HigherSeverityIncident/interventionEscalations(partners:now:)``).
public struct MultiPartyIntervention: Hashable, Sendable, Codable {
    /// The time allowed to join after an invitation, in wall-clock seconds.
    public static let joinAllowedSeconds = 30 * 60

    /// When it was convened.
    public let convenedAt: Date
    /// Who convened it for the Service Bridge.
    public let convenedBy: HSSIActor
    /// How to join (a bridge number, a meeting link), already checked.
    public let joiningDetails: String
    /// One invitation per affected partner, in the order of the affected partners.
    public internal(set) var invitations: [MPIInvitation]

    /// The invitation sent to a partner, if it was invited.
    public func invitation(for partnerID: Partner.ID) -> MPIInvitation? {
        invitations.first { $0.partnerID == partnerID }
    }

    /// Whom to invite for a partner at an instant: the rota's managers on duty then, else the partner's HSSI
    /// manager contact, else nobody.
    public static func invitees(for partner: Partner, rota: HSSIManagerRota?, at instant: Date) -> [MPIInvitee] {
        var seen: Set<EmailAddress> = []
        // A manager with two overlapping entries is invited once.
        let onDuty = (rota?.onDuty(at: instant) ?? []).filter { seen.insert($0.email).inserted }
        if !onDuty.isEmpty {
            return onDuty.map {
                MPIInvitee(name: $0.managerName, email: $0.email, phone: $0.phone, source: .rota)
            }
        }
        guard let contact = partner.contact(.hssiManager) else { return [] }
        return [MPIInvitee(name: contact.name, email: contact.email, phone: contact.phone, source: .hssiManagerContact)]
    }
}

/// A partner's invitation to a Multi-Party Intervention, and how the partner answered it.
public struct MPIInvitation: Hashable, Sendable, Codable {
    /// The partner invited.
    public let partnerID: Partner.ID
    /// The people the invitation went to; empty when the partner had nobody to invite.
    public let invitees: [MPIInvitee]
    /// When the invitation was sent.
    public let invitedAt: Date
    /// When someone from the partner acknowledged it, if anyone has.
    public internal(set) var acknowledgedAt: Date?
    /// Who acknowledged it.
    public internal(set) var acknowledgedBy: HSSIActor?
    /// When someone from the partner joined, if anyone has.
    public internal(set) var joinedAt: Date?
    /// Who joined.
    public internal(set) var joinedBy: HSSIActor?

    /// The last instant at which joining is in time: 30 wall-clock minutes after the invitation.
    public var joinDeadline: Date {
        invitedAt.addingTimeInterval(Double(MultiPartyIntervention.joinAllowedSeconds))
    }

    /// Joined in time, joined late (by how much), not yet due, or overdue at `now`.
    public func joinTimeliness(now: Date) -> HSSITimeliness {
        HSSITimeliness(due: joinDeadline, doneAt: joinedAt, now: now)
    }

    /// Why the partner needs escalating at `now`, or `nil` when it does not (someone joined, or there is still
    /// time and someone was invited).
    func escalationReason(now: Date) -> MPIEscalation.Reason? {
        guard joinedAt == nil else { return nil }
        if invitees.isEmpty { return .nobodyToInvite }
        return joinTimeliness(now: now).isMissed ? .notJoinedInTime : nil
    }
}

/// A person invited to a Multi-Party Intervention for a partner.
public struct MPIInvitee: Hashable, Sendable, Codable {
    /// Where the person's details came from.
    public enum Source: String, CaseIterable, Hashable, Sendable, Codable {
        /// A shift on the partner's HSSI manager rota.
        case rota = "rota"
        /// The HSSI manager named among the partner's contacts (the rota had nobody on duty).
        case hssiManagerContact = "hssi_manager_contact"
    }

    /// The person's name.
    public let name: String
    /// Their e-mail address.
    public let email: EmailAddress
    /// Their telephone number, if known.
    public let phone: String?
    /// Where the details came from.
    public let source: Source
}

/// A partner that needs chasing through its other contacts because nobody from it has joined the intervention.
public struct MPIEscalation: Hashable, Sendable {
    /// Why the partner needs escalating.
    public enum Reason: String, CaseIterable, Hashable, Sendable, Codable {
        /// The join deadline passed and nobody from the partner had joined.
        case notJoinedInTime = "not_joined_in_time"
        /// Nobody could be invited (no one on the rota and no HSSI manager contact), so there is no point waiting.
        case nobodyToInvite = "nobody_to_invite"
    }

    /// The contact roles an escalation goes to, in the order to try them.
    public static let roles: [PartnerContact.Role] = [.primary, .secondary, .escalation]

    /// The partner to chase.
    public let partnerID: Partner.ID
    /// Why.
    public let reason: Reason
    /// The partner's contacts in ``roles``, in that order; empty when it named none of them (or was not among the
    /// partners given), in which case someone must chase it by hand.
    public let contacts: [PartnerContact]

    /// The roles of the contacts to escalate to.
    public var contactRoles: [PartnerContact.Role] { contacts.map(\.role) }
}
