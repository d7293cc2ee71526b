import Foundation

/// A notice to the partners a major change affects that it is available to test in the integration
/// environment from a date. Each partner acknowledges it (and may sign their testing off); those who have not
/// acknowledged are reminded.
public struct IntegrationNotice: Hashable, Sendable, Identifiable, Codable {
    public typealias ID = EntityID<IntegrationNotice>

    public var id: ID
    public var number: Int
    public var title: String
    /// What changes and what to test, in partners' words.
    public var description: String
    /// The sprint feature the notice is about, if any.
    public var featureID: SprintFeature.ID?
    public var availableFrom: LocalDate
    /// The partners it is addressed to.
    public var partners: [Partner.ID]
    public var sentAt: Date?
    public var sentBy: String?
    public var responses: [Partner.ID: IntegrationResponse]
    public var reminders: [Partner.ID: IntegrationReminders]
    /// The assurance levels' approvals and holds of the notice before it goes: a hold stops it being sent.
    public var assurance: StepAssurance
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        id: ID, number: Int, title: String, description: String, featureID: SprintFeature.ID?,
        availableFrom: LocalDate, partners: [Partner.ID], createdAt: Date
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.description = description
        self.featureID = featureID
        self.availableFrom = availableFrom
        self.partners = partners
        self.responses = [:]
        self.reminders = [:]
        self.assurance = StepAssurance()
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.version = 1
    }

    /// `INT-000007`.
    public var reference: String { SequenceReference.format(prefix: "INT", number: number) }

    /// The addressees that have not acknowledged the notice yet, in the order it names them.
    public var outstanding: [Partner.ID] { partners.filter { responses[$0] == nil } }

    /// Records a level's approval or hold of the notice, which can only be decided on before it goes.
    public mutating func decide(_ decision: ApprovalDecision) throws(ValidationFailure) {
        guard sentAt == nil else {
            throw ValidationFailure([
                .init(
                    field: "notice", code: "already_sent",
                    message: "\(reference) has gone to partners; send a new notice if the change is unsafe to test.")
            ])
        }
        try assurance.decide(decision)
        updatedAt = decision.at
    }

    /// Records that the notice went to its partners at `instant`, sent by `person`; refused when it went
    /// already, or while a level holds it. `name` gives the words for a level.
    public mutating func recordSent(at instant: Date, by person: String, name: (ApprovalRequirement) -> String)
        throws(ValidationFailure)
    {
        guard sentAt == nil else {
            throw ValidationFailure([
                .init(field: "notice", code: "already_sent", message: "\(reference) was sent already.")
            ])
        }
        let holds = assurance.blockers(step: "the notice", name: name)
        guard holds.isEmpty else { throw ValidationFailure(holds) }
        sentAt = instant
        sentBy = person
        updatedAt = instant
    }

    /// Records a partner's acknowledgement (and, with `signOff`, that its testing is done). A partner that
    /// acknowledged before keeps its first acknowledgement; signing off later adds to it.
    public mutating func respond(
        for partner: Partner.ID, by person: String, at instant: Date, signOff: IntegrationSignOff?
    ) throws(ValidationFailure) {
        guard sentAt != nil else {
            throw ValidationFailure([
                .init(field: "notice", code: "not_sent", message: "The notice has not been sent yet.")
            ])
        }
        guard partners.contains(partner) else {
            throw ValidationFailure([
                .init(field: "partner", code: "not_addressed", message: "The notice is not addressed to that partner.")
            ])
        }
        var response = responses[partner] ?? IntegrationResponse(acknowledgedAt: instant, acknowledgedBy: person)
        if let signOff { response.signOff = signOff }
        responses[partner] = response
        updatedAt = instant
    }

    /// The addressees due a reminder at `instant`: sent, not acknowledged, and `policy.interval` working days
    /// since they were last contacted, until `policy.limit` reminders have gone.
    public func remindersDue(
        at instant: Date, on calendar: BusinessCalendar, policy: IntegrationReminderPolicy = .standard
    ) -> [Partner.ID] {
        guard let sentAt else { return [] }
        return outstanding.filter { partner in
            let sent = reminders[partner] ?? IntegrationReminders(count: 0, lastAt: sentAt)
            return sent.count < policy.limit
                && calendar.addWorkingDays(policy.interval, to: sent.lastAt).due <= instant
        }
    }

    /// Records a reminder sent to a partner.
    public mutating func recordReminder(to partner: Partner.ID, at instant: Date) {
        let count = reminders[partner]?.count ?? 0
        reminders[partner] = IntegrationReminders(count: count + 1, lastAt: instant)
        updatedAt = instant
    }
}

/// A partner's answer to an integration-environment notice.
public struct IntegrationResponse: Hashable, Sendable, Codable {
    public var acknowledgedAt: Date
    public var acknowledgedBy: String
    public var signOff: IntegrationSignOff?

    public init(acknowledgedAt: Date, acknowledgedBy: String, signOff: IntegrationSignOff? = nil) {
        self.acknowledgedAt = acknowledgedAt
        self.acknowledgedBy = acknowledgedBy
        self.signOff = signOff
    }
}

/// A partner's word that it has tested the change in the integration environment.
public struct IntegrationSignOff: Hashable, Sendable, Codable {
    public var at: Date
    public var by: String
    public var note: String?

    public init(at: Date, by: String, note: String?) {
        self.at = at
        self.by = by
        self.note = note
    }

    /// A partner's note with its sign-off: clean, not too long, free of patient data; nil when blank.
    public static func checkedNote(_ note: String?) throws(ValidationFailure) -> String? {
        var check = ValidationCollector()
        let note = check.optionalGuardedText("note", note, label: "note", maxLength: TextLimits.text)
        try check.finish()
        return note
    }
}

/// The reminders one partner has had about a notice.
public struct IntegrationReminders: Hashable, Sendable, Codable {
    public var count: Int
    public var lastAt: Date

    public init(count: Int, lastAt: Date) {
        self.count = count
        self.lastAt = lastAt
    }
}

/// How often partners are reminded of a notice they have not acknowledged, and how many times at most.
public struct IntegrationReminderPolicy: Hashable, Sendable {
    /// Working days between contacts.
    public var interval: Int
    public var limit: Int

    public static let standard = IntegrationReminderPolicy(interval: 2, limit: 3)
}

extension IntegrationNotice: OwnedRecord {
    /// Once sent, the notice is its addressees'; before, the platform's alone.
    public var owner: RecordOwner { sentAt == nil ? .platform : .partners(Set(partners)) }

    /// The notice as one addressee sees it: itself as the only addressee, with its own answer and reminders.
    public func seen(by partner: Partner.ID) -> IntegrationNotice {
        var notice = self
        notice.partners = partners.filter { $0 == partner }
        notice.responses = responses.filter { $0.key == partner }
        notice.reminders = reminders.filter { $0.key == partner }
        notice.assurance = StepAssurance()
        return notice
    }
}

extension IntegrationNotice {
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        id = try values.decode(ID.self, forKey: .id)
        number = try values.decode(Int.self, forKey: .number)
        title = try values.decode(String.self, forKey: .title)
        description = try values.decode(String.self, forKey: .description)
        featureID = try values.decodeIfPresent(SprintFeature.ID.self, forKey: .featureID)
        availableFrom = try values.decode(LocalDate.self, forKey: .availableFrom)
        partners = try values.decode([Partner.ID].self, forKey: .partners)
        sentAt = try values.decodeIfPresent(Date.self, forKey: .sentAt)
        sentBy = try values.decodeIfPresent(String.self, forKey: .sentBy)
        responses = try values.decode([Partner.ID: IntegrationResponse].self, forKey: .responses)
        reminders = try values.decode([Partner.ID: IntegrationReminders].self, forKey: .reminders)
        // Notices stored before they could be held have no decisions.
        assurance = try values.decodeIfPresent(StepAssurance.self, forKey: .assurance) ?? StepAssurance()
        createdAt = try values.decode(Date.self, forKey: .createdAt)
        updatedAt = try values.decode(Date.self, forKey: .updatedAt)
        version = try values.decode(Int.self, forKey: .version)
    }
}
