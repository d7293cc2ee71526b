import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// `/partners/:code/onboarding`: the onboarding evidence with its reviews, the status and its moves, and the
/// early-live periods with their check-ins and actions.
struct PartnerJourneyPage: Encodable {
    struct Step: Encodable {
        var at: String
        var by: String
        var state: String
        var text: String?
        var links: [String]
    }

    struct Evidence: Encodable {
        var requirement: String
        var title: String
        var asks: String
        var isRequired: Bool
        var state: String
        var style: String
        var description: String?
        var links: [String]
        var hasLinks: Bool
        var history: [Step]
        var hasHistory: Bool
        var canGive: Bool
        /// Whether the form to give it shows open: nothing given yet, or what was typed was refused.
        var formOpen: Bool
        var giveLabel: String
        /// Service management's comment when it returned the evidence.
        var returnedComment: String?
        var canReview: Bool
        /// What was typed in this item's form when it was refused.
        var typedDescription: String
        var typedLinks: String
        var typedComment: String
        var typedDecision: String
        var descriptionError: String?
        var linksError: String?
        var decisionError: String?
        var commentError: String?
    }

    struct CheckIn: Encodable {
        var heldOn: String
        var notes: String
        var by: String
        var actions: [FollowUpRow]
        var hasActions: Bool
    }

    struct Period: Encodable {
        var started: String
        var ended: String?
        var plan: String
        var checkIns: [CheckIn]
        var isOpen: Bool
    }

    struct Move: Encodable {
        var at: String
        var by: String
        var what: String
        var reason: String?
        var missing: String?
    }

    struct ActionRow: Encodable {
        var index: Int
        var number: Int
        var text: String
        var owner: String
        var dueOn: String
    }

    var title: String
    var signedIn: SignedInHeader
    var csrf: String
    var tabs: PartnerTabs
    var version: Int
    var status: String
    var summary: String
    var evidence: [Evidence]
    var moves: [Move]
    var hasMoves: Bool
    var periods: [Period]
    var hasPeriods: Bool
    var nextCheckIn: String?
    var checkInLate: Bool
    var canMove: Bool
    var canRecordCheckIn: Bool
    var canCompleteActions: Bool
    var statuses: [SelectOption]
    var firstCadences: [SelectOption]
    var thenCadences: [SelectOption]
    var actionRows: [ActionRow]
    var values: [String: String]
    var errors: [PageError]
    var hasErrors: Bool

    /// Blank action rows the check-in form offers.
    static let actionRowCount = 3

    init(
        principal: Principal, csrf: String, profile: PartnerProfile, values: [String: String] = [:],
        errors: [PageError] = []
    ) {
        let partner = profile.partner
        let journey = profile.journey
        title = "\(partner.name): onboarding and early live"
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        tabs = PartnerTabs(partner, showing: "/partners/\(partner.code)/onboarding")
        version = journey.version
        status = partner.status.label
        let required = EvidenceRequirement.allCases.filter(\.isRequired)
        let missing = journey.missing
        summary =
            missing.isEmpty
            ? "Every piece of required evidence is accepted."
            : "\(required.count - missing.count) of \(required.count) required pieces of evidence accepted. "
                + "Still needed: \(missing.map(\.title).joined(separator: ", "))."
        let mayGive = AccessPolicy.permits(principal, .giveEvidence, on: partner.owner)
        let mayManage = AccessPolicy.permits(principal, .managePartners, on: partner.owner)
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        evidence = journey.evidence.map { item in
            let key = item.requirement.rawValue
            let mine = values["requirement"] == key
            return Evidence(
                requirement: key, title: item.requirement.title, asks: item.requirement.asks,
                isRequired: item.requirement.isRequired, state: item.state.label, style: Self.style(item.state),
                description: item.description, links: item.links, hasLinks: !item.links.isEmpty,
                history: item.history.map { step in
                    Step(
                        at: PageFormat.londonTime(step.at), by: step.by.withRole,
                        state: step.state.label, text: step.text, links: step.links)
                }, hasHistory: !item.history.isEmpty, canGive: mayGive && item.state != .accepted,
                formOpen: item.state == .notGiven || mine,
                giveLabel: item.state == .notGiven ? "Give this evidence" : "Give it again",
                returnedComment: item.state == .returned ? item.history.last?.text : nil,
                canReview: mayManage && item.state == .submitted,
                typedDescription: mine ? values["description"] ?? "" : "",
                typedLinks: mine ? values["links"] ?? "" : "", typedComment: mine ? values["comment"] ?? "" : "",
                typedDecision: mine ? values["decision"] ?? "" : "", descriptionError: error("\(key)-description"),
                linksError: error("\(key)-links"), decisionError: error("\(key)-decision"),
                commentError: error("\(key)-comment"))
        }
        moves = journey.moves.reversed().map { move in
            Move(
                at: PageFormat.londonTime(move.at), by: move.by.withRole,
                what: "\(move.from.label) to \(move.to.label.lowercased())", reason: move.reason,
                missing: move.missing.isEmpty
                    ? nil : "Without: \(move.missing.map(\.title).joined(separator: ", "))")
        }
        let today = profile.today
        periods = journey.earlyLivePeriods.reversed().map { period in
            Period(
                started: PageFormat.longDate(period.startedOn), ended: period.endedOn.map(PageFormat.longDate),
                plan: period.plan.summary,
                checkIns: period.checkIns.reversed().map { checkIn in
                    CheckIn(
                        heldOn: PageFormat.longDate(checkIn.heldOn), notes: checkIn.notes,
                        by: checkIn.recordedBy.withRole,
                        actions: checkIn.actions.map { FollowUpRow($0, today: today) },
                        hasActions: !checkIn.actions.isEmpty)
                }, isOpen: period.isOpen)
        }
        hasMoves = !moves.isEmpty
        hasPeriods = !periods.isEmpty
        nextCheckIn = profile.nextCheckIn.map(PageFormat.longDate)
        checkInLate = profile.nextCheckIn.map { $0 < today } ?? false
        canMove = mayManage
        canRecordCheckIn = mayManage && journey.currentEarlyLive != nil
        canCompleteActions = AccessPolicy.permits(principal, .completePartnerActions, on: partner.owner)
        let chosen = values["status"] ?? ""
        statuses =
            [SelectOption(value: "", label: "Choose a status")]
            + PartnerStatus.allCases.filter { $0 != partner.status }.map {
                SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == chosen)
            }
        func cadences(_ field: String, _ fallback: CheckInPlan.Cadence) -> [SelectOption] {
            let picked = values[field] ?? fallback.rawValue
            return CheckInPlan.Cadence.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: $0.label.prefix(1).uppercased() + $0.label.dropFirst(),
                    selected: $0.rawValue == picked)
            }
        }
        firstCadences = cadences("planFirst", .daily)
        thenCadences = cadences("planThen", .weekly)
        actionRows = (0..<Self.actionRowCount).map { index in
            ActionRow(
                index: index, number: index + 1, text: values["actions.\(index).text"] ?? "",
                owner: values["actions.\(index).owner"] ?? "", dueOn: values["actions.\(index).dueOn"] ?? "")
        }
        var shown = values
        if shown["planWeeks"] == nil { shown["planWeeks"] = "2" }
        if shown["heldOn"] == nil { shown["heldOn"] = today.description }
        self.values = shown
        self.errors = errors
        hasErrors = !errors.isEmpty
    }

    private static func style(_ state: EvidenceState) -> String {
        switch state {
        case .accepted: "sla-ok"
        case .returned: "sla-breached"
        case .submitted: "sla-warning"
        case .notGiven: "sla-none"
        }
    }

    /// The check-in plan a submitted move form gives, when it is a move to early live.
    static func plan(_ values: [String: String]) throws -> CheckInPlan? {
        guard values["status"] == PartnerStatus.earlyLive.rawValue else { return nil }
        guard let first = CheckInPlan.Cadence(rawValue: values["planFirst"] ?? ""),
            let then = CheckInPlan.Cadence(rawValue: values["planThen"] ?? "")
        else {
            throw ValidationFailure([
                ValidationIssue(field: "planFirst", code: "required", message: "Choose how often to check in.")
            ])
        }
        guard let weeks = Int((values["planWeeks"] ?? "").trimmingCharacters(in: .whitespaces)) else {
            throw ValidationFailure([
                ValidationIssue(
                    field: "planWeeks", code: "invalid_format",
                    message: "Give the weeks of the first cadence as a whole number.")
            ])
        }
        return CheckInPlan(first: first, firstWeeks: weeks, then: then)
    }

    /// The check-in a submitted form gives (blank action rows are skipped by the Domain).
    static func checkIn(_ values: [String: String]) -> PartnerDeskDomain.CheckIn.Draft {
        PartnerDeskDomain.CheckIn.Draft(
            heldOn: values["heldOn"] ?? "", notes: values["notes"] ?? "",
            actions: (0..<actionRowCount).map { index in
                .init(
                    text: values["actions.\(index).text"] ?? "", owner: values["actions.\(index).owner"] ?? "",
                    dueOn: values["actions.\(index).dueOn"] ?? "")
            })
    }
}
