/// Where an SLA clock stands at an instant.
///
/// The rule, consistent with the due instant (the instant the target is used up):
/// - `met`: stopped at or before the due instant.
/// - `breached`: the clock was still running at some instant after the due instant (stopped or not, paused now or not).
/// - `running` / `paused`: neither of the above, and counting or not counting now.
public enum SLAState: String, Sendable, Hashable, Codable, CaseIterable {
    /// No `started` event at or before the instant.
    case notStarted
    /// Counting, and the due instant has not passed while counting.
    case running
    /// Not counting, and the due instant has not passed while counting.
    case paused
    /// Stopped at or before the due instant.
    case met
    /// Counting went on past the due instant.
    case breached
}
