import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// A score as people read it: whole numbers without decimals, others with up to two.
private func scoreText(_ value: Double) -> String {
    value.formatted(.number.precision(.fractionLength(0...2)).locale(Locale(identifier: "en_GB")))
}

/// The fix target in words: the agreed release and its planned time, or the due date and working days; and
/// whether it was missed.
private func targetText(_ target: ProblemFixTarget) -> String {
    let due =
        target.agreedRelease.map { "In release \($0), planned for \(PageFormat.londonTime(target.dueAt))" }
        ?? "\(PageFormat.longDate(target.dueDate)) (\(target.workingDays) working days)"
    return due + (target.isBreached ? ", missed" : "")
}

/// Staff's ranked list of problem records: the highest score first, with the formula explained.
struct ProblemListPage: Encodable {
    struct Row: Encodable {
        var rank: Int
        var reference: String
        var title: String
        var status: String
        var severity: Int
        var incidents: Int
        var partners: Int
        var score: String
        var scoreParts: String
        var due: String
        var breached: Bool
        var published: Bool
    }

    var title = "Problems"
    var signedIn: SignedInHeader
    var csrf: String
    var rows: [Row]
    var hasRows: Bool
    var showingFinished: Bool
    var explanation = ProblemScore.explanation
    var canRecord: Bool

    init(principal: Principal, csrf: String, views: [ProblemView], showingFinished: Bool) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        rows = views.enumerated().map { index, view in
            let score = view.score
            return Row(
                rank: index + 1, reference: view.problem.reference.description, title: view.problem.title,
                status: view.problem.status.label, severity: view.problem.severity.level, incidents: score.incidents,
                partners: score.partners, score: scoreText(score.total),
                scoreParts: "\(scoreText(score.incidentPoints)) from incidents + \(scoreText(score.partnerPoints)) "
                    + "from partners",
                due: targetText(view.target), breached: view.target.isBreached, published: view.problem.isPublished)
        }
        hasRows = !rows.isEmpty
        self.showingFinished = showingFinished
        canRecord = AccessPolicy.permits(principal, .manageProblems)
    }
}

/// The form that records a problem, from incidents, an internal bug or outside feedback.
struct NewProblemPage: Encodable {
    var title = "Record a problem"
    var signedIn: SignedInHeader
    var csrf: String
    var values: [String: String]
    var origins: [SelectOption]
    var severities: [SelectOption]
    var errors: [PageError]
    var hasErrors: Bool

    init(principal: Principal, csrf: String, values: [String: String] = [:], errors: [PageError] = []) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        self.values = values
        origins = ProblemOrigin.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.label, selected: values["origin"] == $0.rawValue)
        }
        severities = Severity.allCases.map { severity in
            let days = ServiceLevelTier.silver.problemFixWorkingDays[severity]
            return SelectOption(
                value: "\(severity.level)", label: "Severity \(severity.level) (fix within \(days) working days)",
                selected: values["severity"] == "\(severity.level)")
        }
        self.errors = errors
        hasErrors = !errors.isEmpty
    }

    /// The service's draft from the form's fields; error codes and incidents are comma or line separated.
    static func draft(_ values: [String: String]) -> ProblemDraft {
        ProblemDraft(
            title: values["title"], description: values["description"],
            severity: values["severity"].flatMap { Int($0) }, origin: values["origin"],
            errorCodes: list(values["errorCodes"]), rootCause: values["rootCause"], workaround: values["workaround"])
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0.isNewline }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        .filter { !$0.isEmpty }
    }
}

/// One problem record for staff: its facts, score, linked incidents and the steps they may take.
struct ProblemRecordPage: Encodable {
    struct Linked: Encodable {
        var id: String
        var reference: String
        var partner: String
        var status: String
        var severity: String
    }

    var title: String
    var signedIn: SignedInHeader
    var csrf: String
    var id: String
    var reference: String
    var problemTitle: String
    var version: Int
    var details: [LabelledValue]
    var score: String
    var scoreParts: String
    var explanation = ProblemScore.explanation
    var published: Bool
    var publicSummary: String?
    var publicSummaryApprovedBy: String?
    var incidents: [Linked]
    var hasIncidents: Bool
    /// How many linked incidents still wait on the problem (not yet answered).
    var waiting: Int
    var statuses: [SelectOption]
    var mergeTargets: [SelectOption]
    var canManage: Bool
    var canPublish: Bool
    var isOpen: Bool
    var values: [String: String]
    var notice: String?
    var errors: [PageError]
    var hasErrors: Bool

    init(
        view: ProblemView, incidents: [Incident], partnerNames: [Partner.ID: String], others: [ProblemView],
        principal: Principal, csrf: String, values: [String: String] = [:], notice: String? = nil,
        errors: [PageError] = []
    ) {
        let problem = view.problem
        title = "\(problem.reference): \(problem.title)"
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        id = problem.id.description
        reference = problem.reference.description
        problemTitle = problem.title
        version = problem.version
        var details = [
            LabelledValue(label: "Status", value: problem.status.label),
            LabelledValue(label: "Severity", value: "Severity \(problem.severity.level)"),
            LabelledValue(label: "Fix due", value: targetText(view.target)),
            LabelledValue(label: "Origin", value: problem.origin.label),
            LabelledValue(
                label: "Recorded", value: "\(PageFormat.londonTime(problem.recordedAt)) by \(problem.recordedBy)"),
            LabelledValue(label: "Description", value: problem.description),
        ]
        if !problem.errorCodes.isEmpty {
            details.append(LabelledValue(label: "Error codes", value: problem.errorCodes.joined(separator: ", ")))
        }
        if let cause = problem.rootCause { details.append(LabelledValue(label: "Root cause", value: cause)) }
        if let workaround = problem.workaround { details.append(LabelledValue(label: "Workaround", value: workaround)) }
        if let release = problem.fixRelease {
            let when = problem.fixReleasedAt.map { ", released \(PageFormat.londonTime($0))" } ?? ""
            details.append(LabelledValue(label: "Fix release", value: release + when))
        }
        if let kept = problem.mergedInto {
            details.append(LabelledValue(label: "Merged into", value: kept.description))
        }
        self.details = details
        score = scoreText(view.score.total)
        let incidentCount = view.score.incidents == 1 ? "1 linked incident" : "\(view.score.incidents) linked incidents"
        let partnerCount = view.score.partners == 1 ? "1 partner" : "\(view.score.partners) partners"
        scoreParts =
            "\(incidentCount) from \(partnerCount): "
            + "\(scoreText(view.score.incidentPoints)) from incidents + \(scoreText(view.score.partnerPoints)) "
            + "from partners"
        published = problem.isPublished
        publicSummary = problem.publicSummary
        publicSummaryApprovedBy = problem.publicSummaryApprovedBy
        self.incidents = incidents.map {
            Linked(
                id: $0.id.description, reference: $0.reference.description,
                partner: partnerNames[$0.partnerID] ?? "Unknown partner", status: $0.status.label,
                severity: $0.severity.map { "Severity \($0.level)" } ?? "Not yet assessed")
        }
        hasIncidents = !incidents.isEmpty
        waiting = incidents.filter { $0.status == .linkedToProblem }.count
        statuses = problem.status.next.map { SelectOption(value: $0.rawValue, label: $0.label) }
        mergeTargets = others.filter { $0.problem.id != problem.id && $0.problem.status != .closed }.map {
            SelectOption(value: $0.problem.id.description, label: "\($0.problem.reference): \($0.problem.title)")
        }
        canManage = AccessPolicy.permits(principal, .manageProblems)
        canPublish = AccessPolicy.permits(principal, .publishProblems)
        isOpen = problem.status != .closed
        self.values = values
        self.notice = notice
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}
