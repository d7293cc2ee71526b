import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// A service review's invitation as an iCalendar file: a `REQUEST` naming every attendee with an e-mail
/// address, or a `CANCEL` once the review is cancelled (a `PUBLISH` when nobody has an address). Its UID stays the same and its sequence rises, so
/// calendars update the event they hold.
enum ServiceReviewInvitation {
    static func calendar(
        _ review: ServiceReview, partner: Partner, sender: EmailAddress, publicURL: String, at now: Date
    ) -> ICalendar {
        let link = "\(publicURL)/partners/\(partner.code)/reviews/\(review.id.uuidString.lowercased())"
        let months =
            review.firstMonth == review.lastMonth
            ? review.firstMonth.longName : "\(review.firstMonth.longName) to \(review.lastMonth.longName)"
        let event = ICalendar.Event(
            uid: "review-\(review.id.uuidString.lowercased())@partnerdesk", start: review.startsAt,
            end: review.endsAt, summary: "Service review \(review.number): \(partner.name)",
            description: "Looking back on \(months).\n\nAgenda:\n"
                + review.agenda.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
                + "\n\nThe review's pack: \(link)",
            url: link, sequence: review.sequence, cancelled: review.status == .cancelled, location: review.location,
            organizer: ICalendar.Person(name: "PartnerDesk service management", email: sender.value),
            attendees: review.attendees.compactMap { attendee in
                attendee.email.map { ICalendar.Person(name: attendee.name, email: $0.value) }
            })
        // RFC 5546 invitations need someone to invite; without an address it is a plain calendar entry.
        let method =
            event.attendees.isEmpty ? "PUBLISH" : review.status == .cancelled ? "CANCEL" : "REQUEST"
        return ICalendar(
            name: "Service review \(review.number): \(partner.name)", product: "Service reviews", events: [event],
            stamp: now, method: method)
    }
}
