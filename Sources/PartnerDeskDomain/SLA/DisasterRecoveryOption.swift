/// Whether a tier's service comes with disaster recovery.
public enum DisasterRecoveryOption: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not available with this tier.
    case notOffered = "not-offered"
    /// Available as a paid bolt-on.
    case optionalBoltOn = "optional"
    /// Part of the tier.
    case included
}
