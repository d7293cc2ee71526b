import PartnerDeskDomain

/// The service-level tiers in force and the business calendar of each, built once at start-up (building a
/// calendar prepares its lookup tables, so it is never done per request).
public struct ServiceLevelCatalog: Sendable {
    private let entries: [String: (tier: ServiceLevelTier, calendar: BusinessCalendar)]

    /// A catalogue of the given tiers; Silver is always present.
    public init(tiers: [ServiceLevelTier] = []) throws {
        var entries: [String: (ServiceLevelTier, BusinessCalendar)] = [:]
        for tier in [ServiceLevelTier.silver] + tiers {
            entries[tier.id] = (tier, try BusinessCalendar(spec: tier.businessCalendar))
        }
        self.entries = entries
    }

    /// The tier with this id, falling back to Silver for an id no longer configured.
    public func tier(_ id: String) -> ServiceLevelTier {
        (entries[id] ?? entries[ServiceLevelTier.silver.id]!).tier
    }

    /// The business calendar of the tier with this id (Silver's for an unknown id).
    public func calendar(_ id: String) -> BusinessCalendar {
        (entries[id] ?? entries[ServiceLevelTier.silver.id]!).calendar
    }

    /// Whether a tier with this id is configured.
    public func contains(_ id: String) -> Bool { entries[id] != nil }
}
