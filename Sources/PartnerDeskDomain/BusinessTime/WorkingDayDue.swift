import Foundation

/// The answer to "N working days after this instant": the working day reached and its due instant.
///
/// The rule: the due instant is the closing time of that working day (18:00 local on the Silver calendar).
public struct WorkingDayDue: Sendable, Hashable {
    /// The local date of the N-th working day.
    public let date: LocalDate
    /// The closing instant of that day, in whole UTC seconds since 1970.
    public let dueEpochSeconds: Int

    /// Creates an answer.
    @inlinable
    public init(date: LocalDate, dueEpochSeconds: Int) {
        self.date = date
        self.dueEpochSeconds = dueEpochSeconds
    }

    /// The closing instant of the working day, as a `Date`.
    public var due: Date { EpochSeconds.date(dueEpochSeconds) }
}
