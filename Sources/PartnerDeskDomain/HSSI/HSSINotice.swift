import Foundation

/// An e-mail about a Higher Severity Service Incident, in plain text and HTML. Pure: the same notice always
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

    /// The plain-text and HTML bodies.
    public var email: (text: String, html: String) {
        let facts = [
            ("HSSI", reference.description), ("Title", title), ("Stage", stage.label),
            ("Severity", severity.map { "Severity \($0.level)" } ?? "Not yet prioritised"),
        ]
        var text = body + "\n\n" + facts.map { "\($0.0): \($0.1)" }.joined(separator: "\n")
        text += "\n\nOpen the HSSI: \(link)\n"
        var html = "<p>\(HTMLText.escape(body).replacingOccurrences(of: "\n", with: "<br>"))</p>\n<table>\n"
        html += facts.map {
            "<tr><th scope=\"row\" align=\"left\">\(HTMLText.escape($0.0))</th><td>\(HTMLText.escape($0.1))</td></tr>"
        }
        .joined(separator: "\n")
        html += "\n</table>\n<p><a href=\"\(HTMLText.escape(link))\">Open \(reference)</a></p>\n"
        return (text, html)
    }
}
