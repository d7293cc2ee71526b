import Foundation

/// A status update on an HSSI with the minimum data set every update must carry.
///
/// The data set: the current impact, how many users are affected (or that it is not known), the actions taken,
/// and when the next update will come. Updates are made only through
/// ``HigherSeverityIncident/postStatusUpdate(_:at:by:now:)``, which checks each field.
public struct HSSIStatusUpdate: Hashable, Sendable, Codable {
    /// When the update was given.
    public let postedAt: Date
    /// Who gave it.
    public let postedBy: HSSIActor
    /// What users and services are suffering now.
    public let currentImpact: String
    /// How many users are affected.
    public let usersAffected: HSSIUsersAffected
    /// What has been done since the last update.
    public let actionsTaken: String
    /// When the next update is promised (after ``postedAt``).
    public let nextUpdateDue: Date
}

/// A status update as typed or sent, before any of it has been checked.
///
/// Every field is optional so that each missing one gets its own message.
public struct HSSIStatusUpdateDraft: Hashable, Sendable {
    /// What users and services are suffering now.
    public var currentImpact: String?
    /// A whole number of 0 or more, or `unknown`.
    public var usersAffected: String?
    /// What has been done since the last update.
    public var actionsTaken: String?
    /// When the next update will come, as an ISO 8601 instant with a zone (`2026-11-26T10:00:00Z`).
    public var nextUpdateDue: String?

    public init(
        currentImpact: String? = nil, usersAffected: String? = nil, actionsTaken: String? = nil,
        nextUpdateDue: String? = nil
    ) {
        self.currentImpact = currentImpact
        self.usersAffected = usersAffected
        self.actionsTaken = actionsTaken
        self.nextUpdateDue = nextUpdateDue
    }

    /// Checks every field of the data set; `nil` after recording each problem (or when `actor`, checked by the
    /// caller, was refused).
    func checked(postedAt: Date, by actor: HSSIActor?, into check: inout ValidationCollector) -> HSSIStatusUpdate? {
        let limit = TextLimits.text
        let impact = check.guardedText("currentImpact", currentImpact ?? "", label: "current impact", maxLength: limit)
        let actions = check.guardedText("actionsTaken", actionsTaken ?? "", label: "actions taken", maxLength: limit)
        var users: HSSIUsersAffected?
        if let text = usersAffected, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            users = HSSIUsersAffected(text: text)
            if users == nil {
                check.add(
                    "usersAffected", "invalid_format",
                    "Give the number of users affected as a whole number of 0 or more, or say 'unknown'.")
            }
        } else {
            check.add("usersAffected", "required", "Give the number of users affected, or say 'unknown'.")
        }
        var due: Date?
        if let text = nextUpdateDue?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            due = ISO8601Instant.date(from: text)
            if due == nil {
                check.add(
                    "nextUpdateDue", "invalid_format",
                    "Give the time of the next update as an ISO 8601 instant, like 2026-11-26T10:00:00Z.")
            } else if let date = due, date <= postedAt {
                check.add("nextUpdateDue", "not_after_update", "The next update must be due after this one.")
                due = nil
            }
        } else {
            check.add("nextUpdateDue", "required", "Say when the next update will come.")
        }
        guard let impact, let actions, let users, let due, let actor else { return nil }
        return HSSIStatusUpdate(
            postedAt: postedAt, postedBy: actor, currentImpact: impact, usersAffected: users, actionsTaken: actions,
            nextUpdateDue: due)
    }
}
