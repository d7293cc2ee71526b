import Foundation

/// A stretch of an SLA clock's life and how it was treated, so anyone can see why a target was met or missed.
public struct SLASegment: Sendable, Hashable {
    /// How a stretch of time was treated by the clock.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
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

    /// The first second of the stretch, in UTC seconds since 1970.
    public let startEpochSeconds: Int
    /// The end of the stretch (exclusive), in UTC seconds since 1970.
    public let endEpochSeconds: Int
    /// How the clock treated it.
    public let kind: Kind

    /// Creates a segment.
    public init(startEpochSeconds: Int, endEpochSeconds: Int, kind: Kind) {
        self.startEpochSeconds = startEpochSeconds
        self.endEpochSeconds = endEpochSeconds
        self.kind = kind
    }

    /// The start as a `Date`.
    public var start: Date { EpochSeconds.date(startEpochSeconds) }
    /// The end as a `Date`.
    public var end: Date { EpochSeconds.date(endEpochSeconds) }
    /// The length in seconds.
    public var seconds: Int { endEpochSeconds - startEpochSeconds }
}
