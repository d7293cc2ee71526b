import Foundation
import PartnerDeskDomain

/// A step someone asks to take on an HSSI, as the API and pages send it.
public struct HSSIStepRequest: Sendable, Hashable {
    /// `identify`, `notify_platform`, `prioritise`, `notify_bridge`, `engage_devops`, `send_communications`,
    /// `resolve` or `close`.
    public var step: String
    /// When it happened (ISO 8601); defaults to now.
    public var at: String?
    public var note: String?
    /// For `prioritise`: severity 1 or 2 and the category.
    public var severity: Int?
    public var category: String?

    public init(step: String, at: String? = nil, note: String? = nil, severity: Int? = nil, category: String? = nil) {
        self.step = step
        self.at = at
        self.note = note
        self.severity = severity
        self.category = category
    }
}

/// A message an HSSI sent, with where its delivery stands.
public struct HSSIMessageState: Sendable, Hashable {
    public var kind: String
    public var partnerID: Partner.ID?
    public var recipient: String
    public var subject: String
    public var status: OutboxMessage.Status
    public var attempts: Int
    public var createdAt: Date
    public var deliveredAt: Date?
}

/// An HSSI with everything worked out from its stored times at one instant: the partner's notification
/// compliance, the deadlines still open, who needs escalating, and the messages it sent.
public struct HSSIView: Sendable {
    public var hssi: HigherSeverityIncident
    /// The affected partners, primary first.
    public var partners: [Partner]
    public var notification: HSSINotificationCompliance
    public var deadlines: [HSSIDeadline]
    public var escalations: [MPIEscalation]
    public var nextUpdateDue: Date?
    public var updateTimeliness: HSSITimeliness?
    /// The messages the caller may see (a partner: those to its own organisation).
    public var messages: [HSSIMessageState]
    /// What was masked in the text just sent, for telling the sender; empty when reading.
    public var maskings: [TextMasking] = []
    public var at: Date

    /// A partner's name by id, for pages and exports.
    public func partnerName(_ id: Partner.ID) -> String {
        partners.first { $0.id == id }?.name ?? "Unknown partner"
    }
}

/// A partner's HSSI manager rota as of an instant: the entries, who is on duty, and gaps in cover over the
/// next 14 days within the partner's hours of operation.
public struct HSSIRotaView: Sendable {
    public var partner: Partner
    public var entries: [StoredRotaEntry]
    public var onDuty: [HSSIRotaEntry]
    public var gaps: [DateInterval]
}
