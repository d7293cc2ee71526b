import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// The fields of the forms that change what is already planned, filled with what is there now, or with what
/// was typed when the change was refused.
enum ReleaseForms {
    /// A sprint's number, dates and aim.
    static func schedule(_ sprint: Sprint, values: [String: String]) -> [String: String] {
        guard values["number"] == nil else { return values }
        return [
            "number": "\(sprint.number)", "startsOn": sprint.startsOn.description,
            "endsOn": sprint.endsOn.description, "goal": sprint.goal ?? "",
        ]
    }

    /// A release's contents, its fields named `release…` so they never clash with the other forms on its page.
    static func contents(_ view: ReleaseView, values: [String: String]) -> [String: String] {
        guard values["releaseName"] == nil else { return values }
        let release = view.release
        return [
            "releaseName": release.name, "releaseSummary": release.summary,
            "releasePlannedAt": PageFormat.londonInput(release.plannedAt),
            "releaseSprint": view.sprintNumber.map(String.init) ?? "",
            "releaseFeatures": release.features.map(\.description).joined(separator: ", "),
            "releaseProblems": view.problems.map(\.reference.description).joined(separator: ", "),
            "releaseKnownIssues": release.knownIssues ?? "", "releasePartnerActions": release.partnerActions ?? "",
        ]
    }

    /// The release draft the contents form sends.
    static func releaseDraft(_ values: [String: String]) -> ReleaseDraft {
        ReleaseDraft(
            name: values["releaseName"], summary: values["releaseSummary"],
            plannedAt: PageFormat.instantText(values["releasePlannedAt"]), sprint: Int(values["releaseSprint"] ?? ""),
            features: ReleaseCalendarPage.list(values["releaseFeatures"]),
            problems: ReleaseCalendarPage.list(values["releaseProblems"]), knownIssues: values["releaseKnownIssues"],
            partnerActions: values["releasePartnerActions"])
    }

    /// A field of a release draft as the contents form names it (`summary` is `releaseSummary`, `features[1]`
    /// is `releaseFeatures`).
    static func contentsField(_ field: String) -> String {
        let field = field.components(separatedBy: "[").first ?? field
        return "release" + field.prefix(1).uppercased() + field.dropFirst()
    }
}

/// An assurance level as the release calendar lists it, with the form administrators name its approvers in.
struct LevelRow: Encodable {
    var code: String
    var name: String
    var description: String
    var neededFor: String
    var approvers: String
    /// The approvers' addresses for the form: as saved, or as typed when refused.
    var addresses: String
    var action: String

    init(_ view: ApprovalLevelView, values: [String: String]) {
        let level = view.level
        code = level.code
        name = level.name
        description = level.description
        neededFor =
            level.requiredForReleases
            ? "Every release"
            : level.requiredForMajorChanges ? "Releases with a major change to partners" : "On request"
        approvers =
            view.approvers.isEmpty
            ? "Any assurance approver" : view.approvers.map(\.displayName).joined(separator: ", ")
        addresses =
            values["level"] == level.code
            ? values["approvers"] ?? "" : view.approvers.map(\.email.value).joined(separator: ", ")
        action = SiteURL.levelApprovers(.value(level.code)).path
    }
}
