import Foundation
import PartnerDeskDomain
import PartnerDeskServices

extension ActedBy {
    /// "Sam Service (Service manager)", as histories name who acted.
    var withRole: String { "\(name) (\(role.label))" }
}

/// How a follow-up action reads on a page, with the button that marks it done.
struct FollowUpRow: Encodable {
    var id: String
    var text: String
    var owner: String
    var due: String
    var done: String?
    var overdue: Bool

    init(_ action: FollowUpAction, today: LocalDate) {
        id = action.id.uuidString.lowercased()
        text = action.text
        owner = action.owner
        due = PageFormat.longDate(action.dueOn)
        done = action.doneAt.map { at in
            "Done \(PageFormat.londonTime(at))" + (action.doneBy.map { " by \($0.name)" } ?? "")
        }
        overdue = action.isOverdue(today: today)
    }
}

/// `/partners/:code/reviews`: the partner's review cadence, the next review due, every review, and the form
/// that schedules one.
struct ServiceReviewsPage: Encodable {
    struct Row: Encodable {
        var id: String
        var number: Int
        var when: String
        var months: String
        var status: String
    }

    var title: String
    var signedIn: SignedInHeader
    var csrf: String
    var tabs: PartnerTabs
    var version: Int
    var cadence: String
    var nextDue: String?
    var nextDueLate: Bool
    var rows: [Row]
    var hasRows: Bool
    var canManage: Bool
    var cadences: [SelectOption]
    var agenda: String
    var values: [String: String]
    var errors: [PageError]
    var hasErrors: Bool

    init(
        principal: Principal, csrf: String, profile: PartnerProfile, values: [String: String] = [:],
        errors: [PageError] = []
    ) {
        let partner = profile.partner
        let journey = profile.journey
        title = "\(partner.name): service reviews"
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        tabs = PartnerTabs(partner, showing: "/partners/\(partner.code)/reviews")
        version = journey.version
        cadence = journey.reviewCadence?.label ?? "No reviews planned"
        let due = journey.nextReviewDue(today: profile.today, calendar: profile.calendar)
        nextDue = due.map(PageFormat.longDate)
        nextDueLate = due.map { $0 < profile.today } ?? false
        rows = journey.reviews.reversed().map { review in
            Row(
                id: review.id.uuidString.lowercased(), number: review.number,
                when: PageFormat.londonTime(review.startsAt), months: Self.months(review),
                status: review.status.label)
        }
        hasRows = !rows.isEmpty
        canManage = AccessPolicy.permits(principal, .managePartners, on: partner.owner)
        let chosen = values["cadence"] ?? journey.reviewCadence?.rawValue ?? "none"
        cadences =
            [SelectOption(value: "none", label: "No reviews planned", selected: chosen == "none")]
            + ReviewCadence.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == chosen)
            }
        agenda = values["agenda"] ?? ServiceReview.standardAgenda.joined(separator: "\n")
        self.values = values
        self.errors = errors
        hasErrors = !errors.isEmpty
    }

    static func months(_ review: ServiceReview) -> String {
        review.firstMonth == review.lastMonth
            ? review.firstMonth.longName : "\(review.firstMonth.longName) to \(review.lastMonth.longName)"
    }

    /// The review a submitted form gives: one agenda item and one attendee a line.
    static func draft(_ values: [String: String]) -> ServiceReview.Draft {
        func lines(_ key: String) -> [String] {
            (values[key] ?? "").split(whereSeparator: \.isNewline).map(String.init)
        }
        return ServiceReview.Draft(
            startsAt: PageFormat.instantText(values["startsAt"]) ?? "",
            endsAt: PageFormat.instantText(values["endsAt"]) ?? "", location: values["location"] ?? "",
            firstMonth: values["firstMonth"], lastMonth: values["lastMonth"], agenda: lines("agenda"),
            attendees: lines("attendees").map(attendee))
    }

    /// `Name, Organisation, e-mail`: the name before the first comma, the address after the last when it has
    /// an `@`, and the organisation between (which may hold commas itself, as in "Acme, Inc.").
    static func attendee(_ line: String) -> ServiceReview.AttendeeDraft {
        var parts = line.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let name = parts.isEmpty ? "" : parts.removeFirst()
        let email = parts.count > 1 && parts.last?.contains("@") == true ? parts.removeLast() : nil
        return ServiceReview.AttendeeDraft(name: name, organisation: parts.joined(separator: ", "), email: email)
    }
}

/// `/partners/:code/reviews/:id`: one review with its pack, agenda and attendees, its invitation, and once held
/// its minutes and actions.
struct ServiceReviewPage: Encodable {
    struct MonthFigures: Encodable {
        var month: String
        var edition: String
        var link: String
        var facts: [LabelledValue]
    }

    var title: String
    var signedIn: SignedInHeader
    var csrf: String
    var tabs: PartnerTabs
    var version: Int
    var id: String
    var heading: String
    var facts: [LabelledValue]
    var agenda: [String]
    var attendees: [String]
    var calendarLink: String
    var reports: [MonthFigures]
    var problems: [LabelledValue]
    var releases: [LabelledValue]
    var maintenance: [LabelledValue]
    var openActions: [FollowUpRow]
    var minutes: String?
    var actions: [FollowUpRow]
    var hasActions: Bool
    var canRecord: Bool
    var canCancel: Bool
    var canCompleteActions: Bool
    var actionRows: [PartnerJourneyPage.ActionRow]
    var returnTo: String
    var values: [String: String]
    var errors: [PageError]
    var hasErrors: Bool

    init(
        principal: Principal, csrf: String, profile: PartnerProfile, review: ServiceReview, pack: ReviewPack,
        at now: Date, values: [String: String] = [:], errors: [PageError] = []
    ) {
        let partner = profile.partner
        let base = "/partners/\(partner.code)/reviews/\(review.id.uuidString.lowercased())"
        title = "Service review \(review.number): \(partner.name)"
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        tabs = PartnerTabs(partner, showing: "/partners/\(partner.code)/reviews")
        version = profile.journey.version
        id = review.id.uuidString.lowercased()
        heading = "Service review \(review.number)"
        facts = [
            LabelledValue(label: "Status", value: review.status.label),
            LabelledValue(
                label: "When",
                value: "\(PageFormat.londonTime(review.startsAt)) to \(PageFormat.londonTime(review.endsAt))"),
            LabelledValue(label: "Where", value: review.location),
            LabelledValue(label: "Looking back on", value: ServiceReviewsPage.months(review)),
            LabelledValue(label: "Scheduled by", value: review.scheduledBy.name),
        ]
        agenda = review.agenda
        attendees = review.attendees.map { attendee in
            "\(attendee.name), \(attendee.organisation)" + (attendee.email.map { " (\($0.value))" } ?? "")
        }
        calendarLink = "\(base)/invitation.ics"
        reports = pack.reports.map { view in
            let report = view.report
            let total = report.incidents.total
            return MonthFigures(
                month: report.month.longName,
                edition: view.edition.map { "Edition \($0.number)" } ?? "Provisional",
                link: ServiceReportPage.link(
                    .serviceReports, month: report.month.description, partner: partner.code.value, edition: nil),
                facts: [
                    LabelledValue(label: "Incidents raised", value: "\(total.raised)"),
                    LabelledValue(
                        label: "Resolved within target",
                        value: "\(total.met) of \(total.resolved)"
                            + (total.attainmentPercent.map { " (\(ServiceReport.percent($0)) %)" } ?? "")),
                    LabelledValue(
                        label: "Availability",
                        value:
                            "\(ServiceReport.percent(report.availability.percent)) % (target \(ServiceReport.percent(report.availability.targetPercent)) %)"
                    ),
                    LabelledValue(label: "HSSIs", value: "\(report.hssis.count)"),
                ])
        }
        problems = pack.openProblems.map { LabelledValue(label: "\($0.reference): \($0.title)", value: $0.status) }
        releases = pack.releases.map {
            LabelledValue(label: "\($0.name), \(PageFormat.londonTime($0.plannedAt))", value: $0.summary)
        }
        maintenance = pack.maintenance.map {
            LabelledValue(
                label: "\($0.reference), \(PageFormat.londonTime($0.startsAt)) to \(PageFormat.londonTime($0.endsAt))",
                value: $0.summary)
        }
        openActions = pack.openActions.map { FollowUpRow($0, today: profile.today) }
        minutes = review.minutes
        actions = review.actions.map { FollowUpRow($0, today: profile.today) }
        hasActions = !actions.isEmpty
        let mayManage = AccessPolicy.permits(principal, .managePartners, on: partner.owner)
        canRecord = mayManage && review.status == .scheduled && review.startsAt <= now
        canCancel = mayManage && review.status == .scheduled
        canCompleteActions = AccessPolicy.permits(principal, .completePartnerActions, on: partner.owner)
        actionRows = (0..<PartnerJourneyPage.actionRowCount).map { index in
            PartnerJourneyPage.ActionRow(
                index: index, number: index + 1, text: values["actions.\(index).text"] ?? "",
                owner: values["actions.\(index).owner"] ?? "", dueOn: values["actions.\(index).dueOn"] ?? "")
        }
        returnTo = base
        self.values = values
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}
