import Foundation

extension HigherSeverityIncident {
    /// Everything recorded on the HSSI as one list ordered by time: each stage reached, each assessment, the
    /// convening of the Multi-Party Intervention with each invitation, acknowledgement and joining, and each status
    /// update. Entries at the same instant keep that order.
    public func timeline() -> [HSSITimelineEntry] {
        var entries: [HSSITimelineEntry] = []
        func add(
            _ at: Date, _ kind: HSSITimelineEntry.Kind, _ actor: HSSIActor, _ text: String, _ partner: Partner.ID? = nil
        ) {
            entries.append(HSSITimelineEntry(at: at, kind: kind, actor: actor.display, partnerID: partner, text: text))
        }
        for step in steps {
            var text =
                step.stage == .occurred ? "\(title) (declared by \(declaredBy.label.lowercased()))" : step.stage.label
            if let note = step.note { text += ": \(note)" }
            add(step.at, .step(step.stage), step.by, text)
        }
        for assessment in assessments {
            add(
                assessment.assessedAt, .assessment(assessment.party), assessment.assessedBy,
                "Severity \(assessment.severity.level), \(assessment.category.label.lowercased())")
        }
        if let intervention {
            add(
                intervention.convenedAt, .interventionConvened, intervention.convenedBy,
                "Multi-Party Intervention convened; joining details: \(intervention.joiningDetails)")
            for invitation in intervention.invitations {
                let invitees = invitation.invitees.map { "\($0.name) <\($0.email)>" }.joined(separator: ", ")
                add(
                    invitation.invitedAt, .invitation, intervention.convenedBy,
                    invitees.isEmpty
                        ? "Invited, but nobody was on duty or named as HSSI manager" : "Invited \(invitees)",
                    invitation.partnerID)
                if let at = invitation.acknowledgedAt, let actor = invitation.acknowledgedBy {
                    add(at, .acknowledgement, actor, "Invitation acknowledged", invitation.partnerID)
                }
                if let at = invitation.joinedAt, let actor = invitation.joinedBy {
                    let late = invitation.joinTimeliness(now: at)
                    let when = if case .late(let seconds) = late { "\(seconds) seconds late" } else { "in time" }
                    add(at, .join, actor, "Joined the Multi-Party Intervention \(when)", invitation.partnerID)
                }
            }
        }
        for update in statusUpdates {
            add(
                update.postedAt, .statusUpdate, update.postedBy,
                "Impact: \(update.currentImpact). Users affected: \(update.usersAffected). Actions taken: "
                    + "\(update.actionsTaken). Next update due \(ISO8601Instant.string(from: update.nextUpdateDue)).")
        }
        return entries.stablySorted(by: \.at)
    }
}
