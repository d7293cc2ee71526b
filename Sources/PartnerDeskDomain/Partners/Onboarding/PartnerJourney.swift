import Foundation

/// A partner's way to live and its support once there: the onboarding evidence it gives and service
/// management reviews, each move of its status, its early-live periods with their check-ins, and its service
/// reviews at the cadence chosen for it.
///
/// The rule that matters: a partner moves forward (onboarding, early live, live) only once every required
/// piece of evidence is accepted; anything else (moving forward without it, moving back, bringing an
/// offboarded partner back) needs a reason, and the move records it with whatever evidence was missing.
public struct PartnerJourney: Hashable, Sendable, Codable {
    public var partnerID: Partner.ID
    public var version: Int
    /// One entry per requirement, in the requirements' order.
    public var evidence: [Evidence]
    public var moves: [StatusMove]
    /// Every early-live period, oldest first; the last is open while the partner is early live.
    public var earlyLivePeriods: [EarlyLivePeriod]
    /// How often service reviews are held; nil when none are planned.
    public var reviewCadence: ReviewCadence?
    /// Every service review, oldest first.
    public var reviews: [ServiceReview]

    /// A journey with nothing given yet.
    public init(partnerID: Partner.ID) {
        self.partnerID = partnerID
        version = 1
        evidence = EvidenceRequirement.allCases.map(Evidence.init)
        moves = []
        earlyLivePeriods = []
        reviews = []
    }

    private enum CodingKeys: String, CodingKey {
        case partnerID, version, evidence, moves, earlyLivePeriods, reviewCadence, reviews
    }

    /// Reads a stored journey; those kept before service reviews existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        partnerID = try container.decode(Partner.ID.self, forKey: .partnerID)
        version = try container.decode(Int.self, forKey: .version)
        evidence = try container.decode([Evidence].self, forKey: .evidence)
        moves = try container.decode([StatusMove].self, forKey: .moves)
        earlyLivePeriods = try container.decode([EarlyLivePeriod].self, forKey: .earlyLivePeriods)
        reviewCadence = try container.decodeIfPresent(ReviewCadence.self, forKey: .reviewCadence)
        reviews = try container.decodeIfPresent([ServiceReview].self, forKey: .reviews) ?? []
    }

    /// The longest texts accepted, in characters.
    public enum Limits {
        public static let description = 5_000
        /// Comments and reasons may run over several lines, as the longer texts do.
        public static let comment = TextLimits.text
        public static let reason = TextLimits.text
        public static let links = 10
        public static let link = 2_000
    }

    /// The evidence for one requirement.
    public func evidence(_ requirement: EvidenceRequirement) -> Evidence {
        evidence.first { $0.requirement == requirement } ?? Evidence(requirement: requirement)
    }

    /// The required evidence not yet accepted, in the requirements' order.
    public var missing: [EvidenceRequirement] {
        EvidenceRequirement.allCases.filter { $0.isRequired && evidence($0).state != .accepted }
    }

    /// The early-live period under way, if any.
    public var currentEarlyLive: EarlyLivePeriod? { earlyLivePeriods.last.flatMap { $0.isOpen ? $0 : nil } }

    // MARK: Evidence

    /// The partner gives (or gives again) a piece of evidence: a description and any links to documents.
    /// Accepted evidence stays accepted.
    public mutating func submit(
        _ requirement: EvidenceRequirement, description: String, links: [String], by actor: ActedBy, at now: Date
    ) throws(ValidationFailure) {
        var check = ValidationCollector()
        if evidence(requirement).state == .accepted {
            check.add("requirement", "already_accepted", "\(requirement.title) is already accepted.")
        }
        let text = check.guardedText(
            "description", description, label: "description of the evidence", maxLength: Limits.description)
        let checkedLinks = Self.links(links, check: &check)
        try check.finish()
        guard let text else { return }
        update(requirement) { item in
            item.state = .submitted
            item.description = text
            item.links = checkedLinks
            item.history.append(EvidenceStep(at: now, by: actor, state: .submitted, text: text, links: checkedLinks))
        }
    }

    /// Service management accepts a piece of evidence waiting for review, or returns it with comments (a
    /// comment is needed to return it).
    public mutating func review(
        _ requirement: EvidenceRequirement, _ decision: EvidenceDecision, comment: String?, by actor: ActedBy,
        at now: Date
    ) throws(ValidationFailure) {
        var check = ValidationCollector()
        let state = evidence(requirement).state
        if state != .submitted {
            check.add(
                "requirement", "nothing_to_review",
                "\(requirement.title) is not waiting for review (it is \(state.label.lowercased())).")
        }
        let text: String? =
            decision == .return
            ? check.guardedText("comment", comment ?? "", label: "comment for the partner", maxLength: Limits.comment)
            : check.optionalGuardedText("comment", comment, label: "comment", maxLength: Limits.comment)
        try check.finish()
        let outcome: EvidenceState = decision == .accept ? .accepted : .returned
        update(requirement) { item in
            item.state = outcome
            item.history.append(EvidenceStep(at: now, by: actor, state: outcome, text: text))
        }
    }

    private mutating func update(_ requirement: EvidenceRequirement, _ change: (inout Evidence) -> Void) {
        if let index = evidence.firstIndex(where: { $0.requirement == requirement }) {
            change(&evidence[index])
        } else {
            var item = Evidence(requirement: requirement)
            change(&item)
            evidence.append(item)
        }
    }

    private static func links(_ links: [String], check: inout ValidationCollector) -> [String] {
        let given = links.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if given.count > Limits.links { check.add("links", "too_many", "Give at most \(Limits.links) links.") }
        var accepted: [String] = []
        for (index, link) in given.enumerated() {
            guard link.count <= Limits.link, let url = URL(string: link), url.scheme == "https",
                url.host?.isEmpty == false
            else {
                check.add("links[\(index)]", "invalid_format", "Each link must be an https:// address.")
                continue
            }
            accepted.append(link)
        }
        return accepted
    }

    // MARK: Status

    /// Moves the partner's status, checking the rule above; moving to early live opens a period on `plan`,
    /// and moving on from it closes the period.
    public mutating func move(
        _ partner: inout Partner, to status: PartnerStatus, reason: String?, plan: CheckInPlan?, by actor: ActedBy,
        at now: Date, today: LocalDate
    ) throws(ValidationFailure) {
        var check = ValidationCollector()
        let from = partner.status
        let missing = self.missing
        let needsReason = StatusMove.needsReason(from: from, to: status, missing: missing)
        if from == status {
            check.add("status", "unchanged", "The partner is already \(status.label.lowercased()).")
        }
        let reasonText: String? =
            needsReason
            ? check.guardedText(
                "reason", reason ?? "", label: Self.reasonLabel(from, status, missing), maxLength: Limits.reason)
            : check.optionalGuardedText("reason", reason, label: "reason", maxLength: Limits.reason)
        if status == .earlyLive {
            if plan == nil {
                check.add("plan", "required", "Choose how often to check in during early live.")
            } else if let plan, !(0...CheckInPlan.maximumFirstWeeks).contains(plan.firstWeeks) {
                check.add(
                    "plan.firstWeeks", "out_of_range",
                    "The first cadence runs for 0 to \(CheckInPlan.maximumFirstWeeks) weeks.")
            }
        }
        try check.finish()
        moves.append(
            StatusMove(
                at: now, by: actor, from: from, to: status, reason: reasonText,
                missing: needsReason && status != .offboarded ? missing : []))
        if let last = earlyLivePeriods.indices.last, earlyLivePeriods[last].isOpen {
            earlyLivePeriods[last].endedOn = today
        }
        if status == .earlyLive, let plan { earlyLivePeriods.append(EarlyLivePeriod(startedOn: today, plan: plan)) }
        partner.status = status
    }

    private static func reasonLabel(_ from: PartnerStatus, _ to: PartnerStatus, _ missing: [EvidenceRequirement])
        -> String
    {
        if StatusMove.isForward(from: from, to: to), !missing.isEmpty {
            return "reason for going ahead without the evidence"
        }
        return "reason for the move"
    }

    // MARK: Early live

    /// Records a check-in held during the current early-live period.
    public mutating func recordCheckIn(
        _ draft: CheckIn.Draft, by actor: ActedBy, at now: Date, today: LocalDate, makeID: () -> UUID
    ) throws(ValidationFailure) -> CheckIn {
        var check = ValidationCollector()
        guard let index = earlyLivePeriods.indices.last, earlyLivePeriods[index].isOpen else {
            throw ValidationFailure([
                ValidationIssue(
                    field: "partner", code: "not_early_live",
                    message: "Check-ins are recorded while the partner is early live.")
            ])
        }
        let period = earlyLivePeriods[index]
        let heldOn = LocalDate(draft.heldOn.trimmingCharacters(in: .whitespaces))
        if heldOn == nil {
            check.add("heldOn", "invalid_format", "Give the day the check-in was held as YYYY-MM-DD.")
        } else if let heldOn, heldOn > today {
            check.add("heldOn", "in_future", "A check-in cannot be recorded before it is held.")
        } else if let heldOn, heldOn < period.startedOn {
            check.add(
                "heldOn", "too_early",
                "The early-live period began on \(period.startedOn.longDescription); the check-in cannot be before it.")
        }
        let notes = check.guardedText("notes", draft.notes, label: "notes", maxLength: Limits.description)
        let actions = FollowUpAction.checked(
            draft.actions, notBefore: heldOn ?? period.startedOn, check: &check, makeID: makeID)
        try check.finish()
        guard let heldOn, let notes else { throw ValidationFailure(check.issues) }
        let checkIn = CheckIn(
            id: makeID(), heldOn: heldOn, notes: notes, actions: actions, recordedBy: actor, recordedAt: now)
        earlyLivePeriods[index].checkIns.append(checkIn)
        earlyLivePeriods[index].checkIns.sort { ($0.heldOn, $0.recordedAt) < ($1.heldOn, $1.recordedAt) }
        return checkIn
    }

    /// Every action agreed with the partner, at check-ins and service reviews.
    public var agreedActions: [FollowUpAction] {
        earlyLivePeriods.flatMap(\.checkIns).flatMap(\.actions) + reviews.flatMap(\.actions)
    }

    /// Marks an action agreed at a check-in (of any period) or a service review done.
    public mutating func completeAction(_ id: UUID, by actor: ActedBy, at now: Date) throws(ValidationFailure) {
        for review in reviews.indices where reviews[review].actions.contains(where: { $0.id == id }) {
            try reviews[review].actions.complete(id, by: actor, at: now)
            return
        }
        for period in earlyLivePeriods.indices {
            for checkIn in earlyLivePeriods[period].checkIns.indices
            where earlyLivePeriods[period].checkIns[checkIn].actions.contains(where: { $0.id == id }) {
                try earlyLivePeriods[period].checkIns[checkIn].actions.complete(id, by: actor, at: now)
                return
            }
        }
        var none: [FollowUpAction] = []
        try none.complete(id, by: actor, at: now)
    }
}

/// One move of a partner's status.
public struct StatusMove: Hashable, Sendable, Codable {
    public var at: Date
    public var by: ActedBy
    public var from: PartnerStatus
    public var to: PartnerStatus
    /// Why, when the move needed a reason (or one was given).
    public var reason: String?
    /// The required evidence not accepted when the move was made anyway.
    public var missing: [EvidenceRequirement]

    /// Whether the move is the ordinary way forward (onboarding, early live, live; early live may be skipped).
    public static func isForward(from: PartnerStatus, to: PartnerStatus) -> Bool {
        let order: [PartnerStatus] = [.onboarding, .earlyLive, .live]
        guard let start = order.firstIndex(of: from), let end = order.firstIndex(of: to) else { return false }
        return end > start
    }

    /// Whether a move needs a reason: going forward with required evidence missing, going back, or bringing an
    /// offboarded partner back. Offboarding itself needs one too: it shuts the partner's people out.
    public static func needsReason(from: PartnerStatus, to: PartnerStatus, missing: [EvidenceRequirement]) -> Bool {
        !(isForward(from: from, to: to) && missing.isEmpty)
    }
}
