import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// One e-mail block as the preview shows it: what partners will read, laid out like the mail's HTML.
struct PreviewBlock: Encodable {
    var kind: String
    var text: String?
    var heading: String?
    var items: [String]
    var facts: [LabelledValue]
    var label: String?
    var link: String?

    static func blocks(of notice: ReleaseNotice) -> [PreviewBlock] {
        notice.content.blocks.map { block in
            switch block {
            case .paragraph(let text): PreviewBlock(kind: "paragraph", text: text, items: [], facts: [])
            case .facts(let facts):
                PreviewBlock(
                    kind: "facts", items: [], facts: facts.map { LabelledValue(label: $0.label, value: $0.value) })
            case .list(let items): PreviewBlock(kind: "list", items: items, facts: [])
            case .section(let heading, let text):
                PreviewBlock(kind: "section", text: text, heading: heading, items: [], facts: [])
            case .action(let label, let link):
                PreviewBlock(kind: "action", items: [], facts: [], label: label, link: link)
            }
        }
    }
}

/// A feature as staff see it, with the partners it names.
struct FeatureRow: Encodable {
    var id: String
    var title: String
    var description: String
    var services: String
    var impact: String
    var partnerAction: String?
    var partners: String

    init(_ feature: SprintFeature, codes: [Partner.ID: String]) {
        id = feature.id.description
        title = feature.title
        description = feature.description
        services = feature.services.joined(separator: ", ")
        impact = feature.impact.label
        partnerAction = feature.partnerAction
        partners =
            feature.affectedPartners.isEmpty
            ? "Every partner" : feature.affectedPartners.map { codes[$0] ?? "?" }.joined(separator: ", ")
    }
}

/// The release calendar for staff: sprints with their digests, releases with what stops them, notices with
/// their answers, and the forms that plan each.
struct ReleaseCalendarPage: Encodable {
    struct SprintRow: Encodable {
        var id: String
        var name: String
        var dates: String
        var digest: String
        var flagged: Bool
        var features: Int
    }

    struct ReleaseRow: Encodable {
        var id: String
        var name: String
        var planned: String
        var status: String
        var held: Bool
        var blockers: Int
    }

    struct NoticeRow: Encodable {
        var id: String
        var reference: String
        var title: String
        var sent: String
        var outstanding: Int
    }

    var title = "Change and release"
    var signedIn: SignedInHeader
    var csrf: String
    var canManage: Bool
    var sprints: [SprintRow]
    var releases: [ReleaseRow]
    var notices: [NoticeRow]
    var features: [FeatureRow]
    var levels: [LevelRow]
    var canNameApprovers: Bool
    var values: [String: String]
    var notice: String?
    var errors: [PageError]
    var hasErrors: Bool

    init(
        principal: Principal, csrf: String, sprints: [SprintView], releases: [ReleaseView],
        notices: [IntegrationNotice], levels: [ApprovalLevelView], codes: [Partner.ID: String],
        values: [String: String] = [:], notice: String? = nil, errors: [PageError] = []
    ) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        canManage = AccessPolicy.permits(principal, .manageReleases)
        canNameApprovers = AccessPolicy.permits(principal, .manageApprovalLevels)
        self.levels = levels.map { LevelRow($0, values: values) }
        self.notice = notice
        self.sprints = sprints.map {
            SprintRow(
                id: $0.sprint.id.description, name: $0.sprint.name,
                dates: "\(PageFormat.longDate($0.sprint.startsOn)) to \(PageFormat.longDate($0.sprint.endsOn))",
                digest: $0.digest.label + ($0.sprint.digestAssurance.isHeld ? "; held as unsafe" : ""),
                flagged: $0.digest.isFlagged || $0.sprint.digestAssurance.isHeld, features: $0.sprint.features.count)
        }
        self.releases = releases.map {
            ReleaseRow(
                id: $0.release.id.description, name: $0.release.name,
                planned: PageFormat.londonTime($0.release.plannedAt), status: $0.release.status.label,
                held: $0.release.isHeld, blockers: $0.blockers.count)
        }
        self.notices = notices.map {
            NoticeRow(
                id: $0.id.description, reference: $0.reference, title: $0.title,
                sent: $0.sentAt.map(PageFormat.londonTime) ?? "Not sent", outstanding: $0.outstanding.count)
        }
        features = sprints.flatMap { sprint in sprint.sprint.features.map { FeatureRow($0, codes: codes) } }
        self.values = values
        self.errors = errors
        hasErrors = !errors.isEmpty
    }

    static func list(_ text: String?) -> [String] { NewProblemPage.list(text) }
}

/// One sprint for staff: its features, the form that adds one, and the digest as partners will read it.
struct SprintPage: Encodable {
    var title: String
    var signedIn: SignedInHeader
    var csrf: String
    var canManage: Bool
    var id: String
    var version: Int
    var dates: String
    var goal: String?
    var digest: String
    var flagged: Bool
    var sent: Bool
    var features: [FeatureRow]
    var subject: String
    var preview: [PreviewBlock]
    var assurance: AssurancePanel
    /// The number, dates and aim form's fields.
    var schedule: [String: String]
    var impacts: [SelectOption]
    var values: [String: String]
    var notice: String?
    var errors: [PageError]
    var hasErrors: Bool

    init(
        view: SprintView, preview: ReleaseNotice?, principal: Principal, csrf: String, codes: [Partner.ID: String],
        levels: [ApprovalLevel], values: [String: String] = [:], notice: String? = nil, errors: [PageError] = []
    ) {
        let sprint = view.sprint
        title = sprint.name
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        canManage = AccessPolicy.permits(principal, .manageReleases)
        id = sprint.id.description
        version = sprint.version
        dates =
            "\(PageFormat.longDate(sprint.startsOn)) to \(PageFormat.longDate(sprint.endsOn)), starting "
            + PageFormat.londonTime(view.startsAt)
        goal = sprint.goal
        digest =
            view.digest.label + (sprint.digestSentAt.map { " (\(PageFormat.londonTime($0)))" } ?? "")
            + (sprint.digestAssurance.isHeld ? "; held as unsafe" : "")
        flagged = view.digest.isFlagged
        sent = sprint.digestSentAt != nil
        features = sprint.features.map { FeatureRow($0, codes: codes) }
        subject = preview?.subject ?? ""
        self.preview = preview.map(PreviewBlock.blocks) ?? []
        assurance = AssurancePanel(
            sprint.digestAssurance, step: "the digest", action: .sprintDigestDecisions(.value(sprint.id.description)),
            levels: levels, open: true, principal: principal, csrf: csrf, version: sprint.version, values: values)
        schedule = ReleaseForms.schedule(sprint, values: values)
        impacts = ChangeImpact.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.label, selected: values["impact"] == $0.rawValue)
        }
        self.values = values
        self.notice = notice
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}

/// One release for staff: what stops it, its approvals and history, and the steps on it.
struct ReleasePage: Encodable {
    struct Approval: Encodable {
        var name: String
        var state: String
        var detail: String?
    }

    var title: String
    var signedIn: SignedInHeader
    var csrf: String
    var canManage: Bool
    var id: String
    var version: Int
    var facts: [LabelledValue]
    var summary: String
    var features: [FeatureRow]
    var problems: [LabelledValue]
    var blockers: [String]
    var approvals: [Approval]
    var history: [String]
    /// The decision form, for assurance approvers while the release is planned.
    var decide: DecideForm?
    /// The contents form's fields.
    var contents: [String: String]
    var planned: Bool
    var released: Bool
    var values: [String: String]
    var notice: String?
    var errors: [PageError]
    var hasErrors: Bool

    init(
        view: ReleaseView, principal: Principal, csrf: String, codes: [Partner.ID: String],
        values: [String: String] = [:], notice: String? = nil, errors: [PageError] = []
    ) {
        let release = view.release
        title = "Release \(release.name)"
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        canManage = AccessPolicy.permits(principal, .manageReleases)
        id = release.id.description
        version = release.version
        var facts = [
            LabelledValue(label: "Status", value: release.status.label + (release.isHeld ? ", held" : "")),
            LabelledValue(label: "Planned for", value: PageFormat.londonTime(release.plannedAt)),
            LabelledValue(
                label: "Notes",
                value: release.notesPublishedAt.map { "Published \(PageFormat.londonTime($0))" }
                    ?? "Not published"),
        ]
        if let earliest = view.earliestRelease {
            facts.append(LabelledValue(label: "Can go from", value: PageFormat.londonTime(earliest)))
        }
        if let released = release.releasedAt {
            facts.append(
                LabelledValue(
                    label: "Went live",
                    value: "\(PageFormat.londonTime(released)), confirmed by \(release.releasedBy ?? "")"))
        }
        if let rollback = release.rollback {
            facts.append(
                LabelledValue(label: "Rolled back", value: "\(PageFormat.londonTime(rollback.at)): \(rollback.reason)"))
        }
        self.facts = facts
        summary = release.summary
        features = view.features.map { FeatureRow($0, codes: codes) }
        problems = view.problems.map {
            LabelledValue(label: $0.reference.description, value: "\($0.title) (\($0.status.label))")
        }
        blockers = view.blockers.map(\.message)
        approvals = view.approvals.map { approval in
            switch approval.state {
            case .pending: Approval(name: approval.name, state: "Waiting")
            case .approved(let decision):
                Approval(
                    name: approval.name, state: "Approved",
                    detail: "\(decision.by), \(PageFormat.londonTime(decision.at))")
            case .held(let decision):
                Approval(
                    name: approval.name, state: "Held as unsafe",
                    detail: "\(decision.by), \(PageFormat.londonTime(decision.at)): \(decision.reason ?? "")"
                        + (decision.reasonIsShareable ? " (may be shared with partners)" : ""))
            }
        }
        let names = Dictionary(
            view.approvals.map { ($0.requirement, $0.name) }, uniquingKeysWith: { first, _ in first })
        history =
            release.decisions.map { PageFormat.decision($0, name: names[$0.requirement] ?? $0.requirement.key) }
            + release.dateChanges.map {
                "\(PageFormat.londonTime($0.at)): \($0.by) moved it from \(PageFormat.londonTime($0.from)) to "
                    + PageFormat.londonTime($0.to) + ($0.reason.map { ": \($0)" } ?? "")
            }
        planned = release.status == .planned
        contents = ReleaseForms.contents(view, values: values)
        decide =
            planned && AccessPolicy.permits(principal, .approveReleases)
            ? DecideForm(
                action: .releaseStep(.value(release.id.description), .decisions), step: "the release", csrf: csrf,
                version: release.version,
                levels: view.approvals.compactMap { approval in
                    guard case .level(let code) = approval.requirement else { return nil }
                    return SelectOption(value: code, label: approval.name, selected: values["level"] == code)
                }, values: values, offersSharing: true)
            : nil
        released = release.status == .released
        self.values = values
        self.notice = notice
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}
