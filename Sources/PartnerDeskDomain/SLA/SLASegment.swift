/// A stretch of an SLA clock's life and how it was treated, so anyone can see why a target was met or missed.
public typealias SLASegment = TimeSegment<SLASegmentKind>

/// How a stretch of time was treated by the clock.
public enum SLASegmentKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Running during business hours: the time counted.
    case counted
    /// The clock was paused.
    case paused
    /// Running, but outside the regular hours of the day.
    case outsideHours
    /// Running, but the business was closed for a bank holiday.
    case holiday
    /// Running, but the business was closed by an extra closure.
    case closure
}
