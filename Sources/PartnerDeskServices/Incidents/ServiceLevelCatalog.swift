import PartnerDeskDomain
import Synchronization

/// The service-level tiers in force and the business calendar of each, built at start-up and again only when
/// bank holidays are imported (building a calendar prepares its lookup tables, so it is never done per
/// request). Every copy shares the calendars, so an import reaches every use case at once.
public struct ServiceLevelCatalog: Sendable {
    private typealias Entries = [String: (tier: ServiceLevelTier, calendar: BusinessCalendar)]

    private final class State: Sendable {
        let tiers: [ServiceLevelTier]
        /// The holidays of the configured file (`PARTNERDESK_BANK_HOLIDAYS_FILE`).
        let configured: [Division: [BankHoliday]]
        /// The calendars, the holidays imported since (stored), and which stored import they are.
        let current: Mutex<(entries: Entries, imported: [Division: [BankHoliday]], version: Int)>

        init(tiers: [ServiceLevelTier], configured: [Division: [BankHoliday]]) throws {
            self.tiers = tiers
            self.configured = configured
            current = Mutex((try Self.entries(tiers, configured, [:]), [:], 0))
        }

        init(copying other: State) {
            tiers = other.tiers
            configured = other.configured
            current = Mutex(other.current.withLock { $0 })
        }

        static func entries(
            _ tiers: [ServiceLevelTier], _ configured: [Division: [BankHoliday]], _ imported: [Division: [BankHoliday]]
        ) throws -> Entries {
            var entries: Entries = [:]
            for tier in tiers {
                let division = tier.businessCalendar.division
                let holidays = BankHolidayCalendar(division: division, imported: configured[division] ?? [])
                    .importing(imported[division] ?? [])
                entries[tier.id] = (
                    tier, try tier.makeCalendar(importedHolidays: holidays.importedYears.values.flatMap { $0 })
                )
            }
            return entries
        }
    }

    private let state: State

    /// A catalogue of the given tiers (Silver is always present), each calendar taking the imported bank
    /// holidays of its division, which override the rules for the years they cover.
    public init(tiers: [ServiceLevelTier] = [], importedHolidays: [Division: [BankHoliday]] = [:]) throws {
        state = try State(tiers: [ServiceLevelTier.silver] + tiers, configured: importedHolidays)
    }

    private init(state: State) {
        self.state = state
    }

    /// A catalogue with the same calendars that takes in imports on its own, as another server's would: for
    /// several services in one process that must not share them (tests).
    public func separate() -> ServiceLevelCatalog {
        ServiceLevelCatalog(state: State(copying: state))
    }

    private var entries: Entries { state.current.withLock { $0.entries } }

    /// Every configured tier, Silver first.
    public var tiers: [ServiceLevelTier] {
        let others = state.tiers.filter { $0.id != ServiceLevelTier.silver.id }.sorted { $0.id < $1.id }
        return [ServiceLevelTier.silver] + others
    }

    /// The tier with this id, falling back to Silver for an id no longer configured.
    public func tier(_ id: String) -> ServiceLevelTier {
        let entries = entries
        return (entries[id] ?? entries[ServiceLevelTier.silver.id]!).tier
    }

    /// The business calendar of the tier with this id (Silver's for an unknown id).
    public func calendar(_ id: String) -> BusinessCalendar {
        let entries = entries
        return (entries[id] ?? entries[ServiceLevelTier.silver.id]!).calendar
    }

    /// Whether a tier with this id is configured.
    public func contains(_ id: String) -> Bool { entries[id] != nil }

    /// The bank holidays imported through PartnerDesk (on top of the configured file's), and which stored
    /// import they are (0 for none).
    public var imported: (holidays: [Division: [BankHoliday]], version: Int) {
        state.current.withLock { ($0.imported, $0.version) }
    }

    /// Rebuilds every calendar with a stored import's holidays over the configured file's.
    public func takeIn(_ holidays: [Division: [BankHoliday]], version: Int) throws {
        let entries = try State.entries(state.tiers, state.configured, holidays)
        state.current.withLock { $0 = (entries, holidays, version) }
    }
}
