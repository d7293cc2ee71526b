import Foundation

/// A development sprint (normally two weeks) and the features under consideration for it. Partners hear of
/// those features in a digest sent before the sprint starts: the opening of business on its first working day.
public struct Sprint: Hashable, Sendable, Identifiable, Codable {
    public typealias ID = EntityID<Sprint>

    public var id: ID
    /// The sprint's number, unique and increasing ("Sprint 42").
    public var number: Int
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    /// What the sprint is for, in partners' words.
    public var goal: String?
    public var features: [SprintFeature]
    /// When the digest of its features went to partners, and who sent it.
    public var digestSentAt: Date?
    public var digestSentBy: String?
    /// The assurance levels' approvals and holds of the digest: a hold stops it being sent.
    public var digestAssurance: StepAssurance
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        id: ID, number: Int, startsOn: LocalDate, endsOn: LocalDate, goal: String?, features: [SprintFeature],
        createdAt: Date
    ) {
        self.id = id
        self.number = number
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.goal = goal
        self.features = features
        self.digestAssurance = StepAssurance()
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.version = 1
    }

    public var name: String { "Sprint \(number)" }

    /// When the sprint starts: the opening of business on its first working day on or after ``startsOn``.
    public func startsAt(on calendar: BusinessCalendar) -> Date {
        var day = startsOn
        for _ in 0..<366 {
            if let hours = calendar.openingHours(on: day) { return hours.start }
            day = day.adding(days: 1)
        }
        // A calendar closed for a whole year: the start of the day, in UTC.
        return Date(timeIntervalSince1970: TimeInterval(startsOn.daysSince1970) * 86_400)
    }

    /// Whether the digest went, or still can go, before the sprint starts.
    public func digestStatus(at instant: Date, on calendar: BusinessCalendar) -> SprintDigestStatus {
        let start = startsAt(on: calendar)
        if let sent = digestSentAt { return sent < start ? .sentInTime(sent) : .sentLate(sent, startedAt: start) }
        return instant < start ? .due(by: start) : .missed(startedAt: start)
    }

    /// Records that the digest went to partners at `instant`, sent by `person`; refused while a level holds it.
    /// `name` gives the words for a level.
    public mutating func recordDigestSent(at instant: Date, by person: String, name: (ApprovalRequirement) -> String)
        throws(ValidationFailure)
    {
        let holds = digestAssurance.blockers(step: "the digest", name: name)
        guard holds.isEmpty else { throw ValidationFailure(holds) }
        digestSentAt = instant
        digestSentBy = person
        updatedAt = instant
    }

    /// Takes a checked plan's number, dates and aim, keeping the features the sprint lists.
    public mutating func reschedule(with plan: SprintDraft.Plan) {
        (number, startsOn, endsOn, goal) = (plan.number, plan.startsOn, plan.endsOn, plan.goal)
    }

    /// Takes a feature off the sprint; refused when it is not there, or when a release still carries it.
    public mutating func removeFeature(_ id: SprintFeature.ID, releases: [Release]) throws(ValidationFailure) {
        guard let feature = features.first(where: { $0.id == id }) else {
            throw ValidationFailure([
                .init(field: "feature", code: "not_in_sprint", message: "\(name) does not list that feature.")
            ])
        }
        let blockers = SprintFeature.removalBlockers([feature], releases: releases)
        guard blockers.isEmpty else { throw ValidationFailure(blockers) }
        features.removeAll { $0.id == id }
    }

    /// Whether the sprint has started by `instant` (the digest must then say so).
    public func hasStarted(at instant: Date, on calendar: BusinessCalendar) -> Bool {
        instant >= startsAt(on: calendar)
    }
}

/// Where a sprint's digest stands against the sprint's start.
public enum SprintDigestStatus: Hashable, Sendable {
    /// Not sent yet; it should go before this instant.
    case due(by: Date)
    case sentInTime(Date)
    /// Sent after the sprint had started: flagged.
    case sentLate(Date, startedAt: Date)
    /// The sprint started and no digest went: flagged.
    case missed(startedAt: Date)

    /// Whether the sprint is flagged for its digest.
    public var isFlagged: Bool {
        switch self {
        case .sentLate, .missed: true
        case .due, .sentInTime: false
        }
    }

    public var label: String {
        switch self {
        case .due: "Digest not sent yet"
        case .sentInTime: "Digest sent before the sprint"
        case .sentLate: "Digest sent late"
        case .missed: "No digest: the sprint started without one"
        }
    }
}

/// A feature under consideration for a sprint, described in partners' words.
public struct SprintFeature: Hashable, Sendable, Identifiable, Codable {
    public typealias ID = EntityID<SprintFeature>

    public var id: ID
    public var title: String
    /// What changes, in words partners understand.
    public var description: String
    /// The platform's services it touches (for example "Sign-in", "Identity verification").
    public var services: [String]
    public var impact: ChangeImpact
    /// What partners must do, when they must act.
    public var partnerAction: String?
    /// The partners a major change affects; empty when it affects every partner.
    public var affectedPartners: [Partner.ID]

    public init(
        id: ID, title: String, description: String, services: [String], impact: ChangeImpact,
        partnerAction: String?, affectedPartners: [Partner.ID]
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.services = services
        self.impact = impact
        self.partnerAction = partnerAction
        self.affectedPartners = affectedPartners
    }

    /// Whether partners must act.
    public var partnersMustAct: Bool { partnerAction != nil }

    /// Whether the feature concerns a partner (every partner when it names none).
    public func concerns(_ partner: Partner.ID) -> Bool {
        affectedPartners.isEmpty || affectedPartners.contains(partner)
    }
}

extension SprintFeature {
    /// Why `removed` features cannot leave their sprint: each one a planned or released release still carries
    /// (a rolled-back release no longer counts).
    public static func removalBlockers(_ removed: [SprintFeature], releases: [Release]) -> [ValidationIssue] {
        removed.flatMap { feature in
            releases.filter { $0.status != .rolledBack && $0.features.contains(feature.id) }.map {
                ValidationIssue(
                    field: "features", code: "carried_by_release",
                    message: "Release \($0.name) carries \(feature.title); take it out of the release first.")
            }
        }
    }

    /// The feature for everyone to read: without the partners it names.
    public func withoutPartners() -> SprintFeature {
        var feature = self
        feature.affectedPartners = []
        return feature
    }
}

extension Sprint {
    /// The sprint for everyone to read: its features without the partners they name, and without the
    /// platform's assurance decisions.
    public func withoutPartners() -> Sprint {
        var sprint = self
        sprint.features = features.map { $0.withoutPartners() }
        sprint.digestAssurance = StepAssurance()
        return sprint
    }
}

extension Sprint {
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        id = try values.decode(ID.self, forKey: .id)
        number = try values.decode(Int.self, forKey: .number)
        startsOn = try values.decode(LocalDate.self, forKey: .startsOn)
        endsOn = try values.decode(LocalDate.self, forKey: .endsOn)
        goal = try values.decodeIfPresent(String.self, forKey: .goal)
        features = try values.decode([SprintFeature].self, forKey: .features)
        digestSentAt = try values.decodeIfPresent(Date.self, forKey: .digestSentAt)
        digestSentBy = try values.decodeIfPresent(String.self, forKey: .digestSentBy)
        // Sprints stored before digests could be held have no decisions.
        digestAssurance = try values.decodeIfPresent(StepAssurance.self, forKey: .digestAssurance) ?? StepAssurance()
        createdAt = try values.decode(Date.self, forKey: .createdAt)
        updatedAt = try values.decode(Date.self, forKey: .updatedAt)
        version = try values.decode(Int.self, forKey: .version)
    }
}
