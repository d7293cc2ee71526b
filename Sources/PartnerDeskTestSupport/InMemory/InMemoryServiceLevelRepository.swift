import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// Components, partners' choices of them, outages, maintenance windows and sent allowance warnings in memory.
struct InMemoryServiceLevelRepository: ServiceLevelRepository {
    let box: StateBox

    func components() async throws -> [ServiceComponent] { box.read().components }

    func replaceComponents(_ components: [ServiceComponent]) async throws {
        try box.write { $0.components = components }
    }

    func componentChoices() async throws -> [Partner.ID: ComponentChoice] { box.read().componentChoices }

    func setComponentChoice(_ choice: ComponentChoice, for partnerID: Partner.ID) async throws {
        try box.write { $0.componentChoices[partnerID] = choice.codes.isEmpty ? nil : choice }
    }

    func nextOutageNumber() async throws -> Int {
        var number = 0
        try box.write {
            $0.outageSequence += 1
            number = $0.outageSequence
        }
        return number
    }

    func create(_ outage: Outage) async throws {
        try box.write { state in
            try Self.checkUnique(outage, in: state)
            state.outages[outage.id] = outage
        }
    }

    func update(_ outage: Outage, expectedVersion: Int) async throws {
        try box.write { state in
            guard state.outages[outage.id]?.version == expectedVersion else { throw RepositoryError.staleVersion }
            try Self.checkUnique(outage, in: state)
            state.outages[outage.id] = outage
        }
    }

    private static func checkUnique(_ outage: Outage, in state: InMemoryStore.State) throws {
        guard let key = outage.alertKey else { return }
        if state.outages.values.contains(where: { $0.alertKey == key && $0.id != outage.id }) {
            throw RepositoryError.conflict("That alert has opened an outage already.")
        }
    }

    func find(outageID: Outage.ID) async throws -> Outage? { box.read().outages[outageID] }

    func find(outageNumber: Int) async throws -> Outage? {
        box.read().outages.values.first { $0.number == outageNumber }
    }

    func find(alertKey: String) async throws -> Outage? {
        box.read().outages.values.first { $0.alertKey == alertKey }
    }

    func outages(overlapping period: DateInterval) async throws -> [Outage] {
        box.read().outages.values.filter { $0.startedAt < period.end && ($0.endedAt.map { $0 > period.start } ?? true) }
            .sorted { ($0.startedAt, $0.number) < ($1.startedAt, $1.number) }
    }

    func nextMaintenanceNumber() async throws -> Int {
        var number = 0
        try box.write {
            $0.maintenanceSequence += 1
            number = $0.maintenanceSequence
        }
        return number
    }

    func create(_ window: MaintenanceWindow) async throws {
        try box.write { $0.maintenance[window.id] = window }
    }

    func update(_ window: MaintenanceWindow, expectedVersion: Int) async throws {
        try box.write { state in
            guard state.maintenance[window.id]?.version == expectedVersion else { throw RepositoryError.staleVersion }
            state.maintenance[window.id] = window
        }
    }

    func find(maintenanceID: MaintenanceWindow.ID) async throws -> MaintenanceWindow? {
        box.read().maintenance[maintenanceID]
    }

    func find(maintenanceNumber: Int) async throws -> MaintenanceWindow? {
        box.read().maintenance.values.first { $0.number == maintenanceNumber }
    }

    func maintenance(overlapping period: DateInterval) async throws -> [MaintenanceWindow] {
        box.read().maintenance.values.filter { $0.startsAt < period.end && $0.endsAt > period.start }
            .sorted { ($0.startsAt, $0.number) < ($1.startsAt, $1.number) }
    }

    func recordAlert(key: String, at instant: Date) async throws -> Bool {
        var inserted = false
        try box.write { inserted = $0.serviceLevelAlerts.insert(key).inserted }
        return inserted
    }
}
