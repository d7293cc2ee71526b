import Foundation

/// Something agreed at a check-in or a service review, with who will do it and by when, tracked until done.
public struct FollowUpAction: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var text: String
    /// Who will do it, in the meeting's words (a person or an organisation).
    public var owner: String
    public var dueOn: LocalDate
    public var doneAt: Date?
    public var doneBy: ActedBy?

    public init(id: UUID, text: String, owner: String, dueOn: LocalDate) {
        self.id = id
        self.text = text
        self.owner = owner
        self.dueOn = dueOn
    }

    public var isDone: Bool { doneAt != nil }

    /// Whether it is still open after its day.
    public func isOverdue(today: LocalDate) -> Bool { !isDone && dueOn < today }

    /// An action as typed, before it is checked.
    public struct Draft: Hashable, Sendable, Codable {
        public var text: String
        public var owner: String
        public var dueOn: String

        public init(text: String, owner: String, dueOn: String) {
            self.text = text
            self.owner = owner
            self.dueOn = dueOn
        }

        /// Whether nothing was typed (a blank row of a page's form).
        public var isBlank: Bool {
            [text, owner, dueOn].allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        }
    }

    /// The most actions one meeting may record.
    public static let maximumPerMeeting = 20

    /// Checks typed actions (blank rows skipped), reporting problems under `actions[N]`.
    static func checked(
        _ drafts: [Draft], notBefore earliest: LocalDate, check: inout ValidationCollector, makeID: () -> UUID
    ) -> [FollowUpAction] {
        if drafts.count > maximumPerMeeting {
            check.add("actions", "too_many", "Record at most \(maximumPerMeeting) actions at once.")
        }
        var actions: [FollowUpAction] = []
        for (index, draft) in drafts.enumerated() where !draft.isBlank {
            let field = "actions[\(index)]"
            let text = check.guardedText("\(field).text", draft.text, label: "action", maxLength: 500)
            let owner = check.guardedText("\(field).owner", draft.owner, label: "action's owner", maxLength: 200)
            let due = LocalDate(draft.dueOn.trimmingCharacters(in: .whitespaces))
            if due == nil {
                check.add("\(field).dueOn", "invalid_format", "Give the action's due date as YYYY-MM-DD.")
            } else if let due, due < earliest {
                check.add("\(field).dueOn", "too_early", "An action cannot be due before \(earliest.longDescription).")
            }
            if let text, let owner, let due {
                actions.append(FollowUpAction(id: makeID(), text: text, owner: owner, dueOn: due))
            }
        }
        return actions
    }
}

extension Array where Element == FollowUpAction {
    /// Marks the action with this id done; refuses an unknown one and one already done.
    mutating func complete(_ id: UUID, by: ActedBy, at now: Date) throws(ValidationFailure) {
        guard let index = firstIndex(where: { $0.id == id }) else {
            throw ValidationFailure([
                ValidationIssue(field: "actionID", code: "unknown_action", message: "There is no such action.")
            ])
        }
        guard !self[index].isDone else {
            throw ValidationFailure([
                ValidationIssue(field: "actionID", code: "already_done", message: "That action is already done.")
            ])
        }
        self[index].doneAt = now
        self[index].doneBy = by
    }
}
