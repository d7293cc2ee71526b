import Foundation

extension HigherSeverityIncident {
    /// Records a status update with the minimum data set; on refusal nothing changes.
    ///
    /// Each field of the draft gets its own refusal (see ``HSSIStatusUpdateDraft``), and all text passes the
    /// patient-data guard. Refused once the HSSI is resolved, since no more updates are due. The time may not be
    /// before the incident occurred, before the previous update, or after `now`.
    public mutating func postStatusUpdate(
        _ draft: HSSIStatusUpdateDraft, at instant: Date, by actor: HSSIActor, now: Date
    ) throws(ValidationFailure) {
        var check = ValidationCollector()
        if stage.isResolved {
            check.add("stage", "resolved", "A resolved HSSI needs no more status updates.")
        }
        let earlier =
            statusUpdates.last.map { ($0.postedAt, "the previous update") } ?? (occurredAt, "the time it occurred")
        check.instant("at", instant, label: "of the update", notBefore: earlier, now: now)
        let actor = check.actor("by", actor)
        let update = draft.checked(postedAt: instant, by: actor, into: &check)
        try check.finish()
        guard let update else { throw ValidationFailure(check.issues) }
        statusUpdates.append(update)
        touch(now: now)
    }

    /// When the next status update is due, or `nil` when none is: before the HSSI is prioritised, and once it is
    /// resolved.
    ///
    /// The rule: the earlier of the cadence for the severity in force counted from the last update (from the
    /// prioritisation when there is none yet), and the time the last update itself promised.
    public func nextStatusUpdateDue(cadence: HSSIUpdateCadence = .standard) -> Date? {
        guard !stage.isResolved, let prioritised = step(.prioritised), let severity else { return nil }
        let last = statusUpdates.last
        let byCadence = (last?.postedAt ?? prioritised.at).addingTimeInterval(Double(cadence.seconds(for: severity)))
        guard let promised = last?.nextUpdateDue else { return byCadence }
        return min(byCadence, promised)
    }

    /// Whether the next status update is still to come or overdue at `now`; `nil` when none is due.
    public func statusUpdateTimeliness(cadence: HSSIUpdateCadence = .standard, now: Date) -> HSSITimeliness? {
        nextStatusUpdateDue(cadence: cadence).map { HSSITimeliness(due: $0, doneAt: nil, now: now) }
    }
}
