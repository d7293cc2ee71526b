import Foundation

/// Writes notifications in the process's own words: an e-mail's subject and content, and a webhook's JSON
/// body. Pure: the same notice always gives the same message.
public enum NotificationComposer {
    /// An e-mail's subject and words.
    public struct Email: Sendable, Hashable {
        public var subject: String
        public var content: EmailContent
    }

    private static let london = TimeZone(identifier: "Europe/London")!

    /// The e-mail for a notice.
    public static func email(_ notice: IncidentNotice) -> Email {
        let subject = "\(notice.reference): \(headline(notice))"
        var facts = [EmailContent.Fact("Incident", notice.reference.description)]
        if let own = notice.partnerReference { facts.append(.init("Your reference", own)) }
        facts.append(.init("Partner", notice.partnerName))
        facts.append(.init("Error type", notice.errorType))
        facts.append(.init("Status", notice.status.label))
        facts.append(.init("Severity", notice.severity.map { "Severity \($0.level)" } ?? "Not yet assessed"))
        if let due = notice.due { facts.append(.init("Resolution due", londonTime(due))) }
        var blocks: [EmailContent.Block] = [.paragraph(explanation(notice)), .facts(facts)]
        if let note = notice.note { blocks.append(.section(heading: "Note from the service desk", text: note)) }
        blocks.append(.action(label: "Open \(notice.reference)", link: notice.link))
        blocks.append(.paragraph(footer(notice)))
        return Email(subject: subject, content: EmailContent(blocks))
    }

    /// The webhook body for a notice: `{"id", "event", "occurredAt", "data": {"incident": {…}}}`.
    public static func webhookBody(_ notice: IncidentNotice, deliveryID: UUID, occurredAt: Date) -> Data {
        struct Payload: Encodable, Sendable { var incident: IncidentPayload }
        struct IncidentPayload: Encodable, Sendable {
            var id: String
            var reference: String
            var partnerReference: String?
            var status: String
            var severity: Int?
            var dueAt: String?
            var note: String?
            var url: String
        }
        let data = Payload(
            incident: .init(
                id: notice.incidentID.description, reference: notice.reference.description,
                partnerReference: notice.partnerReference, status: notice.status.rawValue,
                severity: notice.severity?.level, dueAt: notice.due.map(ISO8601Instant.string(from:)),
                note: notice.note, url: notice.link))
        return WebhookEnvelope.body(
            event: .incident(notice.event), data: data, deliveryID: deliveryID, occurredAt: occurredAt)
    }

    private static func headline(_ notice: IncidentNotice) -> String {
        switch notice.event {
        case .incidentReceived: "received by the First Line Service Desk"
        case .severityAssigned: "severity is now \(notice.severity.map { "\($0.level)" } ?? "not assessed")"
        case .informationAwaited: "the service desk needs information from you"
        case .incidentResolved: "resolved"
        case .incidentResponded: "the service desk has responded"
        case .fixReleased: "a fix has been released"
        case .slaHalfUsed: "half of the resolution target used"
        case .slaThreeQuartersUsed: "three quarters of the resolution target used"
        case .slaBreached: "resolution target missed"
        }
    }

    private static func explanation(_ notice: IncidentNotice) -> String {
        switch notice.event {
        case .incidentReceived:
            "The First Line Service Desk has received your incident and assigned it a severity. The resolution "
                + "target counts business hours (08:00 to 18:00, Monday to Friday, except bank holidays) from now."
        case .severityAssigned:
            "The service desk has changed the severity of your incident; its resolution target has been "
                + "recalculated without losing the time already counted."
        case .informationAwaited:
            "The service desk needs more information to carry on. The resolution clock is paused until you answer "
                + "on the incident's page."
        case .incidentResolved:
            "The service desk has resolved your incident with a fix or a workaround."
        case .incidentResponded:
            "The service desk has sent its response on your incident. Please pass it on to the user."
        case .fixReleased:
            "The problem your incident was linked to has a fix in a release. The service desk will confirm when "
                + "your incident is resolved; tell us on the incident's page if the user still sees the error."
        case .slaHalfUsed, .slaThreeQuartersUsed:
            "This incident has used \(notice.event == .slaHalfUsed ? "half" : "three quarters") of its resolution "
                + "target in business hours."
        case .slaBreached:
            "This incident has missed its resolution target."
        }
    }

    private static func footer(_ notice: IncidentNotice) -> String {
        notice.event.audience == .partner
            ? "You receive this because you are a contact for this incident. Choose which messages you receive on your "
                + "account's notification settings."
            : "You receive this because your group is working on this incident, or you manage the service."
    }

    /// "Wed, 25 Nov 2026 at 9:00" in London time, as `Date.FormatStyle` writes it for en_GB with an abbreviated
    /// date, short time and weekday, but worked out directly: the style took a fifth of the time of replaying
    /// clocks after a bank-holiday import, which writes two of these for every clock that moved.
    public static func londonTime(_ date: Date) -> String {
        let wall = Int(date.timeIntervalSince1970.rounded(.down)) + london.secondsFromGMT(for: date)
        let day = LocalDate(daysSince1970: CivilCalendar.floorDivide(wall, CivilCalendar.secondsPerDay))
        let seconds = wall - day.daysSince1970 * CivilCalendar.secondsPerDay
        let minute = seconds / 60 % 60
        let (weekday, month) = (
            LocalDate.weekdayNames[day.weekday.isoNumber - 1].prefix(3), LocalDate.monthNames[day.month - 1].prefix(3)
        )
        return "\(weekday), \(day.day) \(month) \(day.year) at \(seconds / 3_600):\(minute < 10 ? "0" : "")\(minute)"
    }
}
