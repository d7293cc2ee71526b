import Foundation

/// How often a partner's service reviews are held, chosen for that partner.
public enum ReviewCadence: String, CaseIterable, Hashable, Sendable, Codable {
    case monthly = "monthly"
    case quarterly = "quarterly"
    case halfYearly = "half_yearly"
    case yearly = "yearly"

    /// Months between reviews.
    public var months: Int {
        switch self {
        case .monthly: 1
        case .quarterly: 3
        case .halfYearly: 6
        case .yearly: 12
        }
    }

    public var label: String {
        switch self {
        case .monthly: "Monthly"
        case .quarterly: "Every three months"
        case .halfYearly: "Every six months"
        case .yearly: "Yearly"
        }
    }
}

/// A person invited to a service review.
public struct ReviewAttendee: Hashable, Sendable, Codable {
    public var name: String
    /// Their organisation (the partner's, or the platform's service management).
    public var organisation: String
    /// Where the invitation goes; nil for someone told another way.
    public var email: EmailAddress?

    public init(name: String, organisation: String, email: EmailAddress?) {
        self.name = name
        self.organisation = organisation
        self.email = email
    }
}

/// A service review with a partner: when and how it meets, the months it looks back on, its agenda and
/// attendees, and once held its minutes and actions, which are tracked until done.
public struct ServiceReview: Hashable, Sendable, Codable, Identifiable {
    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        case scheduled = "scheduled"
        case held = "held"
        case cancelled = "cancelled"

        public var label: String {
            switch self {
            case .scheduled: "Scheduled"
            case .held: "Held"
            case .cancelled: "Cancelled"
            }
        }
    }

    public var id: UUID
    /// The partner's first review is 1.
    public var number: Int
    public var startsAt: Date
    public var endsAt: Date
    /// Where, or how to join.
    public var location: String
    /// The first and last month the review looks back on; its pack holds their figures.
    public var firstMonth: ReportingMonth
    public var lastMonth: ReportingMonth
    public var agenda: [String]
    public var attendees: [ReviewAttendee]
    public var status: Status
    public var minutes: String?
    public var actions: [FollowUpAction]
    public var scheduledBy: ActedBy
    public var recordedBy: ActedBy?
    public var recordedAt: Date?
    /// Counts changes to the invitation, so calendars replace the event they hold.
    public var sequence: Int

    /// A review as typed, before it is checked.
    public struct Draft: Hashable, Sendable, Codable {
        /// ISO 8601 instants.
        public var startsAt: String
        public var endsAt: String
        public var location: String
        /// `YYYY-MM`; when left out, the months since the last review (or the cadence's months before it).
        public var firstMonth: String?
        public var lastMonth: String?
        public var agenda: [String]
        public var attendees: [AttendeeDraft]

        public init(
            startsAt: String, endsAt: String, location: String, firstMonth: String? = nil, lastMonth: String? = nil,
            agenda: [String], attendees: [AttendeeDraft]
        ) {
            self.startsAt = startsAt
            self.endsAt = endsAt
            self.location = location
            self.firstMonth = firstMonth
            self.lastMonth = lastMonth
            self.agenda = agenda
            self.attendees = attendees
        }
    }

    public struct AttendeeDraft: Hashable, Sendable, Codable {
        public var name: String
        public var organisation: String
        public var email: String?

        public init(name: String, organisation: String, email: String? = nil) {
            self.name = name
            self.organisation = organisation
            self.email = email
        }
    }

    /// The longest review, in hours, and the most agenda items and attendees.
    public enum Limits {
        public static let hours = 8
        public static let agendaItems = 20
        public static let attendees = 30
    }

    /// The agenda every review starts from, the pack's sections in order.
    public static let standardAgenda = [
        "The period's service report: incidents, targets and availability",
        "Open problems affecting the service",
        "Releases and maintenance to come",
        "Actions from the last review",
        "Anything else",
    ]
}

extension PartnerJourney {
    /// The next review the cadence asks for: its months after the latest review held or scheduled (or from
    /// today when there is none); nil without a cadence.
    public func nextReviewDue(today: LocalDate, calendar: BusinessCalendar) -> LocalDate? {
        guard let cadence = reviewCadence else { return nil }
        let latest = reviews.filter { $0.status != .cancelled }.map { calendar.localDate(of: $0.startsAt) }.max()
        guard let latest else { return today }
        let month = (0..<cadence.months).reduce(ReportingMonth(containing: latest)) { month, _ in month.next }
        return LocalDate(
            year: month.year, month: month.month,
            day: min(latest.day, LocalDate.daysInMonth(year: month.year, month: month.month)))
    }

    /// Sets how often the partner's reviews are held (nil: none planned).
    public mutating func setReviewCadence(_ cadence: ReviewCadence?) {
        reviewCadence = cadence
    }

    /// Schedules a review: in the future, at most eight hours long, somewhere to meet, an agenda, and attendees
    /// with a name and organisation each (an e-mail address for those to be invited). The months it looks back
    /// on default to those since the last review ended, or the cadence's months before it.
    public mutating func scheduleReview(
        _ draft: ServiceReview.Draft, by actor: ActedBy, at now: Date, calendar: BusinessCalendar,
        makeID: () -> UUID
    ) throws(ValidationFailure) -> ServiceReview {
        var check = ValidationCollector()
        let starts = check.instant(draft.startsAt, field: "startsAt", required: true, now: nil)
        let ends = check.instant(draft.endsAt, field: "endsAt", required: true, now: nil)
        if let starts, starts <= now { check.add("startsAt", "in_past", "A review is scheduled for a time to come.") }
        if let starts, let ends {
            if ends <= starts {
                check.add("endsAt", "before_start", "The review must end after it starts.")
            } else if ends.timeIntervalSince(starts) > Double(ServiceReview.Limits.hours * 3600) {
                check.add("endsAt", "too_long", "A review lasts at most \(ServiceReview.Limits.hours) hours.")
            }
        }
        let location = check.guardedText("location", draft.location, label: "place or joining details", maxLength: 500)
        let agenda = draft.agenda.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        if agenda.isEmpty { check.add("agenda", "required", "Give at least one agenda item.") }
        if agenda.count > ServiceReview.Limits.agendaItems {
            check.add("agenda", "too_many", "Give at most \(ServiceReview.Limits.agendaItems) agenda items.")
        }
        var items: [String] = []
        for (index, item) in agenda.enumerated() {
            if let text = check.guardedText("agenda[\(index)]", item, label: "agenda item", maxLength: 300) {
                items.append(text)
            }
        }
        let attendees = Self.attendees(draft.attendees, check: &check)
        let (first, last) = months(draft, starts: starts, calendar: calendar, check: &check)
        try check.finish()
        guard let starts, let ends, let location, let first, let last else { throw ValidationFailure(check.issues) }
        let review = ServiceReview(
            id: makeID(), number: (reviews.map(\.number).max() ?? 0) + 1, startsAt: starts, endsAt: ends,
            location: location, firstMonth: first, lastMonth: last, agenda: items, attendees: attendees,
            status: .scheduled, actions: [], scheduledBy: actor, sequence: 0)
        reviews.append(review)
        return review
    }

    /// Records a review that has taken place: its minutes and the actions agreed.
    public mutating func recordReview(
        _ id: UUID, minutes: String, actions: [FollowUpAction.Draft], by actor: ActedBy, at now: Date,
        today: LocalDate, makeID: () -> UUID
    ) throws(ValidationFailure) -> ServiceReview {
        guard let index = reviews.firstIndex(where: { $0.id == id }) else {
            throw ValidationFailure([
                ValidationIssue(field: "review", code: "unknown_review", message: "There is no such review.")
            ])
        }
        var check = ValidationCollector()
        let review = reviews[index]
        if review.status != .scheduled {
            check.add("review", "not_scheduled", "Review \(review.number) is \(review.status.label.lowercased()).")
        } else if review.startsAt > now {
            check.add("review", "not_yet_held", "Minutes are recorded once the review has started.")
        }
        let text = check.guardedText("minutes", minutes, label: "minutes", maxLength: Limits.description)
        let agreed = FollowUpAction.checked(actions, notBefore: today, check: &check, makeID: makeID)
        try check.finish()
        reviews[index].status = .held
        reviews[index].minutes = text
        reviews[index].actions = agreed
        reviews[index].recordedBy = actor
        reviews[index].recordedAt = now
        return reviews[index]
    }

    /// Cancels a review not yet held; its invitation is withdrawn.
    public mutating func cancelReview(_ id: UUID) throws(ValidationFailure) -> ServiceReview {
        guard let index = reviews.firstIndex(where: { $0.id == id }), reviews[index].status == .scheduled else {
            throw ValidationFailure([
                ValidationIssue(
                    field: "review", code: "not_scheduled", message: "Only a scheduled review can be cancelled.")
            ])
        }
        reviews[index].status = .cancelled
        reviews[index].sequence += 1
        return reviews[index]
    }

    private static func attendees(_ drafts: [ServiceReview.AttendeeDraft], check: inout ValidationCollector)
        -> [ReviewAttendee]
    {
        let given = drafts.filter {
            !($0.name + $0.organisation + ($0.email ?? "")).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        if given.isEmpty { check.add("attendees", "required", "Name at least one attendee.") }
        if given.count > ServiceReview.Limits.attendees {
            check.add("attendees", "too_many", "Invite at most \(ServiceReview.Limits.attendees) people.")
        }
        var attendees: [ReviewAttendee] = []
        for (index, draft) in given.enumerated() {
            let field = "attendees[\(index)]"
            let name = check.requiredText("\(field).name", draft.name, label: "attendee's name", maxLength: 200)
            let organisation = check.requiredText(
                "\(field).organisation", draft.organisation, label: "attendee's organisation", maxLength: 200)
            var email: EmailAddress?
            if let text = draft.email?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                email = EmailAddress(text)
                if email == nil {
                    check.add("\(field).email", "invalid_format", "Enter an e-mail address like name@example.org.")
                }
            }
            if let name, let organisation {
                attendees.append(ReviewAttendee(name: name, organisation: organisation, email: email))
            }
        }
        return attendees
    }

    private func months(
        _ draft: ServiceReview.Draft, starts: Date?, calendar: BusinessCalendar, check: inout ValidationCollector
    ) -> (ReportingMonth?, ReportingMonth?) {
        func month(_ text: String?, _ field: String) -> ReportingMonth?? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return .some(nil) }
            guard let month = ReportingMonth(text) else {
                check.add(field, "invalid_format", "Give the month as YYYY-MM.")
                return nil
            }
            return .some(month)
        }
        guard let givenFirst = month(draft.firstMonth, "firstMonth"),
            let givenLast = month(draft.lastMonth, "lastMonth"),
            let starts
        else { return (nil, nil) }
        // By default the review looks back on the whole months before it.
        let last = givenLast ?? ReportingMonth(containing: calendar.localDate(of: starts)).previous
        let previous = reviews.filter { $0.status != .cancelled }.map(\.lastMonth).max()
        let span = (reviewCadence ?? .quarterly).months
        // From where the last review stopped, unless that is after the last month (a second review soon after
        // the first): then the cadence's months.
        let first =
            givenFirst ?? previous.map { $0.next }.flatMap { $0 <= last ? $0 : nil }
            ?? (1..<span).reduce(last) { month, _ in month.previous }
        if first > last {
            check.add("firstMonth", "after_last", "The first month looked back on must not come after the last.")
            return (nil, nil)
        }
        return (first, last)
    }
}
