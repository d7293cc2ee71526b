import Foundation

/// A Higher Severity Service Incident: an incident serious enough (for example users seeing someone else's
/// information) to be run by the Service Bridge at severity 1 or 2, with every affected partner taking part.
///
/// The record holds what happened and to whom, both sides' judgements of it (``assessments``), the stages it has
/// reached with their times (``steps``), the Multi-Party Intervention, and the partner's status updates. Its
/// deadlines (the partner's notification, each partner's joining of the intervention, the next status update)
/// are computed from these stored times alone, so nothing depends on a timer having run. Every change goes
/// through a method that checks it and refuses it whole, bumping ``version`` and setting ``updatedAt`` to the
/// `now` it was given. The record is `Codable` so that a repository can keep it as one document.
///
/// ```swift
/// var hssi = try HigherSeverityIncident(
///     id: id, reference: HSSIReference(number: 1)!, primaryPartnerID: partner.id, title: "Wrong GP record shown",
///     description: "Some users saw another user's appointments", declaredBy: .partner,
///     occurredAt: occurred, recordedBy: HSSIActor(name: "Dana Price", role: "Partner HSSI manager"), now: now)
/// try hssi.record(.identify, at: identified, by: dana, now: now)
/// ```
public struct HigherSeverityIncident: Hashable, Sendable, Identifiable, Codable {
    public typealias ID = EntityID<HigherSeverityIncident>

    /// Stable identifier.
    public let id: ID
    /// The reference people quote.
    public let reference: HSSIReference
    /// The partner whose service the incident arose in; its hours of operation set the notification deadline.
    public let primaryPartnerID: Partner.ID
    /// Every partner affected, the primary partner first, each once.
    public let affectedPartnerIDs: [Partner.ID]
    /// The ordinary incident this one grew out of, if any.
    public let originatingIncidentID: Incident.ID?
    /// A short headline.
    public let title: String
    /// What is happening, for the people working on it.
    public let description: String
    /// Who first declared it an HSSI.
    public let declaredBy: HSSIDeclarer
    /// When the record was created.
    public let declaredAt: Date
    /// The stages reached, in order; the first is always ``HSSIStage/occurred``.
    public internal(set) var steps: [HSSIStepRecord]
    /// Every judgement of severity and kind, in the order they were recorded.
    public internal(set) var assessments: [HSSIAssessment]
    /// The Multi-Party Intervention, once the Service Bridge has convened it.
    public internal(set) var intervention: MultiPartyIntervention?
    /// The status updates, oldest first.
    public internal(set) var statusUpdates: [HSSIStatusUpdate]
    /// When the record last changed (the `now` of that change).
    public internal(set) var updatedAt: Date
    /// Increases with every change; the API's ETag.
    public internal(set) var version: Int

    /// Records a newly declared HSSI at its first stage, ``HSSIStage/occurred``.
    ///
    /// The title (up to 200 characters) and description (up to 5,000) are required and pass the patient-data
    /// guard; so does the person recording it. `occurredAt` may not be after `now`. The affected partners are
    /// the primary partner followed by the others given, each once.
    public init(
        id: ID, reference: HSSIReference, primaryPartnerID: Partner.ID, affectedPartnerIDs: [Partner.ID] = [],
        originatingIncidentID: Incident.ID? = nil, title: String, description: String, declaredBy: HSSIDeclarer,
        occurredAt: Date, recordedBy: HSSIActor, now: Date
    ) throws(ValidationFailure) {
        var check = ValidationCollector()
        let title = check.guardedText("title", title, label: "title", maxLength: TextLimits.title)
        let description = check.guardedText(
            "description", description, label: "description", maxLength: TextLimits.text)
        let actor = check.actor("by", recordedBy)
        check.instant("occurredAt", occurredAt, label: "it occurred", notBefore: nil, now: now)
        try check.finish()
        guard let title, let description, let actor else { throw ValidationFailure(check.issues) }
        var seen: Set<Partner.ID> = []
        self.id = id
        self.reference = reference
        self.primaryPartnerID = primaryPartnerID
        self.affectedPartnerIDs = ([primaryPartnerID] + affectedPartnerIDs).filter { seen.insert($0).inserted }
        self.originatingIncidentID = originatingIncidentID
        self.title = title
        self.description = description
        self.declaredBy = declaredBy
        self.declaredAt = now
        self.steps = [HSSIStepRecord(stage: .occurred, at: occurredAt, by: actor, note: nil)]
        self.assessments = []
        self.intervention = nil
        self.statusUpdates = []
        self.updatedAt = now
        self.version = 1
    }

    /// The stage reached last.
    public var stage: HSSIStage { steps[steps.count - 1].stage }

    /// When the incident happened.
    public var occurredAt: Date { steps[0].at }

    /// The record of a stage, or `nil` when it has not been reached.
    public func step(_ stage: HSSIStage) -> HSSIStepRecord? {
        steps.first { $0.stage == stage }
    }

    /// The partner's latest judgement, if it gave one.
    public var partnerAssessment: HSSIAssessment? { assessments.last { $0.party == .partner } }

    /// The platform's latest judgement, if it gave one.
    public var platformAssessment: HSSIAssessment? { assessments.last { $0.party == .platform } }

    /// The judgement in force: the platform's when it gave one (the partner must go along with it), else the
    /// partner's.
    public var assessmentInForce: HSSIAssessment? { platformAssessment ?? partnerAssessment }

    /// The severity in force, from ``assessmentInForce``.
    public var severity: Severity? { assessmentInForce?.severity }

    /// Records one accepted change.
    mutating func touch(now: Date) {
        updatedAt = now
        version += 1
    }
}
