import PartnerDeskDomain

/// The service-level tiers in force and the business calendar of each, built once at start-up (building a
/// calendar prepares its lookup tables, so it is never done per request).
public struct ServiceLevelCatalog: Sendable {
    private let entries: [String: (tier: ServiceLevelTier, calendar: BusinessCalendar)]

    /// A catalogue of the given tiers (Silver is always present), each calendar taking the imported bank
    /// holidays of its division, which override the rules for the years they cover.
    public init(tiers: [ServiceLevelTier] = [], importedHolidays: [Division: [BankHoliday]] = [:]) throws {
        var entries: [String: (ServiceLevelTier, BusinessCalendar)] = [:]
        for tier in [ServiceLevelTier.silver] + tiers {
            let imported = importedHolidays[tier.businessCalendar.division] ?? []
            entries[tier.id] = (tier, try tier.makeCalendar(importedHolidays: imported))
        }
        self.entries = entries
    }

    /// Every configured tier, Silver first.
    public var tiers: [ServiceLevelTier] {
        let others = entries.values.map(\.tier).filter { $0.id != ServiceLevelTier.silver.id }.sorted { $0.id < $1.id }
        return [ServiceLevelTier.silver] + others
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
