import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// The HSSI console: every HSSI the person may see, with the next deadline and anything missed.
struct HSSIListPage: Encodable {
    struct Row: Encodable {
        var reference: String
        var title: String
        var partners: String
        var stage: String
        var severity: String
        var next: String
        var missed: Bool
    }

    var title = "Higher Severity Service Incidents"
    var signedIn: SignedInHeader
    var csrf: String
    var rows: [Row]
    var hasRows: Bool
    var canDeclare: Bool
    var canKeepRota: Bool
    var isStaff: Bool

    init(principal: Principal, csrf: String, views: [HSSIView]) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        rows = views.map { view in
            let missed =
                view.deadlines.contains(where: \.isOverdue) || view.notification.timeliness.isMissed
                || !view.escalations.isEmpty
            let next = view.deadlines.first.map { "\($0.kind.label): \(PageFormat.londonTime($0.due))" } ?? "None"
            return Row(
                reference: view.hssi.reference.description, title: view.hssi.title,
                partners: view.partners.map(\.name).joined(separator: ", "), stage: view.hssi.stage.label,
                severity: view.hssi.severity.map { "Severity \($0.level)" } ?? "Not yet prioritised", next: next,
                missed: missed)
        }
        hasRows = !rows.isEmpty
        canDeclare = AccessPolicy.permits(principal, .declareHSSI)
        canKeepRota = AccessPolicy.permits(principal, .manageHSSIRota)
        isStaff = !principal.role.isPartnerRole
    }
}

/// The form that declares an HSSI.
struct NewHSSIPage: Encodable {
    var title = "Declare a Higher Severity Service Incident"
    var signedIn: SignedInHeader
    var csrf: String
    var values: [String: String]
    var isStaff: Bool
    var partners: [SelectOption]
    var categories: [SelectOption]
    var errors: [PageError]
    var hasErrors: Bool

    init(
        principal: Principal, csrf: String, partners: [Partner], values: [String: String] = [:],
        errors: [PageError] = []
    ) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        self.values = values
        isStaff = !principal.role.isPartnerRole
        self.partners = SelectOption.partners(partners, none: "Choose the partner", selected: values["partner"])
        categories = HSSICategory.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.label, selected: values["category"] == $0.rawValue)
        }
        self.errors = errors
        hasErrors = !errors.isEmpty
    }

    /// The use case's declaration from the form; UK local times become instants.
    static func declaration(_ values: [String: String]) -> HSSIDeclarationDraft {
        func text(_ name: String) -> String? { values[name].flatMap { $0.isEmpty ? nil : $0 } }
        return HSSIDeclarationDraft(
            partner: text("partner"), affectedPartners: NewProblemPage.list(values["affectedPartners"]),
            incident: text("incident"), title: values["title"], description: values["description"],
            occurredAt: PageFormat.instantText(text("occurredAt")),
            identifiedAt: PageFormat.instantText(text("identifiedAt")), severity: text("severity").flatMap { Int($0) },
            category: text("category"))
    }
}

/// One HSSI: the process so far, the roll-call, updates, messages, deadlines, and the steps the person may
/// take.
struct HSSIPage: Encodable {
    struct Step: Encodable {
        var stage: String
        var when: String?
        var who: String?
        var note: String?
    }

    struct RollCall: Encodable {
        var partner: String
        var invitees: String
        var invited: String
        var acknowledged: String
        var joined: String
        var state: String
        var style: String
    }

    struct Update: Encodable {
        var posted: String
        var by: String
        var impact: String
        var users: String
        var actions: String
        var next: String
    }

    struct Message: Encodable {
        var kind: String
        var recipient: String
        var status: String
        var when: String
    }

    var title: String
    var signedIn: SignedInHeader
    var csrf: String
    var reference: String
    var hssiTitle: String
    var version: Int
    var summary: [LabelledValue]
    var notificationText: String
    var notificationStyle: String
    var steps: [Step]
    var nextStep: SelectOption?
    var prioritiseNext: Bool
    var canTakeNextStep: Bool
    var canAssess: Bool
    var canConvene: Bool
    var joiningDetails: String?
    var convened: String?
    var rollCall: [RollCall]
    var hasRollCall: Bool
    var canAnswer: Bool
    var answerPartners: [SelectOption]
    var updates: [Update]
    var hasUpdates: Bool
    var nextUpdate: String
    var nextUpdateStyle: String
    var canPostUpdate: Bool
    var canCommunicate: Bool
    var messages: [Message]
    var hasMessages: Bool
    var deadlines: [LabelledValue]
    var escalations: [String]
    var categories: [SelectOption]
    var values: [String: String]
    var notice: String?
    var errors: [PageError]
    var hasErrors: Bool

    init(
        view: HSSIView, principal: Principal, csrf: String, values: [String: String] = [:], notice: String? = nil,
        errors: [PageError] = []
    ) {
        let hssi = view.hssi
        func may(_ action: AccessAction) -> Bool {
            AccessPolicy.permits(principal, action)
        }
        let isPartner = principal.role.isPartnerRole
        title = "\(hssi.reference): \(hssi.title)"
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        reference = hssi.reference.description
        hssiTitle = hssi.title
        version = hssi.version
        func assessment(_ value: HSSIAssessment?) -> String {
            value.map { "Severity \($0.severity.level), \($0.category.label.lowercased()) (\($0.assessedBy.name))" }
                ?? "None recorded"
        }
        summary = [
            LabelledValue(label: "Stage", value: hssi.stage.label),
            LabelledValue(
                label: "Severity in force", value: hssi.severity.map { "Severity \($0.level)" } ?? "Not yet prioritised"
            ),
            LabelledValue(label: "Partner's assessment", value: assessment(hssi.partnerAssessment)),
            LabelledValue(label: "Platform's assessment", value: assessment(hssi.platformAssessment)),
            LabelledValue(label: "Affected partners", value: view.partners.map(\.name).joined(separator: ", ")),
            LabelledValue(
                label: "Declared", value: "\(PageFormat.londonTime(hssi.declaredAt)) by \(hssi.declaredBy.label)"),
            LabelledValue(label: "What is happening", value: hssi.description),
        ]
        (notificationText, notificationStyle) = PageFormat.timeliness(
            view.notification.timeliness, due: view.notification.deadline)
        notificationText +=
            " (30 minutes of the partner's hours from \(PageFormat.londonTime(view.notification.countingFrom)))"
        steps = HSSIStage.allCases.map { stage in
            let record = hssi.step(stage)
            return Step(
                stage: stage.label, when: record.map { PageFormat.londonTime($0.at) }, who: record?.by.display,
                note: record?.note)
        }
        let next = hssi.stage.next
        let partnerSteps: Set<HSSIStage> = [.identified, .notified, .prioritised]
        let stepNames: [HSSIStage: String] = [
            .identified: "identify", .notified: "notify_platform", .prioritised: "prioritise",
            .bridgeNotified: "notify_bridge", .devOpsEngaged: "engage_devops", .resolved: "resolve", .closed: "close",
        ]
        nextStep = next.flatMap { stage in stepNames[stage].map { SelectOption(value: $0, label: stage.label) } }
        prioritiseNext = next == .prioritised
        canTakeNextStep =
            nextStep != nil
            && (next.map(partnerSteps.contains) == true ? may(.respondToHSSI) : may(.runHSSI))
        canAssess = hssi.stage != .closed && (isPartner ? may(.respondToHSSI) : may(.runHSSI))
        canConvene = may(.runHSSI) && hssi.intervention == nil && hssi.stage >= .notified && !hssi.stage.isResolved
        joiningDetails = hssi.intervention?.joiningDetails
        convened = hssi.intervention.map {
            "Convened \(PageFormat.londonTime($0.convenedAt)) by \($0.convenedBy.display)"
        }
        rollCall = (hssi.intervention?.invitations ?? []).map { invitation in
            let own = !isPartner || invitation.partnerID == principal.partnerID
            let (state, style) = PageFormat.timeliness(
                invitation.joinTimeliness(now: view.at), due: invitation.joinDeadline)
            return RollCall(
                partner: view.partnerName(invitation.partnerID),
                invitees: own
                    ? (invitation.invitees.isEmpty
                        ? "Nobody could be invited" : invitation.invitees.map(\.name).joined(separator: ", "))
                    : "Another partner's managers",
                invited: PageFormat.londonTime(invitation.invitedAt),
                acknowledged: invitation.acknowledgedAt.map(PageFormat.londonTime) ?? "Not yet",
                joined: invitation.joinedAt.map(PageFormat.londonTime) ?? "Not yet", state: state, style: style)
        }
        hasRollCall = !rollCall.isEmpty
        let ownInvitation = hssi.intervention?.invitations.first { $0.partnerID == principal.partnerID }
        answerPartners =
            isPartner
            ? []
            : (hssi.intervention?.invitations ?? []).filter { $0.joinedAt == nil }.compactMap { invitation in
                view.partners.first { $0.id == invitation.partnerID }.map {
                    SelectOption(value: $0.code.description, label: $0.name)
                }
            }
        // The Bridge answers for a partner that has not joined yet; a partner for itself, until it has joined.
        canAnswer =
            hssi.stage != .closed
            && (isPartner
                ? (may(.respondToHSSI) && ownInvitation != nil && ownInvitation?.joinedAt == nil)
                : (may(.runHSSI) && !answerPartners.isEmpty))
        updates = hssi.statusUpdates.reversed().map {
            Update(
                posted: PageFormat.londonTime($0.postedAt), by: $0.postedBy.display, impact: $0.currentImpact,
                users: $0.usersAffected.description, actions: $0.actionsTaken,
                next: PageFormat.londonTime($0.nextUpdateDue))
        }
        hasUpdates = !updates.isEmpty
        if let due = view.nextUpdateDue, let timeliness = view.updateTimeliness {
            (nextUpdate, nextUpdateStyle) = PageFormat.timeliness(timeliness, due: due)
        } else {
            (nextUpdate, nextUpdateStyle) = (
                hssi.stage.isResolved ? "No more updates are due" : "Due once the HSSI is prioritised", "none"
            )
        }
        canPostUpdate = may(.respondToHSSI) && hssi.stage >= .prioritised && !hssi.stage.isResolved
        canCommunicate = may(.runHSSI) && hssi.stage >= .devOpsEngaged && hssi.stage != .closed
        messages = view.messages.map {
            Message(
                kind: $0.subject, recipient: $0.recipient,
                status: $0.status == .delivered
                    ? "Delivered \($0.deliveredAt.map(PageFormat.londonTime) ?? "")"
                    : $0.status == .dead
                        ? "Not delivered (dead letter)" : "Waiting to be sent (attempts: \($0.attempts))",
                when: PageFormat.londonTime($0.createdAt))
        }
        hasMessages = !messages.isEmpty
        deadlines = view.deadlines.map {
            LabelledValue(
                label: "\($0.kind.label) (\(view.partnerName($0.partnerID)))",
                value: ($0.isOverdue ? "Overdue since " : "Due by ") + PageFormat.londonTime($0.due))
        }
        escalations = view.escalations.filter { !isPartner || $0.partnerID == principal.partnerID }.map {
            "\(view.partnerName($0.partnerID)): "
                + ($0.reason == .nobodyToInvite
                    ? "nobody could be invited; its other contacts have been asked to join"
                    : "nobody joined within 30 minutes; its other contacts have been asked to join")
        }
        categories = HSSICategory.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.label, selected: hssi.assessmentInForce?.category == $0)
        }
        self.values = values
        self.notice = notice
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}

/// A partner's HSSI manager rota: who is on duty, the gaps ahead, and the entries.
struct HSSIRotaPage: Encodable {
    struct Entry: Encodable {
        var id: String
        var manager: String
        var contact: String
        var from: String
        var until: String
    }

    var title = "HSSI manager rota"
    var signedIn: SignedInHeader
    var csrf: String
    var partnerName: String
    var partnerCode: String
    var onDuty: String
    var gaps: [String]
    var hasGaps: Bool
    var entries: [Entry]
    var hasEntries: Bool
    var canEdit: Bool
    var isStaff: Bool
    var partners: [SelectOption]
    var values: [String: String]
    var notice: String?
    var errors: [PageError]
    var hasErrors: Bool

    init(
        view: HSSIRotaView, principal: Principal, csrf: String, partners: [Partner], values: [String: String] = [:],
        notice: String? = nil, errors: [PageError] = []
    ) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        partnerName = view.partner.name
        partnerCode = view.partner.code.description
        onDuty = view.onDuty.isEmpty ? "Nobody" : view.onDuty.map(\.managerName).joined(separator: ", ")
        gaps = view.gaps.map { "\(PageFormat.londonTime($0.start)) to \(PageFormat.londonTime($0.end))" }
        hasGaps = !gaps.isEmpty
        entries = view.entries.map {
            Entry(
                id: $0.id.uuidString.lowercased(), manager: $0.entry.managerName,
                contact: [$0.entry.email.value, $0.entry.phone].compactMap { $0 }.joined(separator: ", "),
                from: PageFormat.londonTime($0.entry.startsAt), until: PageFormat.londonTime($0.entry.endsAt))
        }
        hasEntries = !entries.isEmpty
        canEdit = AccessPolicy.permits(principal, .manageHSSIRota, on: .partner(view.partner.id))
        isStaff = !principal.role.isPartnerRole
        self.partners = SelectOption.partners(
            partners, none: "Choose the partner", selected: view.partner.code.description)
        self.values = values
        self.notice = notice
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}
