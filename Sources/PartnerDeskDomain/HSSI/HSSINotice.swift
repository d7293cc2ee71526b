import Foundation

/// An e-mail about a Higher Severity Service Incident. Pure: the same notice always
/// gives the same message. Only what the recipients need is said: the reference, the title (which passed
/// the patient-data guard), the stage and what is asked of them; never another partner's contacts.
public struct HSSINotice: Sendable, Hashable {
    /// What the message is about.
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case declared = "hssi.declared"
        case invitation = "hssi.invitation"
        case communication = "hssi.communication"
        case notificationLate = "hssi.notification_late"
        case joinEscalation = "hssi.join_escalation"
        case updateOverdue = "hssi.update_overdue"
    }

    public var kind: Kind
    public var reference: HSSIReference
    public var title: String
    public var stage: HSSIStage
    public var severity: Severity?
    /// The message's own words: the joining details, the communication, or what was missed.
    public var body: String
    /// The HSSI's page.
    public var link: String

    public init(
        kind: Kind, reference: HSSIReference, title: String, stage: HSSIStage, severity: Severity?, body: String,
        link: String
    ) {
        self.kind = kind
        self.reference = reference
        self.title = title
        self.stage = stage
        self.severity = severity
        self.body = body
        self.link = link
    }

    /// The subject line.
    public var subject: String {
        let what =
            switch kind {
            case .declared: "Higher Severity Service Incident declared"
            case .invitation: "join the Multi-Party Intervention within 30 minutes"
            case .communication: "update from the identity platform"
            case .notificationLate: "partner notification later than 30 minutes"
            case .joinEscalation: "nobody has joined the Multi-Party Intervention"
            case .updateOverdue: "status update overdue"
            }
        return "\(reference): \(what)"
    }

    /// What the e-mail says.
    public var content: EmailContent {
        EmailContent([
            .paragraph(body),
            .facts([
                .init("HSSI", reference.description), .init("Title", title), .init("Stage", stage.label),
                .init("Severity", severity.map { "Severity \($0.level)" } ?? "Not yet prioritised"),
            ]),
            .action(label: "Open \(reference)", link: link),
        ])
    }
}
