import Foundation

extension HigherSeverityIncident {
    /// The Service Bridge convenes the Multi-Party Intervention and invites every affected partner at that
    /// instant; on refusal nothing changes.
    ///
    /// Possible once the platform has been notified and until the HSSI is resolved, and only once. The time may
    /// not be before the notification nor after `now`. `partners` must hold every affected partner (their HSSI
    /// manager contact is the fallback invitee); `rotas` holds the rotas known, matched by partner (see
    /// ``MultiPartyIntervention/invitees(for:rota:at:)``). The joining details and the person pass the
    /// patient-data guard.
    public mutating func convene(
        at instant: Date, by actor: HSSIActor, joiningDetails: String, partners: [Partner],
        rotas: [HSSIManagerRota], now: Date
    ) throws(ValidationFailure) {
        var check = ValidationCollector()
        if intervention != nil {
            check.add("intervention", "already_convened", "The Multi-Party Intervention has already been convened.")
        } else if stage < .notified || stage.isResolved {
            check.add(
                "stage", "invalid_transition",
                "A Multi-Party Intervention can be convened once the platform has been notified and until the HSSI is "
                    + "resolved; this HSSI is at ‘\(stage.label)’.")
        }
        let notified = step(.notified).map { ($0.at, "the notification to the platform") }
        check.instant("at", instant, label: "it was convened", notBefore: notified, now: now)
        let actor = check.actor("by", actor)
        let details = check.guardedText(
            "joiningDetails", joiningDetails, label: "joining details", maxLength: TextLimits.text)
        var invitations: [MPIInvitation] = []
        for partnerID in affectedPartnerIDs {
            guard let partner = partners.first(where: { $0.id == partnerID }) else {
                check.add(
                    "partners", "missing_partner",
                    "Give the details of every affected partner (\(partnerID) is missing).")
                continue
            }
            let rota = rotas.first { $0.partnerID == partnerID }
            invitations.append(
                MPIInvitation(
                    partnerID: partnerID,
                    invitees: MultiPartyIntervention.invitees(for: partner, rota: rota, at: instant),
                    invitedAt: instant))
        }
        try check.finish()
        guard let actor, let details else { throw ValidationFailure(check.issues) }
        intervention = MultiPartyIntervention(
            convenedAt: instant, convenedBy: actor, joiningDetails: details, invitations: invitations)
        touch(now: now)
    }

    /// Records that someone from an invited partner acknowledged the invitation; on refusal nothing changes.
    ///
    /// Refused when the partner was not invited, has already acknowledged or joined, or the HSSI is closed. The
    /// time may not be before the invitation nor after `now`.
    public mutating func acknowledgeInvitation(
        partnerID: Partner.ID, at instant: Date, by actor: HSSIActor, now: Date
    ) throws(ValidationFailure) {
        try answerInvitation(partnerID: partnerID, at: instant, by: actor, now: now) { invitation, check in
            if invitation.joinedAt != nil {
                check.add(
                    "partnerID", "already_joined", "This partner has already joined; there is nothing to acknowledge.")
            } else if invitation.acknowledgedAt != nil {
                check.add("partnerID", "already_acknowledged", "This partner has already acknowledged the invitation.")
            }
        } apply: { invitation, actor in
            invitation.acknowledgedAt = instant
            invitation.acknowledgedBy = actor
        }
    }

    /// Records that someone from an invited partner joined the intervention; on refusal nothing changes.
    ///
    /// Only the first joining counts, so a second is refused; so is joining for a partner that was not invited,
    /// or once the HSSI is closed. The time may not be before the invitation nor after `now`.
    public mutating func recordJoin(
        partnerID: Partner.ID, at instant: Date, by actor: HSSIActor, now: Date
    ) throws(ValidationFailure) {
        try answerInvitation(partnerID: partnerID, at: instant, by: actor, now: now) { invitation, check in
            if invitation.joinedAt != nil {
                check.add("partnerID", "already_joined", "Someone from this partner has already joined.")
            }
        } apply: { invitation, actor in
            invitation.joinedAt = instant
            invitation.joinedBy = actor
        }
    }

    /// The partners that need chasing through their other contacts at `now`: nobody from them has joined the
    /// intervention by the deadline, or nobody could be invited at all. Empty before convening and once resolved.
    ///
    /// `partners` supplies the contacts; a partner missing from it is still listed, with no contacts.
    public func interventionEscalations(partners: [Partner], now: Date) -> [MPIEscalation] {
        guard let intervention, !stage.isResolved else { return [] }
        return intervention.invitations.compactMap { invitation in
            guard let reason = invitation.escalationReason(now: now) else { return nil }
            let partner = partners.first { $0.id == invitation.partnerID }
            let contacts = MPIEscalation.roles.compactMap { partner?.contact($0) }
            return MPIEscalation(partnerID: invitation.partnerID, reason: reason, contacts: contacts)
        }
    }

    /// The checks and the change an answer to an invitation shares with the other kind of answer.
    private mutating func answerInvitation(
        partnerID: Partner.ID, at instant: Date, by actor: HSSIActor, now: Date,
        refuse: (MPIInvitation, inout ValidationCollector) -> Void,
        apply: (inout MPIInvitation, HSSIActor) -> Void
    ) throws(ValidationFailure) {
        var check = ValidationCollector()
        let index = intervention?.invitations.firstIndex { $0.partnerID == partnerID }
        if stage == .closed {
            check.add("stage", "closed", "A closed HSSI takes no more changes.")
        }
        if let index, let invitation = intervention?.invitations[index] {
            refuse(invitation, &check)
            check.instant(
                "at", instant, label: "of the answer", notBefore: (invitation.invitedAt, "the invitation"), now: now)
        } else {
            check.add("partnerID", "not_invited", "This partner has not been invited to a Multi-Party Intervention.")
        }
        let actor = check.actor("by", actor)
        try check.finish()
        guard let index, let actor else { throw ValidationFailure(check.issues) }
        apply(&intervention!.invitations[index], actor)
        touch(now: now)
    }
}
