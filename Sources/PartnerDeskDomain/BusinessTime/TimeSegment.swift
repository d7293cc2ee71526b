import Foundation

/// A stretch of time and how it was treated: by a calendar (``BusinessTimeSegment``) or by an SLA clock
/// (``SLASegment``).
public struct TimeSegment<Kind: Sendable & Hashable>: Sendable, Hashable {
    /// The first second of the stretch, in UTC seconds since 1970.
    public let startEpochSeconds: Int
    /// The end of the stretch (exclusive), in UTC seconds since 1970.
    public let endEpochSeconds: Int
    /// How the time was treated.
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
