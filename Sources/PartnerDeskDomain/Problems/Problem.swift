import Foundation

/// A problem record: the cause behind one or more incidents, worked until a fix is released.
///
/// Its fix target counts working days from when it was recorded (Silver: 30, 60, 120, 240 or 360 by
/// severity); the incidents linked to it decide its place in the ranking. What partners may read on the
/// public problems-and-fixes page is only the separately approved ``publicSummary``, the status, the
/// workaround, the target date and the fix release — never partner names or incident details.
public struct Problem: Hashable, Sendable, Identifiable {
    public typealias ID = EntityID<Problem>

    public var id: ID
    public var reference: ProblemReference
    public var title: String
    /// What is wrong, for staff.
    public var description: String
    public var rootCause: String?
    public var workaround: String?
    public var status: ProblemStatus
    public var severity: Severity
    public var origin: ProblemOrigin
    /// Error codes users see with this problem, for the known-problem search.
    public var errorCodes: [String]
    public var recordedAt: Date
    public var recordedBy: String
    /// The release that carries the fix, once known.
    public var fixRelease: String?
    public var fixReleasedAt: Date?
    /// The text partners read on the public page; shown only once approved.
    public var publicSummary: String?
    public var publicSummaryApprovedBy: String?
    /// Whether the problem appears on the public page (needs an approved summary).
    public var isPublished: Bool
    /// The problem this one was merged into as a duplicate.
    public var mergedInto: ProblemReference?
    public var updatedAt: Date
    public var version: Int

    public init(
        id: ID, reference: ProblemReference, title: String, description: String, severity: Severity,
        origin: ProblemOrigin, errorCodes: [String] = [], recordedAt: Date, recordedBy: String
    ) {
        self.id = id
        self.reference = reference
        self.title = title
        self.description = description
        self.severity = severity
        self.origin = origin
        self.errorCodes = errorCodes
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.status = .new
        self.isPublished = false
        self.updatedAt = recordedAt
        self.version = 1
    }

    /// Moves the problem to `status`, or explains why it cannot.
    public mutating func move(to status: ProblemStatus, at instant: Date) throws(ValidationFailure) {
        guard self.status.next.contains(status) else {
            let allowed = self.status.next.map(\.label).joined(separator: ", ")
            throw ValidationFailure([
                ValidationIssue(
                    field: "status", code: "invalid_transition",
                    message: allowed.isEmpty
                        ? "A closed problem does not change state."
                        : "A problem that is \(self.status.label.lowercased()) can move to: \(allowed).")
            ])
        }
        if status == .fixReleased, fixRelease == nil {
            throw ValidationFailure([
                ValidationIssue(
                    field: "fixRelease", code: "required", message: "Name the release that carries the fix.")
            ])
        }
        if status == .knownError, rootCause == nil {
            throw ValidationFailure([
                ValidationIssue(
                    field: "rootCause", code: "required", message: "A known error needs its root cause recorded.")
            ])
        }
        self.status = status
        if status == .fixReleased { fixReleasedAt = instant }
        updatedAt = instant
    }

    /// The fix target under a tier and calendar: the due instant (the close of the n-th working day after the
    /// day it was recorded), or, when a planned release carries its fix, that release's planned time (so a
    /// release that slips moves the target with it); and whether it was missed at `instant` (an open problem
    /// past its due, or a fix released after it).
    public func fixTarget(
        tier: ServiceLevelTier, calendar: BusinessCalendar, at instant: Date, agreedRelease: AgreedRelease? = nil
    ) -> ProblemFixTarget {
        let days = tier.problemFixWorkingDays[severity]
        let working = calendar.addWorkingDays(days, to: recordedAt)
        let dueAt = agreedRelease?.plannedAt ?? Date(timeIntervalSince1970: TimeInterval(working.dueEpochSeconds))
        let dueDate = agreedRelease.map { calendar.localDate(of: $0.plannedAt) } ?? working.date
        let finished = fixReleasedAt ?? (status == .closed ? updatedAt : nil)
        let breached = (finished ?? instant) > dueAt
        return ProblemFixTarget(
            workingDays: days, dueDate: dueDate, dueAt: dueAt, isBreached: breached, agreedRelease: agreedRelease?.name,
            agreedReleaseIsPublished: agreedRelease?.notesPublished ?? false)
    }
}

/// The planned release that carries a problem's fix: the problem's fix target becomes that release.
public struct AgreedRelease: Hashable, Sendable {
    public var name: String
    public var plannedAt: Date
    /// Whether the release's notes are out (its public page exists).
    public var notesPublished: Bool

    public init(name: String, plannedAt: Date, notesPublished: Bool = false) {
        self.name = name
        self.plannedAt = plannedAt
        self.notesPublished = notesPublished
    }
}

/// A problem's fix target: so many working days from when it was recorded, or the release agreed to carry
/// its fix.
public struct ProblemFixTarget: Hashable, Sendable {
    /// The working-day target by severity (what the target would be without an agreed release).
    public var workingDays: Int
    /// The local date the fix is due.
    public var dueDate: LocalDate
    /// The instant the fix is due (the close of that working day).
    public var dueAt: Date
    /// Whether the fix came, or is still missing, after the due instant.
    public var isBreached: Bool
    /// The release the target is, when one was agreed.
    public var agreedRelease: String?
    /// Whether that release's notes are out.
    public var agreedReleaseIsPublished: Bool
}
