import Foundation

/// One line of an HSSI's timeline export: when, what, who, and in words.
///
/// ``csv(_:)`` writes the lines as CSV; the API's JSON form is the document's `HSSITimelineEntry`.
public struct HSSITimelineEntry: Hashable, Sendable {
    /// What the entry records.
    public enum Kind: Hashable, Sendable {
        /// A stage of the process was reached.
        case step(HSSIStage)
        /// One side gave its judgement.
        case assessment(HSSIAssessment.Party)
        /// The Service Bridge convened the Multi-Party Intervention.
        case interventionConvened
        /// A partner was invited to it.
        case invitation
        /// A partner acknowledged its invitation.
        case acknowledgement
        /// Someone from a partner joined.
        case join
        /// A status update was given.
        case statusUpdate
        /// A message about the HSSI was sent (an invitation, a communication, an escalation).
        case message

        /// The kind as exports spell it: a stage's own name (`identified`), `partner_assessment`, `invitation`, ….
        public var name: String {
            switch self {
            case .step(let stage): stage.rawValue
            case .assessment(let party): "\(party.rawValue)_assessment"
            case .interventionConvened: "intervention_convened"
            case .invitation: "invitation"
            case .acknowledgement: "acknowledgement"
            case .join: "join"
            case .statusUpdate: "status_update"
            case .message: "message"
            }
        }
    }

    /// When it happened.
    public let at: Date
    /// What it records.
    public let kind: Kind
    /// Who did it, as `Name (role)`.
    public let actor: String
    /// The partner concerned, for entries about one partner's invitation.
    public let partnerID: Partner.ID?
    /// What happened, in words.
    public let text: String

    public init(at: Date, kind: Kind, actor: String, partnerID: Partner.ID?, text: String) {
        self.at = at
        self.kind = kind
        self.actor = actor
        self.partnerID = partnerID
        self.text = text
    }

    /// The CSV header and one record per entry (see ``CSVText``).
    public static func csv(_ entries: [HSSITimelineEntry]) -> String {
        CSVText.document(
            header: ["at", "kind", "actor", "partner_id", "text"],
            rows: entries.map {
                [ISO8601Instant.string(from: $0.at), $0.kind.name, $0.actor, $0.partnerID?.description ?? "", $0.text]
            })
    }
}
