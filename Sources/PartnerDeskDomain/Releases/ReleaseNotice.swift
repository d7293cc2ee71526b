import Foundation

/// An e-mail about change and release: the sprint digest, an integration-environment notice and its
/// reminders, published release notes, a moved date, a release gone live or rolled back (for partners), and a
/// hold (for the release managers). Pure: the same inputs always give the same message. Partners' messages
/// hold only partners' words: never an internal reason or a staff name.
public struct ReleaseNotice: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case sprintDigest = "release.sprint_digest"
        case integrationNotice = "release.integration_notice"
        case integrationReminder = "release.integration_reminder"
        case notesPublished = "release.notes_published"
        case dateMoved = "release.date_moved"
        case released = "release.released"
        case rolledBack = "release.rolled_back"
        case held = "release.held"

        /// The event in words.
        public var label: String {
            switch self {
            case .sprintDigest: "The features of the next sprint"
            case .integrationNotice: "A change is ready to test in the integration environment"
            case .integrationReminder: "A reminder to acknowledge an integration-environment change"
            case .notesPublished: "A release's notes were published"
            case .dateMoved: "A release's date moved"
            case .released: "A release went live"
            case .rolledBack: "A release was rolled back"
            case .held: "An approver held a change as unsafe"
            }
        }
    }

    public var kind: Kind
    public var subject: String
    public var content: EmailContent
    /// What partners' systems receive in a webhook call.
    public var data: ChangeWebhookData

    /// The webhook body for one delivery of the notice.
    public func webhookBody(deliveryID: UUID, occurredAt: Date) -> Data {
        WebhookEnvelope.body(event: .change(kind), data: data, deliveryID: deliveryID, occurredAt: occurredAt)
    }

    /// The features of a sprint, before it starts, or saying that it already has.
    public static func digest(of sprint: Sprint, startedAt: Date?, link: String) -> ReleaseNotice {
        var blocks: [EmailContent.Block] = []
        if let startedAt {
            blocks.append(
                .paragraph(
                    "\(sprint.name) already started on \(NotificationComposer.londonTime(startedAt)). We are sorry "
                        + "this comes late: these are the features it is working on."))
        } else {
            blocks.append(
                .paragraph(
                    "\(sprint.name) runs from \(day(sprint.startsOn)) to \(day(sprint.endsOn)). These are the features "
                        + "under consideration for it; not all of them may reach a release."))
        }
        if let goal = sprint.goal { blocks.append(.section(heading: "The sprint's aim", text: goal)) }
        for feature in sprint.features { blocks += Self.blocks(for: feature) }
        if sprint.features.isEmpty { blocks.append(.paragraph("No feature changes for partners are planned.")) }
        blocks.append(.action(label: "See service updates and releases", link: link))
        return ReleaseNotice(
            kind: .sprintDigest, subject: "\(sprint.name): features under consideration", content: EmailContent(blocks),
            data: .sprint(sprint, startedAt: startedAt, link: link))
    }

    /// A change ready to test in the integration environment, or a reminder to acknowledge it.
    public static func integration(_ notice: IntegrationNotice, reminder: Bool, link: String) -> ReleaseNotice {
        let opening =
            reminder
            ? "We have not had your acknowledgement of this change yet. Please confirm you have seen it, and "
                + "sign it off once your tests pass."
            : "A change that affects your service can be tested in the integration environment from "
                + "\(day(notice.availableFrom)). Please acknowledge this notice, and sign it off once your tests pass."
        let content = EmailContent([
            .paragraph(opening), .section(heading: notice.title, text: notice.description),
            .facts([.init("Notice", notice.reference), .init("Available to test from", day(notice.availableFrom))]),
            .action(label: "Acknowledge \(notice.reference)", link: link),
        ])
        let subject =
            reminder
            ? "Reminder: \(notice.reference) \(notice.title) needs your acknowledgement"
            : "\(notice.reference): \(notice.title) is ready to test in integration"
        return ReleaseNotice(
            kind: reminder ? .integrationReminder : .integrationNotice, subject: subject, content: content,
            data: .notice(notice, link: link))
    }

    /// The release's notes, published before it goes.
    public static func notes(
        of release: Release, features: [SprintFeature], fixes: [(reference: String, title: String)], link: String
    ) -> ReleaseNotice {
        var blocks: [EmailContent.Block] = [
            .paragraph("Release \(release.name) is planned for \(NotificationComposer.londonTime(release.plannedAt))."),
            .paragraph(release.summary),
        ]
        for feature in features { blocks += Self.blocks(for: feature) }
        if !fixes.isEmpty { blocks.append(.list(fixes.map { "\($0.reference): \($0.title)" })) }
        if let issues = release.knownIssues { blocks.append(.section(heading: "Known issues", text: issues)) }
        if let actions = release.partnerActions {
            blocks.append(.section(heading: "What you need to do", text: actions))
        }
        blocks.append(.action(label: "Read the release notes", link: link))
        return ReleaseNotice(
            kind: .notesPublished, subject: "Release \(release.name): notes for \(shortDay(release.plannedAt))",
            content: EmailContent(blocks), data: .release(release, link: link, features: features, fixes: fixes))
    }

    /// The planned date moved; `reason` only when it may be shared with partners.
    public static func dateMoved(of release: Release, from: Date, reason: String?, link: String) -> ReleaseNotice {
        var blocks: [EmailContent.Block] = [
            .paragraph(
                "Release \(release.name) will no longer go on \(NotificationComposer.londonTime(from)). It is now "
                    + "planned for \(NotificationComposer.londonTime(release.plannedAt)).")
        ]
        if let reason { blocks.append(.section(heading: "Why", text: reason)) }
        blocks.append(.action(label: "Read the release notes", link: link))
        return ReleaseNotice(
            kind: .dateMoved, subject: "Release \(release.name) moved to \(shortDay(release.plannedAt))",
            content: EmailContent(blocks), data: .release(release, link: link, movedFrom: from, reason: reason))
    }

    /// The release went live.
    public static func released(_ release: Release, link: String) -> ReleaseNotice {
        ReleaseNotice(
            kind: .released, subject: "Release \(release.name) is live",
            content: EmailContent([
                .paragraph(
                    "Release \(release.name) went live on \(NotificationComposer.londonTime(release.releasedAt ?? release.plannedAt))."
                ),
                .action(label: "Read the release notes", link: link),
            ]), data: .release(release, link: link))
    }

    /// The release was rolled back after going live.
    public static func rolledBack(_ release: Release, link: String) -> ReleaseNotice {
        ReleaseNotice(
            kind: .rolledBack, subject: "Release \(release.name) has been rolled back",
            content: EmailContent([
                .paragraph(
                    "Release \(release.name) has been rolled back: the service is as it was before it. The service "
                        + "desk will tell you when it is planned again."),
                .action(label: "Read the release notes", link: link),
            ]), data: .release(release, link: link))
    }

    /// A step of change an approver can hold.
    public enum HeldStep: Sendable {
        case release(Release)
        case digest(Sprint)
        case notice(IntegrationNotice)
    }

    /// For the release managers: an approver holds a step as unsafe.
    public static func held(_ step: HeldStep, by hold: ApprovalDecision, level: String, link: String)
        -> ReleaseNotice
    {
        let (subject, opening, label, data): (String, String, String, ChangeWebhookData) =
            switch step {
            case .release(let release):
                (
                    "Release \(release.name) held by \(level)",
                    "\(hold.by) holds release \(release.name) as unsafe for \(level). It cannot go until they approve "
                        + "it again; re-plan it if its date must move (partners are told the new date).",
                    "Open release \(release.name)", .release(release, link: link)
                )
            case .digest(let sprint):
                (
                    "\(sprint.name) digest held by \(level)",
                    "\(hold.by) holds the digest of \(sprint.name) as unsafe for \(level). It cannot be sent to "
                        + "partners until they approve it again.",
                    "Open \(sprint.name)", .sprint(sprint.withoutPartners(), startedAt: nil, link: link)
                )
            case .notice(let notice):
                (
                    "\(notice.reference) held by \(level)",
                    "\(hold.by) holds notice \(notice.reference) (\(notice.title)) as unsafe for \(level). It cannot be "
                        + "sent to partners until they approve it again.",
                    "Open \(notice.reference)", .notice(notice, link: link)
                )
            }
        return ReleaseNotice(
            kind: .held, subject: subject,
            content: EmailContent([
                .paragraph(opening), .section(heading: "Reason", text: hold.reason ?? ""),
                .action(label: label, link: link),
            ]), data: data)
    }

    private static func blocks(for feature: SprintFeature) -> [EmailContent.Block] {
        var facts = [
            EmailContent.Fact("Impact on partners", feature.impact.label),
            EmailContent.Fact("Services", feature.services.joined(separator: ", ")),
        ]
        if let action = feature.partnerAction { facts.append(.init("What you need to do", action)) }
        return [.section(heading: feature.title, text: feature.description), .facts(facts)]
    }

    /// "Mon, 7 Dec 2026".
    static func day(_ date: LocalDate) -> String {
        let utc = TimeZone(identifier: "UTC")!
        return Date(timeIntervalSince1970: TimeInterval(date.daysSince1970) * 86_400).formatted(
            Date.FormatStyle(date: .abbreviated, time: .omitted, locale: Locale(identifier: "en_GB"), timeZone: utc)
                .weekday(.abbreviated))
    }

    /// The day of an instant in London, "Thu, 10 Dec 2026".
    private static func shortDay(_ instant: Date) -> String {
        let london = TimeZone(identifier: "Europe/London")!
        return instant.formatted(
            Date.FormatStyle(date: .abbreviated, time: .omitted, locale: Locale(identifier: "en_GB"), timeZone: london)
                .weekday(.abbreviated))
    }
}
