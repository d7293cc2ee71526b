import Foundation

/// Conversions between `Date` and whole UTC seconds since 1970, the unit all calendar arithmetic uses.
///
/// The rule: a `Date` with a fractional second is taken as the whole second it falls in (rounded towards the past),
/// so `12:00:00.9` counts as `12:00:00`. Outputs are always whole seconds.
public enum EpochSeconds {
    /// The whole second (since 1970-01-01T00:00:00Z) that contains `date`.
    ///
    /// The date must be finite and within about ±292 billion years, which every real `Date` is.
    @inlinable @inline(__always)
    public static func of(_ date: Date) -> Int {
        let value = date.timeIntervalSince1970
        // `Int(_:)` truncates towards zero, which is already the floor for instants after 1970; it traps on NaN,
        // infinities and out-of-range values, which is the precondition.
        let whole = Int(value)
        return value >= 0 || Double(whole) == value ? whole : whole &- 1
    }

    /// The `Date` of a whole second since 1970-01-01T00:00:00Z.
    @inlinable @inline(__always)
    public static func date(_ seconds: Int) -> Date {
        Date(timeIntervalSince1970: Double(seconds))
    }
}
