/// How often status updates on an HSSI are due, by severity.
///
/// The defaults are every 60 minutes at severity 1 and every 120 minutes at severity 2; a deployment may set its
/// own. Intervals are wall-clock seconds, since an HSSI is worked round the clock.
public struct HSSIUpdateCadence: Hashable, Sendable {
    /// Seconds between updates at severity 1.
    public let severityOneSeconds: Int
    /// Seconds between updates at severity 2.
    public let severityTwoSeconds: Int

    /// A cadence with the given intervals; `nil` unless both are positive.
    public init?(severityOneSeconds: Int, severityTwoSeconds: Int) {
        guard severityOneSeconds > 0, severityTwoSeconds > 0 else { return nil }
        self.severityOneSeconds = severityOneSeconds
        self.severityTwoSeconds = severityTwoSeconds
    }

    /// Every 60 minutes at severity 1, every 120 minutes at severity 2.
    public static let standard = HSSIUpdateCadence(severityOneSeconds: 3600, severityTwoSeconds: 7200)!

    /// The interval for a severity: the severity 1 interval for severity 1, the severity 2 interval otherwise
    /// (an HSSI is never less severe than 2).
    public func seconds(for severity: Severity) -> Int {
        severity == .one ? severityOneSeconds : severityTwoSeconds
    }
}
