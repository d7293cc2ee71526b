import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// One incident as a person sees it: its data set, clock, history, and the steps they may take.
struct IncidentPage: Encodable {
    struct Entry: Encodable {
        var what: String
        var who: String
        var when: String
        var note: String?
        var `internal`: Bool
    }

    struct Screenshot: Encodable {
        var fileName: String
        var url: String
        var about: String
    }

    /// One line of why the clock stands where it does.
    struct ClockLine: Encodable {
        var when: String
        var what: String
        var counted: String
        var total: String
        /// An event (what the desk did) rather than a stretch of time.
        var isEvent: Bool
    }

    var title: String
    var signedIn: SignedInHeader
    var csrf: String
    var id: String
    var reference: String
    var errorType: String
    var status: String
    var severity: String
    var slaText: String
    var slaClass: String
    var due: String
    var group: String
    var version: Int
    var details: [LabelledValue]
    var timeline: [Entry]
    var clock: [ClockLine]
    var canTriage: Bool
    var canAnswer: Bool
    var canAttach: Bool
    /// For staff who read problems: the linked problem's page.
    var problemLink: String?
    /// For staff who record problems: the form that records one from this incident.
    var newProblemLink: String?
    /// For those who declare HSSIs: the declaration form, starting from this incident.
    var newHSSILink: String?
    var screenshots: [Screenshot]
    var hasScreenshots: Bool
    var actions: [SelectOption]
    var notice: String?
    var errors: [PageError]
    var hasErrors: Bool

    init(
        view: IncidentView, history: [IncidentEvent], clock story: SLAStory?, attachments: [Attachment],
        principal: Principal, csrf: String, notice: String? = nil, errors: [PageError] = []
    ) {
        let incident = view.incident
        let report = incident.report
        title = incident.reference.description
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        id = incident.id.description
        reference = incident.reference.description
        errorType = report.errorType
        status = incident.status.label
        severity = incident.severity.map { "Severity \($0.level)" } ?? "Not yet assessed"
        (slaText, slaClass) = PageFormat.slaState(view.sla)
        due = (view.sla?.due ?? view.sla?.projectedDue).map(PageFormat.londonTime) ?? "Not started"
        group = incident.group.label
        clock = story.map(Self.clockLines) ?? []
        version = incident.version
        var details = [
            LabelledValue(label: "Type", value: report.type.label),
            LabelledValue(label: "Happened", value: PageFormat.londonTime(report.occurredAt)),
            LabelledValue(label: "User", value: report.userEmail.display),
            LabelledValue(
                label: "Device",
                value: "\(report.deviceType.label), \(report.operatingSystem) \(report.operatingSystemVersion)"),
            LabelledValue(label: "Description", value: report.description),
            LabelledValue(
                label: "Raised", value: "\(PageFormat.londonTime(incident.raisedAt)) by \(incident.raisedBy)"),
        ]
        if !report.errorCodes.isEmpty {
            details.append(LabelledValue(label: "Error codes", value: report.errorCodes.joined(separator: ", ")))
        }
        if let service = view.serviceClientID { details.append(LabelledValue(label: "Service", value: service)) }
        if let problem = incident.linkedProblem {
            details.append(LabelledValue(label: "Linked problem", value: problem))
        }
        if let resolution = incident.resolution {
            details.append(
                LabelledValue(label: resolution.kind == .fix ? "Fix" : "Workaround", value: resolution.summary))
        }
        self.details = details
        timeline = history.map { event in
            let what: String =
                switch event.kind {
                case .raised: "Raised"
                case .transition(let action, _, let to): "\(action.label) → \(to.label)"
                case .updated(let fields): "Corrected: \(fields.joined(separator: ", "))"
                case .comment: "Comment"
                case .attachment(let name): "Screenshot attached: \(name)"
                }
            return Entry(
                what: what, who: event.actorName, when: PageFormat.londonTime(event.at), note: event.note,
                internal: event.visibility == .internal
            )
        }
        canTriage = AccessPolicy.permits(principal, .triageIncident, on: incident.owner)
        canAnswer = incident.status == .awaitingPartner && principal.role.isPartnerRole
        canAttach = AccessPolicy.permits(principal, .attachScreenshot, on: incident.owner)
        if AccessPolicy.permits(principal, .readProblems) {
            problemLink = incident.linkedProblem.map { SiteURL.staffProblem(.value($0)).path }
        }
        if AccessPolicy.permits(principal, .manageProblems),
            incident.linkedProblem == nil
        {
            newProblemLink = SiteURL.newProblem.path(query: [("incident", incident.reference.description)])
        }
        if AccessPolicy.permits(principal, .declareHSSI, on: incident.owner) {
            newHSSILink = SiteURL.newHSSI.path(query: [("incident", incident.reference.description)])
        }
        screenshots = attachments.map { attachment in
            let kilobytes = max(1, (attachment.byteCount + 1023) / 1024)
            return Screenshot(
                fileName: attachment.fileName,
                url: SiteURL.attachment(.value(incident.id.description), .value(attachment.id.description)).path,
                about:
                    "\(attachment.format.rawValue.uppercased()), \(attachment.width) × \(attachment.height) pixels, \(kilobytes) KB, added \(PageFormat.londonTime(attachment.uploadedAt)) by \(attachment.uploadedBy)"
            )
        }
        hasScreenshots = !screenshots.isEmpty
        actions = IncidentAction.allCases.filter {
            $0 != .provideInformation && $0.allowedFrom.contains(incident.status)
        }
        .map { SelectOption(value: $0.rawValue, label: $0.label) }
        self.notice = notice
        self.errors = errors
        hasErrors = !errors.isEmpty
    }

    /// What the desk did to a clock, in words.
    static func eventWords(_ event: SLAStoryEvent) -> String {
        let target = event.targetSeconds.map(PageFormat.duration) ?? ""
        return switch event.kind {
        case .started: "Received: the clock starts, with a target of \(target)"
        case .paused: "Paused" + (event.reason.map { ": \($0)" } ?? "")
        case .resumed: "Resumed"
        case .targetChanged:
            "Target changed from \(event.previousTargetSeconds.map(PageFormat.duration) ?? "none") to "
                + target + (event.reason.map { " (\($0))" } ?? "")
        case .stopped: "Stopped: resolved or linked to a problem"
        }
    }

    /// The clock's story in words: each thing the desk did, and each stretch between with what it counted.
    static func clockLines(_ story: SLAStory) -> [ClockLine] {
        story.lines.map { line in
            switch line {
            case .event(let event):
                let what = eventWords(event)
                return ClockLine(
                    when: PageFormat.londonTime(event.at), what: what, counted: "", total: "", isEvent: true)
            case .stretch(let stretch):
                let names = stretch.names.isEmpty ? "" : ": " + stretch.names.joined(separator: ", ")
                let what: String =
                    switch stretch.kind {
                    case .counted: "Business hours: counted"
                    case .paused: "Paused: not counted"
                    case .outsideHours: "Outside business hours: not counted"
                    case .holiday: "Bank holiday\(names): not counted"
                    case .closure: "Service desk closed\(names): not counted"
                    }
                return ClockLine(
                    when: "\(PageFormat.londonTime(stretch.start)) to \(PageFormat.londonTime(stretch.end))",
                    what: what, counted: stretch.countedSeconds == 0 ? "" : PageFormat.duration(stretch.countedSeconds),
                    total: PageFormat.duration(stretch.totalSeconds), isEvent: false)
            }
        }
    }
}
