import Foundation

extension HigherSeverityIncident {
    /// Takes the next step of the process; on refusal nothing changes.
    ///
    /// Only the stage after the current one may be reached (see ``HSSIStage``); anything else — a step repeated,
    /// skipped or taken after closing — is refused with the code `invalid_transition` and a message naming the
    /// step that is possible. The step's time may not be earlier than the previous step's nor later than `now`.
    /// The person and any note pass the patient-data guard. Prioritising also records that party's assessment
    /// (severity 1 or 2 only) at the same time and by the same person.
    public mutating func record(
        _ step: HSSIStep, at instant: Date, by actor: HSSIActor, note: String? = nil, now: Date
    ) throws(ValidationFailure) {
        var check = ValidationCollector()
        if step.stage != stage.next {
            check.add("step", "invalid_transition", refusal(of: step.stage))
        }
        let previous = steps[steps.count - 1]
        check.instant(
            "at", instant, label: "of this step",
            notBefore: (previous.at, "the previous step, ‘\(previous.stage.label)’"),
            now: now)
        let actor = check.actor("by", actor)
        let note = check.optionalGuardedText(
            "note", note, label: "note", maxLength: TextLimits.text)
        var assessment: HSSIAssessment?
        if case .prioritise(let party, let severityLevel, let category) = step {
            assessment = checkedAssessment(
                party: party, severityLevel: severityLevel, category: category, by: actor, at: instant, now: now,
                into: &check)
        }
        try check.finish()
        guard let actor else { throw ValidationFailure(check.issues) }
        steps.append(HSSIStepRecord(stage: step.stage, at: instant, by: actor, note: note))
        if let assessment { assessments.append(assessment) }
        touch(now: now)
    }

    /// Records one side's judgement without moving the process on: a first view before prioritising, or a
    /// change of mind later. Refused once closed.
    ///
    /// The severity must be 1 or 2. The time may not be before the incident occurred, before the same party's
    /// previous judgement, or after `now`.
    public mutating func assess(
        party: HSSIAssessment.Party, severityLevel: Int, category: HSSICategory, at instant: Date, by actor: HSSIActor,
        now: Date
    ) throws(ValidationFailure) {
        var check = ValidationCollector()
        if stage == .closed {
            check.add("stage", "closed", "A closed HSSI takes no more assessments.")
        }
        let actor = check.actor("by", actor)
        let assessment = checkedAssessment(
            party: party, severityLevel: severityLevel, category: category, by: actor, at: instant, now: now,
            into: &check)
        try check.finish()
        guard let assessment else { throw ValidationFailure(check.issues) }
        assessments.append(assessment)
        touch(now: now)
    }

    /// Checks an assessment and its time against the incident and the same party's previous judgement.
    private func checkedAssessment(
        party: HSSIAssessment.Party, severityLevel: Int, category: HSSICategory, by actor: HSSIActor?,
        at instant: Date, now: Date, into check: inout ValidationCollector
    ) -> HSSIAssessment? {
        let earlier =
            assessments.last { $0.party == party }.map {
                ($0.assessedAt, "the \(party.label.lowercased())'s previous assessment")
            }
            ?? (occurredAt, "the time it occurred")
        check.instant("at", instant, label: "of the assessment", notBefore: earlier, now: now)
        return HSSIAssessment.checked(
            party: party, severityLevel: severityLevel, category: category, by: actor, at: instant, into: &check)
    }

    /// Why a step that is not the next one is refused, naming the one that is.
    private func refusal(of wanted: HSSIStage) -> String {
        guard let next = stage.next else { return "A closed HSSI takes no more steps." }
        let possible = "the next step possible is ‘\(next.label)’."
        if let done = step(wanted) {
            return "‘\(wanted.label)’ was already recorded at \(ISO8601Instant.string(from: done.at)); " + possible
        }
        return "‘\(wanted.label)’ cannot come yet: the HSSI is at ‘\(stage.label)’, and " + possible
    }
}
