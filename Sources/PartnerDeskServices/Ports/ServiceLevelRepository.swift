import Foundation
import PartnerDeskDomain

/// Stores the platform's components, the ones each partner uses, outages, maintenance windows and the allowance
/// warnings already sent.
/// Updates replace a record when its stored version is still `expectedVersion`, and otherwise throw
/// ``RepositoryError/staleVersion``; a second outage opened by the same alert throws
/// ``RepositoryError/conflict(_:)``.
public protocol ServiceLevelRepository: Sendable {
    /// The stored components in their order; empty until someone first changes the defaults.
    func components() async throws -> [ServiceComponent]
    /// Replaces every component, in this order.
    func replaceComponents(_ components: [ServiceComponent]) async throws
    /// The choices partners made of the components they use; a partner that never chose is absent.
    func componentChoices() async throws -> [Partner.ID: ComponentChoice]
    /// Replaces one partner's choice; choosing every component forgets it.
    func setComponentChoice(_ choice: ComponentChoice, for partnerID: Partner.ID) async throws

    /// The next outage number, never handed out twice.
    func nextOutageNumber() async throws -> Int
    func create(_ outage: Outage) async throws
    func update(_ outage: Outage, expectedVersion: Int) async throws
    func find(outageID: Outage.ID) async throws -> Outage?
    func find(outageNumber: Int) async throws -> Outage?
    /// The outage a monitoring alert opened, by the alert's key (``MonitoringAlert/key``).
    func find(alertKey: String) async throws -> Outage?
    /// The outages that overlap `period` (those still open count as lasting), earliest start first.
    func outages(overlapping period: DateInterval) async throws -> [Outage]

    /// The next maintenance number, never handed out twice.
    func nextMaintenanceNumber() async throws -> Int
    func create(_ window: MaintenanceWindow) async throws
    func update(_ window: MaintenanceWindow, expectedVersion: Int) async throws
    func find(maintenanceID: MaintenanceWindow.ID) async throws -> MaintenanceWindow?
    func find(maintenanceNumber: Int) async throws -> MaintenanceWindow?
    /// The windows that overlap `period`, earliest start first.
    func maintenance(overlapping period: DateInterval) async throws -> [MaintenanceWindow]

    /// Records that the warning with this key went out; false when it had already.
    func recordAlert(key: String, at instant: Date) async throws -> Bool
}
