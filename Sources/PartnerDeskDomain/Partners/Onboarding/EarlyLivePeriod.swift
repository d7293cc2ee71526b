import Foundation

/// The weeks after a partner goes live in which the platform's service management checks in with it on a
/// plan chosen for that partner. It ends when the partner moves to live.
public struct EarlyLivePeriod: Hashable, Sendable, Codable {
    public var startedOn: LocalDate
    public var plan: CheckInPlan
    public var endedOn: LocalDate?
    public var checkIns: [CheckIn]

    public init(startedOn: LocalDate, plan: CheckInPlan) {
        self.startedOn = startedOn
        self.plan = plan
        checkIns = []
    }

    public var isOpen: Bool { endedOn == nil }

    /// The check-in days the plan sets from the start to `through` (or to the end, when it has ended).
    public func scheduledDays(through day: LocalDate, isWorkingDay: (LocalDate) -> Bool) -> [LocalDate] {
        plan.days(from: startedOn, through: min(day, endedOn ?? day), isWorkingDay: isWorkingDay)
    }

    /// The next check-in the plan asks for: the first planned day after the latest check-in held (or from the
    /// start, before any). Nil once the period has ended. A day before `today` means it is late.
    public func nextCheckIn(today: LocalDate, isWorkingDay: (LocalDate) -> Bool) -> LocalDate? {
        guard isOpen else { return nil }
        let latest = checkIns.map(\.heldOn).max()
        // Far enough ahead for the longest gap the plan has, so there is always a next day.
        let horizon = max(today, latest ?? startedOn).adding(days: 60)
        return plan.days(from: startedOn, through: horizon, isWorkingDay: isWorkingDay)
            .first { day in latest.map { day > $0 } ?? true }
    }

    /// Every action agreed at a check-in that is still open.
    public var openActions: [FollowUpAction] { checkIns.flatMap(\.actions).filter { !$0.isDone } }
}

/// One check-in held with an early-live partner.
public struct CheckIn: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var heldOn: LocalDate
    public var notes: String
    public var actions: [FollowUpAction]
    public var recordedBy: ActedBy
    public var recordedAt: Date

    /// A check-in as typed, before it is checked.
    public struct Draft: Hashable, Sendable, Codable {
        public var heldOn: String
        public var notes: String
        public var actions: [FollowUpAction.Draft]

        public init(heldOn: String, notes: String, actions: [FollowUpAction.Draft] = []) {
            self.heldOn = heldOn
            self.notes = notes
            self.actions = actions
        }
    }
}
