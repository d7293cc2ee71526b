import Foundation

/// An e-mail (and, for partners, a webhook call) about a partner's way to live: evidence given, for service
/// management; for the partner, the review of its evidence, each move of its status, and the notes and actions
/// of an early-live check-in.
public struct PartnerNotice: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case evidenceSubmitted = "partner.evidence_submitted"
        case evidenceReviewed = "partner.evidence_reviewed"
        case statusChanged = "partner.status_changed"
        case checkIn = "partner.check_in"
        case reviewScheduled = "partner.review_scheduled"
        case reviewMinutes = "partner.review_minutes"
        case reviewCancelled = "partner.review_cancelled"

        public var label: String {
            switch self {
            case .evidenceSubmitted: "A partner gives onboarding evidence"
            case .evidenceReviewed: "Service management reviews your onboarding evidence"
            case .statusChanged: "Your organisation moves to early live, live or back"
            case .checkIn: "An early-live check-in is recorded"
            case .reviewScheduled: "A service review is scheduled (with its calendar invitation)"
            case .reviewMinutes: "A service review's minutes and actions are recorded"
            case .reviewCancelled: "A service review is cancelled"
            }
        }

        public var audience: NotificationEvent.Audience { self == .evidenceSubmitted ? .staff : .partner }
    }

    /// What partners' systems receive in a webhook call: the partner under `partner`.
    public struct Data: Hashable, Sendable, Encodable {
        public var partner: PartnerData
    }

    public struct PartnerData: Hashable, Sendable, Encodable {
        public var code: String
        public var status: String
        /// The evidence the notice is about, with where it now stands.
        public var evidence: EvidenceData?
        /// The check-in the notice is about.
        public var checkIn: CheckInData?
        /// The service review the notice is about.
        public var review: ReviewData?
        public var url: String
    }

    public struct EvidenceData: Hashable, Sendable, Encodable {
        public var requirement: String
        public var state: String
        public var comment: String?
    }

    public struct CheckInData: Hashable, Sendable, Encodable {
        public var heldOn: String
        public var notes: String
        public var actions: [ActionData]
    }

    public struct ReviewData: Hashable, Sendable, Encodable {
        public var number: Int
        public var status: String
        public var startsAt: Date
        public var endsAt: Date
        public var location: String
        public var firstMonth: String
        public var lastMonth: String
        public var agenda: [String]
        public var minutes: String?
        public var actions: [ActionData]
        /// The invitation as an iCalendar file.
        public var calendar: String?
    }

    public struct ActionData: Hashable, Sendable, Encodable {
        public var text: String
        public var owner: String
        public var dueOn: String
    }

    public var kind: Kind
    public var subject: String
    public var content: EmailContent
    public var data: Data

    /// The webhook body for one delivery of the notice.
    public func webhookBody(deliveryID: UUID, occurredAt: Date) -> Foundation.Data {
        WebhookEnvelope.body(event: .partner(kind), data: data, deliveryID: deliveryID, occurredAt: occurredAt)
    }

    /// A partner gave (or gave again) a piece of evidence: for service management to review.
    public static func evidenceSubmitted(_ evidence: Evidence, partner: Partner, link: String) -> PartnerNotice {
        notice(
            .evidenceSubmitted, partner, link: link,
            subject: "\(partner.name) gave onboarding evidence: \(evidence.requirement.title)",
            blocks: [
                .paragraph("\(partner.name) gave evidence for review. Accept it, or return it with comments."),
                .facts([.init("Evidence", evidence.requirement.title), .init("Partner", partner.code.value)]),
                .section(heading: "What they wrote", text: evidence.description ?? ""),
            ] + (evidence.links.isEmpty ? [] : [.list(evidence.links)]),
            evidence: EvidenceData(requirement: evidence.requirement.rawValue, state: evidence.state.rawValue))
    }

    /// Service management accepted or returned a piece of evidence: for the partner.
    public static func evidenceReviewed(_ evidence: Evidence, journey: PartnerJourney, partner: Partner, link: String)
        -> PartnerNotice
    {
        let comment = evidence.history.last?.text
        let accepted = evidence.state == .accepted
        let remaining = journey.missing
        let opening =
            accepted
            ? "Service management accepted your evidence."
                + (remaining.isEmpty
                    ? " Every piece of required evidence is now accepted."
                    : " Still to be accepted: \(remaining.map(\.title).joined(separator: ", ")).")
            : "Service management returned your evidence with comments. Please give it again."
        var blocks: [EmailContent.Block] = [
            .paragraph(opening),
            .facts([.init("Evidence", evidence.requirement.title), .init("Now", evidence.state.label)]),
        ]
        if let comment { blocks.append(.section(heading: "Service management wrote", text: comment)) }
        return notice(
            .evidenceReviewed, partner, link: link,
            subject: "Onboarding evidence \(accepted ? "accepted" : "returned"): \(evidence.requirement.title)",
            blocks: blocks,
            evidence: EvidenceData(
                requirement: evidence.requirement.rawValue, state: evidence.state.rawValue, comment: comment))
    }

    /// The partner's status moved: for the partner.
    public static func statusChanged(_ move: StatusMove, journey: PartnerJourney, partner: Partner, link: String)
        -> PartnerNotice
    {
        var blocks: [EmailContent.Block] = [
            .paragraph(
                "Your organisation is now \(move.to.label.lowercased()) on the platform (it was \(move.from.label.lowercased()))."
            )
        ]
        if move.to == .earlyLive, let period = journey.currentEarlyLive {
            blocks.append(
                .facts([
                    .init("Early live from", period.startedOn.longDescription),
                    .init("Check-ins", period.plan.summary),
                ]))
        }
        if let reason = move.reason { blocks.append(.section(heading: "Why", text: reason)) }
        return notice(
            .statusChanged, partner, link: link, subject: "\(partner.name) is now \(move.to.label.lowercased())",
            blocks: blocks, evidence: nil)
    }

    /// A check-in was recorded: its notes and actions, for the partner.
    public static func checkIn(_ checkIn: CheckIn, partner: Partner, link: String) -> PartnerNotice {
        var blocks: [EmailContent.Block] = [
            .paragraph("Notes of the early-live check-in held on \(checkIn.heldOn.longDescription)."),
            .section(heading: "Notes", text: checkIn.notes),
        ]
        if !checkIn.actions.isEmpty {
            blocks.append(
                .section(
                    heading: "Actions",
                    text: checkIn.actions.map { "\($0.text) (\($0.owner), by \($0.dueOn.longDescription))" }
                        .joined(separator: "\n")))
        }
        var notice = notice(
            .checkIn, partner, link: link,
            subject: "Early-live check-in of \(checkIn.heldOn.longDescription): \(partner.name)", blocks: blocks,
            evidence: nil)
        notice.data.partner.checkIn = CheckInData(
            heldOn: checkIn.heldOn.description, notes: checkIn.notes,
            actions: checkIn.actions.map {
                ActionData(text: $0.text, owner: $0.owner, dueOn: $0.dueOn.description)
            })
        return notice
    }

    /// A service review was scheduled: for the partner and the attendees, with the calendar invitation.
    public static func reviewScheduled(_ review: ServiceReview, partner: Partner, link: String, calendarLink: String)
        -> PartnerNotice
    {
        let when =
            "\(NotificationComposer.londonTime(review.startsAt)) to \(NotificationComposer.londonTime(review.endsAt))"
        var notice = notice(
            .reviewScheduled, partner, link: link,
            subject:
                "Service review \(review.number) with \(partner.name): \(NotificationComposer.londonTime(review.startsAt))",
            blocks: [
                .paragraph(
                    "You are invited to a service review of \(partner.name)'s use of the platform. Add it to your "
                        + "calendar with the invitation file."),
                .facts([
                    .init("When", when), .init("Where", review.location),
                    .init("Looking back on", Self.months(review)),
                ]),
                .section(heading: "Agenda", text: review.agenda.joined(separator: "\n")),
                .action(label: "Download the calendar invitation", link: calendarLink),
            ], evidence: nil)
        notice.data.partner.review = ReviewData(review, calendar: calendarLink)
        return notice
    }

    /// A review was cancelled: for the partner and the attendees, with the calendar file that removes it.
    public static func reviewCancelled(_ review: ServiceReview, partner: Partner, link: String, calendarLink: String)
        -> PartnerNotice
    {
        var notice = notice(
            .reviewCancelled, partner, link: link,
            subject: "Cancelled: service review \(review.number) with \(partner.name)",
            blocks: [
                .paragraph(
                    "Service review \(review.number), planned for \(NotificationComposer.londonTime(review.startsAt)), "
                        + "is cancelled. The calendar file removes it from calendars that added it."),
                .action(label: "Download the cancellation for your calendar", link: calendarLink),
            ], evidence: nil)
        notice.data.partner.review = ReviewData(review, calendar: calendarLink)
        return notice
    }

    /// A review's minutes and actions: for the partner and the attendees.
    public static func reviewMinutes(_ review: ServiceReview, partner: Partner, link: String) -> PartnerNotice {
        var blocks: [EmailContent.Block] = [
            .paragraph(
                "The minutes of service review \(review.number), held \(NotificationComposer.londonTime(review.startsAt))."
            ),
            .section(heading: "Minutes", text: review.minutes ?? ""),
        ]
        if !review.actions.isEmpty {
            blocks.append(
                .section(
                    heading: "Actions",
                    text: review.actions.map { "\($0.text) (\($0.owner), by \($0.dueOn.longDescription))" }
                        .joined(separator: "\n")))
        }
        var notice = notice(
            .reviewMinutes, partner, link: link, subject: "Minutes of service review \(review.number): \(partner.name)",
            blocks: blocks, evidence: nil)
        notice.data.partner.review = ReviewData(review, calendar: nil)
        return notice
    }

    private static func months(_ review: ServiceReview) -> String {
        review.firstMonth == review.lastMonth
            ? review.firstMonth.longName : "\(review.firstMonth.longName) to \(review.lastMonth.longName)"
    }

    private static func notice(
        _ kind: Kind, _ partner: Partner, link: String, subject: String, blocks: [EmailContent.Block],
        evidence: EvidenceData?
    ) -> PartnerNotice {
        PartnerNotice(
            kind: kind, subject: subject,
            content: EmailContent(blocks + [.action(label: "Open the partner's page", link: link)]),
            data: Data(
                partner: PartnerData(
                    code: partner.code.value, status: partner.status.rawValue, evidence: evidence, checkIn: nil,
                    review: nil, url: link)))
    }
}

extension PartnerNotice.ReviewData {
    init(_ review: ServiceReview, calendar: String?) {
        self.init(
            number: review.number, status: review.status.rawValue, startsAt: review.startsAt, endsAt: review.endsAt,
            location: review.location, firstMonth: review.firstMonth.description,
            lastMonth: review.lastMonth.description, agenda: review.agenda, minutes: review.minutes,
            actions: review.actions.map {
                PartnerNotice.ActionData(text: $0.text, owner: $0.owner, dueOn: $0.dueOn.description)
            }, calendar: calendar)
    }
}
